using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using KustoSpark.Config;

namespace KustoSpark
{
    /// <summary>
    /// The registry of connector options, as the JVM connector defines them: each option's key,
    /// default, side, secrecy, disposition, range and description, and the check of its value. The builders
    /// <see cref="KustoReadOptions"/> and <see cref="KustoWriteOptions"/> check values through it, so a
    /// value they accept is accepted by the connector. Keys match ignoring case.
    /// </summary>
    public sealed class KustoOption
    {
        private static readonly List<KustoOption> Registry = new List<KustoOption>();

        // ---- common

        /// <summary><c>kustoCluster</c>: the cluster URL or name.</summary>
        public static readonly KustoOption KustoCluster = Define("kustoCluster", OptionSide.Common, OptionKind.Cluster, null, false, OptionDisposition.Supported,
            "Required. The cluster: a URL (`https://name.region.kusto.windows.net`, `http://localhost:8080`) or a bare"
            + " `name` / `name.region` (becomes `https://name.region.kusto.windows.net`).");

        /// <summary><c>kustoDatabase</c>: the database.</summary>
        public static readonly KustoOption KustoDatabase = Define("kustoDatabase", OptionSide.Common, OptionKind.Text, null, false, OptionDisposition.Supported,
            "Required. The database.");

        /// <summary><c>kustoAadAppId</c>: application (client) id for Entra ID application authentication.</summary>
        public static readonly KustoOption KustoAadAppId = Define("kustoAadAppId", OptionSide.Common, OptionKind.Text, null, false, OptionDisposition.Supported,
            "Application (client) id for Entra ID application authentication; with `kustoAadAppSecret`"
            + " or `kutoAadAppCertPath`.");

        /// <summary><c>kustoAadAppSecret</c> (secret): the application's client secret.</summary>
        public static readonly KustoOption KustoAadAppSecret = Define("kustoAadAppSecret", OptionSide.Common, OptionKind.Text, null, true, OptionDisposition.Supported,
            "The client secret of the application `kustoAadAppId`.");

        /// <summary><c>kustoAadAuthorityID</c>: tenant id or domain of the application.</summary>
        public static readonly KustoOption KustoAadAuthorityID = Define("kustoAadAuthorityID", OptionSide.Common, OptionKind.Text, "microsoft.com", false, OptionDisposition.Supported,
            "Tenant (authority) id or domain of the application `kustoAadAppId`.");

        /// <summary><c>kutoAadAppCertPath</c>: path of the application's PKCS#12 certificate.</summary>
        public static readonly KustoOption KutoAadAppCertPath = Define("kutoAadAppCertPath", OptionSide.Common, OptionKind.Text, null, false, OptionDisposition.Supported,
            "Path of a PKCS#12 (.pfx) certificate of the application `kustoAadAppId` (the name's spelling is the"
            + " established connector's).");

        /// <summary><c>kutoAadAppCertPassword</c> (secret): password of the certificate.</summary>
        public static readonly KustoOption KutoAadAppCertPassword = Define("kutoAadAppCertPassword", OptionSide.Common, OptionKind.Text, null, true, OptionDisposition.Supported,
            "Password of the certificate `kutoAadAppCertPath`.");

        /// <summary><c>accessToken</c> (secret): an Entra ID access token used as is.</summary>
        public static readonly KustoOption AccessToken = Define("accessToken", OptionSide.Common, OptionKind.Text, null, true, OptionDisposition.Supported,
            "An Entra ID access token for the cluster, used as is (it is not refreshed).");

        /// <summary><c>managedIdentityAuth</c>: authenticate with the machine's managed identity.</summary>
        public static readonly KustoOption ManagedIdentityAuth = Define("managedIdentityAuth", OptionSide.Common, OptionKind.Boolean, "false", false, OptionDisposition.Supported,
            "`true` authenticates with the managed identity of the machine (system-assigned unless"
            + " `managedIdentityClientId` is set).");

