package dev.kustospark.spark.write;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.client.MarkRenewal;
import dev.kustospark.spark.client.OwnerMark;
import dev.kustospark.spark.client.QueryRetry;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KqlSyntax;
import dev.kustospark.spark.types.KustoColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The temporary table of a transactional write and the driver's commands on it: created with the
 * target's columns, an auto-delete policy and an {@link OwnerMark} in its docstring that the driver
 * renews while the write runs (so that, when the driver dies, the next write into the database drops
 * the table, or else the cluster does when the policy expires), its committed extents moved into the
 * target, then dropped.
 */
final class StagingTable {
    /** How every generated name starts: with the owner mark, what tells a crashed write's table from others'. */
    static final String NAME_PREFIX = "sparkTempTable_";
    private static final int MAX_NAME_LENGTH = 1024;

    private final ConnectionConfig connection;
    private final String name;
    private final String target;
    private MarkRenewal renewal;

    StagingTable(ConnectionConfig connection, String name, String target) {
        this.connection = connection;
        this.name = name;
        this.target = target;
    }

    /** A name like the established connector's: {@code sparkTempTable_<app>_<table>_<requestId>}, identifier characters only. */
    static String generatedName(String appName, String target, String requestId) {
        String raw = NAME_PREFIX + appName + "_" + target + "_" + requestId;
        String clean = raw.replaceAll("[^A-Za-z0-9_]", "_");
        return clean.length() > MAX_NAME_LENGTH ? clean.substring(0, MAX_NAME_LENGTH) : clean;
    }

    String name() {
        return name;
    }

    /**
     * Creates the table with the target's columns, marked as in use by this write until {@link #drop()},
     * and to be deleted by the cluster after {@code autoCleanup}.
     */
    void create(List<KustoColumn> columns, Duration autoCleanup) {
        String schema = columns.stream().map(c -> KqlSyntax.quoteName(c.name()) + ":" + c.kustoType())
                .collect(Collectors.joining(", "));
        Duration lease = OwnerMark.lease(connection.timeout());
        OwnerMark mark = OwnerMark.create(OwnerMark.STAGING, target, connection.requestId(), Instant.now(), lease);
        mgmt(".create table " + KqlSyntax.quoteName(name) + " (" + schema + ") with (docstring="
                + KqlSyntax.stringLiteral(mark.toJson()) + ")", "createTempTable", "Creating the temporary table '" + name + "'");
        setAutoDelete(autoCleanup);
        renewal = MarkRenewal.every(lease, "temporary table '" + name + "'", () -> renewMark(mark, Instant.now(), lease));
    }

    /** Marks the table as in use for {@code lease} from {@code now}. */
    void renewMark(OwnerMark mark, Instant now, Duration lease) {
        mgmt(".alter table " + KqlSyntax.quoteName(name) + " docstring " + KqlSyntax.stringLiteral(mark.renewed(now, lease)
                .toJson()), "renewTempTableMark", "Renewing the in-use mark of temporary table '" + name + "'");
    }

    /**
     * Gives the table the target's CSV mapping {@code name}, so that blobs ingested into it with
     * {@code csvMappingNameReference} are mapped exactly as they would be in the target.
     */
    void copyCsvMapping(String mappingName, String mappingJson) {
        mgmt(".create-or-alter table " + KqlSyntax.quoteName(name) + " ingestion csv mapping "
                + KqlSyntax.stringLiteral(mappingName) + " " + KqlSyntax.stringLiteral(mappingJson), "tempTableCsvMapping",
                "Creating CSV mapping '" + mappingName + "' (sparkIngestionPropertiesJson csvMappingNameReference) on the"
                        + " temporary table '" + name + "'");
    }

    /** An auto-delete policy, set at once, so the table goes even if this write never reaches its cleanup. */
    void setAutoDelete(Duration autoCleanup) {
        String expiry = Instant.now().plus(autoCleanup).toString();
        String policy = "{\"ExpiryDate\":\"" + expiry + "\",\"DeleteIfNotEmpty\":true}";
        mgmt(".alter table " + KqlSyntax.quoteName(name) + " policy auto_delete " + KqlSyntax.stringLiteral(policy),
                "tempTableAutoDelete", "Setting the auto-delete policy (option stagingResourcesAutoCleanupTimeout) of the"
                        + " temporary table '" + name + "'");
    }

    /**
     * Moves the extents tagged by the committed task attempts into the target with a single command,
     * which the service applies atomically, so the target gets all of them or none; returns how many.
     */
    int moveIntoTargetAtOnce(Collection<String> attemptTags) {
        long deadline = System.nanoTime() + connection.timeout().toNanos();
        Set<String> ids = taggedExtents(connection, name, Set.copyOf(attemptTags), deadline);
        if (!ids.isEmpty()) {
            // The query form, which names the extents by id, works alike on the service and on kusto-local.
            mgmt(".move extents to table " + KqlSyntax.quoteName(target) + " <| .show table " + KqlSyntax.quoteName(name)
                    + " extents (" + String.join(", ", ids) + ")", "moveExtents", "Moving the extents of the temporary"
                    + " table '" + name + "' into table '" + target + "'");
        }
        return ids.size();
    }

