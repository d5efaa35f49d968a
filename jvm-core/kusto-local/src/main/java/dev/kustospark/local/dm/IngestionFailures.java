package dev.kustospark.local.dm;

import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.types.KustoType;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;

/** The failed queued ingestions, newest last, for {@code .show ingestion failures}. */
final class IngestionFailures {
    private static final int CAPACITY = 10_000;

    static final List<Column> COLUMNS = List.of(new Column("OperationId", KustoType.GUID),
            new Column("Database", KustoType.STRING), new Column("Table", KustoType.STRING),
            new Column("FailedOn", KustoType.DATETIME), new Column("IngestionSourcePath", KustoType.STRING),
            new Column("Details", KustoType.STRING), new Column("FailureKind", KustoType.STRING),
            new Column("RootActivityId", KustoType.GUID), new Column("OperationKind", KustoType.STRING),
            new Column("OriginatesFromUpdatePolicy", KustoType.BOOL), new Column("ErrorCode", KustoType.STRING),
            new Column("Principal", KustoType.STRING), new Column("ShouldRetry", KustoType.BOOL),
            new Column("User", KustoType.STRING), new Column("IngestionProperties", KustoType.STRING),
            new Column("NumberOfSources", KustoType.INT));

    record Failure(UUID operationId, String database, String table, Instant failedOn, String sourcePath,
            String details, String failureKind, UUID activityId, String errorCode, boolean shouldRetry) {}

    private final Deque<Failure> failures = new ArrayDeque<>();

    synchronized void add(Failure f) {
        failures.addLast(f);
        while (failures.size() > CAPACITY) {
            failures.removeFirst();
        }
    }

    /** The failures of {@code database} (all when null). */
    synchronized RowsResult show(String database) {
        List<List<Object>> rows = new ArrayList<>();
        for (Failure f : failures) {
            if (database != null && !database.equals(f.database())) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(f.operationId());
            row.add(f.database());
            row.add(f.table());
            row.add(f.failedOn());
            row.add(f.sourcePath());
            row.add(f.details());
            row.add(f.failureKind());
            row.add(f.activityId());
            row.add("DataIngestPull");
            row.add(false);
            row.add(f.errorCode());
            row.add("");
            row.add(f.shouldRetry());
            row.add("");
            row.add("");
            row.add(1);
            rows.add(row);
        }
        return new RowsResult("Table_0", COLUMNS, rows);
    }
}
