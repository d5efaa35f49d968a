using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using KustoSpark.Config;

namespace KustoSpark
{
    /// <summary>
    /// The registry of connector options, as the JVM connector defines them: each option's key,
    /// default, side, secrecy and description, and the check of its value. The builders
    /// <see cref="KustoReadOptions"/> and <see cref="KustoWriteOptions"/> check values through it, so a
    /// value they accept is accepted by the connector. Keys match ignoring case.
    /// </summary>
    public sealed class KustoOption
    {
        private static readonly List<KustoOption> Registry = new List<KustoOption>();

        // ---- common

        /// <summary><c>kustoCluster</c>: the cluster URL or name.</summary>
        public static readonly KustoOption KustoCluster = Define("kustoCluster", OptionSide.Common, OptionKind.Cluster, null, false,
            "Required. The cluster: a URL (`https://name.region.kusto.windows.net`, `http://localhost:8080`) or a bare"
            + " `name` / `name.region` (becomes `https://name.region.kusto.windows.net`).");

        /// <summary><c>kustoDatabase</c>: the database.</summary>
        public static readonly KustoOption KustoDatabase = Define("kustoDatabase", OptionSide.Common, OptionKind.Text, null, false,
            "Required. The database.");

        /// <summary><c>kustoAadAppId</c>: application (client) id for Entra ID application authentication.</summary>
        public static readonly KustoOption KustoAadAppId = Define("kustoAadAppId", OptionSide.Common, OptionKind.Text, null, false,
            "Application (client) id for Entra ID application authentication; with `kustoAadAppSecret`"
            + " or `kutoAadAppCertPath`.");

        /// <summary><c>kustoAadAppSecret</c> (secret): the application's client secret.</summary>
        public static readonly KustoOption KustoAadAppSecret = Define("kustoAadAppSecret", OptionSide.Common, OptionKind.Text, null, true,
            "The client secret of the application `kustoAadAppId`.");

        /// <summary><c>kustoAadAuthorityID</c>: tenant id or domain of the application.</summary>
        public static readonly KustoOption KustoAadAuthorityID = Define("kustoAadAuthorityID", OptionSide.Common, OptionKind.Text, "microsoft.com", false,
            "Tenant (authority) id or domain of the application `kustoAadAppId`.");

        /// <summary><c>kutoAadAppCertPath</c>: path of the application's PKCS#12 certificate.</summary>
        public static readonly KustoOption KutoAadAppCertPath = Define("kutoAadAppCertPath", OptionSide.Common, OptionKind.Text, null, false,
            "Path of a PKCS#12 (.pfx) certificate of the application `kustoAadAppId` (the name's spelling is the"
            + " established connector's).");

        /// <summary><c>kutoAadAppCertPassword</c> (secret): password of the certificate.</summary>
        public static readonly KustoOption KutoAadAppCertPassword = Define("kutoAadAppCertPassword", OptionSide.Common, OptionKind.Text, null, true,
            "Password of the certificate `kutoAadAppCertPath`.");

        /// <summary><c>accessToken</c> (secret): an Entra ID access token used as is.</summary>
        public static readonly KustoOption AccessToken = Define("accessToken", OptionSide.Common, OptionKind.Text, null, true,
            "An Entra ID access token for the cluster, used as is (it is not refreshed).");

        /// <summary><c>managedIdentityAuth</c>: authenticate with the machine's managed identity.</summary>
        public static readonly KustoOption ManagedIdentityAuth = Define("managedIdentityAuth", OptionSide.Common, OptionKind.Boolean, "false", false,
            "`true` authenticates with the managed identity of the machine (system-assigned unless"
            + " `managedIdentityClientId` is set).");

        /// <summary><c>managedIdentityClientId</c>: client id of a user-assigned managed identity.</summary>
        public static readonly KustoOption ManagedIdentityClientId = Define("managedIdentityClientId", OptionSide.Common, OptionKind.Text, null, false,
            "Client id of a user-assigned managed identity; implies `managedIdentityAuth`.");

        /// <summary><c>tokenProviderCallbackClasspath</c>: a JVM token provider class, by name.</summary>
        public static readonly KustoOption TokenProviderCallbackClasspath = Define("tokenProviderCallbackClasspath", OptionSide.Common, OptionKind.Text, null, false,
            "Class name of a token provider with a public no-argument constructor, implementing"
            + " `dev.kustospark.spark.TokenProvider` or `java.util.concurrent.Callable<String>`; called for each token.");

        /// <summary><c>userPrompt</c>: interactive browser sign-in on the driver's machine.</summary>
        public static readonly KustoOption UserPrompt = Define("userPrompt", OptionSide.Common, OptionKind.Boolean, "false", false,
            "`true` signs in interactively in a browser on the driver's machine (local use only).");

