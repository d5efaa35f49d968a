package dev.kustospark.spark;

import com.azure.core.exception.AzureException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.KustoServiceQueryError;
import com.microsoft.azure.kusto.data.exceptions.WebException;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionClientException;
import dev.kustospark.spark.client.ConnectionFailure;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * A failure of a Kusto call, in one line: what the connector was doing (the query or table at
 * fault) and Kusto's own message, taken from the deepest SDK exception that carries it. The SDK's
 * exception stays attached as the cause for stack traces.
 */
public final class KustoConnectorException extends RuntimeException {
    private KustoConnectorException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * @param action what was attempted, naming the option or query at fault, e.g.
     *     {@code "kustoQuery 'T | take 0'"}.
     */
    public static KustoConnectorException of(String action, Throwable failure) {
        if (failure instanceof KustoConnectorException known) {
            return known;
        }
        return new KustoConnectorException(oneLine(action) + " failed: " + kustoMessage(failure), failure);
    }

    /** The most specific message in the chain: Kusto's service error text when there is one. */
    public static String kustoMessage(Throwable failure) {
        Optional<ConnectionFailure> unreachable = ConnectionFailure.in(failure);
        if (unreachable.isPresent()) {
            return unreachable.get().getMessage();
        }
        Throwable service = null;
        String fallback = null;
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof DataServiceException || t instanceof KustoServiceQueryError) {
                service = t;
            }
            if (fallback == null && t.getMessage() != null && !t.getMessage().isBlank()) {
                fallback = t.getMessage();
            }
            if (t.getMessage() != null && !(t instanceof AzureException) && t.getCause() == null) {
                fallback = t.getMessage();
            }
        }
        String message = service != null && service.getMessage() != null ? service.getMessage()
                : fallback != null ? fallback : failure.getClass().getSimpleName();
        return oneLine(message);
    }

    /**
     * Whether a failed call is worth repeating: throttling (429), a server error (5xx), or a lost
     * connection (a pooled keep-alive connection the server already closed, a reset, a timeout), or a
     * queued ingest client whose ingestion resources are still loading.
     * Kusto's answers with a 4xx status (bad KQL, unknown table, missing permission) are not, nor is a
     * server that cannot be reached at all ({@link ConnectionFailure}).
     */
    public static boolean isTransient(Throwable failure) {
        if (ConnectionFailure.in(failure).isPresent()) {
            return false;
        }
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            Integer status = t instanceof DataServiceException service ? service.getStatusCode()
                    : t instanceof WebException web ? web.getStatusCode() : null;
            if (status != null) {
                return status == 429 || status >= 500;
            }
            // Not the SDK's isPermanent(): it marks lost connections permanent, and those are the
            // failures most worth a retry (a pooled keep-alive connection the server closed).
            if (t instanceof IOException || t instanceof TimeoutException) {
                return true;
            }
            if (isIngestionResourcesNotLoaded(t)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The queued ingest client loads the ingestion resources on a background thread when it is created;
     * a first ingestion that races that load finds no containers or queues yet and fails with "No
     * resources were provided". A moment later the same call succeeds.
     */
    private static boolean isIngestionResourcesNotLoaded(Throwable t) {
        return t instanceof IngestionClientException && t.getMessage() != null
                && t.getMessage().contains("No resources were provided");
    }

    /** A query as it appears in messages: on one line, since operators are appended on lines of their own. */
    public static String oneLineQuery(String query) {
        return oneLine(query);
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
