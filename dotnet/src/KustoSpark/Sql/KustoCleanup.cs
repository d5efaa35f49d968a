using System;
using System.Collections.Generic;
using System.Linq;

namespace KustoSpark.Sql
{
    /// <summary>
    /// Removes what writes and reads that died left behind, as every write does first: the Java
    /// connector's <c>KustoCleanup.run(options)</c>, run in the Spark driver. Only the connector's own
    /// leftovers go: temporary tables <c>sparkTempTable_…</c> whose docstring holds its in-use mark,
    /// and exports <c>kusto-spark/&lt;uuid&gt;…</c> next to their owner blob, in either case not renewed
    /// for <c>timeoutLimit</c> (at least 10 minutes) by the process that made them.
    /// </summary>
    /// <example>
    /// <code>
    /// KustoCleanupResult removed = KustoCleanup.Run(spark, KustoWriteOptions.Create()
    ///     .KustoCluster("https://mycluster.kusto.windows.net").KustoDatabase("db"));
    /// foreach (string table in removed.DroppedTables) Console.WriteLine("dropped " + table);
    /// </code>
    /// </example>
    public static class KustoCleanup
    {
        /// <summary>The data source that runs the clean-up when it is read.</summary>
        public const string FormatName = "kusto-cleanup";

        /// <summary>Cleans up the database of the options (read or write options; the others are ignored).</summary>
        /// <typeparam name="T">The options' type.</typeparam>
        /// <param name="spark">The session.</param>
        /// <param name="options">The connection, and <c>transientStorage</c> to look for exports there.</param>
        /// <returns>What was removed, and what was found but could not be removed.</returns>
        public static KustoCleanupResult Run<T>(SparkSession spark, KustoConnectionOptions<T> options) where T : KustoConnectionOptions<T>
        {
            if (options == null)
            {
                throw new ArgumentNullException("options", "Pass the connection options, for example KustoWriteOptions.Create().KustoCluster(...).KustoDatabase(...).");
            }
            return Run(spark, options.ToOptions());
        }

        /// <summary>Cleans up the database of an option map (read or write options; the others are ignored).</summary>
        /// <param name="spark">The session.</param>
        /// <param name="options">The connection options, and <c>transientStorage</c> to look for exports there.</param>
        /// <returns>What was removed, and what was found but could not be removed.</returns>
        public static KustoCleanupResult Run(SparkSession spark, IDictionary<string, string> options)
        {
            if (spark == null)
            {
                throw new ArgumentNullException("spark");
            }
            if (options == null)
            {
                throw new ArgumentNullException("options", "Pass the connection options: kustoCluster, kustoDatabase and authentication.");
            }
            Row[] rows = spark.Read().Format(FormatName).Options(options).Load().Collect().ToArray();
            Func<string, IReadOnlyList<string>> named = kind =>
                rows.Where(r => (string)r.Get("kind") == kind).Select(r => (string)r.Get("name")).ToList().AsReadOnly();
            return new KustoCleanupResult(named("table"), named("blob"), named("failure"));
        }
    }

    /// <summary>What <see cref="KustoCleanup.Run(SparkSession, IDictionary{string, string})"/> removed.</summary>
    public sealed class KustoCleanupResult
    {
        internal KustoCleanupResult(IReadOnlyList<string> droppedTables, IReadOnlyList<string> deletedBlobs, IReadOnlyList<string> failures)
        {
            DroppedTables = droppedTables;
            DeletedBlobs = deletedBlobs;
            Failures = failures;
        }

        /// <summary>The temporary tables dropped, by name.</summary>
        public IReadOnlyList<string> DroppedTables { get; private set; }

        /// <summary>The exported files deleted, as <c>&lt;container URL&gt;/&lt;blob name&gt;</c> (no SAS).</summary>
        public IReadOnlyList<string> DeletedBlobs { get; private set; }

        /// <summary>One line for each leftover found but not removed, with the reason.</summary>
        public IReadOnlyList<string> Failures { get; private set; }

        /// <summary>Whether nothing was found to remove.</summary>
        public bool IsEmpty
        {
            get { return DroppedTables.Count == 0 && DeletedBlobs.Count == 0 && Failures.Count == 0; }
        }
    }
}
