using System;
using System.Collections.Generic;
using System.Linq;
using KustoSpark.Sql;

namespace KustoSpark.Matrix
{
    /// <summary>Scenarios 01, 02, 05, 06 and 07: reads.</summary>
    public static class ReadScenarios
    {
        public const string SynapseFormat = "com.microsoft.kusto.spark.synapse.datasource";

        public static IEnumerable<KeyValuePair<string, Func<MatrixSession, string>>> All()
        {
            yield return Entry("01-seed-read", SeedRead);
            yield return Entry("02-seed-distributed-read", SeedDistributedRead);
            yield return Entry("05-pushdown", Pushdown);
            yield return Entry("06-partitioned-read", PartitionedRead);
            yield return Entry("07-query-parameters", QueryParameters);
        }

        internal static KeyValuePair<string, Func<MatrixSession, string>> Entry(string id, Func<MatrixSession, string> body)
        {
            return new KeyValuePair<string, Func<MatrixSession, string>>(id, body);
        }

        private static DataFrame SynapseRead(MatrixSession s, IDictionary<string, string> extra)
        {
            return s.Spark.Read().Format(SynapseFormat)
                .Option("spark.synapse.linkedService", MatrixSession.LinkedService)
                .Option("kustoDatabase", MatrixEnv.Database)
                .Option("kustoQuery", "MatrixNumbers | where x > 10")
                .Options(extra)
                .Load();
        }

        private static string SeedRead(MatrixSession s)
        {
            return CheckSeedRows(s, SynapseRead(s, new Dictionary<string, string>()));
        }

        private static string SeedDistributedRead(MatrixSession s)
        {
            ClientRequestProperties properties = ClientRequestProperties.Builder().NoRequestTimeout(true).Build();
            KustoReadOptions typed = KustoReadOptions.Create().ClientRequestProperties(properties).ReadMode(ReadMode.ForceDistributedMode);
            DataFrame rows = SynapseRead(s, typed.ToOptions());
            // The plan says how the scan reads; asked through the JVM reference, as the API has no explain-to-string.
            string plan = (string)rows.Reference.InvokeObject("queryExecution").InvokeObject("executedPlan").Invoke("toString");
            ScenarioFailure.Check(plan.Contains("mode=ForceDistributedMode"), "the read is not distributed: " + plan);
            return CheckSeedRows(s, rows);
        }

        private static string CheckSeedRows(MatrixSession s, DataFrame rows)
        {
            string[] types = rows.Select("x", "s").Schema().Fields.Select(f => f.DataType.SimpleString).ToArray();
            ScenarioFailure.Check(types.SequenceEqual(new[] { "bigint", "string" }), "schema is " + rows.Schema().SimpleString);
            DataFrame result = rows.Select("x", "s");
            long count = result.Count();
            ScenarioFailure.Check(count == 990, "expected 990 rows, got " + count);
            return s.Checksum(result);
        }

        private static string Pushdown(MatrixSession s)
        {
            DataFrame result = s.Read(s.ReadOptions("MatrixNumbers").ReadMode(ReadMode.ForceSingleMode))
                .Filter("x > 900 AND s LIKE 'v99%'").Select("s").OrderBy("s").Limit(5);
            string[] values = result.Collect().Select(r => r.GetAs<string>(0)).ToArray();
            ScenarioFailure.Check(values.SequenceEqual(new[] { "v990", "v991", "v992", "v993", "v994" }), "got " + string.Join(", ", values));
            return s.Checksum(result);
        }

        private static string PartitionedRead(MatrixSession s)
        {
            DataFrame rows = s.Read(s.ReadOptions("MatrixNumbers | where x <= 500")
                .ReadMode(ReadMode.ForcePartitionedMode).PartitionColumn("x").NumPartitions(4));
            int partitions = (int)rows.Reference.InvokeObject("javaRDD").Invoke("getNumPartitions");
            ScenarioFailure.Check(partitions == 4, "expected 4 partitions, got " + partitions);
            DataFrame result = rows.Select("x", "s");
            long count = result.Count();
            ScenarioFailure.Check(count == 500, "expected 500 rows, got " + count);
            return s.Checksum(result);
        }

        private static string QueryParameters(MatrixSession s)
        {
            ClientRequestProperties parameters = ClientRequestProperties.Builder()
                .LongParameter("minX", 950).StringParameter("prefix", "v99").Build();
            DataFrame result = s.Read(s.ReadOptions("declare query_parameters(minX:long, prefix:string);\n"
                    + "MatrixNumbers | where x > minX and s startswith prefix")
                .ClientRequestProperties(parameters).ReadMode(ReadMode.ForceSingleMode)).Select("x", "s");
            long[] xs = result.Collect().Select(r => r.GetAs<long>(0)).OrderBy(x => x).ToArray();
            ScenarioFailure.Check(xs.SequenceEqual(Enumerable.Range(990, 10).Select(x => (long)x)), "got x = " + string.Join(", ", xs));
            return s.Checksum(result);
        }
    }
}
