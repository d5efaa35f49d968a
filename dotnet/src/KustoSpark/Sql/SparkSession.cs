using System;
using KustoSpark.Interop;
using KustoSpark.Interop.Py4J;

namespace KustoSpark.Sql
{
    /// <summary>
    /// A Spark session whose driver runs in a JVM this process started (see <see cref="Builder"/>).
    /// <see cref="Stop"/> or <see cref="Dispose"/> stops Spark and that JVM; if this process ends
    /// first, the JVM notices and exits too.
    /// </summary>
    /// <example>
    /// <code>
    /// using (var spark = SparkSession.Builder().Master("local[2]").AppName("kusto").GetOrCreate())
    /// {
    ///     DataFrame df = spark.Read().Kusto(KustoReadOptions.Create().KustoCluster(url).KustoDatabase("db").KustoQuery("T"));
    ///     df.Show();
    /// }
    /// </code>
    /// </example>
    public sealed class SparkSession : IDisposable, IJvmObjectReferenceProvider
    {
        private static readonly object ActiveLock = new object();
        private static SparkSession s_active;

        private readonly SparkGatewayProcess _gateway;
        private readonly Py4JClient _client;
        private bool _stopped;

        internal SparkSession(SparkGatewayProcess gateway, Py4JClient client, JvmObjectReference session)
        {
            _gateway = gateway;
            _client = client;
            Reference = session;
        }

        /// <summary>The JVM's <c>org.apache.spark.sql.SparkSession</c>.</summary>
        public JvmObjectReference Reference { get; private set; }

        /// <summary>The process id of the driver JVM.</summary>
        public int DriverProcessId
        {
            get { return _gateway.ProcessId; }
        }

        internal JvmObjectReference EntryPoint
        {
            get { return _client.EntryPoint; }
        }

        internal Py4JClient Client
        {
            get { return _client; }
        }

        /// <summary>A builder of the session.</summary>
        /// <returns>A new builder.</returns>
        public static Builder Builder()
        {
            return new Builder();
        }

        /// <summary>The session <see cref="Sql.Builder.GetOrCreate"/> returned last, if it is not stopped.</summary>
        /// <returns>The running session, or null.</returns>
        public static SparkSession Active()
        {
            lock (ActiveLock)
            {
                return s_active;
            }
        }

        internal static SparkSession GetOrStart(Func<SparkSession> start)
        {
            lock (ActiveLock)
            {
                if (s_active == null)
                {
                    s_active = start();
                }
                return s_active;
            }
        }

        /// <summary>A reader of data sources, such as the <c>kusto</c> format.</summary>
        /// <returns>A new reader.</returns>
        public DataFrameReader Read()
        {
            return new DataFrameReader(Reference.InvokeObject("read"), this);
        }

        /// <summary>Runs a SQL query.</summary>
        /// <param name="sqlText">The query.</param>
        /// <returns>Its result, evaluated lazily.</returns>
        public DataFrame Sql(string sqlText)
        {
            return new DataFrame(Reference.InvokeObject("sql", sqlText), this);
        }

        /// <summary>The session's runtime configuration.</summary>
        /// <returns>The configuration.</returns>
        public RuntimeConfig Conf()
        {
            return new RuntimeConfig(Reference.InvokeObject("conf"));
        }

        /// <summary>The version of Spark the session runs.</summary>
        /// <returns>For example <c>4.2.0</c>.</returns>
        public string Version()
        {
            return (string)Reference.Invoke("version");
        }

        /// <summary>Stops Spark and the driver JVM. Later calls on the session's objects fail.</summary>
        public void Stop()
        {
            lock (ActiveLock)
            {
                if (_stopped)
                {
                    return;
                }
                _stopped = true;
                if (s_active == this)
                {
                    s_active = null;
                }
            }
            try
            {
                Reference.Invoke("stop");
            }
            catch (Exception e) when (e is Py4JException || e is JavaException)
            {
                // The gateway is stopped next anyway; a failed stop must not keep the JVM alive.
            }
            finally
            {
                _client.Dispose();
                _gateway.Dispose();
            }
        }

        /// <summary>The same as <see cref="Stop"/>.</summary>
        public void Dispose()
        {
            Stop();
        }
    }
}