        /// <summary><c>managedIdentityClientId</c>: client id of a user-assigned managed identity.</summary>
        public static readonly KustoOption ManagedIdentityClientId = Define("managedIdentityClientId", OptionSide.Common, OptionKind.Text, null, false, OptionDisposition.Supported,
            "Client id of a user-assigned managed identity; implies `managedIdentityAuth`.");

        /// <summary><c>tokenProviderCallbackClasspath</c>: a JVM token provider class, by name.</summary>
        public static readonly KustoOption TokenProviderCallbackClasspath = Define("tokenProviderCallbackClasspath", OptionSide.Common, OptionKind.Text, null, false, OptionDisposition.Supported,
            "Class name of a token provider with a public no-argument constructor, implementing"
            + " `dev.kustospark.spark.TokenProvider` or `java.util.concurrent.Callable<String>`; called for each token.");

        /// <summary><c>userPrompt</c>: interactive browser sign-in on the driver's machine.</summary>
        public static readonly KustoOption UserPrompt = Define("userPrompt", OptionSide.Common, OptionKind.Boolean, "false", false, OptionDisposition.Supported,
            "`true` signs in interactively in a browser on the driver's machine (local use only).");

        /// <summary><c>kustoAuthMethod</c>: <c>default</c>, <c>azureCli</c> or <c>none</c>.</summary>
        public static readonly KustoOption KustoAuthMethod = Define("kustoAuthMethod", OptionSide.Common, OptionKind.AuthMethod, null, false, OptionDisposition.Supported,
            "Authentication without other options: `default` (azure-identity's DefaultAzureCredential),"
            + " `azureCli` (the signed-in Azure CLI) or `none` (no token; for kusto-local). Without any"
            + " authentication option, `http://` clusters use `none`.");

        /// <summary><c>keyVaultUri</c>: not available; recognised to explain its absence.</summary>
        public static readonly KustoOption KeyVaultUri = Define("keyVaultUri", OptionSide.Common, OptionKind.Text, null, false, OptionDisposition.Unavailable,
            "Read the secret from Key Vault in the job (e.g. `mssparkutils.credentials.getSecret`,"
            + " `dbutils.secrets.get`) and pass it as `kustoAadAppSecret`.");

        /// <summary><c>keyVaultAppId</c>: not available.</summary>
        public static readonly KustoOption KeyVaultAppId = Define("keyVaultAppId", OptionSide.Common, OptionKind.Text, null, false, OptionDisposition.Unavailable,
            "See `keyVaultUri`.");

        /// <summary><c>keyVaultAppKey</c> (secret): not available.</summary>
        public static readonly KustoOption KeyVaultAppKey = Define("keyVaultAppKey", OptionSide.Common, OptionKind.Text, null, true, OptionDisposition.Unavailable,
            "See `keyVaultUri`.");

        /// <summary><c>keyVaultPemFilePath</c>: not available; recognised to explain its absence.</summary>
        public static readonly KustoOption KeyVaultPemFilePath = Define("keyVaultPemFilePath", OptionSide.Common, OptionKind.Text, null, false, OptionDisposition.Unavailable,
            "See `keyVaultUri` (the established connector did not support it either).");

        /// <summary><c>keyVaultPemFileKey</c> (secret): not available.</summary>
        public static readonly KustoOption KeyVaultPemFileKey = Define("keyVaultPemFileKey", OptionSide.Common, OptionKind.Text, null, true, OptionDisposition.Unavailable,
            "See `keyVaultUri` (the established connector did not support it either).");

        /// <summary><c>kustoIngestionUri</c>: URL of the cluster's ingestion endpoint.</summary>
        public static readonly KustoOption KustoIngestionUri = Define("kustoIngestionUri", OptionSide.Common, OptionKind.Url, null, false, OptionDisposition.Supported,
            "URL of the cluster's data-management (ingestion) endpoint, when not `https://ingest-<cluster host>`.");

