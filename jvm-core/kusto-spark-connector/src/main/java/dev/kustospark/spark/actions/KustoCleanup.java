package dev.kustospark.spark.actions;

import dev.kustospark.spark.KustoCleanupResult;
import dev.kustospark.spark.write.CrashLeftovers;
import java.util.Map;

/**
 * Removes what writes and reads that died (a driver killed, a machine lost) left behind: their
 * temporary tables in the database, and the files of their exports in transient storage. Only the
 * connector's own resources whose in-use mark has expired are removed: a temporary table named
 * {@code sparkTempTable_…} whose docstring holds the connector's mark, an export
 * {@code kusto-spark/<uuid>…} next to its owner blob. A running write or read renews its mark, every
 * quarter of {@code timeoutLimit} (at least 10 minutes), so its resources are never removed.
 *
 * <p>Every write runs this clean-up for its database before it starts (logging, never failing, what
 * it cannot remove); call it to clean up without writing:
 *
 * <pre>{@code
 * KustoCleanupResult removed = KustoCleanup.run(Map.of(
 *         "kustoCluster", "https://mycluster.westeurope.kusto.windows.net", "kustoDatabase", "db"));
 * }</pre>
 */
public final class KustoCleanup {
    private KustoCleanup() {}

    /**
     * Removes the crash leftovers of the database of {@code options}: its stale temporary tables,
     * and the stale exports in the containers of {@code transientStorage} (or, without it, in the
     * cluster's own temporary storage).
     *
     * @param options the connection options (cluster, database, authentication), as a map of read or
     *                write options; options that only reads or writes use are ignored
     * @return what was removed, and what was found but could not be removed
     * @throws dev.kustospark.spark.KustoOptionException    for a missing or invalid option
     * @throws dev.kustospark.spark.KustoConnectorException when the tables or a container cannot be listed
     */
    public static KustoCleanupResult run(Map<String, String> options) {
        return CrashLeftovers.remove(options);
    }
}
