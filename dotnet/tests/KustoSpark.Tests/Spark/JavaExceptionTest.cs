using System;
using KustoSpark.Interop.Py4J;
using KustoSpark.Sql;
using NUnit.Framework;

namespace KustoSpark.Tests.Spark
{
    /// <summary>Java exceptions raised through the gateway arrive as .NET exceptions with the Java class and message.</summary>
    [TestFixture]
    [Category("Spark")]
    public sealed class JavaExceptionTest
    {
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
            StringAssert.StartsWith("dev.kustospark.", e.JavaClassName);
            StringAssert.StartsWith(e.JavaClassName + ": ", e.Message);
            StringAssert.Contains("at ", e.JavaStackTrace);
        }

        [Test]
        public void KustosErrorForAMissingTableComesFirst()
        {
            var e = Assert.Throws<JavaException>(() => SparkTestEnvironment.Spark.Read().Kusto(KustoReadOptions.Create()
                .KustoCluster(SparkTestEnvironment.Server.Url).KustoDatabase(SparkTestEnvironment.Database)
                .KustoQuery("NoSuchTable_dotnet | take 1")).Collect());

            StringAssert.Contains("NoSuchTable_dotnet", e.Message);
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
