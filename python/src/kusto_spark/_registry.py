"""The registry of connector options, mirroring the JVM side's ``KustoOption``: each option's key,
side, default, secrecy, description and the kind of check its value gets.

The JVM registry is the source of truth; ``python/tests/test_registry.py`` compares this table with
it (through ``docs/options.md``, which is generated from it), so the two cannot drift apart.
Entries are in the JVM registry's order, which is also the order of ``to_options()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["Side", "Kind", "Disposition", "OptionSpec", "OPTIONS", "for_key", "AUTH_METHODS", "STORAGE_PROTOCOLS"]


class Side(Enum):
    """Which configuration an option belongs to; common options belong to reads and writes."""

    COMMON = "COMMON"
    READ = "READ"
    WRITE = "WRITE"


class Kind(Enum):
    """How an option's value is checked (see :mod:`kusto_spark._option_values`); ``SECONDS`` and
    ``INT`` values lie in the option's range."""

    TEXT = "TEXT"
    CLUSTER = "CLUSTER"
    URL = "URL"
    BOOLEAN = "BOOLEAN"
    SECONDS = "SECONDS"
    INT = "INT"
    READ_MODE = "READ_MODE"
    WRITE_MODE = "WRITE_MODE"
    TABLE_CREATION_MODE = "TABLE_CREATION_MODE"
    SCHEMA_ADJUSTMENT_MODE = "SCHEMA_ADJUSTMENT_MODE"
    STORAGE_PROTOCOL = "STORAGE_PROTOCOL"
    AUTH_METHOD = "AUTH_METHOD"
    WRITE_RESULT_LIMIT = "WRITE_RESULT_LIMIT"
    JSON_OBJECT = "JSON_OBJECT"
    CLIENT_REQUEST_PROPERTIES = "CLIENT_REQUEST_PROPERTIES"
    SPARK_INGESTION_PROPERTIES = "SPARK_INGESTION_PROPERTIES"
    TRANSIENT_STORAGE = "TRANSIENT_STORAGE"
    INGESTION_STORAGE = "INGESTION_STORAGE"


class Disposition(Enum):
    """What an option does here, compared with the established connector (this connector's own
    options are ``SUPPORTED``). ``IGNORED`` and ``UNAVAILABLE`` act only on a value other than the
    option's default."""

    #: It does what it does in the established connector.
    SUPPORTED = "SUPPORTED"
    #: Its value sets a setting of this connector that the description names.
    MAPPED = "MAPPED"
    #: Accepted without effect; a read or write that sets it logs a warning saying why.
    IGNORED = "IGNORED"
    #: Accepted, but a read or write that sets it fails, saying what to do instead.
    UNAVAILABLE = "UNAVAILABLE"


@dataclass(frozen=True)
class OptionSpec:
    """One connector option.

    :param key: the key in its canonical spelling (keys match ignoring case).
    :param side: whether reads, writes or both take it.
    :param kind: how its value is checked.
    :param default: the default as the option reference documents it, or None.
    :param secret: whether its value is a secret, never printed.
    :param disposition: what it does compared with the established connector.
    :param description: the option reference's description.
    :param minimum: the least value of a ``SECONDS`` or ``INT`` option.
    :param maximum: the greatest value of a ``SECONDS`` or ``INT`` option.
    """

    key: str
    side: Side
    kind: Kind
    default: str | None
    secret: bool
    disposition: Disposition
    description: str
    minimum: int | None = None
    maximum: int | None = None

    def __post_init__(self) -> None:
        if (self.kind in (Kind.SECONDS, Kind.INT)) != (self.minimum is not None and self.maximum is not None):
            raise ValueError(f"option {self.key}: exactly the SECONDS and INT options have a range")

    def is_default(self, canonical_value: str) -> bool:
        """Whether the value is the default, which leaves ignored and unavailable options unnoticed."""
        return self.default is not None and self.default == canonical_value

    def shown(self, value: str) -> str:
        """The value as error messages may show it: ``<hidden>`` for secrets."""
        return "<hidden>" if self.secret else f"'{value}'"


#: The values of ``kustoAuthMethod``.
AUTH_METHODS = ("default", "azureCli", "none")
#: The values of ``storageProtocol``.
STORAGE_PROTOCOLS = ("wasbs", "abfs", "abfss")

