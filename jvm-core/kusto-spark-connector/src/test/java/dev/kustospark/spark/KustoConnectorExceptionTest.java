package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.IODataServiceException;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionClientException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class KustoConnectorExceptionTest {
    @Test
    void lostConnectionsAreTransientThoughTheSdkMarksThemPermanent() {
        var lostConnection = new IODataServiceException("http://localhost",
                new IOException("Connection prematurely closed BEFORE response"), "post");
        assertTrue(lostConnection.isPermanent());
        assertTrue(KustoConnectorException.isTransient(lostConnection));
        assertTrue(KustoConnectorException.isTransient(new RuntimeException("wrapped", new IOException("reset"))));
    }

    @Test
    void aQueuedIngestClientStillLoadingItsResourcesIsRetried() {
        assertTrue(KustoConnectorException.isTransient(
                new IngestionClientException("TempStorage: No resources were provided.")));
        assertFalse(KustoConnectorException.isTransient(new IngestionClientException("Invalid ingestion properties")));
    }

    @Test
    void otherFailuresAreNotRetried() {
        assertFalse(KustoConnectorException.isTransient(new IllegalArgumentException("bad mapping")));
        assertFalse(KustoConnectorException.isTransient(new DataServiceException("src", "Semantic error", true)));
    }

    @Test
    void messagesNameTheActionAndKustosWordsOnOneLine() {
        var failure = new RuntimeException("outer", new DataServiceException("src", "Semantic error:\n 'x' is unknown", true));
        KustoConnectorException e = KustoConnectorException.of("Query 'T\n| take 1'", failure);
        assertEquals("Query 'T | take 1' failed: Semantic error: 'x' is unknown", e.getMessage());
    }
}
