package dev.kustospark.spark.write;

import com.microsoft.azure.kusto.ingest.IngestionMapping;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.ClientLease;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.client.QueryRetry;
import dev.kustospark.spark.config.ConnectionConfig;
import java.io.ByteArrayInputStream;

/**
 * Sends CSV batches through the SDK's StreamingIngestClient, retrying transient failures
 * (throttling, 5xx, lost connections) with exponential backoff and jitter. Permanent failures (a bad
 * table, mapping or permission) fail at once with Kusto's message.
 */
final class StreamingIngestion {
    static final int MAX_ATTEMPTS = 5;
    private static final long FIRST_BACKOFF_MILLIS = 500;

    private final ConnectionConfig connection;
    private final String table;
    private final String mappingReference;

    StreamingIngestion(ConnectionConfig connection, String table, String mappingReference) {
        this.connection = connection;
        this.table = table;
        this.mappingReference = mappingReference;
    }

    void ingest(byte[] csv, String what) {
        IngestionProperties properties = new IngestionProperties(connection.database(), table);
        properties.setDataFormat(IngestionProperties.DataFormat.CSV);
        if (mappingReference != null) {
            properties.setIngestionMapping(new IngestionMapping(mappingReference, IngestionMapping.IngestionMappingKind.CSV));
        }
        QueryRetry.call("Streaming ingestion into table '" + table + "' (" + what + ")", MAX_ATTEMPTS,
                FIRST_BACKOFF_MILLIS, () -> {
                    try (ClientLease<StreamingIngestClient> client = KustoClients.streamingIngestClient(connection)) {
                        client.client().ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(csv)), properties);
                    }
                    return null;
                }, (last, attempts) -> KustoConnectorException.of("Streaming ingestion into table '" + table
                        + "' (option kustoTable, " + what + ", attempt " + attempts + ")", last));
    }
}
