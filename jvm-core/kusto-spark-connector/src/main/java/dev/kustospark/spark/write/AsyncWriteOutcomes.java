package dev.kustospark.spark.write;

import dev.kustospark.spark.KustoAsyncWriteOutcome.State;
import dev.kustospark.spark.KustoAsyncWriteOutcome;
import dev.kustospark.spark.KustoOptionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The outcomes of the writes with {@code writeEnableAsync=true} that this driver finishes in the
 * background ({@link TransactionalBatchWrite} reports them here), by {@code requestId}: what
 * {@code actions.KustoAsyncWrites} and the {@code kusto-async-writes} data source answer from. The
 * driver keeps the outcomes of the last {@value #KEPT} writes.
 */
public final class AsyncWriteOutcomes {
    public static final int KEPT = 1000;
    /** Longer waits are this one: nanosecond arithmetic holds it. */
    private static final Duration LONGEST_WAIT = Duration.ofDays(365L * 100);
    /** By requestId, oldest first; guarded by itself. */
    private static final Map<String, Write> WRITES = new LinkedHashMap<>();

    private AsyncWriteOutcomes() {}

    /** An asynchronous write as the connector reports its end. */
    static final class Write {
        private final CompletableFuture<KustoAsyncWriteOutcome> done = new CompletableFuture<>();
        private final KustoAsyncWriteOutcome running;

        private Write(KustoAsyncWriteOutcome running) {
            this.running = running;
        }

        void succeeded(long rows) {
            done.complete(new KustoAsyncWriteOutcome(running.requestId(), running.database(), running.table(),
                    State.SUCCEEDED, rows, null));
        }

        void failed(String error) {
            done.complete(new KustoAsyncWriteOutcome(running.requestId(), running.database(), running.table(),
                    State.FAILED, 0, error));
        }

        private KustoAsyncWriteOutcome now() {
            return done.getNow(running);
        }

        private KustoAsyncWriteOutcome await(long deadlineNanos) {
            try {
                return done.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                return running;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return now();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Registers a write that continues in the background. */
    static Write started(String requestId, String database, String table) {
        Write write = new Write(new KustoAsyncWriteOutcome(requestId, database, table, State.RUNNING, 0, null));
        synchronized (WRITES) {
            WRITES.remove(requestId);
            WRITES.put(requestId, write);
            for (Iterator<Write> it = WRITES.values().iterator(); WRITES.size() > KEPT && it.hasNext(); ) {
                if (it.next().now().done()) {
                    it.remove();
                }
            }
        }
        return write;
    }

    /**
     * Waits up to {@code timeout} for the write of {@code requestId} to end.
     *
     * @return its outcome, {@code RUNNING} when the timeout passed first
     * @throws KustoOptionException when this driver started no asynchronous write with that requestId
     */
    public static KustoAsyncWriteOutcome await(String requestId, Duration timeout) {
        return find(requestId).await(deadline(timeout));
    }

    /** Waits up to {@code timeout} for every asynchronous write this driver has started; their outcomes, oldest first. */
    public static List<KustoAsyncWriteOutcome> awaitAll(Duration timeout) {
        long deadline = deadline(timeout);
        List<KustoAsyncWriteOutcome> outcomes = new ArrayList<>();
        for (Write write : writes()) {
            outcomes.add(write.await(deadline));
        }
        return outcomes;
    }

    /** The outcome so far of the write of {@code requestId}, without waiting; empty when this driver knows none. */
    public static Optional<KustoAsyncWriteOutcome> status(String requestId) {
        synchronized (WRITES) {
            return Optional.ofNullable(WRITES.get(requestId)).map(Write::now);
        }
    }

    private static Write find(String requestId) {
        synchronized (WRITES) {
            Write write = WRITES.get(requestId);
            if (write == null) {
                throw new KustoOptionException("Option requestId has value '" + requestId + "', which names no"
                        + " asynchronous write of this Spark driver (only writes with writeEnableAsync=true are known);"
                        + " set option requestId on the write to know it by, or wait for all of them.");
            }
            return write;
        }
    }

    private static List<Write> writes() {
        synchronized (WRITES) {
            return List.copyOf(WRITES.values());
        }
    }

    private static long deadline(Duration timeout) {
        Duration wait = timeout.isNegative() ? Duration.ZERO : timeout.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : timeout;
        return System.nanoTime() + wait.toNanos();
    }
}