        /// <summary><c>timeoutLimit</c>: seconds a whole read or write may take.</summary>
        public static readonly KustoOption TimeoutLimit = Define("timeoutLimit", OptionSide.Common, OptionKind.Seconds, "172800", false, OptionDisposition.Supported, 1, 2592000,
            "Seconds a whole read or write operation (export, ingestion) may take.");

        /// <summary><c>clientRequestPropertiesJson</c>: client request properties for every request.</summary>
        public static readonly KustoOption ClientRequestPropertiesJson = Define("clientRequestPropertiesJson", OptionSide.Common, OptionKind.ClientRequestProperties, null, false, OptionDisposition.Supported,
            "Client request properties for every request, as `{\"Options\":{...},\"Parameters\":{...}}`"
            + " (see `dev.kustospark.spark.ClientRequestProperties`).");

        /// <summary><c>requestId</c>: correlation id of the operation.</summary>
        public static readonly KustoOption RequestId = Define("requestId", OptionSide.Common, OptionKind.Text, "a random UUID", false, OptionDisposition.Supported,
            "Correlation id of the operation: part of the client request id of each request it makes.");

        /// <summary><c>spark.synapse.linkedService</c>: a connection profile of the Spark conf.</summary>
        public static readonly KustoOption LinkedService = Define("spark.synapse.linkedService", OptionSide.Common, OptionKind.Text, null, false, OptionDisposition.Supported,
            "Name of a connection profile in the Spark conf: `spark.kusto.linkedService.<name>.cluster`, `.database`"
            + " and authentication options (`.kustoAadAppId`...); explicit options win.");

        // ---- read

        /// <summary><c>kustoQuery</c>: the KQL query or a table name.</summary>
        public static readonly KustoOption KustoQuery = Define("kustoQuery", OptionSide.Read, OptionKind.Text, null, false, OptionDisposition.Supported,
            "Required for reads. The KQL query (or a table name); management commands (starting with `.`) are refused.");

        /// <summary><c>readMode</c>: see <see cref="KustoSpark.ReadMode"/>.</summary>
        public static readonly KustoOption ReadMode = Define("readMode", OptionSide.Read, OptionKind.ReadMode, "chosen by the connector", false, OptionDisposition.Supported,
            "`ForceSingleMode` (one query, one task), `ForcePartitionedMode` (`numPartitions` hash partitions) or"
            + " `ForceDistributedMode` (export to `transientStorage`). Not set: single for an estimated <= 5000 rows"
            + " (exported instead if Kusto's result limits stop it), else distributed when storage is available;"
            + " the choice and its reason are logged and shown in the plan.");

        /// <summary><c>customSchema</c>: the DataFrame schema as Spark DDL.</summary>
        public static readonly KustoOption CustomSchema = Define("customSchema", OptionSide.Read, OptionKind.Text, null, false, OptionDisposition.Supported,
            "The DataFrame schema as Spark DDL (`a INT, b STRING`), instead of asking the cluster.");

        /// <summary><c>queryFilterPushDown</c>: translate Spark filters to the query.</summary>
        public static readonly KustoOption QueryFilterPushDown = Define("queryFilterPushDown", OptionSide.Read, OptionKind.Boolean, "true", false, OptionDisposition.Supported,
            "`true` translates Spark filters to the query's `where`; defaults to `false` with"
            + " `distributedReadModeTransientCache`.");

        /// <summary><c>numPartitions</c>: partitions of <c>ForcePartitionedMode</c>.</summary>
        public static readonly KustoOption NumPartitions = Define("numPartitions", OptionSide.Read, OptionKind.Int, "4", false, OptionDisposition.Supported, 1, 1000,
            "Number of partitions of `ForcePartitionedMode`, each one query the cluster runs in parallel with the others.");

        /// <summary><c>partitionColumn</c>: the column hashed to split partitioned reads.</summary>
        public static readonly KustoOption PartitionColumn = Define("partitionColumn", OptionSide.Read, OptionKind.Text, null, false, OptionDisposition.Supported,
            "Column hashed to split `ForcePartitionedMode` reads; default: the first column.");

