package dev.kustospark.spark.source;

/**
 * Registers the established Kusto connector's format name, so that
 * {@code spark.read.format("com.microsoft.kusto.spark.datasource")} runs unchanged on this connector.
 */
public final class KustoDataSourceAlias extends KustoTableProvider {
    @Override
    public String shortName() {
        return "com.microsoft.kusto.spark.datasource";
    }
}
