"""The registry of connector options, mirroring the JVM side's ``KustoOption``: each option's key,
side, default, secrecy, description and the kind of check its value gets.

The JVM registry is the source of truth; ``python/tests/test_registry.py`` compares this table with
it (through ``docs/options.md``, which is generated from it), so the two cannot drift apart.
Entries are in the JVM registry's order, which is also the order of ``to_options()``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

__all__ = ["Side", "Kind", "OptionSpec", "OPTIONS", "for_key", "AUTH_METHODS", "STORAGE_PROTOCOLS"]


class Side(Enum):
    """Which configuration an option belongs to; common options belong to reads and writes."""

    COMMON = "COMMON"
    READ = "READ"
    WRITE = "WRITE"


class Kind(Enum):
    """How an option's value is checked (see :mod:`kusto_spark._option_values`)."""

    TEXT = "TEXT"
    CLUSTER = "CLUSTER"
    URL = "URL"
    BOOLEAN = "BOOLEAN"
    SECONDS = "SECONDS"
    POSITIVE_INT = "POSITIVE_INT"
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
    UNSUPPORTED = "UNSUPPORTED"


@dataclass(frozen=True)
class OptionSpec:
    """One connector option.

    :param key: the key in its canonical spelling (keys match ignoring case).
    :param side: whether reads, writes or both take it.
    :param kind: how its value is checked.
    :param default: the default as the option reference documents it, or None.
    :param secret: whether its value is a secret, never printed.
    :param description: the option reference's description.
    """

    key: str
    side: Side
    kind: Kind
    default: str | None
    secret: bool
    description: str

    @property
    def supported(self) -> bool:
        """False for the established connector's options recognised only to explain their absence."""
        return self.kind is not Kind.UNSUPPORTED

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
    "Required. The database.",
)
KUSTO_AAD_APP_ID = OptionSpec(
    "kustoAadAppId",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
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
    "The client secret of the application `kustoAadAppId`.",
)
KUSTO_AAD_AUTHORITY_ID = OptionSpec(
    "kustoAadAuthorityID",
    Side.COMMON,
    Kind.TEXT,
    "microsoft.com",
    False,
    "Tenant (authority) id or domain of the application `kustoAadAppId`.",
)
KUTO_AAD_APP_CERT_PATH = OptionSpec(
    "kutoAadAppCertPath",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
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
    "Password of the certificate `kutoAadAppCertPath`.",
)
ACCESS_TOKEN = OptionSpec(
    "accessToken",
    Side.COMMON,
    Kind.TEXT,
    None,
    True,
    "An Entra ID access token for the cluster, used as is (it is not refreshed).",
)
MANAGED_IDENTITY_AUTH = OptionSpec(
    "managedIdentityAuth",
    Side.COMMON,
    Kind.BOOLEAN,
    "false",
    False,
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
    "Client id of a user-assigned managed identity; implies `managedIdentityAuth`.",
)
TOKEN_PROVIDER_CALLBACK_CLASSPATH = OptionSpec(
    "tokenProviderCallbackClasspath",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
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
    "`true` signs in interactively in a browser on the driver's machine (local use only).",
)
KUSTO_AUTH_METHOD = OptionSpec(
    "kustoAuthMethod",
    Side.COMMON,
    Kind.AUTH_METHOD,
    None,
    False,
    (
        "Authentication without other options: `default` (azure-identity's DefaultAzureCredential), "
        "`azureCli` (the signed-in Azure CLI) or `none` (no token; for kusto-local). Without any "
        "authentication option, `http://` clusters use `none`."
    ),
)
KEY_VAULT_URI = OptionSpec(
    "keyVaultUri",
    Side.COMMON,
    Kind.UNSUPPORTED,
    None,
    False,
    (
        "Not supported: read the secret from Key Vault in the job (e.g. "
        "`mssparkutils.credentials.getSecret`) and pass it as `kustoAadAppSecret`."
    ),
)
KEY_VAULT_APP_ID = OptionSpec(
    "keyVaultAppId",
    Side.COMMON,
    Kind.UNSUPPORTED,
    None,
    False,
    "Not supported: see `keyVaultUri`.",
)
KEY_VAULT_APP_KEY = OptionSpec(
    "keyVaultAppKey",
    Side.COMMON,
    Kind.UNSUPPORTED,
    None,
    True,
    "Not supported: see `keyVaultUri`.",
)
KUSTO_INGESTION_URI = OptionSpec(
    "kustoIngestionUri",
    Side.COMMON,
    Kind.URL,
    None,
    False,
    ("URL of the cluster's data-management (ingestion) endpoint, when not `https://ingest-<cluster host>`."),
)
TIMEOUT_LIMIT = OptionSpec(
    "timeoutLimit",
    Side.COMMON,
    Kind.SECONDS,
    "172800",
    False,
    "Seconds a whole read or write operation (export, ingestion) may take.",
)
CLIENT_REQUEST_PROPERTIES_JSON = OptionSpec(
    "clientRequestPropertiesJson",
    Side.COMMON,
    Kind.CLIENT_REQUEST_PROPERTIES,
    None,
    False,
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
    "Correlation id of the operation: part of the client request id of each request it makes.",
)
LINKED_SERVICE = OptionSpec(
    "spark.synapse.linkedService",
    Side.COMMON,
    Kind.TEXT,
    None,
    False,
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
    ("Required for reads. The KQL query (or a table name); management commands (starting with `.`) are refused."),
)
READ_MODE = OptionSpec(
    "readMode",
    Side.READ,
    Kind.READ_MODE,
    "chosen by the connector",
    False,
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
    "The DataFrame schema as Spark DDL (`a INT, b STRING`), instead of asking the cluster.",
)
QUERY_FILTER_PUSH_DOWN = OptionSpec(
    "queryFilterPushDown",
    Side.READ,
    Kind.BOOLEAN,
    "true",
    False,
    (
        "`true` translates Spark filters to the query's `where`; defaults to `false` with "
        "`distributedReadModeTransientCache`."
    ),
)
NUM_PARTITIONS = OptionSpec(
    "numPartitions",
    Side.READ,
    Kind.POSITIVE_INT,
    "4",
    False,
    "Number of partitions (parallel queries) of `ForcePartitionedMode`.",
)
PARTITION_COLUMN = OptionSpec(
    "partitionColumn",
    Side.READ,
    Kind.TEXT,
    None,
    False,
    "Column hashed to split `ForcePartitionedMode` reads; default: the first column.",
)
TRANSIENT_STORAGE = OptionSpec(
    "transientStorage",
    Side.READ,
    Kind.TRANSIENT_STORAGE,
    None,
    True,
    (
        'Storage for distributed-read exports: `{"storageCredentials":[{"storageAccountName","blobContain'
        'er","sasKey"|"storageAccountKey"|"sasUrl"}],"endpointSuffix":"core.windows.net"}`; when not set,'
        " the cluster's own temporary storage (`.create tempstorage`)."
    ),
)
KUSTO_EXPORT_OPTIONS_JSON = OptionSpec(
    "kustoExportOptionsJson",
    Side.READ,
    Kind.JSON_OBJECT,
    None,
    False,
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
    (
        "Accepted for compatibility (`wasbs`, `abfs` or `abfss`); distributed reads download the exported"
        " blobs through the Azure Storage SDK over https, whatever the value."
    ),
)
KUSTO_TABLE = OptionSpec(
    "kustoTable",
    Side.WRITE,
    Kind.TEXT,
    None,
    False,
    "Required for writes. The target table.",
)
WRITE_MODE = OptionSpec(
    "writeMode",
    Side.WRITE,
    Kind.WRITE_MODE,
    "Transactional",
    False,
    "`Transactional` (staged in a temporary table, moved at commit), `Queued` or `KustoStreaming`.",
)
TABLE_CREATE_OPTIONS = OptionSpec(
    "tableCreateOptions",
    Side.WRITE,
    Kind.TABLE_CREATION_MODE,
    "FailIfNotExist",
    False,
    "`FailIfNotExist` or `CreateIfNotExist` (creates the table from the DataFrame's schema).",
)
ADJUST_SCHEMA = OptionSpec(
    "adjustSchema",
    Side.WRITE,
    Kind.SCHEMA_ADJUSTMENT_MODE,
    "NoAdjustment",
    False,
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
    (
        "Ingestion properties: tags, `creationTime`, `csvMapping`... (see "
        "`dev.kustospark.spark.SparkIngestionProperties`)."
    ),
)
CLIENT_BATCHING_LIMIT = OptionSpec(
    "clientBatchingLimit",
    Side.WRITE,
    Kind.POSITIVE_INT,
    "300",
    False,
    "Megabytes of data per blob a task ingests (`Transactional`, `Queued`).",
)
POLLING_ON_DRIVER = OptionSpec(
    "pollingOnDriver",
    Side.WRITE,
    Kind.BOOLEAN,
    "false",
    False,
    "`true` waits for ingestion results on the driver instead of in the tasks.",
)
WRITE_ENABLE_ASYNC = OptionSpec(
    "writeEnableAsync",
    Side.WRITE,
    Kind.BOOLEAN,
    "false",
    False,
    "`true` returns before ingestion completes; the driver finishes the write, logs a failure and reports the"
    " outcome to `KustoAsyncWrites` (by `requestId`).",
)
WRITE_RESULT_LIMIT = OptionSpec(
    "writeResultLimit",
    Side.WRITE,
    Kind.WRITE_RESULT_LIMIT,
    "1",
    False,
    "How many ingestion failures are reported in the error: a positive number or `none` (all).",
)
TEMP_TABLE_NAME = OptionSpec(
    "tempTableName",
    Side.WRITE,
    Kind.TEXT,
    None,
    False,
    (
        "An existing table to stage a `Transactional` write in (only with "
        "`tableCreateOptions=FailIfNotExist`); it is dropped after the write."
    ),
)
STREAMING_INGEST_SIZE_IN_MB = OptionSpec(
    "streamingIngestSizeInMB",
    Side.WRITE,
    Kind.POSITIVE_INT,
    "4",
    False,
    ("Megabytes of uncompressed data per streaming ingestion request (`KustoStreaming`; the service takes at most 4)."),
)
STAGING_RESOURCES_AUTO_CLEANUP_TIMEOUT = OptionSpec(
    "stagingResourcesAutoCleanupTimeout",
    Side.WRITE,
    Kind.SECONDS,
    "604800",
    False,
    ("Seconds after which staging tables of a failed write are dropped by the cluster (auto-delete policy)."),
)
KUSTO_INGESTION_STORAGE_CONTAINER = OptionSpec(
    "kustoIngestionStorageContainer",
    Side.WRITE,
    Kind.INGESTION_STORAGE,
    None,
    True,
    (
        "Storage for queued ingestion instead of the cluster's: "
        '`[{"storageUrl","containerName","userMsi"|"sas"}]`; writes need a `sas` with read, write and '
        "create permissions (`userMsi` is refused)."
    ),
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
    KUSTO_EXPORT_OPTIONS_JSON,
    DISTRIBUTED_READ_MODE_TRANSIENT_CACHE,
    STORAGE_PROTOCOL,
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
)
_BY_KEY = {option.key.lower(): option for option in OPTIONS}


def for_key(key: str) -> OptionSpec | None:
    """The option whose key equals ``key`` ignoring case, or None."""
    return _BY_KEY.get(key.lower())
