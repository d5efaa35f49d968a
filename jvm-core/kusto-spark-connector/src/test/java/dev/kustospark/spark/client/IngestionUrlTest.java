package dev.kustospark.spark.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.config.WriteConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which data-management endpoint queued ingestion goes to. */
class IngestionUrlTest {
    private static ConnectionConfig connection(String cluster, String ingestionUri) {
        Map<String, String> options = new HashMap<>(Map.of("kustoCluster", cluster, "kustoDatabase", "db",
                "kustoTable", "T", "kustoAuthMethod", "none"));
        if (ingestionUri != null) {
            options.put("kustoIngestionUri", ingestionUri);
        }
        return WriteConfig.from(options, Map.of()).connection();
    }

    @Test
    void serviceClustersGetTheIngestPrefix() {
        assertEquals("https://ingest-mycluster.westeurope.kusto.windows.net",
                KustoClients.ingestionUrl(connection("https://mycluster.westeurope.kusto.windows.net", null)));
    }

    @Test
    void loopbackPrefixedAndExplicitUrlsAreKept() {
        assertEquals("http://127.0.0.1:8080", KustoClients.ingestionUrl(connection("http://127.0.0.1:8080", null)));
        assertEquals("http://localhost:8080", KustoClients.ingestionUrl(connection("http://localhost:8080", null)));
        assertEquals("https://ingest-c.kusto.windows.net",
                KustoClients.ingestionUrl(connection("https://ingest-c.kusto.windows.net", null)));
        assertEquals("https://dm.example.com",
                KustoClients.ingestionUrl(connection("https://c.kusto.windows.net", "https://dm.example.com")));
    }
}
