package dev.kustospark.spark.read;

import dev.kustospark.spark.KustoConnectorException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats an idempotent call (a query before any row was read, a schema request, a listing) when it
 * failed transiently. Once rows have been consumed a read fails instead.
 */
public final class QueryRetry {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRetry.class);
    static final int MAX_ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MILLIS = 200;
    /** The longest pause while waiting for a cluster to come back: a restart takes seconds to minutes. */
    private static final long MAX_BACKOFF_MILLIS = 5_000;

    private QueryRetry() {}

    /** Tries {@value #MAX_ATTEMPTS} times. */
    public static <T> T call(String what, Callable<T> call) throws Exception {
        return callUntil(what, System.nanoTime(), call);
    }

    /**
     * Tries {@value #MAX_ATTEMPTS} times, then goes on retrying transient failures until
     * {@code deadlineNanos} ({@link System#nanoTime}): for the calls a commit cannot do without, which
     * wait for a cluster that restarts or a connection that drops rather than guess what happened.
     */
    public static <T> T callUntil(String what, long deadlineNanos, Callable<T> call) throws Exception {
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (Exception e) {
                boolean beyondDeadline = System.nanoTime() + backoff * 1_000_000 - deadlineNanos > 0;
                if (!KustoConnectorException.isTransient(e) || (attempt >= MAX_ATTEMPTS && beyondDeadline)) {
                    throw e;
                }
                if (attempt <= MAX_ATTEMPTS) {
                    LOG.warn("{} failed transiently (attempt {}), retrying in {} ms{}: {}", what, attempt, backoff,
                            attempt == MAX_ATTEMPTS ? " and then until the operation's deadline (timeoutLimit)" : "",
                            KustoConnectorException.kustoMessage(e));
                } else {
                    LOG.debug("{} failed transiently (attempt {}), retrying in {} ms: {}", what, attempt, backoff,
                            KustoConnectorException.kustoMessage(e));
                }
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }
}
