package dev.kustospark.local.dm;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.mgmt.CommandExtension;
import dev.kustospark.local.mgmt.ExtensionInvocation;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.types.KustoType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commands of the data-management side: {@code .get|.show ingestion resources},
 * {@code .get kusto identity token}, {@code .show ingestion failures}, {@code .create tempstorage},
 * {@code .show export containers} and {@code .export}.
 */
final class DataManagementCommands implements CommandExtension, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DataManagementCommands.class);
    private static final String USAGE = ".export [async] [compressed] to csv|tsv|json|parquet (h@\"<container url>?<sas>\") "
            + "[with (namePrefix=..., includeHeader=..., compressionType=..., sizeLimit=...)] <| query";

    private final StorageAccess storage;
    private final Catalog catalog;
    private final IngestionFailures failures;
    private final Exporter exporter;
    private final FaultInjection faults;
    private final AtomicInteger moves = new AtomicInteger();
    private final String authorizationContext = "kusto-local-" + UUID.randomUUID();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kusto-local-export");
        t.setDaemon(true);
        return t;
    });

    DataManagementCommands(StorageAccess storage, Catalog catalog, IngestionFailures failures, FaultInjection faults) {
        this.storage = storage;
        this.catalog = catalog;
        this.failures = failures;
        this.exporter = new Exporter(storage);
        this.faults = faults;
    }

    @Override
    public RowsResult tryExecute(String verb, ExtensionInvocation inv) {
        switch (verb) {
            case "get", "show" -> {
                if (inv.acceptKeywords("ingestion", "resources")) {
                    inv.operation("IngestionResourcesGet");
                    return ingestionResources();
                }
                if (verb.equals("get") && inv.acceptKeywords("kusto", "identity", "token")) {
                    inv.operation("KustoIdentityTokenGet");
                    return single("AuthorizationContext", authorizationContext);
                }
                if (verb.equals("show") && inv.acceptKeywords("ingestion", "failures")) {
                    inv.operation("IngestionFailuresShow");
                    return failures.show(inv.databaseOrNull());
                }
                if (verb.equals("show") && inv.acceptKeywords("export", "containers")) {
                    inv.operation("ExportContainersShow");
                    return single("StorageRoot", storage.blobResourceUrl(StorageAccess.TEMP_CONTAINER));
                }
                return null;
            }
            case "create" -> {
                if (inv.acceptKeywords("tempstorage")) {
                    inv.operation("TempStorageCreate");
                    return single("StorageRoot", storage.blobResourceUrl(StorageAccess.TEMP_CONTAINER));
                }
                return null;
            }
            case "export" -> {
                return export(inv);
            }
            case "move" -> {
                return faults.failMoves().isEmpty() ? null : failedMove(inv);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * The fault injection's failed {@code .move extents}: nothing moves; an async command answers with
     * an operation that ended Failed, as the service's does when a move fails. Null for moves that run.
     */
    private RowsResult failedMove(ExtensionInvocation inv) {
        if (!faults.failMoves().contains(moves.incrementAndGet())) {
            return null;
        }
        boolean async = inv.peekKeyword("async");
        inv.takeRest();
        String status = "Extents move failed (fault injection of kusto-local)";
        if (!async) {
            inv.operation("ExtentsMove");
            throw KustoException.aborted(status);
        }
        inv.notRecorded();
        UUID id = inv.startOperation("ExtentsMove");
        inv.finishOperation(id, "Failed", status, null);
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(id));
        return new RowsResult("Table_0", List.of(new Column("OperationId", KustoType.GUID)), rows);
    }

    private RowsResult ingestionResources() {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row("SecuredReadyForAggregationQueue", storage.queueResourceUrl(StorageAccess.READY_QUEUE)));
        rows.add(row("FailedIngestionsQueue", storage.queueResourceUrl(StorageAccess.FAILED_QUEUE)));
        rows.add(row("SuccessfulIngestionsQueue", storage.queueResourceUrl(StorageAccess.SUCCEEDED_QUEUE)));
        rows.add(row("TempStorage", storage.blobResourceUrl(StorageAccess.TEMP_CONTAINER)));
        rows.add(row("IngestionsStatusTable", storage.tableResourceUrl(StorageAccess.STATUS_TABLE)));
        return new RowsResult("Table_0", List.of(new Column("ResourceTypeName", KustoType.STRING),
                new Column("StorageRoot", KustoType.STRING)), rows);
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(List.of(values));
    }

    private static RowsResult single(String column, String value) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(value));
        return new RowsResult("Table_0", List.of(new Column(column, KustoType.STRING)), rows);
    }

    private RowsResult export(ExtensionInvocation inv) {
        Exporter.Spec spec;
        String query;
        boolean async;
        // Parse errors of the command quote its text, which holds the target's SAS or key: say what
        // is expected instead.
        try {
            async = inv.acceptKeywords("async");
            boolean compressed = inv.acceptKeywords("compressed");
            if (!inv.acceptKeywords("to")) {
                throw new IllegalArgumentException();
            }
            String format = null;
            for (String f : new String[] {"csv", "tsv", "json", "parquet"}) {
                if (inv.acceptKeywords(f)) {
                    format = f;
                }
            }
            if (format == null) {
                throw KustoException.badRequest("kusto-local exports to csv, tsv, json or parquet only. Usage: " + USAGE);
            }
            inv.expect("(");
            List<String> targets = new ArrayList<>();
            do {
                targets.add(inv.string());
            } while (inv.accept(","));
            inv.expect(")");
            Map<String, String> props = new HashMap<>();
            inv.withProperties().forEach((k, v) -> props.put(k.toLowerCase(Locale.ROOT), v));
            inv.expect("<|");
            query = inv.takeRest();
            spec = new Exporter.Spec(format, compressed, targets, props);
        } catch (KustoException | IllegalArgumentException | IndexOutOfBoundsException e) {
            if (e instanceof KustoException k && k.getMessage().startsWith("kusto-local exports")) {
                throw k;
            }
            throw KustoException.badRequest("Syntax error in the .export command. Usage: " + USAGE);
        }
        SqlResult compiled = inv.compile(query);
        if (!async) {
            inv.operation("DataExportToFile");
            return exporter.export(inv.connection(), compiled, spec, UUID.randomUUID());
        }
        inv.notRecorded();
        UUID id = inv.startOperation("DataExportToFile");
        background.submit(() -> {
            try (Connection connection = catalog.connect()) {
                RowsResult rows = exporter.export(connection, compiled, spec, id);
                inv.finishOperation(id, "Completed", "", rows);
            } catch (KustoException e) {
                inv.finishOperation(id, "Failed", e.getMessage(), null);
            } catch (SQLException | RuntimeException e) {
                // The class only: a storage error's text may quote the target's SAS parameters.
                LOG.warn("export {} failed: {}", id, e.getClass().getName());
                inv.finishOperation(id, "Failed", "The export failed: " + e.getClass().getSimpleName(), null);
            }
        });
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(id));
        return new RowsResult("Table_0", List.of(new Column("OperationId", KustoType.GUID)), rows);
    }

    @Override
    public void close() {
        exporter.close();
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
