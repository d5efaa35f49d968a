using System;
using System.Collections.Generic;
using System.Globalization;
using KustoSpark.Text;

namespace KustoSpark
{
    /// <summary>
    /// Typed options of a write, for <c>df.Write().Format("kusto").Options(opts.ToOptions()).Mode("append").Save()</c>.
    /// Immutable; start from <see cref="Create"/>.
    /// </summary>
    /// <example>
    /// <code>
    /// var write = KustoWriteOptions.Create()
    ///     .KustoCluster("https://mycluster.westeurope.kusto.windows.net")
    ///     .KustoDatabase("db")
    ///     .KustoTable("Events")
    ///     .WriteMode(WriteMode.Queued)
    ///     .TableCreateOptions(TableCreationMode.CreateIfNotExist);
    /// </code>
    /// </example>
    public sealed class KustoWriteOptions : KustoConnectionOptions<KustoWriteOptions>
    {
        private static readonly KustoWriteOptions Empty = new KustoWriteOptions(new Dictionary<KustoOption, string>());

        private KustoWriteOptions(IReadOnlyDictionary<KustoOption, string> values) : base(values)
        {
        }

        /// <summary>Options with nothing set.</summary>
        public static KustoWriteOptions Create()
        {
            return Empty;
        }

        internal override KustoWriteOptions Copy(IReadOnlyDictionary<KustoOption, string> newValues)
        {
            return new KustoWriteOptions(newValues);
        }

        /// <summary><c>kustoTable</c>: the target table.</summary>
        /// <param name="table">The table.</param>
        public KustoWriteOptions KustoTable(string table)
        {
            return With(KustoOption.KustoTable, table);
        }

        /// <summary><c>writeMode</c>: how the write ingests.</summary>
        /// <param name="mode">The mode.</param>
        public KustoWriteOptions WriteMode(WriteMode mode)
        {
            return With(KustoOption.WriteMode, EnumNames.Name(mode, KustoOption.WriteMode.Key));
        }

        /// <summary><c>tableCreateOptions</c>: what the write does when the table does not exist.</summary>
        /// <param name="mode">The mode.</param>
        public KustoWriteOptions TableCreateOptions(TableCreationMode mode)
        {
            return With(KustoOption.TableCreateOptions, EnumNames.Name(mode, KustoOption.TableCreateOptions.Key));
        }

        /// <summary><c>adjustSchema</c>: how the columns are matched with the table's.</summary>
        /// <param name="mode">The mode.</param>
        public KustoWriteOptions AdjustSchema(SchemaAdjustmentMode mode)
        {
            return With(KustoOption.AdjustSchema, EnumNames.Name(mode, KustoOption.AdjustSchema.Key));
        }

        /// <summary>Ingestion properties (option <c>sparkIngestionPropertiesJson</c>).</summary>
        /// <param name="properties">The properties.</param>
        public KustoWriteOptions SparkIngestionProperties(SparkIngestionProperties properties)
        {
            if (properties == null) throw new ArgumentNullException("properties", "properties must not be null");
            return With(KustoOption.SparkIngestionPropertiesJson, properties.ToJson());
        }

        /// <summary>Megabytes per blob (option <c>clientBatchingLimit</c>).</summary>
        /// <param name="megabytes">More than 0.</param>
        public KustoWriteOptions ClientBatchingLimit(int megabytes)
        {
            return With(KustoOption.ClientBatchingLimit, megabytes.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary><c>pollingOnDriver</c>: wait for ingestion results on the driver.</summary>
        /// <param name="enabled">Whether to.</param>
        public KustoWriteOptions PollingOnDriver(bool enabled)
        {
            return With(KustoOption.PollingOnDriver, Bool(enabled));
        }

        /// <summary><c>writeEnableAsync</c>: return before ingestion completes.</summary>
        /// <param name="enabled">Whether to.</param>
        public KustoWriteOptions WriteEnableAsync(bool enabled)
        {
            return With(KustoOption.WriteEnableAsync, Bool(enabled));
        }

        /// <summary><c>writeResultLimit</c>: how many ingestion failures the error reports.</summary>
        /// <param name="failures">More than 0.</param>
        public KustoWriteOptions WriteResultLimit(int failures)
        {
            return With(KustoOption.WriteResultLimit, failures.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Report all ingestion failures (<c>writeResultLimit=none</c>).</summary>
        public KustoWriteOptions NoWriteResultLimit()
        {
            return With(KustoOption.WriteResultLimit, "none");
        }

        /// <summary><c>tempTableName</c>: an existing table to stage a transactional write in.</summary>
        /// <param name="table">The table.</param>
        public KustoWriteOptions TempTableName(string table)
        {
            return With(KustoOption.TempTableName, table);
        }

        /// <summary>Megabytes per streaming ingestion request (option <c>streamingIngestSizeInMB</c>).</summary>
        /// <param name="megabytes">More than 0.</param>
        public KustoWriteOptions StreamingIngestSizeInMB(int megabytes)
        {
            return With(KustoOption.StreamingIngestSizeInMB, megabytes.ToString(CultureInfo.InvariantCulture));
        }

        /// <summary><c>stagingResourcesAutoCleanupTimeout</c>: when staging tables of a failed write are dropped; whole seconds.</summary>
        /// <param name="timeout">A positive whole number of seconds.</param>
        public KustoWriteOptions StagingResourcesAutoCleanupTimeout(TimeSpan timeout)
        {
            return With(KustoOption.StagingResourcesAutoCleanupTimeout,
                WholeSeconds(JavaDuration.FromTimeSpan(timeout), KustoOption.StagingResourcesAutoCleanupTimeout));
        }

        /// <summary><c>stagingResourcesAutoCleanupTimeout</c> from a Kusto timespan (<c>7d</c>); whole seconds.</summary>
        /// <param name="timeout">A positive Kusto timespan of whole seconds.</param>
        public KustoWriteOptions StagingResourcesAutoCleanupTimeout(string timeout)
        {
            KustoOption option = KustoOption.StagingResourcesAutoCleanupTimeout;
            return With(option, WholeSeconds(Timespan(timeout, option), option));
        }

        /// <summary><c>kustoIngestionStorageContainer</c> (secret): the JSON array of storage containers for queued ingestion.</summary>
        /// <param name="json"><c>[{"storageUrl":...,"containerName":...,"sas":...}]</c>.</param>
        public KustoWriteOptions KustoIngestionStorageContainer(string json)
        {
            return With(KustoOption.KustoIngestionStorageContainer, json);
        }

        /// <summary><c>disableFlushImmediately</c>: <c>true</c> leaves blobs sealed at <c>clientBatchingLimit</c> to the table's batching policy.</summary>
        /// <param name="disabled">Whether full blobs wait for the batching policy.</param>
        public KustoWriteOptions DisableFlushImmediately(bool disabled)
        {
            return With(KustoOption.DisableFlushImmediately, Bool(disabled));
        }
    }
}
