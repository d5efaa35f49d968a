using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using KustoSpark.Sql;

namespace KustoSpark.Matrix
{
    /// <summary>The Spark session the scenarios share, and what they all need from it.</summary>
    public sealed class MatrixSession : IDisposable
    {
        public const string LinkedService = "matrix";

        public MatrixSession(MatrixEnv env)
        {
            Env = env;
            Spark = SparkSession.Builder().Master("local[2]").AppName("kusto-spark-matrix-" + env.Lang)
                .Config("spark.ui.enabled", false)
                .Config("spark.sql.shuffle.partitions", 2)
                .Config("spark.sql.session.timeZone", "UTC")
                .Config("spark.kusto.linkedService." + LinkedService + ".cluster", env.Url)
                .Config("spark.kusto.linkedService." + LinkedService + ".database", MatrixEnv.Database)
                .GetOrCreate();
        }

        public MatrixEnv Env { get; private set; }

        public SparkSession Spark { get; private set; }

        /// <summary>Typed read options for the main server's database.</summary>
        public KustoReadOptions ReadOptions(string query)
        {
            return KustoReadOptions.Create().KustoCluster(Env.Url).KustoDatabase(MatrixEnv.Database).KustoQuery(query);
        }

        public DataFrame Read(KustoReadOptions options)
        {
            return Spark.Read().Kusto(options);
        }

        public DataFrame Read(IDictionary<string, string> options)
        {
            return Spark.Read().Format("kusto").Options(options).Load();
        }

        /// <summary>checksum.sql over <paramref name="result"/> as <c>matrix_result</c>: Spark computes it, the same in every language.</summary>
        public string Checksum(DataFrame result)
        {
            result.CreateOrReplaceTempView("matrix_result");
            return Spark.Sql(Env.ChecksumSql).Collect().Single().GetAs<string>(0);
        }

        /// <summary>The checksum of a scenario whose outcome is an error: SHA-256 of <c>error:name</c>.</summary>
        public static string ErrorChecksum(string name)
        {
            using (SHA256 sha = SHA256.Create())
            {
                byte[] digest = sha.ComputeHash(Encoding.UTF8.GetBytes("error:" + name));
                return string.Concat(digest.Select(b => b.ToString("x2")));
            }
        }

        /// <summary>The messages of the exception <paramref name="action"/> throws and of its inner exceptions (the Java causes).</summary>
        public static string FailureMessages(string what, Func<object> action)
        {
            object result;
            try
            {
                result = action();
            }
            catch (Exception e)
            {
                var messages = new StringBuilder();
                for (Exception current = e; current != null; current = current.InnerException)
                {
                    messages.Append(current.Message).Append('\n');
                }
                return messages.ToString();
            }
            throw new ScenarioFailure(what + " should have failed but returned " + result);
        }

        public void Dispose()
        {
            Spark.Dispose();
        }
    }
}
