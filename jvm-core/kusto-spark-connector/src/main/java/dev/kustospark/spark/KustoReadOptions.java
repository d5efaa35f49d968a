package dev.kustospark.spark;

import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * Typed options of a read: {@code spark.read().format("kusto").options(opts.toOptions()).load()}.
 * Immutable; start from {@link #create()}.
 */
public final class KustoReadOptions extends KustoConnectionOptions<KustoReadOptions> {
    private KustoReadOptions(Map<KustoOption, String> values) {
        super(values);
    }

    public static KustoReadOptions create() {
        return new KustoReadOptions(Map.of());
    }

    @Override
    KustoReadOptions copy(Map<KustoOption, String> newValues) {
        return new KustoReadOptions(newValues);
    }

    /** The KQL query (or a table name). */
    public KustoReadOptions kustoQuery(String query) {
        return with(KustoOption.KUSTO_QUERY, query);
    }

    public KustoReadOptions readMode(ReadMode mode) {
        return with(KustoOption.READ_MODE, mode.name());
    }

    /** The schema as Spark DDL ({@code a INT, b STRING}). */
    public KustoReadOptions customSchema(String ddl) {
        return with(KustoOption.CUSTOM_SCHEMA, ddl);
    }

    public KustoReadOptions customSchema(StructType schema) {
        return with(KustoOption.CUSTOM_SCHEMA, schema.toDDL());
    }

    public KustoReadOptions queryFilterPushDown(boolean enabled) {
        return with(KustoOption.QUERY_FILTER_PUSH_DOWN, Boolean.toString(enabled));
    }

    /** Partitions of {@link ReadMode#ForcePartitionedMode}. */
    public KustoReadOptions numPartitions(int partitions) {
        return with(KustoOption.NUM_PARTITIONS, Integer.toString(partitions));
    }

    public KustoReadOptions partitionColumn(String column) {
        return with(KustoOption.PARTITION_COLUMN, column);
    }

    /** The transient storage JSON of {@link ReadMode#ForceDistributedMode}. */
    public KustoReadOptions transientStorage(String json) {
        return with(KustoOption.TRANSIENT_STORAGE, json);
    }

    public KustoReadOptions kustoExportOptionsJson(String json) {
        return with(KustoOption.KUSTO_EXPORT_OPTIONS_JSON, json);
    }

    public KustoReadOptions distributedReadModeTransientCache(boolean enabled) {
        return with(KustoOption.DISTRIBUTED_READ_MODE_TRANSIENT_CACHE, Boolean.toString(enabled));
    }

    /** {@code wasbs}, {@code abfs} or {@code abfss}. */
    public KustoReadOptions storageProtocol(String protocol) {
        return with(KustoOption.STORAGE_PROTOCOL, protocol);
    }

    /** {@code false} exports uncompressed Parquet for distributed reads. */
    public KustoReadOptions dbgBlobCompressOnExport(boolean enabled) {
        return with(KustoOption.DBG_BLOB_COMPRESS_ON_EXPORT, Boolean.toString(enabled));
    }
}
