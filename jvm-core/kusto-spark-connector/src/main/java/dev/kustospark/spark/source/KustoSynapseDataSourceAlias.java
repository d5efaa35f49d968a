package dev.kustospark.spark.source;

/**
 * Registers the format name of the Synapse documentation's snippets,
 * {@code com.microsoft.kusto.spark.synapse.datasource}, so they run unchanged on this connector.
 */
public final class KustoSynapseDataSourceAlias extends KustoTableProvider {
    @Override
    public String shortName() {
        return "com.microsoft.kusto.spark.synapse.datasource";
    }
}
