using System;
using System.Linq;
using KustoSpark;
using KustoSpark.Sql;

/// <summary>
/// Writes a table to kusto-local and reads it back with nothing but the assemblies of the installed
/// KustoSpark package: Spark starts through SPARK_HOME, the connector comes from KUSTO_SPARK_JARS.
/// Arguments: cluster URL, database, table to create. Exits non-zero on failure.
/// </summary>
public static class NuGetSmoke
{
    public static int Main(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: NuGetSmoke.exe <cluster url> <database> <table>");
            return 2;
        }
        string cluster = args[0], database = args[1], table = args[2];

        using (SparkSession spark = SparkSession.Builder().AppName("kusto-nuget-smoke").Master("local[2]")
            .Config("spark.sql.session.timeZone", "UTC").Config("spark.ui.enabled", false).GetOrCreate())
        {
            DataFrame rows = spark.Sql("SELECT id AS x, concat('v', CAST(id AS STRING)) AS s FROM range(1, 101)");
            rows.Write()
                .Kusto(KustoWriteOptions.Create().KustoCluster(cluster).KustoDatabase(database).KustoTable(table)
                    .TableCreateOptions(TableCreationMode.CreateIfNotExist))
                .Mode(SaveMode.Append)
                .Save();
            Console.WriteLine("wrote 100 rows to " + table);

            DataFrame back = spark.Read()
                .Kusto(KustoReadOptions.Create().KustoCluster(cluster).KustoDatabase(database).KustoQuery(table));
            string[] values = back.Filter("x > 90").OrderBy("x").Collect()
                .Select(row => row.GetAs<long>("x") + ":" + row.GetAs<string>("s")).ToArray();
            string[] expected = Enumerable.Range(91, 10).Select(x => x + ":v" + x).ToArray();
            if (!values.SequenceEqual(expected))
            {
                Console.Error.WriteLine("FAILED: read back x > 90: " + string.Join(", ", values));
                return 1;
            }
            Console.WriteLine("ok: read back x > 90: " + string.Join(", ", values));
        }
        Console.WriteLine("NuGet package smoke test passed");
        return 0;
    }
}
