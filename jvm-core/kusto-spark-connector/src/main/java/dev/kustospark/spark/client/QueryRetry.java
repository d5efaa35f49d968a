package dev.kustospark.spark.client;

import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.internal.ConnectionFailure;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a call to Kusto when it failed transiently (throttling, 5xx, a lost connection): an
 * idempotent query before any row was read, a schema request, a listing, or an ingestion request.
 * Once rows have been consumed a read fails instead.
 */
public final class QueryRetry {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRetry.class);
    static final int MAX_ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MILLIS = 200;
    /** The longest pause while waiting for a cluster to come back: a restart takes seconds to minutes. */
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private QueryRetry() {}

    /** How a call that will not be repeated fails: from its last exception and the attempts made. */
    @FunctionalInterface
    public interface Failure<E extends Exception> {
        E of(Exception last, int attempts);
    }

    /** A query or command: tries {@value #MAX_ATTEMPTS} times, the last failure thrown as it is. */
    public static <T> T call(String what, Callable<T> call) throws Exception {
        return retry(what, MAX_ATTEMPTS, FIRST_BACKOFF_MILLIS, System.nanoTime(), false, call, (last, attempts) -> last);
    }

    /**
     * Tries {@value #MAX_ATTEMPTS} times, then goes on retrying transient failures until
     * {@code deadlineNanos} ({@link System#nanoTime}): for the calls a commit cannot do without, which
     * wait for a cluster that restarts or a connection that drops rather than guess what happened.
     * Here a cluster that cannot be reached ({@link ConnectionFailure}) is waited for too: it answered
     * earlier in the same operation, so a refused connection means it is restarting, not misnamed.
     */
    public static <T> T callUntil(String what, long deadlineNanos, Callable<T> call) throws Exception {
        return retry(what, MAX_ATTEMPTS, FIRST_BACKOFF_MILLIS, deadlineNanos, true, call, (last, attempts) -> last);
    }

    /**
     * Up to {@code maxAttempts} attempts, waiting {@code firstBackoffMillis} before the second and twice
     * as long before each next one; the last failure (or an interruption) goes through {@code failure}.
     */
    public static <T, E extends Exception> T call(String what, int maxAttempts, long firstBackoffMillis,
            Callable<T> call, Failure<E> failure) throws E {
        return retry(what, maxAttempts, firstBackoffMillis, System.nanoTime(), false, call, failure);
    }

    private static <T, E extends Exception> T retry(String what, int maxAttempts, long firstBackoffMillis,
            long deadlineNanos, boolean awaitUnreachable, Callable<T> call, Failure<E> failure) throws E {
        long backoff = firstBackoffMillis;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (Exception e) {
                // Up to half of the pause again at random, so that tasks throttled together do not return together.
                long pause = backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1);
                boolean beyondDeadline = System.nanoTime() + pause * 1_000_000 - deadlineNanos > 0;
                boolean transientFailure = KustoConnectorException.isTransient(e)
                        || (awaitUnreachable && ConnectionFailure.in(e).isPresent());
                if (!transientFailure || (attempt >= maxAttempts && beyondDeadline)) {
                    throw failure.of(e, attempt);
                }
                if (attempt <= maxAttempts) {
                    LOG.warn("{} failed transiently (attempt {}), retrying in {} ms{}: {}", what, attempt, pause,
                            attempt == maxAttempts ? " and then until the operation's deadline (timeoutLimit)" : "",
                            KustoConnectorException.kustoMessage(e));
                } else {
                    LOG.debug("{} failed transiently (attempt {}), retrying in {} ms: {}", what, attempt, pause,
                            KustoConnectorException.kustoMessage(e));
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw failure.of(interrupted, attempt);
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }
}
