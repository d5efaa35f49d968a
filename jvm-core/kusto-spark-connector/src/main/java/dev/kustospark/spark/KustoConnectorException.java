package dev.kustospark.spark;

import com.azure.core.exception.AzureException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.KustoServiceQueryError;
import com.microsoft.azure.kusto.data.exceptions.WebException;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionClientException;
import dev.kustospark.spark.compat.ScalaCollections;
import dev.kustospark.spark.internal.ConnectionFailure;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.apache.spark.QueryContext;
import org.apache.spark.SparkRuntimeException;

/**
 * A failure of a Kusto call, in one line: what the connector was doing (the query or table at
 * fault) and Kusto's own message, taken from the deepest SDK exception that carries it. The SDK's
 * exception stays attached as the cause for stack traces.
 *
 * <p>It is a {@link SparkRuntimeException} with the error condition {@value #CONDITION}, so it reaches
 * users as it is: Spark's scheduler rethrows a task's exception that has a condition other than an
 * internal error instead of wrapping it in "Job aborted due to stage failure", PySpark turns it into
 * its own {@code SparkRuntimeException} whose text is this message (the JVM stack only with
 * {@code spark.sql.pyspark.jvmStacktrace.enabled}), and Spark Connect sends the message and condition.
 */
public final class KustoConnectorException extends SparkRuntimeException {
    private static final long serialVersionUID = 1L;

    /** The error condition of every failure of a Kusto call; not in Spark's catalogue, and not internal. */
    public static final String CONDITION = "KUSTO_CONNECTOR_ERROR";
    /** SQLSTATE KD010: external data source failure. */
    private static final String SQL_STATE = "KD010";
    /**
     * SparkRuntimeException's constructors render a condition of Spark's catalogue; this one is a bare
     * {@code <message>} in Spark 3.5 and 4.x, so the rendered text is this exception's message.
     */
    private static final String MESSAGE_ONLY_CONDITION = "_LEGACY_ERROR_TEMP_2273";

    private final String message;

    private KustoConnectorException(String message, Throwable cause) {
        super(MESSAGE_ONLY_CONDITION, ScalaCollections.toScalaMap(Map.of("message", message)), cause,
                new QueryContext[0], "");
        this.message = message;
    }

    @Override
    public String getMessage() {
        return message;
    }

    /**
     * An executor sends a failed task's exception to the driver serialized, and Spark wraps one that
     * does not serialize in "Job aborted due to stage failure" with its stack as text. The SDK's
     * exceptions do not serialize, so a cause chain that does not travels as {@link SerializableCause}s.
     */
    private Object writeReplace() {
        if (getCause() == null || serializes(getCause())) {
            return this;
        }
        KustoConnectorException copy = new KustoConnectorException(message, SerializableCause.of(getCause()));
        copy.setStackTrace(getStackTrace());
        return copy;
    }

    private static boolean serializes(Throwable cause) {
        try (ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(cause);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The error condition (Spark 4's {@code SparkThrowable}; no override on Spark 3.5, which lacks it). */
    public String getCondition() {
        return CONDITION;
    }

    /** The error condition (Spark 3.5's {@code SparkThrowable}; a deprecated alias in Spark 4). */
    @Override
    @SuppressWarnings("deprecation")
    public String getErrorClass() {
        return CONDITION;
    }

    @Override
    public String getSqlState() {
        return SQL_STATE;
    }

    @Override
    public Map<String, String> getMessageParameters() {
        return Map.of("message", message);
    }

    /**
     * @param action what was attempted, naming the option or query at fault, e.g.
     *     {@code "kustoQuery 'T | take 0'"}.
     */
    public static KustoConnectorException of(String action, Throwable failure) {
        if (failure instanceof KustoConnectorException known) {
            return known;
        }
        return new KustoConnectorException(oneLine(action) + " failed: " + kustoMessage(failure)
                + refusalHint(failure), failure);
    }

    /**
     * A refused request's own text need not say that the cluster refused it (the cause chain does,
     * but Python and C# show only this message), so the status and what to check are added.
     */
    private static String refusalHint(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            Integer status = httpStatus(t);
            if (status != null) {
                return status == 401 ? " (HTTP 401 Unauthorized: check the authentication options, such as"
                        + " accessToken or kustoAadAppId with its secret or certificate)"
                        : status == 403 ? " (HTTP 403 Forbidden: the principal lacks a permission on the database"
                        + " or table)" : "";
            }
        }
        return "";
    }

    private static Integer httpStatus(Throwable t) {
        return t instanceof DataServiceException service ? service.getStatusCode()
                : t instanceof WebException web ? web.getStatusCode() : null;
    }

    /**
     * The connector's own refusal, where going on would change data silently: a value or column that
     * does not fit where it would go. The message names the column, the value or type, and the
     * option or cast that would make it fit.
     */
    public static KustoConnectorException refusal(String message) {
        return new KustoConnectorException(message, null);
    }

    /**
     * A failure whose message says first what became of the work (that a table is unchanged, or what
     * it may hold), then why: the reason's own message when it is one of these, else Kusto's.
     */
    public static KustoConnectorException because(String outcome, Throwable reason) {
        String why = reason instanceof KustoConnectorException known ? known.getMessage() : kustoMessage(reason);
        return new KustoConnectorException(oneLine(outcome) + ": " + why, reason);
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
            Integer status = httpStatus(t);
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
