using System;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using KustoSpark.Sql;
using NUnit.Framework;

namespace KustoSpark.Tests.Spark
{
    /// <summary>Every type the connector writes, with nulls, written from C# and read back.</summary>
    [TestFixture]
    [Category("Spark")]
    public sealed class KustoRoundTripTest
    {
        private const string Input = "SELECT * FROM VALUES "
            + "(true, CAST(7 AS INT), CAST(9000000000 AS BIGINT), CAST(1.5 AS DOUBLE), CAST('12.345678901234567890' AS DECIMAL(38,18)), "
            + "'héllo \"q\"', TIMESTAMP '2024-01-02 03:04:05.123456', '01:02:03', '{\"a\":[1,2]}', 'd5b1c8b2-1c1e-4e63-9a3f-5a6b7c8d9e0f'), "
            + "(CAST(NULL AS BOOLEAN), CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(38,18)), "
            + "CAST(NULL AS STRING), CAST(NULL AS TIMESTAMP), CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING)) "
            + "AS t(b, i, l, r, d, s, ts, span, dyn, g)";

        [TestCase(WriteMode.Transactional, "TypesTransactional")]
        [TestCase(WriteMode.Queued, "TypesQueued")]
        public void EveryTypeAndNullComesBackAsWritten(WriteMode mode, string table)
        {
            SparkSession spark = SparkTestEnvironment.Spark;
            KustoLocalServer server = SparkTestEnvironment.Server;

            spark.Sql(Input).Write()
                .Kusto(KustoWriteOptions.Create().KustoCluster(server.Url).KustoDatabase(server.Database).KustoTable(table)
                    .WriteMode(mode).TableCreateOptions(TableCreationMode.CreateIfNotExist))
                .Mode(SaveMode.Append)
                .Save();

            DataFrame read = spark.Read().Kusto(KustoReadOptions.Create().KustoCluster(server.Url).KustoDatabase(server.Database)
                .KustoQuery(table).ReadMode(ReadMode.ForceSingleMode));
            CollectionAssert.AreEqual(new[] { "boolean", "int", "bigint", "double", "decimal(38,18)", "string", "timestamp", "string", "string", "string" },
                read.Schema().Fields.Select(f => f.DataType.SimpleString).ToArray());
            Row[] rows = AwaitRows(read, 2).OrderBy(r => r.Get("b") == null).ToArray();
            Assert.AreEqual(2, rows.Length);

            Row values = rows[0];
            Assert.AreEqual(true, values.Get("b"));
            Assert.AreEqual(7, values.Get("i"));
            Assert.AreEqual(9000000000L, values.Get("l"));
            Assert.AreEqual(1.5d, values.Get("r"));
            Assert.AreEqual(12.345678901234567890m, values.Get("d"));
            Assert.AreEqual("héllo \"q\"", values.Get("s"));
            Assert.AreEqual(new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1234560), values.Get("ts"));
            Assert.AreEqual(DateTimeKind.Utc, values.GetAs<DateTime>("ts").Kind);
            Assert.AreEqual("01:02:03", values.Get("span"));
            Assert.AreEqual("{\"a\":[1,2]}", values.Get("dyn"));
            Assert.AreEqual("d5b1c8b2-1c1e-4e63-9a3f-5a6b7c8d9e0f", values.Get("g"));

            // Kusto strings are never null: a null string reads back empty, as with every Kusto client.
            CollectionAssert.AreEqual(new object[] { null, null, null, null, null, "", null, "", "", "" }, rows[1].Values.ToArray(),
                "the row of nulls: " + rows[1]);
        }

        /// <summary>Collects until <paramref name="expected"/> rows are there: a Queued write returns before the service ingests.</summary>
        private static Row[] AwaitRows(DataFrame read, int expected)
        {
            var clock = Stopwatch.StartNew();
            Row[] rows = read.Collect().ToArray();
            while (rows.Length < expected && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                Thread.Sleep(200);
                rows = read.Collect().ToArray();
            }
            return rows;
        }
    }
}
