package dev.kustospark.spark.read;

import dev.kustospark.spark.KustoConnectorException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeats a query call that failed before any row was read, when the failure is transient. Queries
 * are idempotent, so a retry is safe; once rows have been consumed the read fails instead.
 */
final class QueryRetry {
    private static final Logger LOG = LoggerFactory.getLogger(QueryRetry.class);
    static final int MAX_ATTEMPTS = 3;
    private static final long FIRST_BACKOFF_MILLIS = 200;

    private QueryRetry() {}

    static <T> T call(String what, Callable<T> call) throws Exception {
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