        /// <summary><c>kustoAuthMethod</c>: <c>default</c>, <c>azureCli</c> or <c>none</c>.</summary>
        public static readonly KustoOption KustoAuthMethod = Define("kustoAuthMethod", OptionSide.Common, OptionKind.AuthMethod, null, false,
            "Authentication without other options: `default` (azure-identity's DefaultAzureCredential),"
            + " `azureCli` (the signed-in Azure CLI) or `none` (no token; for kusto-local). Without any"
            + " authentication option, `http://` clusters use `none`.");

        /// <summary><c>keyVaultUri</c>: not supported; recognised to explain its absence.</summary>
        public static readonly KustoOption KeyVaultUri = Define("keyVaultUri", OptionSide.Common, OptionKind.Unsupported, null, false,
            "Not supported: read the secret from Key Vault in the job (e.g. `mssparkutils.credentials.getSecret`)"
            + " and pass it as `kustoAadAppSecret`.");

        /// <summary><c>keyVaultAppId</c>: not supported.</summary>
        public static readonly KustoOption KeyVaultAppId = Define("keyVaultAppId", OptionSide.Common, OptionKind.Unsupported, null, false,
            "Not supported: see `keyVaultUri`.");

        /// <summary><c>keyVaultAppKey</c> (secret): not supported.</summary>
        public static readonly KustoOption KeyVaultAppKey = Define("keyVaultAppKey", OptionSide.Common, OptionKind.Unsupported, null, true,
            "Not supported: see `keyVaultUri`.");

        /// <summary><c>kustoIngestionUri</c>: URL of the cluster's ingestion endpoint.</summary>
        public static readonly KustoOption KustoIngestionUri = Define("kustoIngestionUri", OptionSide.Common, OptionKind.Url, null, false,
            "URL of the cluster's data-management (ingestion) endpoint, when not `https://ingest-<cluster host>`.");

        /// <summary><c>timeoutLimit</c>: seconds a whole read or write may take.</summary>
        public static readonly KustoOption TimeoutLimit = Define("timeoutLimit", OptionSide.Common, OptionKind.Seconds, "172800", false,
            "Seconds a whole read or write operation (export, ingestion) may take.");

        /// <summary><c>clientRequestPropertiesJson</c>: client request properties for every request.</summary>
        public static readonly KustoOption ClientRequestPropertiesJson = Define("clientRequestPropertiesJson", OptionSide.Common, OptionKind.ClientRequestProperties, null, false,
            "Client request properties for every request, as `{\"Options\":{...},\"Parameters\":{...}}`"
            + " (see `dev.kustospark.spark.ClientRequestProperties`).");

        /// <summary><c>requestId</c>: correlation id of the operation.</summary>
        public static readonly KustoOption RequestId = Define("requestId", OptionSide.Common, OptionKind.Text, "a random UUID", false,
            "Correlation id of the operation: part of the client request id of each request it makes.");

        /// <summary><c>spark.synapse.linkedService</c>: a connection profile of the Spark conf.</summary>
        public static readonly KustoOption LinkedService = Define("spark.synapse.linkedService", OptionSide.Common, OptionKind.Text, null, false,
            "Name of a connection profile in the Spark conf: `spark.kusto.linkedService.<name>.cluster`, `.database`"
            + " and authentication options (`.kustoAadAppId`...); explicit options win.");

        // ---- read

        /// <summary><c>kustoQuery</c>: the KQL query or a table name.</summary>
        public static readonly KustoOption KustoQuery = Define("kustoQuery", OptionSide.Read, OptionKind.Text, null, false,
            "Required for reads. The KQL query (or a table name); management commands (starting with `.`) are refused.");

        /// <summary><c>readMode</c>: see <see cref="KustoSpark.ReadMode"/>.</summary>
        public static readonly KustoOption ReadMode = Define("readMode", OptionSide.Read, OptionKind.ReadMode, "chosen by the connector", false,
            "`ForceSingleMode` (one query, one task), `ForcePartitionedMode` (`numPartitions` hash partitions) or"
            + " `ForceDistributedMode` (export to `transientStorage`). Not set: single for an estimated <= 5000 rows"
            + " (exported instead if Kusto's result limits stop it), else distributed when storage is available;"
            + " the choice and its reason are logged and shown in the plan.");

        /// <summary><c>customSchema</c>: the DataFrame schema as Spark DDL.</summary>
        public static readonly KustoOption CustomSchema = Define("customSchema", OptionSide.Read, OptionKind.Text, null, false,
            "The DataFrame schema as Spark DDL (`a INT, b STRING`), instead of asking the cluster.");

