package dev.kustospark.spark.config;

/**
 * A connector option is unknown, missing or has a value that cannot be used. The message names the
 * option, the value (never a secret's value) and what is allowed.
 */
public final class KustoOptionException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public KustoOptionException(String message) {
        super(message);
    }

    public KustoOptionException(String message, Throwable cause) {
        super(message, cause);
    }
}
