package dev.kustospark.spark.actions;

import dev.kustospark.spark.KustoAsyncWriteOutcome;
import dev.kustospark.spark.write.AsyncWriteOutcomes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The outcomes of the writes with {@code writeEnableAsync=true} that this driver finishes in the
 * background: {@code save()} returns once the tasks have queued their data, and a driver thread then
 * waits for the ingestion, moves the rows into the table and reports here. A write is known by its
 * {@code requestId} (the option, or the random one the write's log line names).
 *
 * <pre>{@code
 * df.write().format("kusto").options(options).option("writeEnableAsync", "true")
 *     .option("requestId", "nightly-2024-06-01").mode("append").save();
 * // ... other work ...
 * KustoAsyncWriteOutcome outcome = KustoAsyncWrites.await("nightly-2024-06-01", Duration.ofHours(1));
 * outcome.orThrow();   // a KustoConnectorException with the write's error when it failed
 * }</pre>
 *
 * The driver keeps the outcomes of the last {@value AsyncWriteOutcomes#KEPT} writes.
 */
public final class KustoAsyncWrites {
    private KustoAsyncWrites() {}

    /**
     * Waits up to {@code timeout} for the write of {@code requestId} to end.
     *
     * @return its outcome, {@code RUNNING} when the timeout passed first
     * @throws dev.kustospark.spark.KustoOptionException when this driver started no asynchronous write with
     *     that requestId
     */
    public static KustoAsyncWriteOutcome await(String requestId, Duration timeout) {
        return AsyncWriteOutcomes.await(requestId, timeout);
    }

    /** Waits up to {@code timeout} for every asynchronous write this driver has started; their outcomes, oldest first. */
    public static List<KustoAsyncWriteOutcome> awaitAll(Duration timeout) {
        return AsyncWriteOutcomes.awaitAll(timeout);
    }

    /** The outcome so far of the write of {@code requestId}, without waiting; empty when this driver knows none. */
    public static Optional<KustoAsyncWriteOutcome> status(String requestId) {
        return AsyncWriteOutcomes.status(requestId);
    }
}
