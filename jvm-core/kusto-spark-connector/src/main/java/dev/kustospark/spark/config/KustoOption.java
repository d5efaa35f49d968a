package dev.kustospark.spark.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The registry of connector options: each option's key, default, side, secrecy, disposition, range
 * and description, and the check of its value. {@link ReadConfig}, {@link WriteConfig}, the option
 * builders and the generated reference ({@code docs/options.md}) all read it, so names, defaults and
 * wording agree. Keys match case-insensitively. Every option name of the established connector is
 * here, with its {@link Disposition}.
 */
public enum KustoOption {
    // ---- common
    KUSTO_CLUSTER("kustoCluster", Side.COMMON, Kind.CLUSTER, null, false, Disposition.SUPPORTED,
            "Required. The cluster: a URL (`https://name.region.kusto.windows.net`, `http://localhost:8080`) or a bare"
                    + " `name` / `name.region` (becomes `https://name.region.kusto.windows.net`)."),
    KUSTO_DATABASE("kustoDatabase", Side.COMMON, Kind.TEXT, null, false, Disposition.SUPPORTED, "Required. The database."),
    KUSTO_AAD_APP_ID("kustoAadAppId", Side.COMMON, Kind.TEXT, null, false, Disposition.SUPPORTED,
            "Application (client) id for Entra ID application authentication; with `kustoAadAppSecret`"
                    + " or `kutoAadAppCertPath`."),
    KUSTO_AAD_APP_SECRET("kustoAadAppSecret", Side.COMMON, Kind.TEXT, null, true, Disposition.SUPPORTED,
            "The client secret of the application `kustoAadAppId`."),
    KUSTO_AAD_AUTHORITY_ID("kustoAadAuthorityID", Side.COMMON, Kind.TEXT, "microsoft.com", false, Disposition.SUPPORTED,
            "Tenant (authority) id or domain of the application `kustoAadAppId`."),
    KUTO_AAD_APP_CERT_PATH("kutoAadAppCertPath", Side.COMMON, Kind.TEXT, null, false, Disposition.SUPPORTED,
            "Path of a PKCS#12 (.pfx) certificate of the application `kustoAadAppId` (the name's spelling is the"
                    + " established connector's)."),
    KUTO_AAD_APP_CERT_PASSWORD("kutoAadAppCertPassword", Side.COMMON, Kind.TEXT, null, true, Disposition.SUPPORTED,
            "Password of the certificate `kutoAadAppCertPath`."),
    ACCESS_TOKEN("accessToken", Side.COMMON, Kind.TEXT, null, true, Disposition.SUPPORTED,
            "An Entra ID access token for the cluster, used as is (it is not refreshed)."),
    MANAGED_IDENTITY_AUTH("managedIdentityAuth", Side.COMMON, Kind.BOOLEAN, "false", false, Disposition.SUPPORTED,
            "`true` authenticates with the managed identity of the machine (system-assigned unless"
                    + " `managedIdentityClientId` is set)."),
    MANAGED_IDENTITY_CLIENT_ID("managedIdentityClientId", Side.COMMON, Kind.TEXT, null, false, Disposition.SUPPORTED,
            "Client id of a user-assigned managed identity; implies `managedIdentityAuth`."),
    TOKEN_PROVIDER_CALLBACK_CLASSPATH("tokenProviderCallbackClasspath", Side.COMMON, Kind.TEXT, null, false, Disposition.SUPPORTED,
            "Class name of a token provider with a public no-argument constructor, implementing"
                    + " `dev.kustospark.spark.TokenProvider` or `java.util.concurrent.Callable<String>`; called for each token."),
    USER_PROMPT("userPrompt", Side.COMMON, Kind.BOOLEAN, "false", false, Disposition.SUPPORTED,
            "`true` signs in interactively in a browser on the driver's machine (local use only)."),
    KUSTO_AUTH_METHOD("kustoAuthMethod", Side.COMMON, Kind.AUTH_METHOD, null, false, Disposition.SUPPORTED,
            "Authentication without other options: `default` (azure-identity's DefaultAzureCredential),"
                    + " `azureCli` (the signed-in Azure CLI) or `none` (no token; for kusto-local). Without any"
                    + " authentication option, `http://` clusters use `none`."),
    KEY_VAULT_URI("keyVaultUri", Side.COMMON, Kind.TEXT, null, false, Disposition.UNAVAILABLE,
            "Read the secret from Key Vault in the job (e.g. `mssparkutils.credentials.getSecret`,"
                    + " `dbutils.secrets.get`) and pass it as `kustoAadAppSecret`."),
    KEY_VAULT_APP_ID("keyVaultAppId", Side.COMMON, Kind.TEXT, null, false, Disposition.UNAVAILABLE, "See `keyVaultUri`."),
    KEY_VAULT_APP_KEY("keyVaultAppKey", Side.COMMON, Kind.TEXT, null, true, Disposition.UNAVAILABLE, "See `keyVaultUri`."),
    KEY_VAULT_PEM_FILE_PATH("keyVaultPemFilePath", Side.COMMON, Kind.TEXT, null, false, Disposition.UNAVAILABLE,
            "See `keyVaultUri` (the established connector did not support it either)."),
    KEY_VAULT_PEM_FILE_KEY("keyVaultPemFileKey", Side.COMMON, Kind.TEXT, null, true, Disposition.UNAVAILABLE,
            "See `keyVaultUri` (the established connector did not support it either)."),
    KUSTO_INGESTION_URI("kustoIngestionUri", Side.COMMON, Kind.URL, null, false, Disposition.SUPPORTED,
            "URL of the cluster's data-management (ingestion) endpoint, when not `https://ingest-<cluster host>`."),
    TIMEOUT_LIMIT("timeoutLimit", Side.COMMON, Kind.SECONDS, "172800", false, Disposition.SUPPORTED, 1, 2_592_000,
            "Seconds a whole read or write operation (export, ingestion) may take."),
    CLIENT_REQUEST_PROPERTIES_JSON("clientRequestPropertiesJson", Side.COMMON, Kind.CLIENT_REQUEST_PROPERTIES, null, false, Disposition.SUPPORTED,
            "Client request properties for every request, as `{\"Options\":{...},\"Parameters\":{...}}`"
                    + " (see `dev.kustospark.spark.ClientRequestProperties`)."),
    REQUEST_ID("requestId", Side.COMMON, Kind.TEXT, "a random UUID", false, Disposition.SUPPORTED,
            "Correlation id of the operation: part of the client request id of each request it makes."),
    LINKED_SERVICE("spark.synapse.linkedService", Side.COMMON, Kind.TEXT, null, false, Disposition.SUPPORTED,
            "Name of a connection profile in the Spark conf: `spark.kusto.linkedService.<name>.cluster`, `.database`"
                    + " and authentication options (`.kustoAadAppId`...); explicit options win."),

