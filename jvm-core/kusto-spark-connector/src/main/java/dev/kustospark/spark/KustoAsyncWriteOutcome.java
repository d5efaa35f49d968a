package dev.kustospark.spark;

/**
 * What became of one write with {@code writeEnableAsync=true}, as
 * {@code dev.kustospark.spark.actions.KustoAsyncWrites} reports it.
 *
 * @param rows  the rows written (when {@code SUCCEEDED})
 * @param error the connector's message (when {@code FAILED}), else null
 */
public record KustoAsyncWriteOutcome(String requestId, String database, String table, State state, long rows,
        String error) {
    /** Where an asynchronous write is. */
    public enum State { RUNNING, SUCCEEDED, FAILED }

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
    public KustoAsyncWriteOutcome orThrow() {
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
