package dev.kustospark.spark.write;

import com.microsoft.azure.kusto.ingest.IngestionMapping;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.config.ConnectionConfig;
import java.io.ByteArrayInputStream;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends CSV batches through the SDK's StreamingIngestClient, retrying transient failures
 * (throttling, 5xx, lost connections) with exponential backoff and jitter. Permanent failures (a bad
 * table, mapping or permission) fail at once with Kusto's message.
 */
final class StreamingIngestion {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingIngestion.class);
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
        for (int attempt = 1; ; attempt++) {
            try {
                StreamingIngestClient client = KustoClients.streamingIngestClient(connection);
                client.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(csv)), properties);
                return;
            } catch (Exception e) {
                if (attempt >= MAX_ATTEMPTS || !KustoConnectorException.isTransient(e)) {
                    throw KustoConnectorException.of("Streaming ingestion into table '" + table + "' (option kustoTable, "
                            + what + ", attempt " + attempt + ")", e);
                }
                long backoff = FIRST_BACKOFF_MILLIS * (1L << (attempt - 1));
                backoff += ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                LOG.warn("Streaming ingestion into table '{}' ({}) failed transiently, retrying in {} ms: {}", table, what,
                        backoff, KustoConnectorException.kustoMessage(e));
                sleep(backoff);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a streaming ingestion", e);
        }
    }
}