    // ---- read
    KUSTO_QUERY("kustoQuery", Side.READ, Kind.TEXT, null, false, Disposition.SUPPORTED,
            "Required for reads. The KQL query (or a table name); management commands (starting with `.`) are refused."),
    READ_MODE("readMode", Side.READ, Kind.READ_MODE, "chosen by the connector", false, Disposition.SUPPORTED,
            "`ForceSingleMode` (one query, one task), `ForcePartitionedMode` (`numPartitions` hash partitions) or"
                    + " `ForceDistributedMode` (export to `transientStorage`). Not set: single for an estimated <= 5000 rows"
                    + " (exported instead if Kusto's result limits stop it), else distributed when storage is available;"
                    + " the choice and its reason are logged and shown in the plan."),
    CUSTOM_SCHEMA("customSchema", Side.READ, Kind.TEXT, null, false, Disposition.SUPPORTED,
            "The DataFrame schema as Spark DDL (`a INT, b STRING`), instead of asking the cluster."),
    QUERY_FILTER_PUSH_DOWN("queryFilterPushDown", Side.READ, Kind.BOOLEAN, "true", false, Disposition.SUPPORTED,
            "`true` translates Spark filters to the query's `where`; defaults to `false` with"
                    + " `distributedReadModeTransientCache`."),
    NUM_PARTITIONS("numPartitions", Side.READ, Kind.INT, "4", false, Disposition.SUPPORTED, 1, 1000,
            "Number of partitions of `ForcePartitionedMode`, each one query the cluster runs in parallel with the others."),
    PARTITION_COLUMN("partitionColumn", Side.READ, Kind.TEXT, null, false, Disposition.SUPPORTED,
            "Column hashed to split `ForcePartitionedMode` reads; default: the first column."),
    TRANSIENT_STORAGE("transientStorage", Side.READ, Kind.TRANSIENT_STORAGE, null, true, Disposition.SUPPORTED,
            "Storage for distributed-read exports: `{\"storageCredentials\":[{\"storageAccountName\",\"blobContainer\","
                    + "\"sasKey\"|\"storageAccountKey\"|\"sasUrl\"}],\"endpointSuffix\":\"core.windows.net\"}`; when not set,"
                    + " the cluster's own temporary storage (`.create tempstorage`)."),
    BLOB_STORAGE_ENDPOINT_SUFFIX("blobStorageEndpointSuffix", Side.READ, Kind.TEXT, null, false, Disposition.MAPPED,
            "The `endpointSuffix` of `transientStorage` (storage outside the public cloud, e.g. `core.chinacloudapi.cn`)"
                    + " where its JSON sets none; a different value than the JSON's is refused. Without `transientStorage`"
                    + " it has no effect (logged as a warning)."),
    KUSTO_EXPORT_OPTIONS_JSON("kustoExportOptionsJson", Side.READ, Kind.JSON_OBJECT, null, false, Disposition.SUPPORTED,
            "Properties of the `.export` command of distributed reads, as a JSON object (e.g."
                    + " `{\"sizeLimit\":104857600,\"compressionType\":\"gzip\"}`); `namePrefix` is the connector's."),
    DISTRIBUTED_READ_MODE_TRANSIENT_CACHE("distributedReadModeTransientCache", Side.READ, Kind.BOOLEAN, "false", false, Disposition.SUPPORTED,
            "`true` reuses an export of the same query, options and storage for the rest of the Spark application"
                    + " instead of exporting again (the rows are then as of the first read); its blobs are deleted when"
                    + " the application ends."),
    STORAGE_PROTOCOL("storageProtocol", Side.READ, Kind.STORAGE_PROTOCOL, "wasbs", false, Disposition.IGNORED,
            "`wasbs`, `abfs` or `abfss`: distributed reads download the exported blobs through the Azure Storage SDK"
                    + " over https, whatever the value."),
    DBG_BLOB_COMPRESS_ON_EXPORT("dbgBlobCompressOnExport", Side.READ, Kind.BOOLEAN, "true", false, Disposition.SUPPORTED,
            "`false` exports uncompressed Parquet (`.export` without `compressed`) for distributed reads, e.g. to"
                    + " measure what compression costs; not together with a `compressionType` in `kustoExportOptionsJson`."),
    PARTITION_MODE("partitionMode", Side.READ, Kind.TEXT, null, false, Disposition.IGNORED,
            "The established connector never used it; for parallel reads set `readMode=ForcePartitionedMode` with"
                    + " `numPartitions` and `partitionColumn`."),