    /** An extent as {@code .show table T extents} lists it. */
    record Extent(String id, long rows, List<String> tags) {}

    /**
     * The ids of the extents of {@code table} that carry one of {@code tags}, in the order the service
     * lists them: one listing of the table's extents, the tags matched here whole.
     *
     * @param deadlineNanos until when ({@link System#nanoTime}) a listing that fails transiently is repeated
     */
    static Set<String> taggedExtents(ConnectionConfig connection, String table, Set<String> tags, long deadlineNanos) {
        Set<String> ids = new LinkedHashSet<>();
        for (Extent extent : extents(connection, table, null, "Listing the extents of temporary table '" + table + "'",
                deadlineNanos)) {
            if (extent.tags().stream().anyMatch(tags::contains)) {
                ids.add(extent.id());
            }
        }
        return ids;
    }

    /**
     * The extents of {@code table}, or only those with a tag containing {@code tagPart} (filtered by the
     * cluster, so a large table is not listed whole); a listing that fails transiently is repeated
     * until {@code deadlineNanos}.
     */
    static List<Extent> extents(ConnectionConfig connection, String table, String tagPart, String action,
            long deadlineNanos) {
        String command = ".show table " + KqlSyntax.quoteName(table) + " extents"
                + (tagPart == null ? "" : " where tags contains " + KqlSyntax.stringLiteral(tagPart));
        try {
            KustoResultSetTable rows = QueryRetry.callUntil(action, deadlineNanos,
                    () -> KustoClients.mgmt(connection, command, "write.showExtents")).getPrimaryResults();
            List<Extent> extents = new ArrayList<>();
            while (rows.next()) {
                String tags = rows.getString("Tags");
                extents.add(new Extent(rows.getString("ExtentId"), rows.getLong("RowCount"),
                        tags == null ? List.of() : tags.lines().map(String::strip).filter(t -> !t.isEmpty()).toList()));
            }
            return extents;
        } catch (Exception e) {
            throw KustoConnectorException.of(action, e);
        }
    }

    /** Removes the attempt tags from the target's extents; they only served the commit. */
    void dropAttemptTags(Collection<String> attemptTags) {
        if (attemptTags.isEmpty()) {
            return;
        }
        String tags = attemptTags.stream().map(KqlSyntax::stringLiteral).collect(Collectors.joining(", "));
        idempotentMgmt(".drop table " + KqlSyntax.quoteName(target) + " extent tags (" + tags + ")", "dropAttemptTags",
                "Removing the task attempt tags from the extents of table '" + target + "'", System.nanoTime());
    }

    /** Drops the temporary table, retrying a transient failure a few times. */
    void drop() {
        drop(System.nanoTime());
    }

    /** Drops the temporary table; a drop that fails transiently is repeated until {@code deadlineNanos}. */
    void drop(long deadlineNanos) {
        if (renewal != null) {
            renewal.close();
        }
        idempotentMgmt(".drop table " + KqlSyntax.quoteName(name) + " ifexists", "dropTempTable",
                "Dropping the temporary table '" + name + "'", deadlineNanos);
    }

    /** Drops these extents of the target (by id: an extent merged meanwhile has another id and stays). */
    void dropTargetExtents(Collection<String> ids, long deadlineNanos) {
        idempotentMgmt(".drop extents (" + String.join(", ", ids) + ") from " + KqlSyntax.quoteName(target),
                "dropMovedExtents", "Dropping " + ids.size() + " extents of this write from table '" + target + "'",
                deadlineNanos);
    }

    /** Whether the target already holds an extent tagged {@code ingest-by:<tag>} for any of the tags. */
    static boolean targetHasIngestByTag(ConnectionConfig connection, String target, List<String> tags) {
        for (String tag : tags) {
            String command = ".show table " + KqlSyntax.quoteName(target) + " extents where tags has "
                    + KqlSyntax.stringLiteral("ingest-by:" + tag);
            try {
                KustoResultSetTable rows = KustoClients.mgmt(connection, command, "write.ingestIfNotExists").getPrimaryResults();
                if (rows.next()) {
                    return true;
                }
            } catch (Exception e) {
                throw KustoConnectorException.of("Checking table '" + target + "' for extents tagged ingest-by:" + tag
                        + " (sparkIngestionPropertiesJson ingestIfNotExists)", e);
            }
        }
        return false;
    }

    /** A command that may run twice with the effect of once, so it is repeated while it fails transiently. */
    private void idempotentMgmt(String command, String activity, String action, long deadlineNanos) {
        try {
            QueryRetry.callUntil(action, deadlineNanos, () -> KustoClients.mgmt(connection, command, "write." + activity));
        } catch (Exception e) {
            throw KustoConnectorException.of(action, e);
        }
    }

    private void mgmt(String command, String activity, String action) {
        try {
            KustoClients.mgmt(connection, command, "write." + activity);
        } catch (Exception e) {
            throw KustoConnectorException.of(action, e);
        }
    }
}
