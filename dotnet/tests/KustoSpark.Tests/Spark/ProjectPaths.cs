using System;
using System.IO;
using System.Linq;

namespace KustoSpark.Tests.Spark
{
    /// <summary>Where the parts the Spark tests run are: kusto-local, Spark, the jars.</summary>
    internal static class ProjectPaths
    {
        internal static readonly string Root = ProjectFiles.Root;

        internal static string KustoLocal
        {
            get { return Path.Combine(Root, "jvm-core", "kusto-local", "bin", "kusto-local"); }
        }

        /// <summary>The pyspark distribution of the project's virtualenv (scripts/python-env.sh).</summary>
        internal static string VenvSparkHome
        {
            get
            {
                string lib = Path.Combine(Root, ".venv", "lib");
                string pyspark = Directory.Exists(lib)
                    ? Directory.GetDirectories(lib, "python3*").Select(d => Path.Combine(d, "site-packages", "pyspark")).FirstOrDefault(Directory.Exists)
                    : null;
                if (pyspark == null)
                {
                    throw new InvalidOperationException("SPARK_HOME is not set and " + lib + " has no pyspark; run scripts/python-env.sh, "
                        + "or set SPARK_HOME to a Spark 4.2 distribution.");
                }
                return pyspark;
            }
        }

        internal static string GatewayJar
        {
            get { return Path.Combine(Root, "jvm-core", "kusto-spark-gateway", "target", "kusto-spark-gateway.jar"); }
        }

        /// <summary>The connector's shaded jar for Spark 4.2.</summary>
        internal static string ConnectorJar
        {
            get
            {
                string target = Path.Combine(Root, "packaging", "shaded-spark-4.2", "target");
                string jar = Directory.Exists(target)
                    ? Directory.GetFiles(target, "kusto-spark_4.2_2.13-*.jar").FirstOrDefault(f => !Path.GetFileName(f).StartsWith("original-", StringComparison.Ordinal) && !f.EndsWith("-sources.jar", StringComparison.Ordinal))
                    : null;
                if (jar == null)
                {
                    throw new InvalidOperationException("No connector jar in " + target + "; build it with "
                        + "mvn -q -B -o -pl packaging/shaded-spark-4.2 -am package -DskipTests");
                }
                return jar;
            }
        }

        internal static string TestBinaries
        {
            get { return Path.GetDirectoryName(typeof(ProjectPaths).Assembly.Location); }
        }
    }
}
