namespace KustoSpark.Config
{
    // How an option's value is checked (one check per kind in OptionValues); Seconds and Int values
    // lie in the option's range.
    internal enum OptionKind
    {
        Text, Cluster, Url, Boolean, Seconds, Int, ReadMode, WriteMode, TableCreationMode, SchemaAdjustmentMode,
        StorageProtocol, AuthMethod, WriteResultLimit, JsonObject, ClientRequestProperties,
        SparkIngestionProperties, TransientStorage, IngestionStorage,
    }
}
