using System;
using System.Collections.Generic;
using System.Globalization;
using KustoSpark.Interop;
using KustoSpark.Interop.Py4J;

namespace KustoSpark.Sql
{
    /// <summary>
    /// Builds a <see cref="SparkSession"/>: starts the driver JVM with
    /// <c>$SPARK_HOME/bin/spark-submit</c> and the gateway jar (<c>KUSTO_SPARK_GATEWAY_JAR</c>, or
    /// <c>kusto-spark-gateway.jar</c> next to <c>KustoSpark.dll</c>), then creates the session in it.
    /// </summary>
    /// <remarks>
    /// Settings the JVM reads only when it starts (<c>spark.jars</c> and the other <c>spark.jars.*</c>,
    /// <c>spark.driver.*</c>) go to spark-submit; <c>KUSTO_SPARK_JARS</c> (comma-separated) adds jars,
    /// such as the connector's. The other settings go to the session builder over the gateway, so that
    /// secrets in them do not appear in a process listing.
    /// </remarks>
    public sealed class Builder
    {
        private readonly Dictionary<string, string> _options = new Dictionary<string, string>();
        private readonly List<string> _order = new List<string>();

        internal Builder()
        {
        }

        /// <summary>The master URL, such as <c>local[2]</c>.</summary>
        /// <param name="master">The master URL.</param>
        /// <returns>This builder.</returns>
        public Builder Master(string master)
        {
            return Config("spark.master", master);
        }

        /// <summary>The application's name.</summary>
        /// <param name="appName">The name.</param>
        /// <returns>This builder.</returns>
        public Builder AppName(string appName)
        {
            return Config("spark.app.name", appName);
        }

        /// <summary>Sets a Spark configuration value.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        /// <returns>This builder.</returns>
        public Builder Config(string key, string value)
        {
            if (string.IsNullOrEmpty(key))
            {
                throw new ArgumentException("A Spark configuration key is empty; pass a key such as spark.sql.session.timeZone.", "key");
            }
            if (!_options.ContainsKey(key))
            {
                _order.Add(key);
            }
            _options[key] = value;
            return this;
        }

        /// <summary>Sets a Spark configuration value.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value, given to Spark as <c>true</c> or <c>false</c>.</param>
        /// <returns>This builder.</returns>
        public Builder Config(string key, bool value)
        {
            return Config(key, value ? "true" : "false");
        }

        /// <summary>Sets a Spark configuration value.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        /// <returns>This builder.</returns>
        public Builder Config(string key, long value)
        {
            return Config(key, value.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Sets a Spark configuration value.</summary>
        /// <param name="key">The key.</param>
        /// <param name="value">The value.</param>
        /// <returns>This builder.</returns>
        public Builder Config(string key, double value)
        {
            return Config(key, value.ToString("R", CultureInfo.InvariantCulture));
        }

        /// <summary>
        /// The running session of this process if there is one (the settings are then not applied),
        /// else a new session in a new driver JVM.
        /// </summary>
        /// <returns>The session.</returns>
        /// <exception cref="InvalidOperationException">SPARK_HOME or the gateway jar is missing, or the JVM did not start.</exception>
        public SparkSession GetOrCreate()
        {
            return SparkSession.GetOrStart(Start);
        }

        private SparkSession Start()
        {
            var launchConf = new Dictionary<string, string>();
            foreach (string key in _order)
            {
                if (IsLaunchSetting(key))
                {
                    launchConf[key] = _options[key];
                }
            }
            SparkGatewayProcess gateway = SparkGatewayProcess.Start(launchConf);
            Py4JClient client = null;
            try
            {
                client = Py4JClient.Connect(gateway.Port, gateway.AuthToken);
                JvmObjectReference builder = (JvmObjectReference)client.CallStatic("org.apache.spark.sql.SparkSession", "builder");
                foreach (string key in _order)
                {
                    if (!IsLaunchSetting(key))
                    {
                        // config returns the builder itself; its second reference is released at once.
                        builder.InvokeObject("config", key, _options[key]).Dispose();
                    }
                }
                JvmObjectReference session = builder.InvokeObject("getOrCreate");
                builder.Dispose();
                return new SparkSession(gateway, client, session);
            }
            catch
            {
                if (client != null)
                {
                    client.Dispose();
                }
                gateway.Dispose();
                throw;
            }
        }

        private static bool IsLaunchSetting(string key)
        {
            return key == "spark.jars" || key.StartsWith("spark.jars.", StringComparison.Ordinal)
                || key.StartsWith("spark.driver.", StringComparison.Ordinal);
        }
    }
}
