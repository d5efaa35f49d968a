package dev.kustospark.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kustospark.spark.KustoOptionException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LinkedServicesTest {
    private static final Map<String, String> SPARK_CONF = Map.of(
            "spark.kusto.linkedService.AzureDataExplorer1.cluster", "https://adx1.westeurope.kusto.windows.net",
            "spark.kusto.linkedService.AzureDataExplorer1.database", "sales",
            "spark.kusto.linkedService.AzureDataExplorer1.kustoAadAppId", "app",
            "spark.kusto.linkedService.AzureDataExplorer1.kustoAadAppSecret", "s3cret",
            "spark.kusto.linkedService.AzureDataExplorer1.kustoAadAuthorityID", "tenant",
            "spark.kusto.linkedService.Local.cluster", "http://localhost:8080",
            "spark.kusto.linkedService.Local.database", "db1",
            "spark.app.name", "unrelated");

    @Test
    void aProfileSuppliesClusterDatabaseAndAuthentication() {
        // The Synapse documentation's snippet: only the linked service and the query.
        ReadConfig config = ReadConfig.from(Map.of("spark.synapse.linkedService", "AzureDataExplorer1",
                "kustoQuery", "T | take 1"), SPARK_CONF);
        assertEquals("https://adx1.westeurope.kusto.windows.net", config.connection().clusterUrl());
        assertEquals("sales", config.connection().database());
        assertEquals(AuthConfig.Method.APPLICATION_SECRET, config.connection().auth().method());
        assertEquals(Optional.of("tenant"), config.connection().auth().authority());
    }

    @Test
    void explicitOptionsWinAndProfileNamesIgnoreCase() {
        WriteConfig config = WriteConfig.from(Map.of("spark.synapse.linkedService", "local", "kustoDatabase", "other",
                "kustoTable", "T"), SPARK_CONF);
        assertEquals("http://localhost:8080", config.connection().clusterUrl());
        assertEquals("other", config.connection().database());
        assertEquals(AuthConfig.Method.NONE, config.connection().auth().method());
    }

    @Test
    void anUnknownProfileListsTheConfiguredOnes() {
        KustoOptionException e = assertThrows(KustoOptionException.class, () -> ReadConfig.from(
                Map.of("spark.synapse.linkedService", "Missing", "kustoQuery", "T"), SPARK_CONF));
        assertEquals("Option spark.synapse.linkedService names 'Missing', but the Spark conf has no profile of that name;"
                + " configured profiles: AzureDataExplorer1, Local. Set spark.kusto.linkedService.Missing.cluster and"
                + " spark.kusto.linkedService.Missing.database (and authentication such as"
                + " spark.kusto.linkedService.Missing.kustoAadAppId) in the Spark conf.", e.getMessage());
        KustoOptionException none = assertThrows(KustoOptionException.class, () -> ReadConfig.from(
                Map.of("spark.synapse.linkedService", "Missing", "kustoQuery", "T"), Map.of()));
        assertEquals(true, none.getMessage().contains("no profiles are configured"), none.getMessage());
    }

    @Test
    void anUnknownProfileSettingIsNamed() {
        Map<String, String> conf = Map.of("spark.kusto.linkedService.X.cluster", "c",
                "spark.kusto.linkedService.X.password", "p");
        KustoOptionException e = assertThrows(KustoOptionException.class, () -> ReadConfig.from(
                Map.of("spark.synapse.linkedService", "X", "kustoQuery", "T"), conf));
        assertEquals(true, e.getMessage().startsWith("Spark conf spark.kusto.linkedService.X.password: 'password' is not"
                + " a linked service setting; allowed: cluster, database, kustoAadAppId, "), e.getMessage());
    }

    @Test
    void aBadProfileValueNamesTheConfKeyWithoutTheSecret() {
        Map<String, String> conf = Map.of("spark.kusto.linkedService.X.cluster", "c",
                "spark.kusto.linkedService.X.kustoAadAppSecret", " ");
        KustoOptionException e = assertThrows(KustoOptionException.class, () -> ReadConfig.from(
                Map.of("spark.synapse.linkedService", "X", "kustoQuery", "T"), conf));
        assertEquals("Spark conf spark.kusto.linkedService.X.kustoAadAppSecret (linked service X): Option"
                + " kustoAadAppSecret is empty; expected a non-empty string.", e.getMessage());
    }
}
