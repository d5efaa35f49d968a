using System;
using System.IO;
using KustoSpark.Sql;
using NUnit.Framework;

namespace KustoSpark.Tests.Spark
{
    /// <summary>
    /// One kusto-local (with Azurite) and one Spark session for every test of the namespace: the
    /// driver JVM takes seconds to start, and a SparkSession is one per process anyway.
    /// </summary>
    [SetUpFixture]
    public sealed class SparkTestEnvironment
    {
        internal const string Database = "db";
        internal const string LinkedService = "seed";

        internal static KustoLocalServer Server { get; private set; }

        internal static SparkSession Spark { get; private set; }

        [SetUp]
        public void StartServerAndSpark()
        {
            UseProjectDefaults();
            Server = KustoLocalServer.Start(Database);
            Spark = NewSessionBuilder()
                .Config("spark.kusto.linkedService." + LinkedService + ".cluster", Server.Url)
                .Config("spark.kusto.linkedService." + LinkedService + ".database", Database)
                .GetOrCreate();
        }

        [TearDown]
        public void StopSparkAndServer()
        {
            if (Spark != null)
            {
                Spark.Dispose();
            }
            if (Server != null)
            {
                Server.Dispose();
            }
        }

        /// <summary>The session settings every test uses; the connector jar comes with them.</summary>
        internal static Builder NewSessionBuilder()
        {
            Builder builder = SparkSession.Builder()
                .Master("local[2]")
                .AppName("kusto-spark-dotnet-tests")
                .Config("spark.ui.enabled", false)
                .Config("spark.sql.shuffle.partitions", 2)
                .Config("spark.sql.session.timeZone", "UTC");
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUSTO_SPARK_JARS")))
            {
                builder.Config("spark.jars", ProjectPaths.ConnectorJar);
            }
            return builder;
        }

        /// <summary>SPARK_HOME and the gateway jar from the project's build, unless the environment names others.</summary>
        internal static void UseProjectDefaults()
        {
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("SPARK_HOME")))
            {
                Environment.SetEnvironmentVariable("SPARK_HOME", ProjectPaths.VenvSparkHome);
            }
            bool jarNextToLibrary = File.Exists(Path.Combine(Path.GetDirectoryName(typeof(SparkSession).Assembly.Location), "kusto-spark-gateway.jar"));
            if (!jarNextToLibrary && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("KUSTO_SPARK_GATEWAY_JAR")))
            {
                Environment.SetEnvironmentVariable("KUSTO_SPARK_GATEWAY_JAR", ProjectPaths.GatewayJar);
            }
        }
    }
}
