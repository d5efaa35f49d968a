using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace KustoSpark.Matrix
{
    /// <summary>
    /// The C# column of the test matrix: every scenario of test-matrix/scenarios in one Spark session,
    /// results written to KUSTO_MATRIX_OUT. Argument: the path of checksum.sql.
    /// </summary>
    public static class MatrixMain
    {
        public static int Main(string[] args)
        {
            if (args.Length != 1)
            {
                Console.Error.WriteLine("usage: MatrixScenarios.exe <path of test-matrix/scenarios/checksum.sql>");
                return 2;
            }
            MatrixEnv env = MatrixEnv.FromEnvironment(File.ReadAllText(args[0]).Trim());
            var scenarios = ReadScenarios.All().Concat(WriteScenarios.All()).Concat(ErrorScenarios.All())
                .OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
            var results = new List<ScenarioResult>();
            using (var session = new MatrixSession(env))
            {
                foreach (var scenario in scenarios)
                {
                    results.Add(Run(scenario.Key, scenario.Value, session));
                }
            }
            ScenarioResult.WriteAll(env.Out, results);
            return results.All(r => r.Passed) ? 0 : 1;
        }

        private static ScenarioResult Run(string id, Func<MatrixSession, string> body, MatrixSession session)
        {
            var clock = Stopwatch.StartNew();
            ScenarioResult result;
            try
            {
                result = ScenarioResult.Pass(id, body(session));
            }
            catch (ScenarioFailure e)
            {
                result = ScenarioResult.Fail(id, e.Message);
            }
            catch (Exception e)
            {
                result = ScenarioResult.Fail(id, "unexpected " + e.GetType().FullName + ": " + e.Message);
            }
            Console.Error.WriteLine("[dotnet " + session.Env.Lang + "] " + id + " " + (result.Passed ? "pass" : "FAIL")
                + " (" + clock.ElapsedMilliseconds + " ms)" + (result.Passed ? "" : ": " + result.Detail));
            return result;
        }
    }

    /// <summary>The environment run.sh gives every language (test-matrix/README.md).</summary>
    public sealed class MatrixEnv
    {
        public const string Database = "matrix";

        public string Url { get; private set; }
        public string AuthUrl { get; private set; }
        public string Token { get; private set; }
        public string FaultyUrl { get; private set; }
        public string Lang { get; private set; }
        public string Out { get; private set; }
        public string ChecksumSql { get; private set; }

        public static MatrixEnv FromEnvironment(string checksumSql)
        {
            return new MatrixEnv
            {
                Url = Require("KUSTO_MATRIX_URL"),
                AuthUrl = Require("KUSTO_MATRIX_AUTH_URL"),
                Token = Require("KUSTO_MATRIX_TOKEN"),
                FaultyUrl = Require("KUSTO_MATRIX_FAULTY_URL"),
                Lang = Require("KUSTO_MATRIX_LANG"),
                Out = Require("KUSTO_MATRIX_OUT"),
                ChecksumSql = checksumSql,
            };
        }

        /// <summary>The language's own name for a table a scenario writes: <c>Name_lang</c>.</summary>
        public string Table(string name)
        {
            return name + "_" + Lang;
        }

        private static string Require(string name)
        {
            string value = Environment.GetEnvironmentVariable(name);
            if (string.IsNullOrEmpty(value))
            {
                throw new InvalidOperationException(name + " is not set; test-matrix/run.sh sets it (see test-matrix/README.md).");
            }
            return value;
        }
    }

    /// <summary>A scenario's expectation did not hold.</summary>
    public sealed class ScenarioFailure : Exception
    {
        public ScenarioFailure(string message) : base(message)
        {
        }

        public static void Check(bool condition, string message)
        {
            if (!condition)
            {
                throw new ScenarioFailure(message);
            }
        }
    }

    /// <summary>One entry of the results file.</summary>
    public sealed class ScenarioResult
    {
        public string Scenario { get; private set; }
        public bool Passed { get; private set; }
        public string Checksum { get; private set; }
        public string Detail { get; private set; }

        public static ScenarioResult Pass(string scenario, string checksum)
        {
            return new ScenarioResult { Scenario = scenario, Passed = true, Checksum = checksum, Detail = "" };
        }

        public static ScenarioResult Fail(string scenario, string detail)
        {
            return new ScenarioResult { Scenario = scenario, Passed = false, Checksum = "", Detail = detail };
        }

        public static void WriteAll(string file, IList<ScenarioResult> results)
        {
            var json = new StringBuilder("[\n");
            for (int i = 0; i < results.Count; i++)
            {
                ScenarioResult r = results[i];
                json.Append("  {\"scenario\": ").Append(Quote(r.Scenario))
                    .Append(", \"status\": ").Append(Quote(r.Passed ? "pass" : "fail"))
                    .Append(", \"checksum\": ").Append(Quote(r.Checksum))
                    .Append(", \"detail\": ").Append(Quote(r.Detail)).Append('}')
                    .Append(i + 1 < results.Count ? ",\n" : "\n");
            }
            json.Append("]\n");
            string directory = Path.GetDirectoryName(Path.GetFullPath(file));
            Directory.CreateDirectory(directory);
            File.WriteAllText(file, json.ToString(), new UTF8Encoding(false));
        }

        private static string Quote(string text)
        {
            var quoted = new StringBuilder("\"");
            foreach (char c in text ?? "")
            {
                switch (c)
                {
                    case '"': quoted.Append("\\\""); break;
                    case '\\': quoted.Append("\\\\"); break;
                    case '\n': quoted.Append("\\n"); break;
                    case '\r': quoted.Append("\\r"); break;
                    case '\t': quoted.Append("\\t"); break;
                    default:
                        if (c < 0x20)
                        {
                            quoted.Append("\\u").Append(((int)c).ToString("x4"));
                        }
                        else
                        {
                            quoted.Append(c);
                        }
                        break;
                }
            }
            return quoted.Append('"').ToString();
        }
    }
}
