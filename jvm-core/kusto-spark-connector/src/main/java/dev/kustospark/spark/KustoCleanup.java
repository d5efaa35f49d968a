package dev.kustospark.spark;

import dev.kustospark.spark.config.CleanupConfig;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.config.LinkedServices;
import dev.kustospark.spark.read.StaleExports;
import dev.kustospark.spark.write.StaleStagingTables;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
    private static final Logger LOG = LoggerFactory.getLogger(KustoCleanup.class);

    private KustoCleanup() {}

    /**
     * Removes the crash leftovers of the database of {@code options}: its stale temporary tables,
     * and the stale exports in the containers of {@code transientStorage} (or, without it, in the
     * cluster's own temporary storage).
     *
     * @param options the connection options (cluster, database, authentication), as a map of read or
     *                write options; options that only reads or writes use are ignored
     * @return what was removed, and what was found but could not be removed
     * @throws dev.kustospark.spark.KustoOptionException for a missing or invalid option
     * @throws KustoConnectorException                         when the tables or a container cannot be listed
     */
    public static KustoCleanupResult run(Map<String, String> options) {
        CleanupConfig config = CleanupConfig.from(options, LinkedServices.sparkConf());
        return run(config.connection(), config.transientStorage());
    }

    /** {@link #run(Map)} for a checked connection. */
    public static KustoCleanupResult run(ConnectionConfig connection, Optional<String> transientStorage) {
        Instant now = Instant.now();
        KustoCleanupResult tables = StaleStagingTables.drop(connection, now);
        KustoCleanupResult exports;
        try {
            exports = StaleExports.delete(connection, transientStorage, now);
        } catch (IllegalStateException e) {
            throw KustoConnectorException.of("Cleaning up the exports of reads that died", e);
        }
        return tables.plus(exports);
    }

    /** The clean-up a write runs first: what fails is logged, and the write goes on. */
    public static void beforeWrite(ConnectionConfig connection) {
        try {
            KustoCleanupResult removed = run(connection, Optional.empty());
            if (!removed.isEmpty()) {
                LOG.info("Removed what writes and reads that died left in database '{}': {} temporary tables, {} exported"
                        + " blobs ({} could not be removed)", connection.database(), removed.droppedTables().size(),
                        removed.deletedBlobs().size(), removed.failures().size());
            }
        } catch (RuntimeException e) {
            LOG.info("Could not look for what writes and reads that died left in database '{}': {}", connection.database(),
                    e.getMessage());
        }
    }
}