        /// <summary><c>queryFilterPushDown</c>: translate Spark filters to the query.</summary>
        public static readonly KustoOption QueryFilterPushDown = Define("queryFilterPushDown", OptionSide.Read, OptionKind.Boolean, "true", false,
            "`true` translates Spark filters to the query's `where`; defaults to `false` with"
            + " `distributedReadModeTransientCache`.");

        /// <summary><c>numPartitions</c>: partitions of <c>ForcePartitionedMode</c>.</summary>
        public static readonly KustoOption NumPartitions = Define("numPartitions", OptionSide.Read, OptionKind.PositiveInt, "4", false,
            "Number of partitions (parallel queries) of `ForcePartitionedMode`.");

        /// <summary><c>partitionColumn</c>: the column hashed to split partitioned reads.</summary>
        public static readonly KustoOption PartitionColumn = Define("partitionColumn", OptionSide.Read, OptionKind.Text, null, false,
            "Column hashed to split `ForcePartitionedMode` reads; default: the first column.");

        /// <summary><c>transientStorage</c> (secret): storage for distributed-read exports.</summary>
        public static readonly KustoOption TransientStorage = Define("transientStorage", OptionSide.Read, OptionKind.TransientStorage, null, true,
            "Storage for distributed-read exports: `{\"storageCredentials\":[{\"storageAccountName\",\"blobContainer\","
            + "\"sasKey\"|\"storageAccountKey\"|\"sasUrl\"}],\"endpointSuffix\":\"core.windows.net\"}`; when not set,"
            + " the cluster's own temporary storage (`.create tempstorage`).");

        /// <summary><c>kustoExportOptionsJson</c>: properties of the export command.</summary>
        public static readonly KustoOption KustoExportOptionsJson = Define("kustoExportOptionsJson", OptionSide.Read, OptionKind.JsonObject, null, false,
            "Properties of the `.export` command of distributed reads, as a JSON object (e.g."
            + " `{\"sizeLimit\":104857600,\"compressionType\":\"gzip\"}`); `namePrefix` is the connector's.");

        /// <summary><c>distributedReadModeTransientCache</c>: reuse an export of the same query.</summary>
        public static readonly KustoOption DistributedReadModeTransientCache = Define("distributedReadModeTransientCache", OptionSide.Read, OptionKind.Boolean, "false", false,
            "`true` reuses an export of the same query, options and storage for the rest of the Spark application"
            + " instead of exporting again (the rows are then as of the first read); its blobs are deleted when"
            + " the application ends.");

        /// <summary><c>storageProtocol</c>: <c>wasbs</c>, <c>abfs</c> or <c>abfss</c>.</summary>
        public static readonly KustoOption StorageProtocol = Define("storageProtocol", OptionSide.Read, OptionKind.StorageProtocol, "wasbs", false,
            "Accepted for compatibility (`wasbs`, `abfs` or `abfss`); distributed reads download the exported blobs"
            + " through the Azure Storage SDK over https, whatever the value.");

        // ---- write

        /// <summary><c>kustoTable</c>: the target table.</summary>
        public static readonly KustoOption KustoTable = Define("kustoTable", OptionSide.Write, OptionKind.Text, null, false,
            "Required for writes. The target table.");

        /// <summary><c>writeMode</c>: see <see cref="KustoSpark.WriteMode"/>.</summary>
        public static readonly KustoOption WriteMode = Define("writeMode", OptionSide.Write, OptionKind.WriteMode, "Transactional", false,
            "`Transactional` (staged in a temporary table, moved at commit), `Queued` or `KustoStreaming`.");

        /// <summary><c>tableCreateOptions</c>: see <see cref="TableCreationMode"/>.</summary>
        public static readonly KustoOption TableCreateOptions = Define("tableCreateOptions", OptionSide.Write, OptionKind.TableCreationMode, "FailIfNotExist", false,
            "`FailIfNotExist` or `CreateIfNotExist` (creates the table from the DataFrame's schema).");

        /// <summary><c>adjustSchema</c>: see <see cref="SchemaAdjustmentMode"/>.</summary>
        public static readonly KustoOption AdjustSchema = Define("adjustSchema", OptionSide.Write, OptionKind.SchemaAdjustmentMode, "NoAdjustment", false,
            "`NoAdjustment`, `FailIfNotMatch` (fail unless the columns equal the table's) or"
            + " `GenerateDynamicCsvMapping` (map columns to the table's by name).");

