package dev.kustospark.spark.client;

import dev.kustospark.spark.KustoConnectorException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats an idempotent call (a query before any row was read, a schema request) when it failed
 * transiently. Once rows have been consumed a read fails instead.
 */
public final class QueryRetry {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRetry.class);
    static final int MAX_ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MILLIS = 200;

    private QueryRetry() {}

    public static <T> T call(String what, Callable<T> call) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.call();
            } catch (Exception e) {
                if (attempt >= MAX_ATTEMPTS || !KustoConnectorException.isTransient(e)) {
                    throw e;
                }
                long backoff = FIRST_BACKOFF_MILLIS << (attempt - 1);
                LOG.warn("{} failed transiently (attempt {}), retrying in {} ms: {}", what, attempt, backoff,
                        KustoConnectorException.kustoMessage(e));
                Thread.sleep(backoff);
            }
        }
    }
}