        /// <summary><c>transientStorage</c> (secret): storage for distributed-read exports.</summary>
        public static readonly KustoOption TransientStorage = Define("transientStorage", OptionSide.Read, OptionKind.TransientStorage, null, true, OptionDisposition.Supported,
            "Storage for distributed-read exports: `{\"storageCredentials\":[{\"storageAccountName\",\"blobContainer\","
            + "\"sasKey\"|\"storageAccountKey\"|\"sasUrl\"}],\"endpointSuffix\":\"core.windows.net\"}`; when not set,"
            + " the cluster's own temporary storage (`.create tempstorage`).");

        /// <summary><c>blobStorageEndpointSuffix</c>: the <c>endpointSuffix</c> of <c>transientStorage</c>.</summary>
        public static readonly KustoOption BlobStorageEndpointSuffix = Define("blobStorageEndpointSuffix", OptionSide.Read, OptionKind.Text, null, false, OptionDisposition.Mapped,
            "The `endpointSuffix` of `transientStorage` (storage outside the public cloud, e.g. `core.chinacloudapi.cn`)"
            + " where its JSON sets none; a different value than the JSON's is refused. Without `transientStorage`"
            + " it has no effect (logged as a warning).");

        /// <summary><c>kustoExportOptionsJson</c>: properties of the export command.</summary>
        public static readonly KustoOption KustoExportOptionsJson = Define("kustoExportOptionsJson", OptionSide.Read, OptionKind.JsonObject, null, false, OptionDisposition.Supported,
            "Properties of the `.export` command of distributed reads, as a JSON object (e.g."
            + " `{\"sizeLimit\":104857600,\"compressionType\":\"gzip\"}`); `namePrefix` is the connector's.");

        /// <summary><c>distributedReadModeTransientCache</c>: reuse an export of the same query.</summary>
        public static readonly KustoOption DistributedReadModeTransientCache = Define("distributedReadModeTransientCache", OptionSide.Read, OptionKind.Boolean, "false", false, OptionDisposition.Supported,
            "`true` reuses an export of the same query, options and storage for the rest of the Spark application"
            + " instead of exporting again (the rows are then as of the first read); its blobs are deleted when"
            + " the application ends.");

        /// <summary><c>storageProtocol</c>: <c>wasbs</c>, <c>abfs</c> or <c>abfss</c>.</summary>
        public static readonly KustoOption StorageProtocol = Define("storageProtocol", OptionSide.Read, OptionKind.StorageProtocol, "wasbs", false, OptionDisposition.Ignored,
            "`wasbs`, `abfs` or `abfss`: distributed reads download the exported blobs through the Azure Storage SDK"
            + " over https, whatever the value.");

        /// <summary><c>dbgBlobCompressOnExport</c>: <c>false</c> exports uncompressed Parquet.</summary>
        public static readonly KustoOption DbgBlobCompressOnExport = Define("dbgBlobCompressOnExport", OptionSide.Read, OptionKind.Boolean, "true", false, OptionDisposition.Supported,
            "`false` exports uncompressed Parquet (`.export` without `compressed`) for distributed reads, e.g. to"
            + " measure what compression costs; not together with a `compressionType` in `kustoExportOptionsJson`.");

        /// <summary><c>partitionMode</c>: ignored, with a warning.</summary>
        public static readonly KustoOption PartitionMode = Define("partitionMode", OptionSide.Read, OptionKind.Text, null, false, OptionDisposition.Ignored,
            "The established connector never used it; for parallel reads set `readMode=ForcePartitionedMode` with"
            + " `numPartitions` and `partitionColumn`.");

        // ---- write

        /// <summary><c>kustoTable</c>: the target table.</summary>
        public static readonly KustoOption KustoTable = Define("kustoTable", OptionSide.Write, OptionKind.Text, null, false, OptionDisposition.Supported,
            "Required for writes. The target table.");