KUSTO_CLUSTER = OptionSpec(
    "kustoCluster",
    Side.COMMON,
    Kind.CLUSTER,
    None,
    False,
    Disposition.SUPPORTED,
    (
        "Required. The cluster: a URL (`https://name.region.kusto.windows.net`, `http://localhost:8080`) "
        "or a bare `name` / `name.region` (becomes `https://name.region.kusto.windows.net`)."
    ),
)
KUSTO_DATABASE = OptionSpec(
    "kustoDatabase",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    "Required. The database.",
)
KUSTO_AAD_APP_ID = OptionSpec(
    "kustoAadAppId",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    (
        "Application (client) id for Entra ID application authentication; with `kustoAadAppSecret` or "
        "`kutoAadAppCertPath`."
    ),
)
KUSTO_AAD_APP_SECRET = OptionSpec(
    "kustoAadAppSecret",
    Side.COMMON,
    Kind.TEXT,
    None,
    True,
    Disposition.SUPPORTED,
    "The client secret of the application `kustoAadAppId`.",
)
KUSTO_AAD_AUTHORITY_ID = OptionSpec(
    "kustoAadAuthorityID",
    Side.COMMON,
    Kind.TEXT,
    "microsoft.com",
    False,
    Disposition.SUPPORTED,
    "Tenant (authority) id or domain of the application `kustoAadAppId`.",
)
KUTO_AAD_APP_CERT_PATH = OptionSpec(
    "kutoAadAppCertPath",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    (
        "Path of a PKCS#12 (.pfx) certificate of the application `kustoAadAppId` (the name's spelling is "
        "the established connector's)."
    ),
)
KUTO_AAD_APP_CERT_PASSWORD = OptionSpec(
    "kutoAadAppCertPassword",
    Side.COMMON,
    Kind.TEXT,
    None,
    True,
    Disposition.SUPPORTED,
    "Password of the certificate `kutoAadAppCertPath`.",
)
ACCESS_TOKEN = OptionSpec(
    "accessToken",
    Side.COMMON,
    Kind.TEXT,
    None,
    True,
    Disposition.SUPPORTED,
    "An Entra ID access token for the cluster, used as is (it is not refreshed).",
)
MANAGED_IDENTITY_AUTH = OptionSpec(
    "managedIdentityAuth",
    Side.COMMON,
    Kind.BOOLEAN,
    "false",
    False,
    Disposition.SUPPORTED,
    (
        "`true` authenticates with the managed identity of the machine (system-assigned unless "
        "`managedIdentityClientId` is set)."
    ),
)
MANAGED_IDENTITY_CLIENT_ID = OptionSpec(
    "managedIdentityClientId",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    "Client id of a user-assigned managed identity; implies `managedIdentityAuth`.",
)
TOKEN_PROVIDER_CALLBACK_CLASSPATH = OptionSpec(
    "tokenProviderCallbackClasspath",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    (
        "Class name of a token provider with a public no-argument constructor, implementing "
        "`dev.kustospark.spark.TokenProvider` or `java.util.concurrent.Callable<String>`; called for each"
        " token."
    ),
)
USER_PROMPT = OptionSpec(
    "userPrompt",
    Side.COMMON,
    Kind.BOOLEAN,
    "false",
    False,
    Disposition.SUPPORTED,
    "`true` signs in interactively in a browser on the driver's machine (local use only).",
)
KUSTO_AUTH_METHOD = OptionSpec(
    "kustoAuthMethod",
    Side.COMMON,
    Kind.AUTH_METHOD,
    None,
    False,
    Disposition.SUPPORTED,
    (
        "Authentication without other options: `default` (azure-identity's DefaultAzureCredential), "
        "`azureCli` (the signed-in Azure CLI) or `none` (no token; for kusto-local). Without any "
        "authentication option, `http://` clusters use `none`."
    ),
)
KEY_VAULT_URI = OptionSpec(
    "keyVaultUri",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
    Disposition.UNAVAILABLE,
    (
        "Read the secret from Key Vault in the job (e.g. `mssparkutils.credentials.getSecret`, "
        "`dbutils.secrets.get`) and pass it as `kustoAadAppSecret`."
    ),
)
KEY_VAULT_APP_ID = OptionSpec(
    "keyVaultAppId",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
    Disposition.UNAVAILABLE,
    "See `keyVaultUri`.",
)
KEY_VAULT_APP_KEY = OptionSpec(
    "keyVaultAppKey",
    Side.COMMON,
    Kind.TEXT,
    None,
    True,
    Disposition.UNAVAILABLE,
    "See `keyVaultUri`.",
)
KEY_VAULT_PEM_FILE_PATH = OptionSpec(
    "keyVaultPemFilePath",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
    Disposition.UNAVAILABLE,
    "See `keyVaultUri` (the established connector did not support it either).",
)
KEY_VAULT_PEM_FILE_KEY = OptionSpec(
    "keyVaultPemFileKey",
    Side.COMMON,
    Kind.TEXT,
    None,
    True,
    Disposition.UNAVAILABLE,
    "See `keyVaultUri` (the established connector did not support it either).",
)
KUSTO_INGESTION_URI = OptionSpec(
    "kustoIngestionUri",
    Side.COMMON,
    Kind.URL,
    None,
    False,
    Disposition.SUPPORTED,
    ("URL of the cluster's data-management (ingestion) endpoint, when not `https://ingest-<cluster host>`."),
)
TIMEOUT_LIMIT = OptionSpec(
    "timeoutLimit",
    Side.COMMON,
    Kind.SECONDS,
    "172800",
    False,
    Disposition.SUPPORTED,
    "Seconds a whole read or write operation (export, ingestion) may take.",
    minimum=1,
    maximum=2592000,
)
CLIENT_REQUEST_PROPERTIES_JSON = OptionSpec(
    "clientRequestPropertiesJson",
    Side.COMMON,
    Kind.CLIENT_REQUEST_PROPERTIES,
    None,
    False,
    Disposition.SUPPORTED,
    (
        'Client request properties for every request, as `{"Options":{...},"Parameters":{...}}` (see '
        "`dev.kustospark.spark.ClientRequestProperties`)."
    ),
)
REQUEST_ID = OptionSpec(
    "requestId",
    Side.COMMON,
    Kind.TEXT,
    "a random UUID",
    False,
    Disposition.SUPPORTED,
    "Correlation id of the operation: part of the client request id of each request it makes.",
)
LINKED_SERVICE = OptionSpec(
    "spark.synapse.linkedService",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    (
        "Name of a connection profile in the Spark conf: `spark.kusto.linkedService.<name>.cluster`, "
        "`.database` and authentication options (`.kustoAadAppId`...); explicit options win."
    ),
)
KUSTO_QUERY = OptionSpec(
    "kustoQuery",
    Side.READ,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    ("Required for reads. The KQL query (or a table name); management commands (starting with `.`) are refused."),
)
READ_MODE = OptionSpec(
    "readMode",
    Side.READ,
    Kind.READ_MODE,
    "chosen by the connector",
    False,
    Disposition.SUPPORTED,
    (
        "`ForceSingleMode` (one query, one task), `ForcePartitionedMode` (`numPartitions` hash "
        "partitions) or `ForceDistributedMode` (export to `transientStorage`). Not set: single for an "
        "estimated <= 5000 rows (exported instead if Kusto's result limits stop it), else distributed "
        "when storage is available; the choice and its reason are logged and shown in the plan."
    ),
)
CUSTOM_SCHEMA = OptionSpec(
    "customSchema",
    Side.READ,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    "The DataFrame schema as Spark DDL (`a INT, b STRING`), instead of asking the cluster.",
)
QUERY_FILTER_PUSH_DOWN = OptionSpec(
    "queryFilterPushDown",
    Side.READ,
    Kind.BOOLEAN,
    "true",
    False,
    Disposition.SUPPORTED,
    (
        "`true` translates Spark filters to the query's `where`; defaults to `false` with "
        "`distributedReadModeTransientCache`."
    ),
)
NUM_PARTITIONS = OptionSpec(
    "numPartitions",
    Side.READ,
    Kind.INT,
    "4",
    False,
    Disposition.SUPPORTED,
    "Number of partitions of `ForcePartitionedMode`, each one query the cluster runs in parallel with the others.",
    minimum=1,
    maximum=1000,
)
PARTITION_COLUMN = OptionSpec(
    "partitionColumn",
    Side.READ,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    "Column hashed to split `ForcePartitionedMode` reads; default: the first column.",
)
TRANSIENT_STORAGE = OptionSpec(
    "transientStorage",
    Side.READ,
    Kind.TRANSIENT_STORAGE,
    None,
    True,
    Disposition.SUPPORTED,
    (
        'Storage for distributed-read exports: `{"storageCredentials":[{"storageAccountName","blobContain'
        'er","sasKey"|"storageAccountKey"|"sasUrl"}],"endpointSuffix":"core.windows.net"}`; when not set,'
        " the cluster's own temporary storage (`.create tempstorage`)."
    ),
)
BLOB_STORAGE_ENDPOINT_SUFFIX = OptionSpec(
    "blobStorageEndpointSuffix",
    Side.READ,
    Kind.TEXT,
    None,
    False,
    Disposition.MAPPED,
    (
        "The `endpointSuffix` of `transientStorage` (storage outside the public cloud, e.g. `core.chinacloudapi.cn`) "
        "where its JSON sets none; a different value than the JSON's is refused. Without `transientStorage` it has "
        "no effect (logged as a warning)."
    ),
)
KUSTO_EXPORT_OPTIONS_JSON = OptionSpec(
    "kustoExportOptionsJson",
    Side.READ,
    Kind.JSON_OBJECT,
    None,
    False,
    Disposition.SUPPORTED,
    (
        "Properties of the `.export` command of distributed reads, as a JSON object (e.g. "
        '`{"sizeLimit":104857600,"compressionType":"gzip"}`); `namePrefix` is the connector\'s.'
    ),
)
DISTRIBUTED_READ_MODE_TRANSIENT_CACHE = OptionSpec(
    "distributedReadModeTransientCache",
    Side.READ,
    Kind.BOOLEAN,
    "false",
    False,
    Disposition.SUPPORTED,
    (
        "`true` reuses an export of the same query, options and storage for the rest of the Spark "
        "application instead of exporting again (the rows are then as of the first read); its blobs are "
        "deleted when the application ends."
    ),
)
STORAGE_PROTOCOL = OptionSpec(
    "storageProtocol",
    Side.READ,
    Kind.STORAGE_PROTOCOL,
    "wasbs",
    False,
    Disposition.IGNORED,
    (
        "`wasbs`, `abfs` or `abfss`: distributed reads download the exported blobs through the Azure Storage SDK "
        "over https, whatever the value."
    ),
)
DBG_BLOB_COMPRESS_ON_EXPORT = OptionSpec(
    "dbgBlobCompressOnExport",
    Side.READ,
    Kind.BOOLEAN,
    "true",
    False,
    Disposition.SUPPORTED,
    (
        "`false` exports uncompressed Parquet (`.export` without `compressed`) for distributed reads, e.g. to "
        "measure what compression costs; not together with a `compressionType` in `kustoExportOptionsJson`."
    ),
)
PARTITION_MODE = OptionSpec(
    "partitionMode",
    Side.READ,
    Kind.TEXT,
    None,
    False,
    Disposition.IGNORED,
    (
        "The established connector never used it; for parallel reads set `readMode=ForcePartitionedMode` with "
        "`numPartitions` and `partitionColumn`."
    ),
)
KUSTO_TABLE = OptionSpec(
    "kustoTable",
    Side.WRITE,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    "Required for writes. The target table.",
)
WRITE_MODE = OptionSpec(
    "writeMode",
    Side.WRITE,
    Kind.WRITE_MODE,
    "Transactional",
    False,
    Disposition.SUPPORTED,
    "`Transactional` (staged in a temporary table, moved at commit), `Queued` or `KustoStreaming`.",
)
TABLE_CREATE_OPTIONS = OptionSpec(
    "tableCreateOptions",
    Side.WRITE,
    Kind.TABLE_CREATION_MODE,
    "FailIfNotExist",
    False,
    Disposition.SUPPORTED,
    "`FailIfNotExist` or `CreateIfNotExist` (creates the table from the DataFrame's schema).",
)
ADJUST_SCHEMA = OptionSpec(
    "adjustSchema",
    Side.WRITE,
    Kind.SCHEMA_ADJUSTMENT_MODE,
    "NoAdjustment",
    False,
    Disposition.SUPPORTED,
    (
        "`NoAdjustment`, `FailIfNotMatch` (fail unless the columns equal the table's) or "
        "`GenerateDynamicCsvMapping` (map columns to the table's by name)."
    ),
)
SPARK_INGESTION_PROPERTIES_JSON = OptionSpec(
    "sparkIngestionPropertiesJson",
    Side.WRITE,
    Kind.SPARK_INGESTION_PROPERTIES,
    None,
    False,
    Disposition.SUPPORTED,
    (
        "Ingestion properties: tags, `creationTime`, `csvMapping`... (see "
        "`dev.kustospark.spark.SparkIngestionProperties`)."
    ),
)
CLIENT_BATCHING_LIMIT = OptionSpec(
    "clientBatchingLimit",
    Side.WRITE,
    Kind.INT,
    "300",
    False,
    Disposition.SUPPORTED,
    (
        "Megabytes of uncompressed CSV per blob a task ingests (`Transactional`, `Queued`); the service ingests "
        "blobs of 100 MB to 1 GB best."
    ),
    minimum=1,
    maximum=1024,
)
POLLING_ON_DRIVER = OptionSpec(
    "pollingOnDriver",
    Side.WRITE,
    Kind.BOOLEAN,
    "false",
    False,
    Disposition.SUPPORTED,
    "`true` waits for ingestion results on the driver instead of in the tasks.",
)
WRITE_ENABLE_ASYNC = OptionSpec(
    "writeEnableAsync",
    Side.WRITE,
    Kind.BOOLEAN,
    "false",
    False,
    Disposition.SUPPORTED,
    "`true` returns before ingestion completes; the driver finishes the write, logs a failure and reports the"
    " outcome to `KustoAsyncWrites` (by `requestId`).",
)
WRITE_RESULT_LIMIT = OptionSpec(
    "writeResultLimit",
    Side.WRITE,
    Kind.WRITE_RESULT_LIMIT,
    "1",
    False,
    Disposition.SUPPORTED,
    "How many ingestion failures are reported in the error: a positive number or `none` (all).",
)
TEMP_TABLE_NAME = OptionSpec(
    "tempTableName",
    Side.WRITE,
    Kind.TEXT,
    None,
    False,
    Disposition.SUPPORTED,
    (
        "An existing table to stage a `Transactional` write in (only with "
        "`tableCreateOptions=FailIfNotExist`); it is dropped after the write."
    ),
)
STREAMING_INGEST_SIZE_IN_MB = OptionSpec(
    "streamingIngestSizeInMB",
    Side.WRITE,
    Kind.INT,
    "4",
    False,
    Disposition.SUPPORTED,
    "Megabytes of uncompressed data per streaming ingestion request (`KustoStreaming`); the service takes at most 4.",
    minimum=1,
    maximum=4,
)
STAGING_RESOURCES_AUTO_CLEANUP_TIMEOUT = OptionSpec(
    "stagingResourcesAutoCleanupTimeout",
    Side.WRITE,
    Kind.SECONDS,
    "604800",
    False,
    Disposition.SUPPORTED,
    "Seconds after which staging tables of a failed write are dropped by the cluster (auto-delete policy).",
    minimum=1,
    maximum=2592000,
)
KUSTO_INGESTION_STORAGE_CONTAINER = OptionSpec(
    "kustoIngestionStorageContainer",
    Side.WRITE,
    Kind.INGESTION_STORAGE,
    None,
    True,
    Disposition.SUPPORTED,
    (
        "Storage for queued ingestion instead of the cluster's: "
        '`[{"storageUrl","containerName","userMsi"|"sas"}]`; writes need a `sas` with read, write and '
        "create permissions (`userMsi` is refused)."
    ),
)
DISABLE_FLUSH_IMMEDIATELY = OptionSpec(
    "disableFlushImmediately",
    Side.WRITE,
    Kind.BOOLEAN,
    "false",
    False,
    Disposition.SUPPORTED,
    (
        "Blobs sealed at `clientBatchingLimit` are ingested with `flushImmediately` (they are large enough not to "
        "wait for the table's batching policy); `true` leaves them to the policy, as a task's last blob always is."
    ),
)
ENSURE_NO_DUPLICATED_BLOBS = OptionSpec(
    "ensureNoDuplicatedBlobs",
    Side.WRITE,
    Kind.BOOLEAN,
    "false",
    False,
    Disposition.IGNORED,
    (
        "This connector puts no ingest-by tag on each blob; `Transactional` writes (the default) keep retried and "
        "speculative task attempts from adding rows twice with their attempt tags."
    ),
)
ADD_SOURCE_LOCATION_TRANSFORM = OptionSpec(
    "addSourceLocationTransform",
    Side.WRITE,
    Kind.BOOLEAN,
    "false",
    False,
    Disposition.UNAVAILABLE,
    (
        "`true` (a column `ingestion_source_location_url_blob_internal` naming each row's ingested blob) is not "
        "available; to trace rows to their write, add columns to the DataFrame (e.g. `lit(<run id>)`, "
        "`spark_partition_id()`)."
    ),
)
MAX_RETRIES_ON_MOVE_EXTENTS = OptionSpec(
    "maxRetriesOnMoveExtents",
    Side.WRITE,
    Kind.INT,
    "2",
    False,
    Disposition.MAPPED,
    (
        "Retries of a `.move extents` that failed for a single extent, before a `Transactional` write fails (a "
        "failed move of several extents is first retried as two halves)."
    ),
    minimum=0,
    maximum=100,
)
MAXIMAL_EXTENTS_COUNT_FOR_SPLIT_MERGE_PER_NODE = OptionSpec(
    "maximalExtentsCountForSplitMergePerNode",
    Side.WRITE,
    Kind.INT,
    "500",
    False,
    Disposition.MAPPED,
    (
        "Extents per `.move extents` command of a `Transactional` commit (the established connector multiplied it by "
        "the cluster's node count)."
    ),
    minimum=1,
    maximum=10000,
)

