package dev.kustospark.spark;

import java.time.Duration;
import java.util.Map;

/**
 * Typed options of a write: {@code df.write().format("kusto").options(opts.toOptions()).mode("append").save()}.
 * Immutable; start from {@link #create()}.
 */
public final class KustoWriteOptions extends KustoConnectionOptions<KustoWriteOptions> {
    private KustoWriteOptions(Map<KustoOption, String> values) {
        super(values);
    }

    public static KustoWriteOptions create() {
        return new KustoWriteOptions(Map.of());
    }

    @Override
    KustoWriteOptions copy(Map<KustoOption, String> newValues) {
        return new KustoWriteOptions(newValues);
    }

    public KustoWriteOptions kustoTable(String table) {
        return with(KustoOption.KUSTO_TABLE, table);
    }

    public KustoWriteOptions writeMode(WriteMode mode) {
        return with(KustoOption.WRITE_MODE, mode.name());
    }

    /** Option {@code tableCreateOptions}. */
    public KustoWriteOptions tableCreateOptions(TableCreationMode mode) {
        return with(KustoOption.TABLE_CREATE_OPTIONS, mode.name());
    }

    /** Option {@code adjustSchema}. */
    public KustoWriteOptions adjustSchema(SchemaAdjustmentMode mode) {
        return with(KustoOption.ADJUST_SCHEMA, mode.name());
    }

    /** Option {@code sparkIngestionPropertiesJson}. */
    public KustoWriteOptions sparkIngestionProperties(SparkIngestionProperties properties) {
        return with(KustoOption.SPARK_INGESTION_PROPERTIES_JSON, properties.toJson());
    }

    /** Megabytes per blob (option {@code clientBatchingLimit}). */
    public KustoWriteOptions clientBatchingLimit(int megabytes) {
        return with(KustoOption.CLIENT_BATCHING_LIMIT, Integer.toString(megabytes));
    }

    public KustoWriteOptions pollingOnDriver(boolean enabled) {
        return with(KustoOption.POLLING_ON_DRIVER, Boolean.toString(enabled));
    }

    public KustoWriteOptions writeEnableAsync(boolean enabled) {
        return with(KustoOption.WRITE_ENABLE_ASYNC, Boolean.toString(enabled));
    }

    /** How many ingestion failures the error reports. */
    public KustoWriteOptions writeResultLimit(int failures) {
        return with(KustoOption.WRITE_RESULT_LIMIT, Integer.toString(failures));
    }

    /** Report all ingestion failures ({@code writeResultLimit=none}). */
    public KustoWriteOptions noWriteResultLimit() {
        return with(KustoOption.WRITE_RESULT_LIMIT, "none");
    }

    public KustoWriteOptions tempTableName(String table) {
        return with(KustoOption.TEMP_TABLE_NAME, table);
    }

    /** Megabytes per streaming ingestion request (option {@code streamingIngestSizeInMB}). */
    public KustoWriteOptions streamingIngestSizeInMB(int megabytes) {
        return with(KustoOption.STREAMING_INGEST_SIZE_IN_MB, Integer.toString(megabytes));
    }

    /** Whole seconds. */
    public KustoWriteOptions stagingResourcesAutoCleanupTimeout(Duration timeout) {
        return with(KustoOption.STAGING_RESOURCES_AUTO_CLEANUP_TIMEOUT,
                wholeSeconds(timeout, KustoOption.STAGING_RESOURCES_AUTO_CLEANUP_TIMEOUT));
    }

    /** The JSON array of storage containers for queued ingestion. */
    public KustoWriteOptions kustoIngestionStorageContainer(String json) {
        return with(KustoOption.KUSTO_INGESTION_STORAGE_CONTAINER, json);
    }

    /** {@code true} leaves blobs sealed at {@code clientBatchingLimit} to the table's batching policy. */
    public KustoWriteOptions disableFlushImmediately(boolean disabled) {
        return with(KustoOption.DISABLE_FLUSH_IMMEDIATELY, Boolean.toString(disabled));
    }
}
