package dev.kustospark.spark.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustospark.spark.KustoOption.Side;
import dev.kustospark.spark.KustoOption;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.ReadMode;
import dev.kustospark.spark.internal.Json;
import java.io.Serializable;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The options of a read, checked and typed. Built on the driver with {@link #from(Map, Map)}; what
 * only the driver needs to plan the read (schema override, export settings, partitioning) is not
 * serialised, so on executors those getters return their empty values.
 */
public final class ReadConfig implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ReadConfig.class);

    private final ConnectionConfig connection;
    private final String query;
    private final ReadMode readMode;
    private final boolean queryFilterPushDown;
    private final transient String customSchema;
    private final transient int numPartitions;
    private final transient String partitionColumn;
    private final transient String transientStorage;
    private final transient String exportOptionsJson;
    private final transient boolean distributedReadModeTransientCache;
    private final transient String storageProtocol;
    private final transient boolean compressExport;

    private ReadConfig(ParsedOptions o) {
        this.connection = ConnectionConfig.from(o);
        this.query = o.required(KustoOption.KUSTO_QUERY, "MyTable | where Timestamp > ago(1d)").strip();
        if (query.startsWith(".")) {
            throw new KustoOptionException("Option kustoQuery starts with '.', which makes it a management command;"
                    + " reads run queries only (e.g. 'MyTable | take 10'). Run commands with the Kusto SDK instead.");
        }
        this.readMode = o.get(KustoOption.READ_MODE).map(ReadMode::valueOf).orElse(null);
        this.distributedReadModeTransientCache = o.bool(KustoOption.DISTRIBUTED_READ_MODE_TRANSIENT_CACHE);
        this.queryFilterPushDown = o.get(KustoOption.QUERY_FILTER_PUSH_DOWN).map(Boolean::parseBoolean)
                .orElse(!distributedReadModeTransientCache);
        this.customSchema = o.get(KustoOption.CUSTOM_SCHEMA).orElse(null);
        this.numPartitions = o.integer(KustoOption.NUM_PARTITIONS);
        this.partitionColumn = o.get(KustoOption.PARTITION_COLUMN).orElse(null);
        this.transientStorage = o.get(KustoOption.TRANSIENT_STORAGE)
                .map(json -> withEndpointSuffix(json, o.get(KustoOption.BLOB_STORAGE_ENDPOINT_SUFFIX).orElse(null)))
                .orElse(null);
        if (transientStorage == null && o.has(KustoOption.BLOB_STORAGE_ENDPOINT_SUFFIX)) {
            LOG.warn("Option blobStorageEndpointSuffix has no effect without transientStorage: the cluster's own"
                    + " temporary storage comes with full URLs.");
        }
        this.exportOptionsJson = o.get(KustoOption.KUSTO_EXPORT_OPTIONS_JSON).orElse(null);
        this.compressExport = o.bool(KustoOption.DBG_BLOB_COMPRESS_ON_EXPORT);
        if (!compressExport && exportOptionsJson != null && setsCompressionType(exportOptionsJson)) {
            throw new KustoOptionException("Option dbgBlobCompressOnExport=false exports uncompressed Parquet, but"
                    + " kustoExportOptionsJson sets a compressionType; remove one of them.");
        }
        this.storageProtocol = o.get(KustoOption.STORAGE_PROTOCOL)
                .orElse(KustoOption.STORAGE_PROTOCOL.defaultValue().orElseThrow());
        if (readMode != null && readMode != ReadMode.ForcePartitionedMode) {
            for (KustoOption partitioning : new KustoOption[] {KustoOption.NUM_PARTITIONS, KustoOption.PARTITION_COLUMN}) {
                if (o.has(partitioning)) {
                    throw new KustoOptionException("Option " + partitioning.key() + " applies to readMode="
                            + ReadMode.ForcePartitionedMode + " only, but readMode is " + readMode
                            + "; remove it or set readMode=" + ReadMode.ForcePartitionedMode + ".");
                }
            }
        }
    }

    private static boolean setsCompressionType(String exportOptionsJson) {
        for (var names = Json.parse(exportOptionsJson, "Option kustoExportOptionsJson").fieldNames(); names.hasNext(); ) {
            if (names.next().equalsIgnoreCase("compressionType")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The transient storage JSON with {@code blobStorageEndpointSuffix} as its {@code endpointSuffix}:
     * the established connector's two spellings of one setting. The JSON holds secrets, so only the
     * suffixes are named.
     */
    private static String withEndpointSuffix(String transientStorageJson, String suffix) {
        if (suffix == null) {
            return transientStorageJson;
        }
        ObjectNode root = (ObjectNode) Json.parse(transientStorageJson, "Option transientStorage");
        JsonNode own = root.get("endpointSuffix");
        if (own != null && !own.isNull()) {
            if (!own.asText().equals(suffix)) {
                throw new KustoOptionException("Option blobStorageEndpointSuffix is '" + suffix + "' but the"
                        + " endpointSuffix of option transientStorage is '" + own.asText() + "'; remove one of them.");
            }
            return transientStorageJson;
        }
        root.put("endpointSuffix", suffix);
        return root.toString();
    }

    /**
     * Checks and types the options of a read.
     *
     * @param options   the data source options (keys in any case)
     * @param sparkConf the Spark conf, for {@code spark.synapse.linkedService} profiles
     * @throws KustoOptionException for an unknown, missing or invalid option
     */
    public static ReadConfig from(Map<String, String> options, Map<String, String> sparkConf) {
        return new ReadConfig(ParsedOptions.parse(Objects.requireNonNull(options, "options"),
                sparkConf == null ? Map.of() : sparkConf, Side.READ));
    }

    public ConnectionConfig connection() {
        return connection;
    }

    /** The KQL query, without surrounding whitespace. */
    public String query() {
        return query;
    }

    /** The forced read mode; empty when the connector chooses. */
    public Optional<ReadMode> readMode() {
        return Optional.ofNullable(readMode);
    }

    /** The schema as Spark DDL, replacing the cluster's (driver only). */
    public Optional<String> customSchema() {
        return Optional.ofNullable(customSchema);
    }

    public boolean queryFilterPushDown() {
        return queryFilterPushDown;
    }

    /** Partitions of {@link ReadMode#ForcePartitionedMode} (driver only; 0 on executors). */
    public int numPartitions() {
        return numPartitions;
    }

    /** The column hashed by {@link ReadMode#ForcePartitionedMode}; empty means the first column (driver only). */
    public Optional<String> partitionColumn() {
        return Optional.ofNullable(partitionColumn);
    }

    /** The transient storage JSON of distributed reads, checked; holds secrets (driver only). */
    public Optional<String> transientStorage() {
        return Optional.ofNullable(transientStorage);
    }

    /** Options of the {@code .export} command as a JSON object (driver only). */
    public Optional<String> exportOptionsJson() {
        return Optional.ofNullable(exportOptionsJson);
    }

    /** Whether distributed reads reuse an earlier export of the same query (driver only). */
    public boolean distributedReadModeTransientCache() {
        return distributedReadModeTransientCache;
    }

    /** Whether distributed reads export compressed Parquet (option {@code dbgBlobCompressOnExport}; driver only). */
    public boolean compressExport() {
        return compressExport;
    }

    /** {@code wasbs}, {@code abfs} or {@code abfss} (driver only). */
    public String storageProtocol() {
        return storageProtocol;
    }

    /** A description for logs and plans: no secrets. */
    @Override
    public String toString() {
        return "ReadConfig{" + connection + ", query=" + query + ", readMode=" + (readMode == null ? "auto" : readMode)
                + ", queryFilterPushDown=" + queryFilterPushDown
                + (customSchema == null ? "" : ", customSchema=" + customSchema)
                + (readMode == ReadMode.ForcePartitionedMode ? ", numPartitions=" + numPartitions
                        + ", partitionColumn=" + (partitionColumn == null ? "<first column>" : partitionColumn) : "")
                + (transientStorage == null ? "" : ", transientStorage=<hidden>") + "}";
    }
}