        /// <summary><c>writeMode</c>: see <see cref="KustoSpark.WriteMode"/>.</summary>
        public static readonly KustoOption WriteMode = Define("writeMode", OptionSide.Write, OptionKind.WriteMode, "Transactional", false, OptionDisposition.Supported,
            "`Transactional` (staged in a temporary table, moved at commit), `Queued` or `KustoStreaming`.");

        /// <summary><c>tableCreateOptions</c>: see <see cref="TableCreationMode"/>.</summary>
        public static readonly KustoOption TableCreateOptions = Define("tableCreateOptions", OptionSide.Write, OptionKind.TableCreationMode, "FailIfNotExist", false, OptionDisposition.Supported,
            "`FailIfNotExist` or `CreateIfNotExist` (creates the table from the DataFrame's schema).");

        /// <summary><c>adjustSchema</c>: see <see cref="SchemaAdjustmentMode"/>.</summary>
        public static readonly KustoOption AdjustSchema = Define("adjustSchema", OptionSide.Write, OptionKind.SchemaAdjustmentMode, "NoAdjustment", false, OptionDisposition.Supported,
            "`NoAdjustment`, `FailIfNotMatch` (fail unless the columns equal the table's) or"
            + " `GenerateDynamicCsvMapping` (map columns to the table's by name).");

        /// <summary><c>sparkIngestionPropertiesJson</c>: see <see cref="KustoSpark.SparkIngestionProperties"/>.</summary>
        public static readonly KustoOption SparkIngestionPropertiesJson = Define("sparkIngestionPropertiesJson", OptionSide.Write, OptionKind.SparkIngestionProperties, null, false, OptionDisposition.Supported,
            "Ingestion properties: tags, `creationTime`, `csvMapping`... (see `dev.kustospark.spark.SparkIngestionProperties`).");

        /// <summary><c>clientBatchingLimit</c>: megabytes per blob.</summary>
        public static readonly KustoOption ClientBatchingLimit = Define("clientBatchingLimit", OptionSide.Write, OptionKind.Int, "300", false, OptionDisposition.Supported, 1, 1024,
            "Megabytes of uncompressed CSV per blob a task ingests (`Transactional`, `Queued`); the service ingests"
            + " blobs of 100 MB to 1 GB best.");

        /// <summary><c>pollingOnDriver</c>: wait for ingestion results on the driver.</summary>
        public static readonly KustoOption PollingOnDriver = Define("pollingOnDriver", OptionSide.Write, OptionKind.Boolean, "false", false, OptionDisposition.Supported,
            "`true` waits for ingestion results on the driver instead of in the tasks.");

        /// <summary><c>writeEnableAsync</c>: return before ingestion completes.</summary>
        public static readonly KustoOption WriteEnableAsync = Define("writeEnableAsync", OptionSide.Write, OptionKind.Boolean, "false", false, OptionDisposition.Supported,
            "`true` returns before ingestion completes; the driver finishes the write, logs a failure and reports the"
                + " outcome to `KustoAsyncWrites` (by `requestId`).");

        /// <summary><c>writeResultLimit</c>: how many ingestion failures the error reports.</summary>
        public static readonly KustoOption WriteResultLimit = Define("writeResultLimit", OptionSide.Write, OptionKind.WriteResultLimit, "1", false, OptionDisposition.Supported,
            "How many ingestion failures are reported in the error: a positive number or `none` (all).");

        /// <summary><c>tempTableName</c>: an existing table to stage a transactional write in.</summary>
        public static readonly KustoOption TempTableName = Define("tempTableName", OptionSide.Write, OptionKind.Text, null, false, OptionDisposition.Supported,
            "An existing table to stage a `Transactional` write in (only with `tableCreateOptions=FailIfNotExist`);"
            + " it is dropped after the write.");

        /// <summary><c>streamingIngestSizeInMB</c>: megabytes per streaming ingestion request.</summary>
        public static readonly KustoOption StreamingIngestSizeInMB = Define("streamingIngestSizeInMB", OptionSide.Write, OptionKind.Int, "4", false, OptionDisposition.Supported, 1, 4,
            "Megabytes of uncompressed data per streaming ingestion request (`KustoStreaming`); the service takes at"
            + " most 4.");

