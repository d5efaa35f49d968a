using System;
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;

namespace KustoSpark.Tests
{
    [TestFixture]
    public class KustoOptionsTest
    {
        [Test]
        public void SettersReturnNewObjectsAndLeaveTheOriginal()
        {
            KustoReadOptions base1 = KustoReadOptions.Create().KustoDatabase("db");
            KustoReadOptions other = base1.KustoQuery("T");
            Assert.AreEqual(1, base1.ToOptions().Count);
            Assert.AreEqual(2, other.ToOptions().Count);
            Assert.AreEqual(0, KustoReadOptions.Create().ToOptions().Count);
        }

        [Test]
        public void OptionsFollowTheRegistryOrderAndCanonicalValues()
        {
            IDictionary<string, string> options = KustoReadOptions.Create()
                .ReadMode(ReadMode.ForcePartitionedMode).KustoQuery("T | take 5").NumPartitions(8)
                .KustoDatabase("db").KustoCluster("MyCluster.WestEurope").QueryFilterPushDown(false)
                .KustoExportOptionsJson("{ \"sizeLimit\" : 1048576 }").StorageProtocol("ABFSS").ToOptions();
            CollectionAssert.AreEqual(new[]
            {
                "kustoCluster=https://mycluster.westeurope.kusto.windows.net", "kustoDatabase=db", "kustoQuery=T | take 5",
                "readMode=ForcePartitionedMode", "queryFilterPushDown=false", "numPartitions=8",
                "kustoExportOptionsJson={\"sizeLimit\":1048576}", "storageProtocol=abfss",
            }, options.Select(e => e.Key + "=" + e.Value).ToList());
            Assert.Throws<NotSupportedException>(() => options.Add("x", "y"));
            Assert.AreEqual("https://mycluster.westeurope.kusto.windows.net", new Dictionary<string, string>(options)["kustoCluster"]);
        }

        [Test]
        public void WriteOptions()
        {
            IDictionary<string, string> options = KustoWriteOptions.Create().KustoTable("T").WriteMode(WriteMode.KustoStreaming)
                .TableCreateOptions(TableCreationMode.CreateIfNotExist).AdjustSchema(SchemaAdjustmentMode.GenerateDynamicCsvMapping)
                .SparkIngestionProperties(SparkIngestionProperties.Builder().FlushImmediately(true).Build())
                .NoWriteResultLimit().StagingResourcesAutoCleanupTimeout(TimeSpan.FromDays(2)).TimeoutLimit("01:00:00")
                .ToOptions();
            Assert.AreEqual("3600", options["timeoutLimit"]);
            Assert.AreEqual("KustoStreaming", options["writeMode"]);
            Assert.AreEqual("CreateIfNotExist", options["tableCreateOptions"]);
            Assert.AreEqual("GenerateDynamicCsvMapping", options["adjustSchema"]);
            Assert.AreEqual("{\"flushImmediately\":true}", options["sparkIngestionPropertiesJson"]);
            Assert.AreEqual("none", options["writeResultLimit"]);
            Assert.AreEqual("172800", options["stagingResourcesAutoCleanupTimeout"]);
        }

        [Test]
        public void BadValuesNameTheOptionTheValueAndWhatIsAllowed()
        {
            var e = Assert.Throws<KustoOptionException>(() => KustoReadOptions.Create().NumPartitions(0));
            Assert.AreEqual("Option numPartitions has value '0': expected a whole number from 1 to 1000.", e.Message);
            e = Assert.Throws<KustoOptionException>(() => KustoWriteOptions.Create().StreamingIngestSizeInMB(100));
            Assert.AreEqual("Option streamingIngestSizeInMB has value '100': expected a whole number from 1 to 4.", e.Message);
            e = Assert.Throws<KustoOptionException>(() => KustoReadOptions.Create().ReadMode((ReadMode)7));
            StringAssert.Contains("allowed values: ForceSingleMode, ForceDistributedMode, ForcePartitionedMode", e.Message);
            e = Assert.Throws<KustoOptionException>(() => KustoReadOptions.Create().KustoAuthMethod("password"));
            Assert.AreEqual("Option kustoAuthMethod has value 'password': allowed values: default, azureCli, none.", e.Message);
            e = Assert.Throws<KustoOptionException>(() => KustoReadOptions.Create().KustoCluster("https://c.kusto.windows.net/db"));
            StringAssert.Contains("a cluster URL has no path ('/db')", e.Message);
            e = Assert.Throws<KustoOptionException>(() => KustoWriteOptions.Create().TimeoutLimit(TimeSpan.FromMilliseconds(1500)));
            Assert.AreEqual("Option timeoutLimit is in whole seconds; 00:00:01.5000000 has a fraction of a second.", e.Message);
            e = Assert.Throws<KustoOptionException>(() => KustoWriteOptions.Create().KustoTable(" "));
            Assert.AreEqual("Option kustoTable is empty; expected a non-empty string.", e.Message);
            // Accepted as a name and value: the read or write that uses it fails, on the JVM side.
            Assert.AreEqual("https://vault", KustoOption.KeyVaultUri.Validate("https://vault"));
            Assert.AreEqual(OptionDisposition.Unavailable, KustoOption.KeyVaultUri.Disposition);
        }

        [Test]
        public void SecretsNeverShow()
        {
            const string sas = "sv=2024&sig=SECRETSIG";
            KustoWriteOptions options = KustoWriteOptions.Create().KustoAadAppId("app").KustoAadAppSecret("s3cret").AccessToken("tok3n");
            Assert.AreEqual("KustoWriteOptions{kustoAadAppId=app, kustoAadAppSecret=<hidden>, accessToken=<hidden>}", options.ToString());
            var e = Assert.Throws<KustoOptionException>(() => KustoReadOptions.Create().TransientStorage(
                "{\"storageCredentials\":[{\"storageAccountName\":\"a\",\"sasKey\":\"" + sas + "\"}]}"));
            StringAssert.Contains("storageCredentials[0] needs sasUrl", e.Message);
            StringAssert.DoesNotContain("SECRETSIG", e.Message);
            e = Assert.Throws<KustoOptionException>(() => KustoWriteOptions.Create().KustoIngestionStorageContainer("[{\"sas\": " + sas + "}]"));
            StringAssert.Contains("Option kustoIngestionStorageContainer is not valid JSON", e.Message);
            StringAssert.DoesNotContain("SECRETSIG", e.Message);
        }

        [Test]
        public void EqualityIsByOptions()
        {
            Assert.AreEqual(KustoReadOptions.Create().KustoDatabase("a").KustoQuery("q"), KustoReadOptions.Create().KustoQuery("q").KustoDatabase("a"));
            Assert.AreNotEqual(KustoReadOptions.Create().KustoDatabase("a"), KustoWriteOptions.Create().KustoDatabase("a"));
        }
    }
}
