package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.IODataServiceException;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionClientException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.apache.spark.SparkRuntimeException;
import org.apache.spark.SparkThrowable;
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

    @Test
    void aKustoFailureIsASparkThrowableWithTheConnectorsConditionAndItsMessageAsIs() {
        // Kusto's join syntax and Spark's own template markers must come through untouched.
        var e = KustoConnectorException.of("Query 'T | join (U) on $left.a == $right.b'",
                new DataServiceException("src", "Semantic error: '<message>' ${x} is unknown", true));
        String message = "Query 'T | join (U) on $left.a == $right.b' failed: Semantic error: '<message>' ${x} is unknown";

        assertInstanceOf(SparkRuntimeException.class, e);
        assertEquals(message, e.getMessage());
        assertEquals(KustoConnectorException.class.getName() + ": " + message, e.toString());
        assertSparkThrowable(e, "KUSTO_CONNECTOR_ERROR", "KD010", message);
    }

    @Test
    void aRefusedOptionIsAnIllegalArgumentWithTheOptionCondition() {
        var e = new KustoOptionException("Option readMode has value 'Fast': allowed values: ForceSingleMode.");

        assertInstanceOf(IllegalArgumentException.class, e);
        assertSparkThrowable(e, "KUSTO_INVALID_OPTION", "22023", e.getMessage());
    }

    /** Spark's scheduler passes a task's SparkThrowable on as it is when its condition is not an internal error. */
    @SuppressWarnings("deprecation")
    private static void assertSparkThrowable(SparkThrowable e, String condition, String sqlState, String message) {
        assertEquals(condition, e.getErrorClass());
        assertEquals(sqlState, e.getSqlState());
        assertFalse(e.isInternalError());
        assertEquals(Map.of("message", message), e.getMessageParameters());
        assertEquals(0, e.getQueryContext().length);
    }

    /** An SDK exception holding its HTTP response, as DataWebException does. */
    private static final class UnserializableFailure extends RuntimeException {
        @SuppressWarnings("unused")
        private final Object response = new Object();

        UnserializableFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    @Test
    void aCauseThatDoesNotSerializeReachesTheDriverAsTextWithItsClassAndStack() throws Exception {
        var sdk = new UnserializableFailure("Semantic error: 'x' is unknown", new IOException("HTTP 400"));
        var e = KustoConnectorException.of("Query 'T'", sdk);

        var back = (KustoConnectorException) roundTrip(e);

        assertEquals(e.getMessage(), back.getMessage());
        assertEquals("KUSTO_CONNECTOR_ERROR", back.getCondition());
        assertEquals(UnserializableFailure.class.getName() + ": Semantic error: 'x' is unknown", back.getCause().toString());
        assertEquals("java.io.IOException: HTTP 400", back.getCause().getCause().toString());
        assertEquals(sdk.getStackTrace()[0], back.getCause().getStackTrace()[0]);
        StringWriter printed = new StringWriter();
        back.printStackTrace(new PrintWriter(printed));
        assertTrue(printed.toString().contains("Caused by: " + UnserializableFailure.class.getName() + ": Semantic"),
                printed.toString());
    }

    @Test
    void aCauseThatSerializesIsKept() throws Exception {
        var e = KustoConnectorException.of("Query 'T'", new IOException("connection reset"));

        var back = (KustoConnectorException) roundTrip(e);

        assertInstanceOf(IOException.class, back.getCause());
        assertEquals("connection reset", back.getCause().getMessage());
        assertSame(e, KustoConnectorException.of("again", e));
    }

    private static Object roundTrip(Object value) throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (var in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
