package dev.kustospark.spark.config;

import dev.kustospark.spark.KustoOption.Side;
import dev.kustospark.spark.KustoOption;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.SchemaAdjustmentMode;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.TableCreationMode;
import dev.kustospark.spark.WriteMode;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The options of a write, checked and typed. Built on the driver with {@link #from(Map, Map)};
 * settings that only the driver uses (staging cleanup, the ingestion storage's credentials) are not
 * serialised.
 */
public final class WriteConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final ConnectionConfig connection;
    private final String table;
    private final WriteMode writeMode;
    private final TableCreationMode tableCreationMode;
    private final SchemaAdjustmentMode schemaAdjustmentMode;
    private final SparkIngestionProperties sparkIngestionProperties;
    private final int streamingIngestSizeInMb;
    private final int clientBatchingLimitMb;
    private final boolean pollingOnDriver;
    private final boolean writeEnableAsync;
    private final Integer writeResultLimit;
    private final String tempTableName;
    private final boolean flushFullBlobs;
    private final transient int moveBatchSize;
    private final transient int moveRetries;
    private final transient Duration stagingResourcesAutoCleanupTimeout;
    private final transient String ingestionStorageContainer;

    private WriteConfig(ParsedOptions o) {
        this.connection = ConnectionConfig.from(o);
        this.table = o.required(KustoOption.KUSTO_TABLE, "MyTable").strip();
        this.writeMode = o.get(KustoOption.WRITE_MODE).map(WriteMode::valueOf).orElse(WriteMode.Transactional);
        this.tableCreationMode = o.get(KustoOption.TABLE_CREATE_OPTIONS).map(TableCreationMode::valueOf)
                .orElse(TableCreationMode.FailIfNotExist);
        this.schemaAdjustmentMode = o.get(KustoOption.ADJUST_SCHEMA).map(SchemaAdjustmentMode::valueOf)
                .orElse(SchemaAdjustmentMode.NoAdjustment);
        this.sparkIngestionProperties = o.get(KustoOption.SPARK_INGESTION_PROPERTIES_JSON)
                .map(SparkIngestionProperties::fromJson).orElse(SparkIngestionProperties.empty());
        this.streamingIngestSizeInMb = o.integer(KustoOption.STREAMING_INGEST_SIZE_IN_MB);
        this.clientBatchingLimitMb = o.integer(KustoOption.CLIENT_BATCHING_LIMIT);
        this.pollingOnDriver = o.bool(KustoOption.POLLING_ON_DRIVER);
        this.writeEnableAsync = o.bool(KustoOption.WRITE_ENABLE_ASYNC);
        String limit = o.get(KustoOption.WRITE_RESULT_LIMIT).orElse(KustoOption.WRITE_RESULT_LIMIT.defaultValue().orElseThrow());
        this.writeResultLimit = limit.equals("none") ? null : Integer.valueOf(limit);
        this.tempTableName = o.get(KustoOption.TEMP_TABLE_NAME).map(String::strip).orElse(null);
        this.flushFullBlobs = !o.bool(KustoOption.DISABLE_FLUSH_IMMEDIATELY);
        this.moveBatchSize = o.integer(KustoOption.MAXIMAL_EXTENTS_COUNT_FOR_SPLIT_MERGE_PER_NODE);
        this.moveRetries = o.integer(KustoOption.MAX_RETRIES_ON_MOVE_EXTENTS);
        this.stagingResourcesAutoCleanupTimeout = Duration.ofSeconds(o.seconds(KustoOption.STAGING_RESOURCES_AUTO_CLEANUP_TIMEOUT));
        this.ingestionStorageContainer = o.get(KustoOption.KUSTO_INGESTION_STORAGE_CONTAINER).orElse(null);
        checkCombinations();
    }

    private void checkCombinations() {
        if (tempTableName != null && (writeMode != WriteMode.Transactional || tableCreationMode != TableCreationMode.FailIfNotExist)) {
            throw new KustoOptionException("Option tempTableName applies only to writeMode=Transactional with"
                    + " tableCreateOptions=FailIfNotExist, but writeMode is " + writeMode + " and tableCreateOptions is "
                    + tableCreationMode + "; remove tempTableName or change those options.");
        }
        if (writeMode == WriteMode.KustoStreaming) {
            List<String> unsupported = sparkIngestionProperties.fieldsUnsupportedByStreaming();
            if (!unsupported.isEmpty()) {
                throw new KustoOptionException("Option sparkIngestionPropertiesJson sets " + String.join(", ", unsupported)
                        + ", which streaming ingestion cannot apply (writeMode=KustoStreaming); remove them or use"
                        + " writeMode=Transactional or Queued.");
            }
        }
    }

    /**
     * Checks and types the options of a write.
     *
     * @param options   the data source options (keys in any case)
     * @param sparkConf the Spark conf, for {@code spark.synapse.linkedService} profiles
     * @throws KustoOptionException for an unknown, missing or invalid option
     */
    public static WriteConfig from(Map<String, String> options, Map<String, String> sparkConf) {
        return new WriteConfig(ParsedOptions.parse(Objects.requireNonNull(options, "options"),
                sparkConf == null ? Map.of() : sparkConf, Side.WRITE));
    }

    public ConnectionConfig connection() {
        return connection;
    }

    /** The target table's name as given (unquoted). */
    public String table() {
        return table;
    }

    public WriteMode writeMode() {
        return writeMode;
    }

    public TableCreationMode tableCreationMode() {
        return tableCreationMode;
    }

    public SchemaAdjustmentMode schemaAdjustmentMode() {
        return schemaAdjustmentMode;
    }

    /** The ingestion properties; empty, never null. */
    public SparkIngestionProperties sparkIngestionProperties() {
        return sparkIngestionProperties;
    }

    /** Megabytes of uncompressed data per streaming ingestion request. */
    public int streamingIngestSizeInMb() {
        return streamingIngestSizeInMb;
    }

    /** Megabytes of data per blob of queued and transactional writes. */
    public int clientBatchingLimitMb() {
        return clientBatchingLimitMb;
    }

    public boolean pollingOnDriver() {
        return pollingOnDriver;
    }

    public boolean writeEnableAsync() {
        return writeEnableAsync;
    }

    /** How many ingestion failures the error reports; empty means all ({@code none}). */
    public OptionalInt writeResultLimit() {
        return writeResultLimit == null ? OptionalInt.empty() : OptionalInt.of(writeResultLimit);
    }

    /** An existing table to stage a transactional write in. */
    public Optional<String> tempTableName() {
        return Optional.ofNullable(tempTableName);
    }

    /**
     * Whether blobs sealed at {@code clientBatchingLimit} are ingested with {@code flushImmediately}
     * (option {@code disableFlushImmediately} unset); a task's last blob follows the ingestion properties.
     */
    public boolean flushFullBlobs() {
        return flushFullBlobs;
    }

    /** Extents per {@code .move extents} of a transactional commit (option maximalExtentsCountForSplitMergePerNode; driver only). */
    public int moveBatchSize() {
        return moveBatchSize;
    }

    /** Retries of a move that failed for a single extent (option maxRetriesOnMoveExtents; driver only). */
    public int moveRetries() {
        return moveRetries;
    }

    /** After how long the cluster drops staging tables of a failed write (driver only; null on executors). */
    public Duration stagingResourcesAutoCleanupTimeout() {
        return stagingResourcesAutoCleanupTimeout;
    }

    /** The checked JSON array of storage containers for queued ingestion; holds secrets (driver only). */
    public Optional<String> ingestionStorageContainer() {
        return Optional.ofNullable(ingestionStorageContainer);
    }

    /** A description for logs and plans: no secrets. */
    @Override
    public String toString() {
        return "WriteConfig{" + connection + ", table=" + table + ", writeMode=" + writeMode + ", tableCreateOptions="
                + tableCreationMode + ", adjustSchema=" + schemaAdjustmentMode
                + (sparkIngestionProperties.equals(SparkIngestionProperties.empty()) ? ""
                        : ", sparkIngestionProperties=" + sparkIngestionProperties)
                + (tempTableName == null ? "" : ", tempTableName=" + tempTableName)
                + (ingestionStorageContainer == null ? "" : ", kustoIngestionStorageContainer=<hidden>") + "}";
    }
}