    // ---- write
    KUSTO_TABLE("kustoTable", Side.WRITE, Kind.TEXT, null, false, Disposition.SUPPORTED, "Required for writes. The target table."),
    WRITE_MODE("writeMode", Side.WRITE, Kind.WRITE_MODE, "Transactional", false, Disposition.SUPPORTED,
            "`Transactional` (staged in a temporary table, moved at commit), `Queued` or `KustoStreaming`."),
    TABLE_CREATE_OPTIONS("tableCreateOptions", Side.WRITE, Kind.TABLE_CREATION_MODE, "FailIfNotExist", false, Disposition.SUPPORTED,
            "`FailIfNotExist` or `CreateIfNotExist` (creates the table from the DataFrame's schema)."),
    ADJUST_SCHEMA("adjustSchema", Side.WRITE, Kind.SCHEMA_ADJUSTMENT_MODE, "NoAdjustment", false, Disposition.SUPPORTED,
            "`NoAdjustment`, `FailIfNotMatch` (fail unless the columns equal the table's) or"
                    + " `GenerateDynamicCsvMapping` (map columns to the table's by name)."),
    SPARK_INGESTION_PROPERTIES_JSON("sparkIngestionPropertiesJson", Side.WRITE, Kind.SPARK_INGESTION_PROPERTIES, null, false, Disposition.SUPPORTED,
            "Ingestion properties: tags, `creationTime`, `csvMapping`... (see `dev.kustospark.spark.SparkIngestionProperties`)."),
    CLIENT_BATCHING_LIMIT("clientBatchingLimit", Side.WRITE, Kind.INT, "300", false, Disposition.SUPPORTED, 1, 1024,
            "Megabytes of uncompressed CSV per blob a task ingests (`Transactional`, `Queued`); the service ingests"
                    + " blobs of 100 MB to 1 GB best."),
    POLLING_ON_DRIVER("pollingOnDriver", Side.WRITE, Kind.BOOLEAN, "false", false, Disposition.SUPPORTED,
            "`true` waits for ingestion results on the driver instead of in the tasks."),
    WRITE_ENABLE_ASYNC("writeEnableAsync", Side.WRITE, Kind.BOOLEAN, "false", false, Disposition.SUPPORTED,
            "`true` returns before ingestion completes; the driver finishes the write, logs a failure and reports the"
                    + " outcome to `KustoAsyncWrites` (by `requestId`)."),
    WRITE_RESULT_LIMIT("writeResultLimit", Side.WRITE, Kind.WRITE_RESULT_LIMIT, "1", false, Disposition.SUPPORTED,
            "How many ingestion failures are reported in the error: a positive number or `none` (all)."),
    TEMP_TABLE_NAME("tempTableName", Side.WRITE, Kind.TEXT, null, false, Disposition.SUPPORTED,
            "An existing table to stage a `Transactional` write in (only with `tableCreateOptions=FailIfNotExist`);"
                    + " it is dropped after the write."),
    STREAMING_INGEST_SIZE_IN_MB("streamingIngestSizeInMB", Side.WRITE, Kind.INT, "4", false, Disposition.SUPPORTED, 1, 4,
            "Megabytes of uncompressed data per streaming ingestion request (`KustoStreaming`); the service takes at"
                    + " most 4."),
    STAGING_RESOURCES_AUTO_CLEANUP_TIMEOUT("stagingResourcesAutoCleanupTimeout", Side.WRITE, Kind.SECONDS, "604800", false,
            Disposition.SUPPORTED, 1, 2_592_000,
            "Seconds after which staging tables of a failed write are dropped by the cluster (auto-delete policy)."),
    KUSTO_INGESTION_STORAGE_CONTAINER("kustoIngestionStorageContainer", Side.WRITE, Kind.INGESTION_STORAGE, null, true, Disposition.SUPPORTED,
            "Storage for queued ingestion instead of the cluster's: `[{\"storageUrl\",\"containerName\",\"userMsi\"|\"sas\"}]`;"
                    + " writes need a `sas` with read, write and create permissions (`userMsi` is refused)."),
    DISABLE_FLUSH_IMMEDIATELY("disableFlushImmediately", Side.WRITE, Kind.BOOLEAN, "false", false, Disposition.SUPPORTED,
            "Blobs sealed at `clientBatchingLimit` are ingested with `flushImmediately` (they are large enough not to wait"
                    + " for the table's batching policy); `true` leaves them to the policy, as a task's last blob always is."),
    ENSURE_NO_DUPLICATED_BLOBS("ensureNoDuplicatedBlobs", Side.WRITE, Kind.BOOLEAN, "false", false, Disposition.IGNORED,
            "This connector puts no ingest-by tag on each blob; `Transactional` writes (the default) keep retried and"
                    + " speculative task attempts from adding rows twice with their attempt tags."),
    ADD_SOURCE_LOCATION_TRANSFORM("addSourceLocationTransform", Side.WRITE, Kind.BOOLEAN, "false", false,
            Disposition.UNAVAILABLE,
            "`true` (a column `ingestion_source_location_url_blob_internal` naming each row's ingested blob) is not"
                    + " available; to trace rows to their write, add columns to the DataFrame (e.g. `lit(<run id>)`,"
                    + " `spark_partition_id()`)."),
    MAX_RETRIES_ON_MOVE_EXTENTS("maxRetriesOnMoveExtents", Side.WRITE, Kind.INT, "2", false, Disposition.MAPPED, 0, 100,
            "Retries of a `.move extents` that failed for a single extent, before a `Transactional` write fails (a"
                    + " failed move of several extents is first retried as two halves)."),
    MAXIMAL_EXTENTS_COUNT_FOR_SPLIT_MERGE_PER_NODE("maximalExtentsCountForSplitMergePerNode", Side.WRITE, Kind.INT, "500",
            false, Disposition.MAPPED, 1, 10_000,
            "Extents per `.move extents` command of a `Transactional` commit (the established connector multiplied it by"
                    + " the cluster's node count).");

