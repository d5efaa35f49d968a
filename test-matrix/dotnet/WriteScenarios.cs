using System;
using System.Collections.Generic;
using System.Linq;
using KustoSpark.Sql;

namespace KustoSpark.Matrix
{
    /// <summary>Scenarios 03, 04, 08 and 09: writes, each read back.</summary>
    public static class WriteScenarios
    {
        private const string EveryType = "SELECT * FROM VALUES\n"
            + "  (true, CAST(7 AS INT), CAST(9000000000 AS BIGINT), CAST(1.5 AS DOUBLE), CAST('12.345678901234567890' AS DECIMAL(38,18)),\n"
            + "   'héllo \"q\"', TIMESTAMP '2024-01-02 03:04:05.123456', '01:02:03', '{\"a\":[1,2]}', 'd5b1c8b2-1c1e-4e63-9a3f-5a6b7c8d9e0f'),\n"
            + "  (CAST(NULL AS BOOLEAN), CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(38,18)),\n"
            + "   CAST(NULL AS STRING), CAST(NULL AS TIMESTAMP), CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING))\n"
            + "AS t(b, i, l, r, d, s, ts, span, dyn, g)";
        private static readonly string[] EveryTypeColumns = { "b", "i", "l", "r", "d", "s", "ts", "span", "dyn", "g" };
        // Kusto strings are never null: a null string reads back empty.
        private static readonly string[] EveryTypeAsReadBack = { "b", "i", "l", "r", "d", "coalesce(s, '') AS s", "ts",
            "coalesce(span, '') AS span", "coalesce(dyn, '') AS dyn", "coalesce(g, '') AS g" };

        public static IEnumerable<KeyValuePair<string, Func<MatrixSession, string>>> All()
        {
            yield return ReadScenarios.Entry("03-seed-write", SeedWrite);
            yield return ReadScenarios.Entry("04-every-type-round-trip", EveryTypeRoundTrip);
            yield return ReadScenarios.Entry("08-ingest-if-not-exists", IngestIfNotExists);
            yield return ReadScenarios.Entry("09-transactional-failure", TransactionalFailure);
        }

        private static KustoWriteOptions WriteOptions(string cluster, string table)
        {
            return KustoWriteOptions.Create().KustoCluster(cluster).KustoDatabase(MatrixEnv.Database).KustoTable(table)
                .WriteMode(WriteMode.Transactional).TableCreateOptions(TableCreationMode.CreateIfNotExist);
        }

        private static void Append(DataFrame frame, KustoWriteOptions options)
        {
            frame.Write().Kusto(options).Mode(SaveMode.Append).Save();
        }

        private static string SeedWrite(MatrixSession s)
        {
            string lang = s.Env.Lang;
            string table = s.Env.Table("Seed");
            DataFrame frame = s.Spark.Sql("SELECT id AS ColA, concat('v', CAST(id AS STRING)) AS ColB FROM range(0, 100, 1, 3)");
            SparkIngestionProperties properties = SparkIngestionProperties.Builder()
                .DropByTags(new[] { "drop_" + lang }).IngestByTags(new[] { "ingest_" + lang })
                .AdditionalTags(new[] { "tag_" + lang }).IngestIfNotExists(new[] { "ingest_" + lang })
                .CreationTime("2021-06-07T08:09:10Z")
                .CsvMapping(new[] { CsvColumnMapping.OfOrdinal("ColA", 0), CsvColumnMapping.OfOrdinal("ColB", 1) })
                .Build();
            frame.Write().Format(ReadScenarios.SynapseFormat)
                .Option("spark.synapse.linkedService", MatrixSession.LinkedService)
                .Option("kustoDatabase", MatrixEnv.Database)
                .Option("kustoTable", table)
                .Option("sparkIngestionPropertiesJson", properties.ToJson())
                .Option("tableCreateOptions", TableCreationMode.CreateIfNotExist.ToString())
                .Mode(SaveMode.Append).Save();
            DataFrame result = s.Spark.Read().Format(ReadScenarios.SynapseFormat)
                .Option("spark.synapse.linkedService", MatrixSession.LinkedService)
                .Option("kustoDatabase", MatrixEnv.Database)
                .Option("kustoQuery", table)
                .Load().Select("ColA", "ColB");
            long rows = result.Count();
            ScenarioFailure.Check(rows == 100, "expected 100 rows, got " + rows);
            return s.Checksum(result);
        }

        private static string EveryTypeRoundTrip(MatrixSession s)
        {
            string table = s.Env.Table("Types");
            DataFrame input = s.Spark.Sql(EveryType);
            Append(input, WriteOptions(s.Env.Url, table));
            DataFrame result = s.Read(s.ReadOptions(table)).SelectExpr(EveryTypeColumns);
            long rows = result.Count();
            ScenarioFailure.Check(rows == 2, "expected 2 rows, got " + rows);
            string expected = s.Checksum(input.SelectExpr(EveryTypeAsReadBack));
            string actual = s.Checksum(result);
            ScenarioFailure.Check(expected == actual, "the values read back differ from those written: "
                + string.Join(" ", result.Collect()) + " (schema " + result.Schema().SimpleString + ")");
            return actual;
        }

        private static string IngestIfNotExists(MatrixSession s)
        {
            string table = s.Env.Table("Dedupe");
            string tag = "once_" + s.Env.Lang;
            DataFrame frame = s.Spark.Sql("SELECT id AS k, concat('r', CAST(id AS STRING)) AS v FROM range(0, 10, 1, 2)");
            KustoWriteOptions options = WriteOptions(s.Env.Url, table).SparkIngestionProperties(
                SparkIngestionProperties.Builder().IngestByTags(new[] { tag }).IngestIfNotExists(new[] { tag }).Build());
            Append(frame, options);
            Append(frame, options);
            DataFrame result = s.Read(s.ReadOptions(table)).Select("k", "v");
            long rows = result.Count();
            ScenarioFailure.Check(rows == 10, "expected 10 rows after writing twice, got " + rows);
            return s.Checksum(result);
        }

        private static string TransactionalFailure(MatrixSession s)
        {
            string cluster = s.Env.FaultyUrl;
            string table = s.Env.Table("TxFail");
            DataFrame frame = s.Spark.Sql("SELECT id AS k FROM range(0, 40, 1, 4)");
            KustoWriteOptions options = WriteOptions(cluster, table);
            string messages = MatrixSession.FailureMessages("the first write (its ingestion fails)", () =>
            {
                Append(frame, options);
                return "success";
            });
            ScenarioFailure.Check(messages.ToLowerInvariant().Contains("ingestion") && messages.Contains("Failed"),
                "the first write's error does not say an ingestion failed: " + messages);
            long afterFailure = s.Read(s.ReadOptions(table + " | count").KustoCluster(cluster)).Collect().Single().GetAs<long>(0);
            ScenarioFailure.Check(afterFailure == 0, "expected 0 rows after the failed write, got " + afterFailure);
            Append(frame, options);
            DataFrame result = s.Read(s.ReadOptions(table).KustoCluster(cluster)).Select("k");
            long[] ks = result.Collect().Select(r => r.GetAs<long>(0)).OrderBy(k => k).ToArray();
            ScenarioFailure.Check(ks.SequenceEqual(Enumerable.Range(0, 40).Select(k => (long)k)),
                "expected k = 0..39 once each, got " + ks.Length + " rows, " + ks.Distinct().Count() + " distinct");
            return s.Checksum(result);
        }
    }
}
