using System;
using System.Linq;
using KustoSpark.Sql;
using NUnit.Framework;

namespace KustoSpark.Tests.Spark
{
    /// <summary>
    /// The established connector's Synapse snippets in C#: a read through a linked-service profile, the
    /// same read distributed with client request properties, and a write with ingestion properties.
    /// </summary>
    [TestFixture]
    [Category("Spark")]
    public sealed class SeedScenarioTest
    {
        private const string SynapseFormat = "com.microsoft.kusto.spark.synapse.datasource";

        [TestFixtureSetUp]
        public void CreateNumbers()
        {
            SparkTestEnvironment.Server.Mgmt(".set-or-append SeedNumbers <| range x from 1 to 1000 step 1 | extend s = strcat('v', tostring(x))");
        }

        [Test]
        public void SynapseReadThroughALinkedService()
        {
            DataFrame df = SparkTestEnvironment.Spark.Read().Format(SynapseFormat)
                .Option("spark.synapse.linkedService", SparkTestEnvironment.LinkedService)
                .Option("kustoDatabase", SparkTestEnvironment.Database)
                .Option("kustoQuery", "SeedNumbers | where x > 10")
                .Load();

            CollectionAssert.AreEqual(new[] { "bigint", "string" }, df.Schema().Fields.Select(f => f.DataType.SimpleString).ToArray());
            Row[] rows = df.Collect().OrderBy(r => r.GetAs<long>("x")).ToArray();
            Assert.AreEqual(990, rows.Length);
            Assert.AreEqual(11L, rows[0].Get("x"));
            Assert.AreEqual("v1000", rows[989].Get("s"));
        }

        [Test]
        public void DistributedReadWithClientRequestProperties()
        {
            ClientRequestProperties properties = ClientRequestProperties.Builder().NoRequestTimeout(true).Build();
            KustoReadOptions options = KustoReadOptions.Create()
                .LinkedService(SparkTestEnvironment.LinkedService)
                .KustoDatabase(SparkTestEnvironment.Database)
                .KustoQuery("SeedNumbers | where x > 10")
                .ClientRequestProperties(properties)
                .ReadMode(ReadMode.ForceDistributedMode);
            Assert.AreEqual("{\"Options\":{\"norequesttimeout\":true},\"Parameters\":{}}", options.ToOptions()["clientRequestPropertiesJson"]);

            DataFrame df = SparkTestEnvironment.Spark.Read().Format(SynapseFormat).Options(options.ToOptions()).Load();

            long[] xs = df.Collect().Select(r => r.GetAs<long>("x")).OrderBy(x => x).ToArray();
            CollectionAssert.AreEqual(Enumerable.Range(11, 990).Select(x => (long)x).ToArray(), xs);
            Assert.AreEqual(990, df.Filter("s = concat('v', CAST(x AS STRING))").Count());
        }

        [Test]
        public void WriteWithIngestionPropertiesCreatesTheTable()
        {
            SparkSession spark = SparkTestEnvironment.Spark;
            SparkIngestionProperties ingestion = SparkIngestionProperties.Builder()
                .DropByTags(new[] { "drop_dotnet" })
                .IngestByTags(new[] { "ingest_dotnet" })
                .AdditionalTags(new[] { "tag_dotnet" })
                .IngestIfNotExists(new[] { "ingest_dotnet" })
                .CreationTime("2021-06-07T08:09:10Z")
                .CsvMapping(new[] { CsvColumnMapping.OfOrdinal("ColA", 0), CsvColumnMapping.OfOrdinal("ColB", 1) })
                .Build();
            DataFrame input = spark.Sql("SELECT id AS ColA, concat('v', CAST(id AS STRING)) AS ColB FROM range(0, 100, 1, 3)");

            input.Write().Format(SynapseFormat)
                .Option("spark.synapse.linkedService", SparkTestEnvironment.LinkedService)
                .Option("kustoDatabase", SparkTestEnvironment.Database)
                .Option("kustoTable", "SeedWrite")
                .Option("sparkIngestionPropertiesJson", ingestion.ToJson())
                .Option("tableCreateOptions", TableCreationMode.CreateIfNotExist.ToString())
                .Mode(SaveMode.Append)
                .Save();

            Row[] rows = spark.Read().Format(SynapseFormat)
                .Option("spark.synapse.linkedService", SparkTestEnvironment.LinkedService)
                .Option("kustoDatabase", SparkTestEnvironment.Database)
                .Option("kustoQuery", "SeedWrite")
                .Load().Collect().OrderBy(r => r.GetAs<long>("ColA")).ToArray();
            Assert.AreEqual(100, rows.Length);
            Assert.AreEqual("v99", rows[99].Get("ColB"));
            string extents = SparkTestEnvironment.Server.Mgmt(".show table SeedWrite extents");
            StringAssert.Contains("drop-by:drop_dotnet", extents);
            StringAssert.Contains("ingest-by:ingest_dotnet", extents);
            StringAssert.Contains("tag_dotnet", extents);
            StringAssert.Contains("2021-06-07T08:09:10", extents);
        }
    }
}