    /** Which configuration an option belongs to. */
    public enum Side { COMMON, READ, WRITE }

    /** How an option's value is checked; {@code SECONDS} and {@code INT} values lie in the option's range. */
    enum Kind {
        TEXT, CLUSTER, URL, BOOLEAN, SECONDS, INT, READ_MODE, WRITE_MODE, TABLE_CREATION_MODE, SCHEMA_ADJUSTMENT_MODE,
        STORAGE_PROTOCOL, AUTH_METHOD, WRITE_RESULT_LIMIT, JSON_OBJECT, CLIENT_REQUEST_PROPERTIES,
        SPARK_INGESTION_PROPERTIES, TRANSIENT_STORAGE, INGESTION_STORAGE
    }

    /**
     * What an option does here, compared with the established connector (this connector's own
     * options are {@code SUPPORTED}). {@code IGNORED} and {@code UNAVAILABLE} act only on a value other
     * than the option's default.
     */
    public enum Disposition {
        /** It does what it does in the established connector. */
        SUPPORTED,
        /** Its value sets a setting of this connector that the description names. */
        MAPPED,
        /** Accepted without effect; a read or write that sets it logs a warning saying why. */
        IGNORED,
        /** Accepted, but a read or write that sets it fails, saying what to do instead. */
        UNAVAILABLE
    }

