package dev.kustospark.spark;

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
 * background: {@code save()} returns once the tasks have queued their data, and a driver thread then
 * waits for the ingestion, moves the rows into the table and reports here. A write is known by its
 * {@code requestId} (the option, or the random one the write's log line names).
 *
 * <pre>{@code
 * df.write().format("kusto").options(options).option("writeEnableAsync", "true")
 *     .option("requestId", "nightly-2024-06-01").mode("append").save();
 * // ... other work ...
 * KustoAsyncWrites.Outcome outcome = KustoAsyncWrites.await("nightly-2024-06-01", Duration.ofHours(1));
 * outcome.orThrow();   // a KustoConnectorException with the write's error when it failed
 * }</pre>
 *
 * The driver keeps the outcomes of the last {@value #KEPT} writes.
 */
public final class KustoAsyncWrites {
    static final int KEPT = 1000;
    /** Longer waits are this one: nanosecond arithmetic holds it. */
    private static final Duration LONGEST_WAIT = Duration.ofDays(365L * 100);
    /** By requestId, oldest first; guarded by itself. */
    private static final Map<String, Write> WRITES = new LinkedHashMap<>();

    private KustoAsyncWrites() {}

    /** Where an asynchronous write is. */
    public enum State { RUNNING, SUCCEEDED, FAILED }

    /**
     * What became of one asynchronous write.
     *
     * @param rows  the rows written (when {@code SUCCEEDED})
     * @param error the connector's message (when {@code FAILED}), else null
     */
    public record Outcome(String requestId, String database, String table, State state, long rows, String error) {
        /** Whether the write has ended, in success or failure. */
        public boolean done() {
            return state != State.RUNNING;
        }

        /**
         * This outcome when the write succeeded.
         *
         * @throws KustoConnectorException with the write's error when it failed
         * @throws IllegalStateException   when it is still running
         */
        public Outcome orThrow() {
            if (state == State.FAILED) {
                throw KustoConnectorException.of("Asynchronous write into table '" + table + "' (requestId " + requestId
                        + ")", new IllegalStateException(error));
            }
            if (state == State.RUNNING) {
                throw new IllegalStateException("Asynchronous write into table '" + table + "' (requestId " + requestId
                        + ") is still running; wait longer with KustoAsyncWrites.await");
            }
            return this;
        }
    }

    /** An asynchronous write as the connector reports its end. */
    public static final class Write {
        private final CompletableFuture<Outcome> done = new CompletableFuture<>();
        private final Outcome running;

        private Write(Outcome running) {
            this.running = running;
        }

        public void succeeded(long rows) {
            done.complete(new Outcome(running.requestId(), running.database(), running.table(), State.SUCCEEDED, rows, null));
        }

        public void failed(String error) {
            done.complete(new Outcome(running.requestId(), running.database(), running.table(), State.FAILED, 0, error));
        }

        private Outcome now() {
            return done.getNow(running);
        }

        private Outcome await(long deadlineNanos) {
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

    /** Registers a write that continues in the background; the connector calls this, not jobs. */
    public static Write started(String requestId, String database, String table) {
        Write write = new Write(new Outcome(requestId, database, table, State.RUNNING, 0, null));
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
    public static Outcome await(String requestId, Duration timeout) {
        return find(requestId).await(deadline(timeout));
    }

    /** Waits up to {@code timeout} for every asynchronous write this driver has started; their outcomes, oldest first. */
    public static List<Outcome> awaitAll(Duration timeout) {
        long deadline = deadline(timeout);
        List<Outcome> outcomes = new ArrayList<>();
        for (Write write : writes()) {
            outcomes.add(write.await(deadline));
        }
        return outcomes;
    }

    /** The outcome so far of the write of {@code requestId}, without waiting; empty when this driver knows none. */
    public static Optional<Outcome> status(String requestId) {
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
