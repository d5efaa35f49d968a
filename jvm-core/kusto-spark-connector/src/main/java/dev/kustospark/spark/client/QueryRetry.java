package dev.kustospark.spark.client;

import dev.kustospark.spark.KustoConnectorException;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a call to Kusto when it failed transiently (throttling, 5xx, a lost connection): an
 * idempotent query before any row was read, a schema request, or an ingestion request. Once rows
 * have been consumed a read fails instead.
 */
public final class QueryRetry {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRetry.class);
    static final int MAX_ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MILLIS = 200;

    private QueryRetry() {}

    /** How a call that will not be repeated fails: from its last exception and the attempts made. */
    @FunctionalInterface
    public interface Failure<E extends Exception> {
        E of(Exception last, int attempts);
    }

    /** A query or command: up to three attempts, the last failure thrown as it is. */
    public static <T> T call(String what, Callable<T> call) throws Exception {
        return call(what, MAX_ATTEMPTS, FIRST_BACKOFF_MILLIS, call, (last, attempts) -> last);
    }

    /**
     * Up to {@code maxAttempts} attempts, waiting {@code firstBackoffMillis} before the second and twice
     * as long before each next one, plus up to half of that at random so that tasks throttled together
     * do not return together.
     */
    public static <T, E extends Exception> T call(String what, int maxAttempts, long firstBackoffMillis,
            Callable<T> call, Failure<E> failure) throws E {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (Exception e) {
                if (attempt >= maxAttempts || !KustoConnectorException.isTransient(e)) {
                    throw failure.of(e, attempt);
                }
                long backoff = firstBackoffMillis << (attempt - 1);
                backoff += ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                LOG.warn("{} failed transiently (attempt {}), retrying in {} ms: {}", what, attempt, backoff,
                        KustoConnectorException.kustoMessage(e));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting to retry " + what, interrupted);
                }
            }
        }
    }
}