        /// <summary><c>stagingResourcesAutoCleanupTimeout</c>: seconds until staging tables are dropped.</summary>
        public static readonly KustoOption StagingResourcesAutoCleanupTimeout = Define("stagingResourcesAutoCleanupTimeout", OptionSide.Write, OptionKind.Seconds, "604800", false, OptionDisposition.Supported, 1, 2592000,
            "Seconds after which staging tables of a failed write are dropped by the cluster (auto-delete policy).");

        /// <summary><c>kustoIngestionStorageContainer</c> (secret): storage for queued ingestion.</summary>
        public static readonly KustoOption KustoIngestionStorageContainer = Define("kustoIngestionStorageContainer", OptionSide.Write, OptionKind.IngestionStorage, null, true, OptionDisposition.Supported,
            "Storage for queued ingestion instead of the cluster's: `[{\"storageUrl\",\"containerName\",\"userMsi\"|\"sas\"}]`;"
            + " writes need a `sas` with read, write and create permissions (`userMsi` is refused).");

        /// <summary><c>disableFlushImmediately</c>: leave full blobs to the batching policy.</summary>
        public static readonly KustoOption DisableFlushImmediately = Define("disableFlushImmediately", OptionSide.Write, OptionKind.Boolean, "false", false, OptionDisposition.Supported,
            "Blobs sealed at `clientBatchingLimit` are ingested with `flushImmediately` (they are large enough not to wait"
            + " for the table's batching policy); `true` leaves them to the policy, as a task's last blob always is.");

        /// <summary><c>ensureNoDuplicatedBlobs</c>: ignored, with a warning.</summary>
        public static readonly KustoOption EnsureNoDuplicatedBlobs = Define("ensureNoDuplicatedBlobs", OptionSide.Write, OptionKind.Boolean, "false", false, OptionDisposition.Ignored,
            "This connector puts no ingest-by tag on each blob; `Transactional` writes (the default) keep retried and"
            + " speculative task attempts from adding rows twice with their attempt tags.");

        /// <summary><c>addSourceLocationTransform</c>: <c>true</c> is not available.</summary>
        public static readonly KustoOption AddSourceLocationTransform = Define("addSourceLocationTransform", OptionSide.Write, OptionKind.Boolean, "false", false, OptionDisposition.Unavailable,
            "`true` (a column `ingestion_source_location_url_blob_internal` naming each row's ingested blob) is not"
            + " available; to trace rows to their write, add columns to the DataFrame (e.g. `lit(<run id>)`,"
            + " `spark_partition_id()`).");

        /// <summary><c>maxRetriesOnMoveExtents</c>: retries of a single extent's move.</summary>
        public static readonly KustoOption MaxRetriesOnMoveExtents = Define("maxRetriesOnMoveExtents", OptionSide.Write, OptionKind.Int, "2", false, OptionDisposition.Mapped, 0, 100,
            "Retries of a `.move extents` that failed for a single extent, before a `Transactional` write fails (a"
            + " failed move of several extents is first retried as two halves).");

        /// <summary><c>maximalExtentsCountForSplitMergePerNode</c>: extents per move of a transactional commit.</summary>
        public static readonly KustoOption MaximalExtentsCountForSplitMergePerNode = Define("maximalExtentsCountForSplitMergePerNode", OptionSide.Write, OptionKind.Int, "500", false, OptionDisposition.Mapped, 1, 10000,
            "Extents per `.move extents` command of a `Transactional` commit (the established connector multiplied it by"
            + " the cluster's node count).");

        /// <summary>Every option, in registry order (the order of <c>ToOptions()</c> maps).</summary>
        public static readonly IReadOnlyList<KustoOption> All = new ReadOnlyCollection<KustoOption>(Registry);

