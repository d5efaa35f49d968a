package dev.kustospark.spark.write;

import dev.kustospark.spark.KustoCleanupResult;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.config.CleanupConfig;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.config.LinkedServices;
import dev.kustospark.spark.read.StaleExports;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What writes and reads that died left behind, removed: the temporary tables of a database whose
 * mark has expired ({@link StaleStagingTables}) and the stale exports in transient storage
 * ({@link StaleExports}). Every write removes them first; {@code actions.KustoCleanup} and the
 * {@code kusto-cleanup} data source remove them on demand.
 */
public final class CrashLeftovers {
    private static final Logger LOG = LoggerFactory.getLogger(CrashLeftovers.class);

    private CrashLeftovers() {}

    /**
     * Removes the crash leftovers of the database of {@code options}: its stale temporary tables,
     * and the stale exports in the containers of {@code transientStorage} (or, without it, in the
     * cluster's own temporary storage). Options that only reads or writes use are ignored.
     *
     * @throws dev.kustospark.spark.KustoOptionException for a missing or invalid option
     * @throws KustoConnectorException when the tables or a container cannot be listed
     */
    public static KustoCleanupResult remove(Map<String, String> options) {
        CleanupConfig config = CleanupConfig.from(options, LinkedServices.sparkConf());
        return remove(config.connection(), config.transientStorage());
    }

    private static KustoCleanupResult remove(ConnectionConfig connection, Optional<String> transientStorage) {
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
    static void removeBeforeWrite(ConnectionConfig connection) {
        try {
            KustoCleanupResult removed = remove(connection, Optional.empty());
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
