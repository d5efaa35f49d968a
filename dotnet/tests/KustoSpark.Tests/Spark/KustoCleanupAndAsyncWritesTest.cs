using System;
using System.Linq;
using KustoSpark.Sql;
using NUnit.Framework;

namespace KustoSpark.Tests.Spark
{
    /// <summary>KustoCleanup and KustoAsyncWrites from C#: a crash's leftover removed, async writes awaited.</summary>
    [TestFixture]
    [Category("Spark")]
    public sealed class KustoCleanupAndAsyncWritesTest
    {
        /// <summary>A temporary table as a write that died leaves it: the connector's name and in-use mark, long expired.</summary>
        private static string LeftoverTable(KustoLocalServer server, string target, DateTime inUseUntil)
        {
            string name = "sparkTempTable_crashedApp_" + target + "_" + Guid.NewGuid().ToString("N");
            string mark = "{\"createdBy\":\"kusto-spark\",\"kind\":\"staging\",\"target\":\"" + target + "\",\"requestId\":\"crashed\","
                + "\"createdOn\":\"" + inUseUntil.AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ") + "\",\"inUseUntil\":\""
                + inUseUntil.ToString("yyyy-MM-ddTHH:mm:ssZ") + "\"}";
            server.Mgmt(".create table " + name + " (id:long) with (docstring=\"" + mark.Replace("\"", "\\\"") + "\")");
            return name;
        }

        [Test]
        public void CleanupDropsACrashedWritesTableAndKeepsALiveOne()
        {
            KustoLocalServer server = SparkTestEnvironment.Server;
            string crashed = LeftoverTable(server, "Sales", DateTime.UtcNow.AddDays(-2));
            string live = LeftoverTable(server, "Sales", DateTime.UtcNow.AddMinutes(10));

            KustoCleanupResult removed = KustoCleanup.Run(SparkTestEnvironment.Spark,
                KustoWriteOptions.Create().KustoCluster(server.Url).KustoDatabase(server.Database).KustoTable("Sales"));

            CollectionAssert.AreEqual(new[] { crashed }, removed.DroppedTables);
            CollectionAssert.IsEmpty(removed.Failures);
            string tables = server.Mgmt(".show tables");
            StringAssert.DoesNotContain(crashed, tables);
            StringAssert.Contains(live, tables);
            server.Mgmt(".drop table " + live);
        }

        [Test]
        public void AFailedAndASucceededAsyncWriteAreAwaited()
        {
            SparkSession spark = SparkTestEnvironment.Spark;
            // The first blob this server ingests fails: the first write fails, the second succeeds.
            using (KustoLocalServer faulty = KustoLocalServer.Start("db", "--fault-injection", "fail=1"))
            {
                KustoWriteOptions options = KustoWriteOptions.Create().KustoCluster(faulty.Url).KustoDatabase(faulty.Database)
                    .KustoTable("AsyncCs").TableCreateOptions(TableCreationMode.CreateIfNotExist).WriteEnableAsync(true);
                spark.Sql("SELECT id FROM range(0, 30, 1, 1)").Write().Kusto(options.RequestId("cs-async-failing"))
                    .Mode(SaveMode.Append).Save();
                KustoAsyncWriteOutcome failed = KustoAsyncWrites.Await(spark, "cs-async-failing", TimeSpan.FromMinutes(2));
                spark.Sql("SELECT id FROM range(0, 30, 1, 1)").Write().Kusto(options.RequestId("cs-async-succeeding"))
                    .Mode(SaveMode.Append).Save();
                KustoAsyncWriteOutcome succeeded = KustoAsyncWrites.Await(spark, "cs-async-succeeding", TimeSpan.FromMinutes(2));

                Assert.AreEqual("FAILED", failed.State, failed.ToString());
                StringAssert.Contains("partition 0 blob 1: Failed", failed.Error);
                var thrown = Assert.Throws<InvalidOperationException>(() => failed.OrThrow());
                StringAssert.StartsWith("Asynchronous write into table 'AsyncCs' (requestId cs-async-failing) failed: Transactional write"
                    + " into table 'AsyncCs' (option kustoTable) failed and the table is unchanged: queued ingestion failed for partition 0",
                    thrown.Message);
                Assert.AreEqual(30L, succeeded.OrThrow().Rows);
                StringAssert.Contains("30", faulty.Mgmt(".show table AsyncCs extents | summarize sum(RowCount)"));
                var states = KustoAsyncWrites.AwaitAll(spark, TimeSpan.FromSeconds(60)).ToDictionary(o => o.RequestId, o => o.State);
                Assert.AreEqual("FAILED", states["cs-async-failing"]);
                Assert.AreEqual("SUCCEEDED", states["cs-async-succeeding"]);
            }
            Assert.Throws<ArgumentException>(() => KustoAsyncWrites.Await(spark, "cs-async-failing", TimeSpan.FromSeconds(1.5)));
        }
    }
}
