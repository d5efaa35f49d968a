using System;

namespace KustoSpark.Sql
{
    /// <summary>The connector's typed options on Spark's reader and writer.</summary>
    /// <example>
    /// <code>
    /// DataFrame df = spark.Read().Kusto(KustoReadOptions.Create()
    ///     .KustoCluster("https://mycluster.kusto.windows.net").KustoDatabase("db").KustoQuery("T | take 10"));
    /// df.Write().Kusto(KustoWriteOptions.Create()
    ///     .KustoCluster("https://mycluster.kusto.windows.net").KustoDatabase("db").KustoTable("T2"))
    ///   .Mode(SaveMode.Append).Save();
    /// </code>
    /// </example>
    public static class KustoDataSourceExtensions
    {
        /// <summary>The connector's format name, registered by its jar.</summary>
        public const string FormatName = "kusto";

        /// <summary>Reads from Kusto with the typed read options.</summary>
        /// <param name="reader">A reader of the session.</param>
        /// <param name="options">The query, the cluster and the other read options.</param>
        /// <returns>The query's result.</returns>
        public static DataFrame Kusto(this DataFrameReader reader, KustoReadOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options", "Pass the read options, for example KustoReadOptions.Create().KustoQuery(...).");
            }
            return reader.Format(FormatName).Options(options.ToOptions()).Load();
        }

        /// <summary>Sets the format and the typed write options; the write runs on <see cref="DataFrameWriter.Save()"/>.</summary>
        /// <param name="writer">A writer of a DataFrame.</param>
        /// <param name="options">The table, the cluster and the other write options.</param>
        /// <returns>The writer, for <see cref="DataFrameWriter.Mode(SaveMode)"/> and <see cref="DataFrameWriter.Save()"/>.</returns>
        public static DataFrameWriter Kusto(this DataFrameWriter writer, KustoWriteOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options", "Pass the write options, for example KustoWriteOptions.Create().KustoTable(...).");
            }
            return writer.Format(FormatName).Options(options.ToOptions());
        }
    }
}
