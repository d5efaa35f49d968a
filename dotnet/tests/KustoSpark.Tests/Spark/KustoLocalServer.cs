using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using KustoSpark.Text;

namespace KustoSpark.Tests.Spark
{
    /// <summary>A kusto-local server (with Azurite) in a child process, and its management endpoint.</summary>
    internal sealed class KustoLocalServer : IDisposable
    {
        private const string ListeningPrefix = "kusto-local listening on ";
        private readonly Process _process;

        private KustoLocalServer(Process process, string url, string database)
        {
            _process = process;
            Url = url;
            Database = database;
        }

        internal string Url { get; private set; }

        internal string Database { get; private set; }

        internal static KustoLocalServer Start(string database, params string[] extraArgs)
        {
            var info = new ProcessStartInfo(ProjectPaths.KustoLocal,
                "--port 0 --in-memory --database " + database + " --with-azurite " + string.Join(" ", extraArgs))
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            var process = new Process { StartInfo = info };
            string url = null;
            var listening = new ManualResetEvent(false);
            var errors = new StringBuilder();
            process.OutputDataReceived += (sender, e) =>
            {
                if (e.Data != null && e.Data.StartsWith(ListeningPrefix, StringComparison.Ordinal))
                {
                    url = e.Data.Substring(ListeningPrefix.Length).Trim();
                    listening.Set();
                }
            };
            process.ErrorDataReceived += (sender, e) =>
            {
                if (e.Data != null)
                {
                    lock (errors)
                    {
                        errors.AppendLine(e.Data);
                    }
                }
            };
            process.EnableRaisingEvents = true;
            process.Exited += (sender, e) => listening.Set();
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            if (!listening.WaitOne(TimeSpan.FromMinutes(3)) || url == null)
            {
                Terminate(process);
                throw new InvalidOperationException("kusto-local did not start: " + errors);
            }
            return new KustoLocalServer(process, url, database);
        }

        /// <summary>Runs a management command and returns the response body.</summary>
        internal string Mgmt(string command)
        {
            var request = (HttpWebRequest)WebRequest.Create(Url + "/v1/rest/mgmt");
            request.Method = "POST";
            request.ContentType = "application/json; charset=utf-8";
            request.Headers["Authorization"] = "Bearer test";
            byte[] body = Encoding.UTF8.GetBytes("{\"db\":" + Json.Quote(Database) + ",\"csl\":" + Json.Quote(command) + "}");
            using (Stream stream = request.GetRequestStream())
            {
                stream.Write(body, 0, body.Length);
            }
            try
            {
                using (var response = (HttpWebResponse)request.GetResponse())
                using (var reader = new StreamReader(response.GetResponseStream(), Encoding.UTF8))
                {
                    return reader.ReadToEnd();
                }
            }
            catch (WebException e)
            {
                string detail = e.Response == null ? e.Message : new StreamReader(e.Response.GetResponseStream()).ReadToEnd();
                throw new InvalidOperationException("kusto-local refused '" + command + "': " + detail, e);
            }
        }

        /// <summary>SIGTERM first, so that kusto-local stops its Azurite child; SIGKILL if it lingers.</summary>
        private static void Terminate(Process process)
        {
            if (process.HasExited)
            {
                return;
            }
            Signals.Send("-TERM", process.Id);
            if (!process.WaitForExit(30000))
            {
                process.Kill();
                process.WaitForExit();
            }
        }

        public void Dispose()
        {
            Terminate(_process);
            _process.Dispose();
        }
    }
}
