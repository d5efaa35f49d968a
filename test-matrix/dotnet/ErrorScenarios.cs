using System;
using System.Collections.Generic;
using System.Linq;
using KustoSpark.Sql;

namespace KustoSpark.Matrix
{
    /// <summary>Scenarios 10, 11 and 12: errors, and what their messages say.</summary>
    public static class ErrorScenarios
    {
        public static IEnumerable<KeyValuePair<string, Func<MatrixSession, string>>> All()
        {
            yield return ReadScenarios.Entry("10-bad-option", BadOption);
            yield return ReadScenarios.Entry("11-unknown-table", UnknownTable);
            yield return ReadScenarios.Entry("12-auth-required", AuthRequired);
        }

        private static void RequireAll(string messages, params string[] parts)
        {
            foreach (string part in parts)
            {
                ScenarioFailure.Check(messages.Contains(part), "the error does not contain '" + part + "': " + messages);
            }
        }

        private static string BadOption(MatrixSession s)
        {
            // The raw option, not the typed builder: the connector itself must refuse the value.
            var options = new Dictionary<string, string>(s.ReadOptions("MatrixNumbers").ToOptions());
            options["readMode"] = "Sometimes";
            string messages = MatrixSession.FailureMessages("a read with readMode=Sometimes", () => s.Read(options).Collect().ToList());
            RequireAll(messages, "readMode", "Sometimes", "ForceSingleMode");
            return MatrixSession.ErrorChecksum("readMode");
        }

        private static string UnknownTable(MatrixSession s)
        {
            string table = s.Env.Table("NoSuchTable");
            string messages = MatrixSession.FailureMessages("a read of " + table, () => s.Read(s.ReadOptions(table + " | take 1")).Collect().ToList());
            RequireAll(messages, table);
            return MatrixSession.ErrorChecksum("NoSuchTable");
        }

        private static string AuthRequired(MatrixSession s)
        {
            const string query = "MatrixNumbers | where x <= 3";
            string messages = MatrixSession.FailureMessages("a read without a token",
                () => s.Read(s.ReadOptions(query).KustoCluster(s.Env.AuthUrl)).Collect().ToList());
            ScenarioFailure.Check(messages.Contains("401") || messages.Contains("Unauthorized"), "the error does not say 401 or Unauthorized: " + messages);
            DataFrame result = s.Read(s.ReadOptions(query).KustoCluster(s.Env.AuthUrl).AccessToken(s.Env.Token)).Select("x", "s");
            long[] xs = result.Collect().Select(r => r.GetAs<long>(0)).OrderBy(x => x).ToArray();
            ScenarioFailure.Check(xs.SequenceEqual(new[] { 1L, 2L, 3L }), "with the token, got x = " + string.Join(", ", xs));
            string refused = MatrixSession.FailureMessages("a read with a wrong token",
                () => s.Read(s.ReadOptions(query).KustoCluster(s.Env.AuthUrl).AccessToken(s.Env.Token + "-wrong")).Collect().ToList());
            ScenarioFailure.Check(!refused.Contains(s.Env.Token), "an error message shows the token");
            return s.Checksum(result);
        }
    }
}
