namespace KustoSpark.Config
{
    // How an option's value is checked (one check per kind in OptionValues).
    internal enum OptionKind
    {
        Text, Cluster, Url, Boolean, Seconds, PositiveInt, ReadMode, WriteMode, TableCreationMode, SchemaAdjustmentMode,
        StorageProtocol, AuthMethod, WriteResultLimit, JsonObject, ClientRequestProperties,
        SparkIngestionProperties, TransientStorage, IngestionStorage, Unsupported,
    }
}
