using System;
using System.Linq;
using KustoSpark;
using KustoSpark.Sql;

namespace KustoSpark.Examples
{
    /// <summary>
    /// A C# program driving Spark with the Kusto connector: writes a DataFrame to a table of the
    /// kusto-local at <c>KUSTO_LOCAL_URL</c> (database <c>KUSTO_LOCAL_DATABASE</c>, default <c>demo</c>)
    /// and reads it back, printing each step. Needs SPARK_HOME and the connector jar in KUSTO_SPARK_JARS;
    /// <c>dotnet/demo.sh</c> sets everything up.
    /// </summary>
    public static class Demo
    {
        private const string Table = "DotNetDemoOrders";

        public static int Main()
        {
            string cluster = Environment.GetEnvironmentVariable("KUSTO_LOCAL_URL");
            if (string.IsNullOrEmpty(cluster))
            {
                Console.Error.WriteLine("Set KUSTO_LOCAL_URL to the cluster URL, for example http://localhost:8080.");
                return 2;
            }
            string database = Environment.GetEnvironmentVariable("KUSTO_LOCAL_DATABASE") ?? "demo";

            Step("starting Spark (local[2]) in a driver JVM through spark-submit");
            using (SparkSession spark = SparkSession.Builder().AppName("kusto-spark C# demo").Master("local[2]")
                .Config("spark.sql.session.timeZone", "UTC").Config("spark.ui.enabled", false).GetOrCreate())
            {
                Console.WriteLine("Spark " + spark.Version() + ", driver JVM pid " + spark.DriverProcessId);

                DataFrame orders = spark.Sql("SELECT CAST(id AS INT) AS OrderId, "
                    + "element_at(array('north', 'south', 'east', 'west'), CAST(id % 4 AS INT) + 1) AS Region, "
                    + "CAST(round(5 + (id * 37 % 100) / 4.0, 2) AS DECIMAL(10,2)) AS Amount, "
                    + "TIMESTAMP '2026-03-01 09:00:00' + make_interval(0, 0, 0, 0, CAST(id AS INT), 0, 0) AS PlacedAt "
                    + "FROM range(0, 200, 1, 2)");
                Step("writing 200 orders to " + Table + " (Transactional, CreateIfNotExist)");
                orders.Write()
                    .Kusto(KustoWriteOptions.Create().KustoCluster(cluster).KustoDatabase(database).KustoTable(Table)
                        .WriteMode(WriteMode.Transactional)
                        .TableCreateOptions(TableCreationMode.CreateIfNotExist)
                        .SparkIngestionProperties(SparkIngestionProperties.Builder().AdditionalTags(new[] { "demo", "dotnet" }).Build()))
                    .Mode(SaveMode.Append)
                    .Save();

                KustoReadOptions read = KustoReadOptions.Create().KustoCluster(cluster).KustoDatabase(database);
                string query = Table + " | summarize Orders = count(), Total = sum(Amount) by Region | order by Region asc";
                Step("reading back with KQL: " + query);
                DataFrame totals = spark.Read().Kusto(read.KustoQuery(query).ReadMode(ReadMode.ForceSingleMode)
                    .ClientRequestProperties(ClientRequestProperties.Builder().RequestAppName("kusto-spark C# demo").Build()));
                totals.Show(20, 0);

                Step("reading the table back and filtering in Spark (pushed down to Kusto)");
                DataFrame big = spark.Read().Kusto(read.KustoQuery(Table)).Filter("Amount >= 29").Select("OrderId", "Region", "Amount", "PlacedAt");
                Row[] rows = big.OrderBy("OrderId").Collect().ToArray();
                Console.WriteLine(rows.Length + " orders of 29 or more; the first: OrderId=" + rows[0].GetAs<int>("OrderId")
                    + ", Region=" + rows[0].GetAs<string>("Region") + ", Amount=" + rows[0].GetAs<decimal>("Amount")
                    + " (System.Decimal), PlacedAt=" + rows[0].GetAs<DateTime>("PlacedAt").ToString("o") + " (UTC)");

                long count = spark.Read().Kusto(read.KustoQuery(Table)).Count();
                Console.WriteLine(Table + " holds " + count + " rows");
                Step("stopping Spark");
            }
            Step("done");
            return 0;
        }

        private static void Step(string what)
        {
            Console.WriteLine("==> " + what);
        }
    }
}
