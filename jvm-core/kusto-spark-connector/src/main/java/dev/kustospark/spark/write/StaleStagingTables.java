package dev.kustospark.spark.write;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.KustoCleanupResult;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.client.OwnerMark;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KqlSyntax;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The temporary tables that writes which died left in a database: a table is one when its name has
 * the connector's prefix and its docstring holds the connector's {@link OwnerMark} of kind
 * {@code staging} whose {@code inUseUntil} has passed. A live write renews its mark, and a table
 * without the mark (a user's {@code tempTableName}, anyone else's table) is never touched.
 */
final class StaleStagingTables {
    private static final Logger LOG = LoggerFactory.getLogger(StaleStagingTables.class);

    private StaleStagingTables() {}

    /**
     * Drops the stale temporary tables of the connection's database.
     *
     * @throws KustoConnectorException when the tables cannot be listed
     */
    static KustoCleanupResult drop(ConnectionConfig connection, Instant now) {
        List<String> dropped = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String table : find(connection, now)) {
            String command = ".drop table " + KqlSyntax.quoteName(table) + " ifexists";
            try {
                KustoClients.mgmt(connection, command, "cleanup.dropStaleTempTable");
                dropped.add(table);
                LOG.info("Dropped temporary table '{}' of database '{}': a write that ended without cleaning up left it",
                        table, connection.database());
            } catch (Exception e) {
                failures.add("temporary table '" + table + "': " + KustoConnectorException.kustoMessage(e));
                LOG.warn("Temporary table '{}' of database '{}' was left by a write that ended without cleaning up, and"
                        + " dropping it failed (drop it with '{}'): {}", table, connection.database(), command,
                        KustoConnectorException.kustoMessage(e));
            }
        }
        return new KustoCleanupResult(dropped, List.of(), failures);
    }

    private static List<String> find(ConnectionConfig connection, Instant now) {
        List<String> stale = new ArrayList<>();
        try {
            KustoResultSetTable tables = KustoClients.mgmt(connection, ".show tables", "cleanup.showTables").getPrimaryResults();
            while (tables.next()) {
                String name = tables.getString("TableName");
                Optional<OwnerMark> mark = name.startsWith(StagingTable.NAME_PREFIX)
                        ? OwnerMark.parse(tables.getString("DocString"), OwnerMark.STAGING) : Optional.empty();
                if (mark.isPresent() && mark.get().staleAt(now)) {
                    stale.add(name);
                }
            }
        } catch (Exception e) {
            throw KustoConnectorException.of("Listing the tables of database '" + connection.database()
                    + "' to find the temporary tables of writes that died", e);
        }
        return stale;
    }
}