#: Every option, in the JVM registry's order.
OPTIONS: tuple[OptionSpec, ...] = (
    KUSTO_CLUSTER,
    KUSTO_DATABASE,
    KUSTO_AAD_APP_ID,
    KUSTO_AAD_APP_SECRET,
    KUSTO_AAD_AUTHORITY_ID,
    KUTO_AAD_APP_CERT_PATH,
    KUTO_AAD_APP_CERT_PASSWORD,
    ACCESS_TOKEN,
    MANAGED_IDENTITY_AUTH,
    MANAGED_IDENTITY_CLIENT_ID,
    TOKEN_PROVIDER_CALLBACK_CLASSPATH,
    USER_PROMPT,
    KUSTO_AUTH_METHOD,
    KEY_VAULT_URI,
    KEY_VAULT_APP_ID,
    KEY_VAULT_APP_KEY,
    KEY_VAULT_PEM_FILE_PATH,
    KEY_VAULT_PEM_FILE_KEY,
    KUSTO_INGESTION_URI,
    TIMEOUT_LIMIT,
    CLIENT_REQUEST_PROPERTIES_JSON,
    REQUEST_ID,
    LINKED_SERVICE,
    KUSTO_QUERY,
    READ_MODE,
    CUSTOM_SCHEMA,
    QUERY_FILTER_PUSH_DOWN,
    NUM_PARTITIONS,
    PARTITION_COLUMN,
    TRANSIENT_STORAGE,
    BLOB_STORAGE_ENDPOINT_SUFFIX,
    KUSTO_EXPORT_OPTIONS_JSON,
    DISTRIBUTED_READ_MODE_TRANSIENT_CACHE,
    STORAGE_PROTOCOL,
    DBG_BLOB_COMPRESS_ON_EXPORT,
    PARTITION_MODE,
    KUSTO_TABLE,
    WRITE_MODE,
    TABLE_CREATE_OPTIONS,
    ADJUST_SCHEMA,
    SPARK_INGESTION_PROPERTIES_JSON,
    CLIENT_BATCHING_LIMIT,
    POLLING_ON_DRIVER,
    WRITE_ENABLE_ASYNC,
    WRITE_RESULT_LIMIT,
    TEMP_TABLE_NAME,
    STREAMING_INGEST_SIZE_IN_MB,
    STAGING_RESOURCES_AUTO_CLEANUP_TIMEOUT,
    KUSTO_INGESTION_STORAGE_CONTAINER,
    DISABLE_FLUSH_IMMEDIATELY,
    ENSURE_NO_DUPLICATED_BLOBS,
    ADD_SOURCE_LOCATION_TRANSFORM,
    MAX_RETRIES_ON_MOVE_EXTENTS,
    MAXIMAL_EXTENTS_COUNT_FOR_SPLIT_MERGE_PER_NODE,
)
_BY_KEY = {option.key.lower(): option for option in OPTIONS}


def for_key(key: str) -> OptionSpec | None:
    """The option whose key equals ``key`` ignoring case, or None."""
    return _BY_KEY.get(key.lower())
