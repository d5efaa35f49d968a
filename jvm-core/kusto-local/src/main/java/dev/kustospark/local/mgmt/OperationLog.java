package dev.kustospark.local.mgmt;

import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.types.KustoType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The operations kusto-local ran, for {@code .show operations} and {@code .show operation X details}.
 * Commands run to completion before they answer, so every operation is recorded in its final state;
 * an {@code async} command answers with the id of such a finished operation.
 */
final class OperationLog {
    private static final int CAPACITY = 10_000;

    static final List<Column> COLUMNS = List.of(ResultShapes.col("OperationId", KustoType.GUID),
            ResultShapes.col("Operation", KustoType.STRING), ResultShapes.col("NodeId", KustoType.STRING),
            ResultShapes.col("StartedOn", KustoType.DATETIME), ResultShapes.col("LastUpdatedOn", KustoType.DATETIME),
            ResultShapes.col("Duration", KustoType.TIMESPAN), ResultShapes.col("State", KustoType.STRING),
            ResultShapes.col("Status", KustoType.STRING), ResultShapes.col("RootActivityId", KustoType.GUID),
            ResultShapes.col("ShouldRetry", KustoType.BOOL), ResultShapes.col("Database", KustoType.STRING),
            ResultShapes.col("Principal", KustoType.STRING), ResultShapes.col("User", KustoType.STRING),
            ResultShapes.col("AdminEpochStartTime", KustoType.DATETIME));

    record Operation(UUID id, String name, String database, Instant startedOn, Instant lastUpdatedOn, String state,
            String status, RowsResult details) {}

    private final java.util.LinkedList<Operation> operations = new java.util.LinkedList<>();
    private final Map<UUID, Operation> byId = new HashMap<>();
    private final Instant startTime = Instant.now();

    synchronized Operation record(String name, String database, Instant startedOn, Instant finishedOn, String state,
            String status, RowsResult details) {
        Operation op = new Operation(UUID.randomUUID(), name, database == null ? "" : database, startedOn,
                finishedOn, state, status == null ? "" : status, details);
        operations.addLast(op);
        byId.put(op.id(), op);
        while (operations.size() > CAPACITY) {
            byId.remove(operations.removeFirst().id());
        }
        return op;
    }

    /** Replaces the state of a recorded operation (one that ran in the background); unknown ids are ignored. */
    synchronized void update(UUID id, String state, String status, Instant lastUpdatedOn, RowsResult details) {
        Operation old = byId.get(id);
        if (old == null) {
            return;
        }
        Operation updated = new Operation(id, old.name(), old.database(), old.startedOn(), lastUpdatedOn, state,
                status == null ? "" : status, details);
        byId.put(id, updated);
        operations.replaceAll(op -> op.id().equals(id) ? updated : op);
    }

    synchronized RowsResult show(List<UUID> ids) {
        List<Operation> selected = new ArrayList<>();
        if (ids == null) {
            selected.addAll(operations);
        } else {
            for (UUID id : ids) {
                Operation op = byId.get(id);
                if (op != null) {
                    selected.add(op);
                }
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        for (Operation op : selected) {
            rows.add(ResultShapes.row(op.id(), op.name(), "", op.startedOn(), op.lastUpdatedOn(),
                    Duration.between(op.startedOn(), op.lastUpdatedOn()), op.state(), op.status(), op.id(), false,
                    op.database(), "", "", startTime));
        }
        return ResultShapes.result(COLUMNS, rows);
    }

    /** The results of an operation; entity not found when unknown. */
    synchronized RowsResult details(UUID id) {
        Operation op = byId.get(id);
        if (op == null) {
            throw dev.kustospark.local.KustoException.entityNotFound("Operation", id.toString());
        }
        if (op.details() == null) {
            return ResultShapes.result(List.of(ResultShapes.col("Details", KustoType.STRING)), List.of());
        }
        return op.details();
    }
}
