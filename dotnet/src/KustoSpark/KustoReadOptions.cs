using System.Collections.Generic;

namespace KustoSpark
{
    /// <summary>
    /// Typed options of a read, for <c>spark.Read().Format("kusto").Options(opts.ToOptions()).Load()</c>.
    /// Immutable; start from <see cref="Create"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var read = KustoReadOptions.Create()
    ///     .KustoCluster("https://mycluster.westeurope.kusto.windows.net")
    ///     .KustoDatabase("db")
    ///     .KustoQuery("StormEvents | take 10")
    ///     .ReadMode(ReadMode.ForceSingleMode);
    /// IDictionary&lt;string, string&gt; options = read.ToOptions();
    /// </code>
    /// </example>
    public sealed class KustoReadOptions : KustoConnectionOptions<KustoReadOptions>
    {
        private static readonly KustoReadOptions Empty = new KustoReadOptions(new Dictionary<KustoOption, string>());

        private KustoReadOptions(IReadOnlyDictionary<KustoOption, string> values) : base(values)
        {
        }

        /// <summary>Options with nothing set.</summary>
        public static KustoReadOptions Create()
        {
            return Empty;
        }

        internal override KustoReadOptions Copy(IReadOnlyDictionary<KustoOption, string> newValues)
        {
            return new KustoReadOptions(newValues);
        }

        /// <summary><c>kustoQuery</c>: the KQL query (or a table name).</summary>
        /// <param name="query">The query.</param>
        public KustoReadOptions KustoQuery(string query)
        {
            return With(KustoOption.KustoQuery, query);
        }

        /// <summary><c>readMode</c>: how the read runs.</summary>
        /// <param name="mode">The mode.</param>
        public KustoReadOptions ReadMode(ReadMode mode)
        {
            return With(KustoOption.ReadMode, Text.EnumNames.Name(mode, KustoOption.ReadMode.Key));
        }

        /// <summary><c>customSchema</c>: the schema as Spark DDL (<c>a INT, b STRING</c>).</summary>
        /// <param name="ddl">The schema.</param>
        public KustoReadOptions CustomSchema(string ddl)
        {
            return With(KustoOption.CustomSchema, ddl);
        }

        /// <summary><c>queryFilterPushDown</c>: translate Spark filters to the query's <c>where</c>.</summary>
        /// <param name="enabled">Whether to.</param>
        public KustoReadOptions QueryFilterPushDown(bool enabled)
        {
            return With(KustoOption.QueryFilterPushDown, Bool(enabled));
        }

        /// <summary><c>numPartitions</c>: partitions of <see cref="KustoSpark.ReadMode.ForcePartitionedMode"/>.</summary>
        /// <param name="partitions">More than 0.</param>
        public KustoReadOptions NumPartitions(int partitions)
        {
            return With(KustoOption.NumPartitions, partitions.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        /// <summary><c>partitionColumn</c>: the column hashed to split partitioned reads.</summary>
        /// <param name="column">The column.</param>
        public KustoReadOptions PartitionColumn(string column)
        {
            return With(KustoOption.PartitionColumn, column);
        }

        /// <summary><c>transientStorage</c> (secret): the storage JSON of <see cref="KustoSpark.ReadMode.ForceDistributedMode"/>.</summary>
        /// <param name="json"><c>{"storageCredentials":[...],"endpointSuffix":"core.windows.net"}</c>.</param>
        public KustoReadOptions TransientStorage(string json)
        {
            return With(KustoOption.TransientStorage, json);
        }

        /// <summary><c>kustoExportOptionsJson</c>: properties of the export command, as a JSON object.</summary>
        /// <param name="json">A JSON object.</param>
        public KustoReadOptions KustoExportOptionsJson(string json)
        {
            return With(KustoOption.KustoExportOptionsJson, json);
        }

        /// <summary><c>distributedReadModeTransientCache</c>: reuse an export of the same query.</summary>
        /// <param name="enabled">Whether to.</param>
        public KustoReadOptions DistributedReadModeTransientCache(bool enabled)
        {
            return With(KustoOption.DistributedReadModeTransientCache, Bool(enabled));
        }

        /// <summary><c>storageProtocol</c>: <c>wasbs</c>, <c>abfs</c> or <c>abfss</c>.</summary>
        /// <param name="protocol">The protocol.</param>
        public KustoReadOptions StorageProtocol(string protocol)
        {
            return With(KustoOption.StorageProtocol, protocol);
        }

        /// <summary><c>dbgBlobCompressOnExport</c>: <c>false</c> exports uncompressed Parquet for distributed reads.</summary>
        /// <param name="enabled">Whether exports are compressed (the default).</param>
        public KustoReadOptions DbgBlobCompressOnExport(bool enabled)
        {
            return With(KustoOption.DbgBlobCompressOnExport, Bool(enabled));
        }
    }
}