        /// <summary><c>sparkIngestionPropertiesJson</c>: see <see cref="KustoSpark.SparkIngestionProperties"/>.</summary>
        public static readonly KustoOption SparkIngestionPropertiesJson = Define("sparkIngestionPropertiesJson", OptionSide.Write, OptionKind.SparkIngestionProperties, null, false,
            "Ingestion properties: tags, `creationTime`, `csvMapping`... (see `dev.kustospark.spark.SparkIngestionProperties`).");

        /// <summary><c>clientBatchingLimit</c>: megabytes per blob.</summary>
        public static readonly KustoOption ClientBatchingLimit = Define("clientBatchingLimit", OptionSide.Write, OptionKind.PositiveInt, "300", false,
            "Megabytes of data per blob a task ingests (`Transactional`, `Queued`).");

        /// <summary><c>pollingOnDriver</c>: wait for ingestion results on the driver.</summary>
        public static readonly KustoOption PollingOnDriver = Define("pollingOnDriver", OptionSide.Write, OptionKind.Boolean, "false", false,
            "`true` waits for ingestion results on the driver instead of in the tasks.");

        /// <summary><c>writeEnableAsync</c>: return before ingestion completes.</summary>
        public static readonly KustoOption WriteEnableAsync = Define("writeEnableAsync", OptionSide.Write, OptionKind.Boolean, "false", false,
            "`true` returns before ingestion completes; the driver finishes the write, logs a failure and reports the"
                + " outcome to `KustoAsyncWrites` (by `requestId`).");

        /// <summary><c>writeResultLimit</c>: how many ingestion failures the error reports.</summary>
        public static readonly KustoOption WriteResultLimit = Define("writeResultLimit", OptionSide.Write, OptionKind.WriteResultLimit, "1", false,
            "How many ingestion failures are reported in the error: a positive number or `none` (all).");

        /// <summary><c>tempTableName</c>: an existing table to stage a transactional write in.</summary>
        public static readonly KustoOption TempTableName = Define("tempTableName", OptionSide.Write, OptionKind.Text, null, false,
            "An existing table to stage a `Transactional` write in (only with `tableCreateOptions=FailIfNotExist`);"
            + " it is dropped after the write.");

        /// <summary><c>streamingIngestSizeInMB</c>: megabytes per streaming ingestion request.</summary>
        public static readonly KustoOption StreamingIngestSizeInMB = Define("streamingIngestSizeInMB", OptionSide.Write, OptionKind.PositiveInt, "4", false,
            "Megabytes of uncompressed data per streaming ingestion request (`KustoStreaming`; the service takes at most 4).");

        /// <summary><c>stagingResourcesAutoCleanupTimeout</c>: seconds until staging tables are dropped.</summary>
        public static readonly KustoOption StagingResourcesAutoCleanupTimeout = Define("stagingResourcesAutoCleanupTimeout", OptionSide.Write, OptionKind.Seconds, "604800", false,
            "Seconds after which staging tables of a failed write are dropped by the cluster (auto-delete policy).");

        /// <summary><c>kustoIngestionStorageContainer</c> (secret): storage for queued ingestion.</summary>
        public static readonly KustoOption KustoIngestionStorageContainer = Define("kustoIngestionStorageContainer", OptionSide.Write, OptionKind.IngestionStorage, null, true,
            "Storage for queued ingestion instead of the cluster's: `[{\"storageUrl\",\"containerName\",\"userMsi\"|\"sas\"}]`;"
            + " writes need a `sas` with read, write and create permissions (`userMsi` is refused).");

        /// <summary>Every option, in registry order (the order of <c>ToOptions()</c> maps).</summary>
        public static readonly IReadOnlyList<KustoOption> All = new ReadOnlyCollection<KustoOption>(Registry);

        /// <summary>The values of <c>kustoAuthMethod</c>.</summary>
        internal static readonly string[] AuthMethods = { "default", "azureCli", "none" };

        /// <summary>The values of <c>storageProtocol</c>.</summary>
        internal static readonly string[] StorageProtocols = { "wasbs", "abfs", "abfss" };

        private KustoOption(string key, OptionSide side, OptionKind kind, string defaultValue, bool secret, string description)
        {
            Key = key;
            Side = side;
            Kind = kind;
            DefaultValue = defaultValue;
            Secret = secret;
            Description = description;
        }

        private static KustoOption Define(string key, OptionSide side, OptionKind kind, string defaultValue, bool secret, string description)
        {
            var option = new KustoOption(key, side, kind, defaultValue, secret, description);
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

        /// <summary>False for the established connector's options that are recognised only to explain their absence.</summary>
        public bool Supported { get { return Kind != OptionKind.Unsupported; } }

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
