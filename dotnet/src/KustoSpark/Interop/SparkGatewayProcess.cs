using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Threading;

namespace KustoSpark.Interop
{
    /// <summary>
    /// The driver JVM: <c>$SPARK_HOME/bin/spark-submit --class dev.kustospark.gateway.KustoSparkGateway</c>
    /// with the connector's jars, given a fresh auth token on its stdin.
    /// </summary>
    /// <remarks>
    /// The gateway exits when its stdin ends. This process holds the only writer of that pipe, so the
    /// JVM ends with it whether it is disposed, crashes or is killed.
    /// </remarks>
    internal sealed class SparkGatewayProcess : IDisposable
    {
        internal const string GatewayClass = "dev.kustospark.gateway.KustoSparkGateway";
        internal const string GatewayJarVariable = "KUSTO_SPARK_GATEWAY_JAR";
        internal const string GatewayJarFileName = "kusto-spark-gateway.jar";
        internal const string JarsVariable = "KUSTO_SPARK_JARS";
        private const string PortLinePrefix = "KUSTO_SPARK_GATEWAY_PORT ";
        private const int StderrLinesKept = 40;

        private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
        private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(45);

        private readonly Process _process;
        private readonly Queue<string> _lastErrors = new Queue<string>();
        private readonly ManualResetEvent _portAnnounced = new ManualResetEvent(false);
        private int _port;
        private bool _stopped;

        private SparkGatewayProcess(Process process)
        {
            _process = process;
        }

        /// <summary>The gateway's port on loopback.</summary>
        internal int Port
        {
            get { return _port; }
        }

        /// <summary>The token a client authenticates with.</summary>
        internal string AuthToken { get; private set; }

        /// <summary>The process id of the driver JVM.</summary>
        internal int ProcessId
        {
            get { return _process.Id; }
        }

        /// <summary>
        /// Starts the gateway and waits until it listens. <paramref name="launchConf"/> holds the settings
        /// that only take effect when the JVM starts (<c>spark.jars</c>, <c>spark.driver.*</c>).
        /// </summary>
        internal static SparkGatewayProcess Start(IDictionary<string, string> launchConf)
        {
            string sparkSubmit = Path.Combine(SparkHome(), "bin", "spark-submit");
            var args = new List<string> { "--class", GatewayClass };
            var conf = new Dictionary<string, string>(launchConf);
            string extraJars = Environment.GetEnvironmentVariable(JarsVariable);
            if (!string.IsNullOrEmpty(extraJars))
            {
                string jars;
                conf["spark.jars"] = conf.TryGetValue("spark.jars", out jars) && jars.Length > 0 ? jars + "," + extraJars : extraJars;
            }
            foreach (var entry in conf)
            {
                args.Add("--conf");
                args.Add(entry.Key + "=" + entry.Value);
            }
            args.Add(GatewayJar());

            var startInfo = new ProcessStartInfo(sparkSubmit, CommandLine.Join(args))
            {
                UseShellExecute = false,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                CreateNoWindow = true,
            };
            var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
            var gateway = new SparkGatewayProcess(process);
            process.OutputDataReceived += (sender, e) => gateway.OnOutput(e.Data);
            process.ErrorDataReceived += (sender, e) => gateway.OnError(e.Data);
            process.Exited += (sender, e) => gateway._portAnnounced.Set();
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            gateway.AuthToken = NewToken();
            process.StandardInput.WriteLine(gateway.AuthToken);
            process.StandardInput.Flush();

            if (!gateway._portAnnounced.WaitOne(StartTimeout) || gateway._port == 0)
            {
                string detail = gateway.RecentErrors();
                gateway.Dispose();
                throw new InvalidOperationException("The Spark gateway did not start within " + StartTimeout.TotalSeconds
                    + " s (" + sparkSubmit + "). Its last output:" + Environment.NewLine + detail);
            }
            return gateway;
        }

        private static string SparkHome()
        {
            string home = Environment.GetEnvironmentVariable("SPARK_HOME");
            if (string.IsNullOrEmpty(home) || !File.Exists(Path.Combine(home, "bin", "spark-submit")))
            {
                throw new InvalidOperationException("SPARK_HOME is " + (string.IsNullOrEmpty(home) ? "not set" : "'" + home + "', which has no bin/spark-submit")
                    + "; set it to a Spark 4.2 distribution, for example the pyspark package directory of a virtualenv "
                    + "with pyspark 4.2 installed.");
            }
            return home;
        }

        /// <summary>The gateway jar: <c>KUSTO_SPARK_GATEWAY_JAR</c>, else the one next to this assembly.</summary>
        private static string GatewayJar()
        {
            string configured = Environment.GetEnvironmentVariable(GatewayJarVariable);
            if (!string.IsNullOrEmpty(configured))
            {
                if (!File.Exists(configured))
                {
                    throw new InvalidOperationException(GatewayJarVariable + " is '" + configured + "', which does not exist; "
                        + "point it at kusto-spark-gateway.jar (built by mvn -pl jvm-core/kusto-spark-gateway package).");
                }
                return configured;
            }
            string nextToAssembly = Path.Combine(Path.GetDirectoryName(typeof(SparkGatewayProcess).GetTypeInfo().Assembly.Location), GatewayJarFileName);
            if (!File.Exists(nextToAssembly))
            {
                throw new InvalidOperationException("No " + GatewayJarFileName + " next to KustoSpark.dll (" + nextToAssembly + ") and "
                    + GatewayJarVariable + " is not set; set it to the jar built by mvn -pl jvm-core/kusto-spark-gateway package.");
            }
            return nextToAssembly;
        }

        private static string NewToken()
        {
            var bytes = new byte[32];
            using (var random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }
            var token = new StringBuilder(64);
            foreach (byte b in bytes)
            {
                token.Append(b.ToString("x2"));
            }
            return token.ToString();
        }

        private void OnOutput(string line)
        {
            if (line == null)
            {
                return;
            }
            if (_port == 0 && line.StartsWith(PortLinePrefix, StringComparison.Ordinal))
            {
                _port = int.Parse(line.Substring(PortLinePrefix.Length).Trim());
                _portAnnounced.Set();
                return;
            }
            Console.Out.WriteLine(line);
        }

        private void OnError(string line)
        {
            if (line == null)
            {
                return;
            }
            lock (_lastErrors)
            {
                _lastErrors.Enqueue(line);
                while (_lastErrors.Count > StderrLinesKept)
                {
                    _lastErrors.Dequeue();
                }
            }
            Console.Error.WriteLine(line);
        }

        private string RecentErrors()
        {
            lock (_lastErrors)
            {
                return string.Join(Environment.NewLine, _lastErrors.ToArray());
            }
        }

        /// <summary>Closes the gateway's stdin and waits for the JVM to stop Spark and exit; kills it if it does not.</summary>
        internal void Stop()
        {
            if (_stopped)
            {
                return;
            }
            _stopped = true;
            try
            {
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The JVM is gone already.
            }
            catch (InvalidOperationException)
            {
                // The process did not start.
            }
            try
            {
                if (!_process.WaitForExit((int)StopTimeout.TotalMilliseconds))
                {
                    _process.Kill();
                    _process.WaitForExit();
                }
            }
            catch (InvalidOperationException)
            {
                // Not started or already reaped.
            }
        }

        public void Dispose()
        {
            Stop();
            _process.Dispose();
            _portAnnounced.Dispose();
        }
    }
}
