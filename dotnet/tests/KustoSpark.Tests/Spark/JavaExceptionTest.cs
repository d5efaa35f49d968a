using System;
using KustoSpark.Interop.Py4J;
using KustoSpark.Sql;
using NUnit.Framework;

namespace KustoSpark.Tests.Spark
{
    /// <summary>
    /// Java exceptions raised through the gateway arrive as one .NET exception with the Java class and message;
    /// the connector's failures (at load, in an action, at save, in a data writer) with the connector's message in one line.
    /// </summary>
    [TestFixture]
    [Category("Spark")]
    public sealed class JavaExceptionTest
    {
        private const string ConnectorException = "dev.kustospark.spark.KustoConnectorException";
        private const string OptionException = "dev.kustospark.spark.KustoOptionException";

        [Test]
        public void ABadOptionValueNamesTheOptionTheValueAndTheAllowedValues()
        {
            var e = Assert.Throws<JavaException>(() => SparkTestEnvironment.Spark.Read().Format("kusto")
                .Option("kustoCluster", SparkTestEnvironment.Server.Url)
                .Option("kustoDatabase", SparkTestEnvironment.Database)
                .Option("kustoQuery", "print 1")
                .Option("readMode", "Sometimes")
                .Load().Collect());

            StringAssert.Contains("readMode", e.JavaMessage);
            StringAssert.Contains("Sometimes", e.JavaMessage);
            StringAssert.Contains("ForceSingleMode", e.JavaMessage);
            AssertConnectorError(e, OptionException, "Option readMode has value 'Sometimes': allowed values: ForceSingleMode, ");
        }

        private static DataFrameReader KustoReader()
        {
            return SparkTestEnvironment.Spark.Read().Format("kusto")
                .Option("kustoCluster", SparkTestEnvironment.Server.Url)
                .Option("kustoDatabase", SparkTestEnvironment.Database);
        }

        private static DataFrameWriter KustoWriter(string rows, string table)
        {
            return SparkTestEnvironment.Spark.Sql(rows).Write().Format("kusto")
                .Option("kustoCluster", SparkTestEnvironment.Server.Url)
                .Option("kustoDatabase", SparkTestEnvironment.Database)
                .Option("kustoTable", table)
                .Mode(SaveMode.Append);
        }

        private static string TableWithRows(string table)
        {
            KustoWriter("SELECT id AS x FROM range(0, 5)", table).Option("tableCreateOptions", "CreateIfNotExist")
                .Option("writeMode", "KustoStreaming").Save();
            return table;
        }

        /// <summary>One exception: the Java class and the connector's message in one line, the Java stack only on request.</summary>
        private static void AssertConnectorError(JavaException e, string javaClass, string messageStart)
        {
            Assert.AreEqual(javaClass, e.JavaClassName, e.Message);
            StringAssert.StartsWith(messageStart, e.JavaMessage);
            Assert.AreEqual(javaClass + ": " + e.JavaMessage, e.Message);
            StringAssert.DoesNotContain("\n", e.Message);
            string printed = e.ToString();
            StringAssert.DoesNotContain("\tat ", printed);
            Assert.Less(printed.Split('\n').Length, 25, printed);
            StringAssert.Contains("\tat dev.kustospark.spark.", e.JavaStackTrace);
        }

        [Test]
        public void AMissingTableFailsTheLoadWithKustosMessage()
        {
            var e = Assert.Throws<JavaException>(() => KustoReader().Option("kustoQuery", "NoSuchTable_dotnet | take 1").Load());

            AssertConnectorError(e, ConnectorException, "Reading the schema of kustoQuery 'NoSuchTable_dotnet | take 1' failed: ");
            StringAssert.Contains("NoSuchTable_dotnet", e.JavaMessage);
        }

        [Test]
        public void AQueryThatFailsInATaskFailsTheActionWithKustosMessage()
        {
            string table = TableWithRows("DotnetErrorsRead");
            DataFrame frame = KustoReader().Option("kustoQuery", table).Option("readMode", "ForceSingleMode")
                .Option("customSchema", "x long, missing long").Load();

            var e = Assert.Throws<JavaException>(() => frame.Collect());

            AssertConnectorError(e, ConnectorException, "Query '" + table + " | ");
        }

        [Test]
        public void AMissingTableFailsTheSave()
        {
            var e = Assert.Throws<JavaException>(() => KustoWriter("SELECT 1L AS x", "NoSuchTable_dotnet")
                .Option("tableCreateOptions", "FailIfNotExist").Save());

            AssertConnectorError(e, OptionException, "table 'NoSuchTable_dotnet' (option kustoTable) does not exist");
        }

        [Test]
        public void ADataWriterFailureFailsTheSaveWithKustosMessage()
        {
            // Each task checks the strings it writes into a guid column; the driver cannot see the values.
            SparkTestEnvironment.Server.Mgmt(".create-merge table DotnetErrorsGuids (g:guid)");

            var e = Assert.Throws<JavaException>(() => KustoWriter("SELECT 'order-17' AS g", "DotnetErrorsGuids")
                .Option("writeMode", "KustoStreaming")
                .Save());

            AssertConnectorError(e, ConnectorException, "DataFrame column 'g' holds 'order-17', which is not a guid: ");
        }

        [Test]
        public void SparkAnalysisErrorsKeepTheirClass()
        {
            var e = Assert.Throws<JavaException>(() => SparkTestEnvironment.Spark.Sql("SELECT nosuchcolumn FROM range(1)"));

            StringAssert.EndsWith("AnalysisException", e.JavaClassName);
            StringAssert.Contains("nosuchcolumn", e.JavaMessage);
        }

        [Test]
        public void TheCauseChainIsTheInnerExceptions()
        {
            var e = Assert.Throws<JavaException>(() => SparkTestEnvironment.Spark.Sql("SELECT assert_true(id < 0, 'custom failure') FROM range(1)").Collect());

            StringAssert.Contains("custom failure", e.ToString());
            Assert.IsNotNull(e.RootCause.JavaClassName);
        }

        [Test]
        public void ACallTheJvmCannotMatchIsAPy4JException()
        {
            var e = Assert.Throws<Py4JException>(() => SparkTestEnvironment.Spark.Reference.Invoke("noSuchMethod", 1));

            StringAssert.Contains("noSuchMethod", e.Message);
        }
    }
}
