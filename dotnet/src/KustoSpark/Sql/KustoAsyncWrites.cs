using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace KustoSpark.Sql
{
    /// <summary>
    /// The outcomes of writes with <c>writeEnableAsync=true</c>, which return from <c>Save()</c> once
    /// their tasks have queued the data while the Spark driver finishes them in the background: the
    /// Java connector's <c>KustoAsyncWrites</c>, reached in the driver. Set <c>requestId</c> on the
    /// write to know it by.
    /// </summary>
    /// <example>
    /// <code>
    /// df.Write().Kusto(options.WriteEnableAsync(true).RequestId("nightly-0601")).Mode(SaveMode.Append).Save();
    /// KustoAsyncWriteOutcome outcome = KustoAsyncWrites.Await(spark, "nightly-0601", TimeSpan.FromHours(1));
    /// outcome.OrThrow();   // InvalidOperationException with the write's error when it failed
    /// </code>
    /// </example>
    public static class KustoAsyncWrites
    {
        /// <summary>The data source that waits for the writes when it is read.</summary>
        public const string FormatName = "kusto-async-writes";

        /// <summary>Waits for the write of <paramref name="requestId"/> to end.</summary>
        /// <param name="spark">The session that ran the write.</param>
        /// <param name="requestId">The write's <c>requestId</c> option.</param>
        /// <param name="timeout">The longest wait, in whole seconds; null for <c>timeoutLimit</c>'s default (two days).</param>
        /// <returns>Its outcome; <c>State</c> is <c>RUNNING</c> when the timeout passed first.</returns>
        public static KustoAsyncWriteOutcome Await(SparkSession spark, string requestId, TimeSpan? timeout = null)
        {
            if (string.IsNullOrEmpty(requestId))
            {
                throw new ArgumentException("requestId is empty: pass the write's requestId option.", "requestId");
            }
            return Read(spark, requestId, timeout)[0];
        }

        /// <summary>Waits for every asynchronous write the Spark driver has started to end.</summary>
        /// <param name="spark">The session that ran the writes.</param>
        /// <param name="timeout">The longest wait for them all, in whole seconds; null for <c>timeoutLimit</c>'s default.</param>
        /// <returns>Their outcomes, oldest first (the driver keeps the last 1000).</returns>
        public static IReadOnlyList<KustoAsyncWriteOutcome> AwaitAll(SparkSession spark, TimeSpan? timeout = null)
        {
            return Read(spark, null, timeout);
        }

        private static IReadOnlyList<KustoAsyncWriteOutcome> Read(SparkSession spark, string requestId, TimeSpan? timeout)
        {
            if (spark == null)
            {
                throw new ArgumentNullException("spark");
            }
            DataFrameReader reader = spark.Read().Format(FormatName);
            if (requestId != null)
            {
                reader.Option("requestId", requestId);
            }
            if (timeout.HasValue)
            {
                double seconds = timeout.Value.TotalSeconds;
                if (seconds <= 0 || seconds != Math.Floor(seconds))
                {
                    throw new ArgumentException("timeout is " + timeout.Value.ToString("c", CultureInfo.InvariantCulture)
                        + ": expected a whole number of seconds > 0.", "timeout");
                }
                reader.Option("timeoutLimit", (long)seconds);
            }
            return reader.Load().Collect().Select(r => new KustoAsyncWriteOutcome((string)r.Get("requestId"),
                (string)r.Get("database"), (string)r.Get("table"), (string)r.Get("state"), (long)r.Get("rows"),
                (string)r.Get("error"))).ToList().AsReadOnly();
        }
    }

    /// <summary>What became of one asynchronous write.</summary>
    public sealed class KustoAsyncWriteOutcome
    {
        internal KustoAsyncWriteOutcome(string requestId, string database, string table, string state, long rows, string error)
        {
            RequestId = requestId;
            Database = database;
            Table = table;
            State = state;
            Rows = rows;
            Error = error;
        }

        /// <summary>The write's <c>requestId</c>.</summary>
        public string RequestId { get; private set; }

        /// <summary>The database written to.</summary>
        public string Database { get; private set; }

        /// <summary>The table written to.</summary>
        public string Table { get; private set; }

        /// <summary><c>RUNNING</c> (the wait ended first), <c>SUCCEEDED</c> or <c>FAILED</c>.</summary>
        public string State { get; private set; }

        /// <summary>The rows written, when it succeeded.</summary>
        public long Rows { get; private set; }

        /// <summary>The connector's message, when it failed; else null.</summary>
        public string Error { get; private set; }

        /// <summary>Whether the write has ended, in success or failure.</summary>
        public bool Done
        {
            get { return State != "RUNNING"; }
        }

        /// <summary>This outcome when the write succeeded.</summary>
        /// <returns>This outcome.</returns>
        /// <exception cref="InvalidOperationException">The write failed (with its error), or is still running.</exception>
        public KustoAsyncWriteOutcome OrThrow()
        {
            string what = "Asynchronous write into table '" + Table + "' (requestId " + RequestId + ")";
            if (State == "FAILED")
            {
                throw new InvalidOperationException(what + " failed: " + Error);
            }
            if (State == "RUNNING")
            {
                throw new InvalidOperationException(what + " is still running; wait longer with KustoAsyncWrites.Await.");
            }
            return this;
        }

        /// <summary>The outcome in one line.</summary>
        /// <returns>Request id, table, state and rows or error.</returns>
        public override string ToString()
        {
            return RequestId + " " + Database + "." + Table + " " + State + (Error != null ? ": " + Error : " (" + Rows + " rows)");
        }
    }
}