    /** The values of {@code kustoAuthMethod}. */
    static final List<String> AUTH_METHODS = List.of("default", "azureCli", "none");
    static final List<String> STORAGE_PROTOCOLS = List.of("wasbs", "abfs", "abfss");

    private static final Map<String, KustoOption> BY_KEY = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(o -> o.key.toLowerCase(Locale.ROOT), Function.identity()));

    private final String key;
    private final Side side;
    final Kind kind;
    private final String defaultValue;
    private final boolean secret;
    private final Disposition disposition;
    private final long minimum;
    private final long maximum;
    private final String description;

    KustoOption(String key, Side side, Kind kind, String defaultValue, boolean secret, Disposition disposition,
            String description) {
        this(key, side, kind, defaultValue, secret, disposition, 0, -1, description);
    }

    /** An option of kind {@code SECONDS} or {@code INT}, whose values lie from {@code minimum} to {@code maximum}. */
    KustoOption(String key, Side side, Kind kind, String defaultValue, boolean secret, Disposition disposition,
            long minimum, long maximum, String description) {
        if ((kind == Kind.SECONDS || kind == Kind.INT) != (minimum <= maximum)) {
            throw new IllegalStateException("option " + key + ": exactly the SECONDS and INT options have a range");
        }
        this.key = key;
        this.side = side;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.disposition = disposition;
        this.minimum = minimum;
        this.maximum = maximum;
        this.description = description;
    }

    /** The key in its canonical spelling. */
    public String key() {
        return key;
    }

    public Side side() {
        return side;
    }

    /** The default as the reference documents it, if the option has one. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Whether the value is a secret, never printed. */
    public boolean secret() {
        return secret;
    }

    public Disposition disposition() {
        return disposition;
    }

    /** Whether values lie in a range ({@link #minimum()} to {@link #maximum()}): the numeric options. */
    boolean ranged() {
        return minimum <= maximum;
    }

    long minimum() {
        return minimum;
    }

    long maximum() {
        return maximum;
    }

    /** Whether {@code canonicalValue} is this option's default, which leaves ignored and unavailable options unnoticed. */
    boolean isDefault(String canonicalValue) {
        return defaultValue != null && defaultValue.equals(canonicalValue);
    }

    public String description() {
        return description;
    }

    /** The option whose key equals {@code key} ignoring case. */
    public static Optional<KustoOption> forKey(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(BY_KEY.get(key.toLowerCase(Locale.ROOT)));
    }

    /** Whether this option belongs to reads or writes of {@code side} (common options belong to both). */
    public boolean appliesTo(Side configSide) {
        return side == Side.COMMON || side == configSide;
    }

    /**
     * Checks {@code value} and returns it in canonical form (enum names as printed, booleans in lower
     * case, JSON re-serialised canonically), or throws a {@link KustoOptionException} naming this
     * option, the value (unless secret) and what is allowed.
     */
    public String validate(String value) {
        return OptionValues.canonical(this, value);
    }

    /** The value as error messages may show it: {@code <hidden>} for secrets. */
    String shown(String value) {
        return secret ? "<hidden>" : "'" + value + "'";
    }

    static KustoOption[] forSide(Side side) {
        return Arrays.stream(values()).filter(o -> o.appliesTo(side)).toArray(KustoOption[]::new);
    }
}
