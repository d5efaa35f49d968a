package dev.kustospark.spark.client;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.config.ConnectionConfig;
import java.util.Locale;

/**
 * Waits for an asynchronous Kusto command ({@code .export async}, {@code .move async extents}):
 * {@code .show operations <id>} is polled until the operation is no longer InProgress, Scheduled
 * or Throttled. Polls start quick, since small operations end within a second, and slow down to
 * one every 2 s. A poll that fails transiently (a dropped connection, a cluster that restarts) is
 * repeated until the deadline: the operation runs on in the cluster whatever happens to the client.
 */
public final class KustoOperation {
    private static final long FIRST_POLL_MILLIS = 50;
    private static final long MAX_POLL_MILLIS = 2_000;

    private KustoOperation() {}

    /**
     * How an operation ended.
     *
     * @param state  the service's final state ({@code Completed}, {@code Failed}...), or null when the deadline came first
     * @param status the service's status text, possibly empty
     */
    public record Outcome(String state, String status) {
        public boolean completed() {
            return "completed".equalsIgnoreCase(state);
        }

        public boolean timedOut() {
            return state == null;
        }

        /** {@code state Failed: <status>}, for messages. */
        public String describe() {
            return "state " + state + (status == null || status.isBlank() ? "" : ": " + status);
        }
    }

    /**
     * Polls operation {@code operationId} until it ends or {@code deadlineNanos} ({@link System#nanoTime}) passes.
     *
     * @param activity the client activity the polls are tagged with
     * @throws Exception when a poll fails (transient failures are retried until the deadline: polling is
     *     idempotent), or the cluster does not know the operation
     */
    public static Outcome await(ConnectionConfig connection, String operationId, String activity, long deadlineNanos)
            throws Exception {
        long pause = FIRST_POLL_MILLIS;
        while (true) {
            KustoResultSetTable table = QueryRetry.callUntil("Polling operation " + operationId, deadlineNanos,
                    () -> KustoClients.mgmt(connection, ".show operations " + operationId, activity))
                    .getPrimaryResults();
            if (!table.next()) {
                throw new IllegalStateException("the cluster does not know operation " + operationId
                        + " (.show operations returned no row)");
            }
            String state = table.getString("State");
            switch (state == null ? "" : state.toLowerCase(Locale.ROOT)) {
                case "inprogress", "scheduled", "throttled", "" -> {
                    // still running
                }
                default -> {
                    return new Outcome(state, table.getString("Status"));
                }
            }
            if (System.nanoTime() > deadlineNanos) {
                return new Outcome(null, null);
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for operation " + operationId, e);
            }
            pause = Math.min(pause * 3 / 2, MAX_POLL_MILLIS);
        }
    }
}
