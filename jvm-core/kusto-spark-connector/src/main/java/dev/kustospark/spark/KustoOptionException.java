package dev.kustospark.spark;

import java.util.Map;
import org.apache.spark.SparkThrowable;

/**
 * A connector option is unknown, missing or has a value that cannot be used. The message names the
 * option, the value (never a secret's value) and what is allowed.
 *
 * <p>An {@link IllegalArgumentException}, which PySpark and Spark Connect turn into their own
 * {@code IllegalArgumentException} whose text is this message, and a {@link SparkThrowable} with the
 * error condition {@value #CONDITION}, so Spark's scheduler rethrows it from a task as it is rather
 * than wrapping it in "Job aborted due to stage failure".
 */
public final class KustoOptionException extends IllegalArgumentException implements SparkThrowable {
    private static final long serialVersionUID = 1L;

    /** The error condition of a refused option; not in Spark's catalogue, and not internal. */
    public static final String CONDITION = "KUSTO_INVALID_OPTION";
    /** SQLSTATE 22023: invalid parameter value. */
    private static final String SQL_STATE = "22023";

    public KustoOptionException(String message) {
        super(message);
    }

    public KustoOptionException(String message, Throwable cause) {
        super(message, cause);
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
        return Map.of("message", getMessage());
    }
}