        /// <summary>The values of <c>kustoAuthMethod</c>.</summary>
        internal static readonly string[] AuthMethods = { "default", "azureCli", "none" };

        /// <summary>The values of <c>storageProtocol</c>.</summary>
        internal static readonly string[] StorageProtocols = { "wasbs", "abfs", "abfss" };

        private KustoOption(string key, OptionSide side, OptionKind kind, string defaultValue, bool secret,
            OptionDisposition disposition, long? minimum, long? maximum, string description)
        {
            if ((kind == OptionKind.Seconds || kind == OptionKind.Int) != minimum.HasValue)
            {
                throw new InvalidOperationException("option " + key + ": exactly the Seconds and Int options have a range");
            }
            Key = key;
            Side = side;
            Kind = kind;
            DefaultValue = defaultValue;
            Secret = secret;
            Disposition = disposition;
            Minimum = minimum;
            Maximum = maximum;
            Description = description;
        }

        private static KustoOption Define(string key, OptionSide side, OptionKind kind, string defaultValue, bool secret,
            OptionDisposition disposition, string description)
        {
            var option = new KustoOption(key, side, kind, defaultValue, secret, disposition, null, null, description);
            Registry.Add(option);
            return option;
        }

        // An option of kind Seconds or Int, whose values lie from minimum to maximum.
        private static KustoOption Define(string key, OptionSide side, OptionKind kind, string defaultValue, bool secret,
            OptionDisposition disposition, long minimum, long maximum, string description)
        {
            var option = new KustoOption(key, side, kind, defaultValue, secret, disposition, minimum, maximum, description);
            Registry.Add(option);
            return option;
        }

        /// <summary>The key in its canonical spelling.</summary>
        public string Key { get; }

        /// <summary>Whether the option belongs to reads, writes or both.</summary>
        public OptionSide Side { get; }

        internal OptionKind Kind { get; }

        /// <summary>The default as the reference documents it, or null when the option has none.</summary>
        public string DefaultValue { get; }

        /// <summary>Whether the value is a secret, never printed.</summary>
        public bool Secret { get; }

        /// <summary>What the option does compared with the established connector.</summary>
        public OptionDisposition Disposition { get; }

        /// <summary>The least value of a numeric option, or null.</summary>
        internal long? Minimum { get; }

        /// <summary>The greatest value of a numeric option, or null.</summary>
        internal long? Maximum { get; }

        /// <summary>The description of the option reference (<c>docs/options.md</c>).</summary>
        public string Description { get; }

        /// <summary>The option whose key equals <paramref name="key"/> ignoring case, or null.</summary>
        /// <param name="key">An option key in any case.</param>
        public static KustoOption ForKey(string key)
        {
            if (key == null) return null;
            foreach (KustoOption option in Registry)
            {
                if (string.Equals(option.Key, key, StringComparison.OrdinalIgnoreCase)) return option;
            }
            return null;
        }

        /// <summary>Whether this option belongs to configurations of <paramref name="side"/> (common options belong to both).</summary>
        /// <param name="side">Reads or writes.</param>
        public bool AppliesTo(OptionSide side)
        {
            return Side == OptionSide.Common || Side == side;
        }

        /// <summary>
        /// Checks <paramref name="value"/> and returns it in canonical form (enum names as printed,
        /// booleans in lower case, JSON re-serialised canonically).
        /// </summary>
        /// <param name="value">The option's value as text.</param>
        /// <returns>The canonical value, as the connector reads it.</returns>
        /// <exception cref="KustoOptionException">Naming the option, the value (unless secret) and what is allowed.</exception>
        public string Validate(string value)
        {
            return OptionValues.Canonical(this, value);
        }

        /// <summary>The value as error messages may show it: <c>&lt;hidden&gt;</c> for secrets.</summary>
        internal string Shown(string value)
        {
            return Secret ? "<hidden>" : "'" + value + "'";
        }

        /// <summary>The option's key.</summary>
        public override string ToString()
        {
            return Key;
        }
    }
}
