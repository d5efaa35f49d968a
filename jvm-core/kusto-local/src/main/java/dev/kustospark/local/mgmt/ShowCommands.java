package dev.kustospark.local.mgmt;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.storage.IngestionMappingInfo;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The {@code .show} commands. */
final class ShowCommands {
    static final String BUILD_VERSION = "1.0.0.0";
    private static final Instant STARTED = Instant.now();

    private final Catalog catalog;
    private final OperationLog operations;
    private final ExtentCommands extents;
    private final PolicyCommands policies;

    ShowCommands(Catalog catalog, OperationLog operations, ExtentCommands extents, PolicyCommands policies) {
        this.catalog = catalog;
        this.operations = operations;
        this.extents = extents;
        this.policies = policies;
    }

    RowsResult show(Invocation inv) {
        CommandParser p = inv.parser;
        if (p.acceptKeywords("databases") || p.acceptKeywords("cluster", "databases")) {
            inv.operation = "DatabasesShow";
            String current = inv.databaseOrNull();
            List<List<Object>> rows = new ArrayList<>();
            for (String db : catalog.databases()) {
                rows.add(ResultShapes.databaseRow(db, db.equals(current)));
            }
            return ResultShapes.result(ResultShapes.DATABASE_COLUMNS, rows);
        }
        if (p.acceptKeywords("database")) {
            return showDatabase(inv);
        }
        if (p.acceptKeywords("tables")) {
            inv.operation = "TablesShow";
            if (p.peek("(")) {
                List<String> names = p.nameList();
                String db = inv.database();
                List<TableInfo> tables = names.stream().map(n -> catalog.table(db, n)).toList();
                if (p.acceptKeywords("extents")) {
                    return extents.showExtents(inv, tables);
                }
                if (p.acceptKeywords("details")) {
                    return tableDetails(tables);
                }
                return ResultShapes.tables(tables);
            }
            if (p.acceptKeywords("details")) {
                return tableDetails(catalog.tables(inv.database()));
            }
            Map<String, String> props = p.withProperties();
            boolean includeHidden = false;
            for (Map.Entry<String, String> e : props.entrySet()) {
                if (!e.getKey().equalsIgnoreCase("IncludeHiddenTables")) {
                    throw p.error("unknown property '" + e.getKey() + "' of .show tables");
                }
                includeHidden = CommandParser.isTrue(e.getValue());
            }
            String db = inv.database();
            boolean all = includeHidden;
            return ResultShapes.tables(catalog.tables(db).stream()
                    .filter(t -> all || !catalog.isTableHidden(db, t.name())).toList());
        }
        if (p.acceptKeywords("table")) {
            return showTable(inv);
        }
        if (p.acceptKeywords("version")) {
            inv.operation = "VersionShow";
            return ResultShapes.result(List.of(ResultShapes.col("BuildVersion", KustoType.STRING),
                    ResultShapes.col("BuildTime", KustoType.DATETIME), ResultShapes.col("ServiceType", KustoType.STRING),
                    ResultShapes.col("ProductVersion", KustoType.STRING)),
                    List.of(ResultShapes.row(BUILD_VERSION, Instant.parse("2024-01-01T00:00:00Z"), "Engine",
                            "kusto-local " + BUILD_VERSION)));
        }
        if (p.acceptKeywords("operations")) {
            inv.recorded = false;
            if (p.peek("(")) {
                return operations.show(p.guidList());
            }
            if (p.atEnd() || p.peek("|") || p.peek(";")) {
                return operations.show(null);
            }
            UUID id = p.guid();
            if (p.acceptKeywords("details")) {
                return operations.details(id);
            }
            return operations.show(List.of(id));
        }
        if (p.acceptKeywords("operation")) {
            inv.recorded = false;
            UUID id = p.guid();
            p.expectKeywords("details");
            return operations.details(id);
        }
        if (p.acceptKeywords("cluster", "extents")) {
            List<TableInfo> all = new ArrayList<>();
            for (String db : catalog.databases()) {
                all.addAll(catalog.tables(db));
            }
            return extents.showExtents(inv, all);
        }
        if (p.acceptKeywords("functions")) {
            inv.operation = "FunctionsShow";
            return ResultShapes.result(List.of(ResultShapes.col("Name", KustoType.STRING),
                    ResultShapes.col("Parameters", KustoType.STRING), ResultShapes.col("Body", KustoType.STRING),
                    ResultShapes.col("Folder", KustoType.STRING), ResultShapes.col("DocString", KustoType.STRING)),
                    List.of());
        }
        if (p.acceptKeywords("cluster")) {
            inv.operation = "ClusterShow";
            Runtime rt = Runtime.getRuntime();
            return ResultShapes.result(List.of(ResultShapes.col("NodeId", KustoType.STRING),
                    ResultShapes.col("Address", KustoType.STRING), ResultShapes.col("Name", KustoType.STRING),
                    ResultShapes.col("StartTime", KustoType.STRING), ResultShapes.col("IsAdmin", KustoType.BOOL),
                    ResultShapes.col("MachineTotalMemory", KustoType.LONG),
                    ResultShapes.col("MachineAvailableMemory", KustoType.LONG),
                    ResultShapes.col("ProcessorCount", KustoType.INT),
                    ResultShapes.col("EnvironmentDescription", KustoType.STRING)),
                    List.of(ResultShapes.row("kusto-local", "localhost", "kusto-local",
                            KustoValues.formatDateTime(STARTED), true,
                            rt.maxMemory(), rt.maxMemory() - rt.totalMemory() + rt.freeMemory(),
                            rt.availableProcessors(), "{\"Product\":\"kusto-local\"}")));
        }
        if (p.acceptKeywords("materialized-views")) {
            inv.operation = "MaterializedViewsShow";
            return ResultShapes.result(List.of(ResultShapes.col("Name", KustoType.STRING),
                    ResultShapes.col("SourceTable", KustoType.STRING), ResultShapes.col("Query", KustoType.STRING),
                    ResultShapes.col("MaterializedTo", KustoType.DATETIME),
                    ResultShapes.col("LastRun", KustoType.DATETIME), ResultShapes.col("LastRunResult", KustoType.STRING),
                    ResultShapes.col("IsHealthy", KustoType.BOOL), ResultShapes.col("IsEnabled", KustoType.BOOL),
                    ResultShapes.col("Folder", KustoType.STRING), ResultShapes.col("DocString", KustoType.STRING),
                    ResultShapes.col("AutoUpdateSchema", KustoType.BOOL),
                    ResultShapes.col("EffectiveDateTime", KustoType.DATETIME),
                    ResultShapes.col("Lookback", KustoType.TIMESPAN)), List.of());
        }
        throw CommandExecutor.unsupported(inv);
    }

    private RowsResult showDatabase(Invocation inv) {
        CommandParser p = inv.parser;
        String db;
        if (p.peekKeyword("schema") || p.peekKeyword("extents") || p.peekKeyword("policy")
                || p.peekKeyword("principals") || p.atEnd() || p.peek("|") || p.peek(";")) {
            db = inv.database();
        } else {
            db = catalog.resolveDatabase(p.nameOrString());
        }
        if (p.acceptKeywords("schema")) {
            inv.operation = "DatabaseSchemaShow";
            if (p.acceptKeywords("as")) {
                p.expectKeywords("json");
                return ResultShapes.databaseSchemaJson(db, catalog.tables(db));
            }
            p.acceptKeywords("details");
            return ResultShapes.databaseSchemaRows(db, catalog.tables(db));
        }
        if (p.acceptKeywords("extents")) {
            return extents.showExtents(inv, catalog.tables(db));
        }
        if (p.acceptKeywords("principals")) {
            inv.operation = "DatabasePrincipalsShow";
            return ResultShapes.databasePrincipals();
        }
        if (p.acceptKeywords("policy")) {
            inv.operation = "DatabasePolicyShow";
            return policies.showPolicy(new PolicyCommands.PolicyEntity(db, null), p);
        }
        inv.operation = "DatabaseShow";
        return ResultShapes.result(ResultShapes.DATABASE_COLUMNS,
                List.of(ResultShapes.databaseRow(db, db.equals(inv.databaseOrNull()))));
    }

    private RowsResult showTable(Invocation inv) {
        CommandParser p = inv.parser;
        String name = p.name();
        String db = inv.database();
        // The service answers a schema request for a missing table with no rows rather than an error:
        // the Spark connector learns whether a table exists from the row count (see its
        // CslCommandsGenerator.generateTableGetSchemaAsRowsCommand and issue Azure/azure-kusto-spark#260).
        if (p.acceptKeywords("schema")) {
            inv.operation = "TableSchemaShow";
            p.expectKeywords("as", "json");
            return catalog.findTable(db, name).map(ResultShapes::schemaAsJson)
                    .orElseGet(() -> ResultShapes.result(ResultShapes.SCHEMA_COLUMNS, List.of()));
        }
        if (p.acceptKeywords("cslschema")) {
            inv.operation = "TableSchemaShow";
            return catalog.findTable(db, name).map(ResultShapes::cslSchema)
                    .orElseGet(() -> ResultShapes.result(ResultShapes.SCHEMA_COLUMNS, List.of()));
        }
        if (p.acceptKeywords("extents")) {
            return extents.showExtents(inv, List.of(catalog.table(db, name)));
        }
        if (p.acceptKeywords("details")) {
            inv.operation = "TablesShow";
            return tableDetails(List.of(catalog.table(db, name)));
        }
        if (p.acceptKeywords("policy")) {
            inv.operation = "TablePolicyShow";
            return policies.showPolicy(new PolicyCommands.PolicyEntity(db, catalog.table(db, name).name()), p);
        }
        if (p.acceptKeywords("ingestion")) {
            inv.operation = "TableIngestionMappingsShow";
            TableInfo t = catalog.table(db, name);
            String kind = null;
            if (!p.peekKeyword("mappings")) {
                kind = PolicyCommands.mappingKind(p);
            }
            if (kind != null && p.acceptKeywords("mapping")) {
                String mappingName = p.nameOrString();
                String finalKind = kind;
                List<IngestionMappingInfo> found = catalog.ingestionMappings(db, t.name()).stream()
                        .filter(m -> m.kind().equals(finalKind) && m.name().equals(mappingName)).toList();
                if (found.isEmpty()) {
                    throw KustoException.entityNotFound("Ingestion mapping", mappingName);
                }
                return ResultShapes.mappings(db, t.name(), found, inv.now);
            }
            p.expectKeywords("mappings");
            String finalKind = kind;
            return ResultShapes.mappings(db, t.name(), catalog.ingestionMappings(db, t.name()).stream()
                    .filter(m -> finalKind == null || m.kind().equals(finalKind)).toList(), inv.now);
        }
        throw CommandExecutor.unsupported(inv);
    }

    /** The sharding policy the service reports when none is set; clients read UseShardEngine. */
    static final String DEFAULT_SHARDING_POLICY = "{\"MaxRowCount\":1048576,\"MaxExtentSizeInMb\":8192,"
            + "\"MaxOriginalSizeInMb\":3072,\"UseShardEngine\":true,\"ShardEngineMaxRowCount\":1048576,"
            + "\"ShardEngineMaxExtentSizeInMb\":8192,\"ShardEngineMaxOriginalSizeInMb\":3072}";

    /** A table's unique id, as the service prints it: a GUID, the same for the table's whole life. */
    private static String tableId(TableInfo t) {
        return java.util.UUID.nameUUIDFromBytes((t.database() + "\u0000" + t.id()).getBytes(
                java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private RowsResult tableDetails(List<TableInfo> tables) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableInfo t : tables) {
            List<ExtentInfo> tableExtents = catalog.extents(t.database(), t.name());
            long rowsTotal = tableExtents.stream().mapToLong(ExtentInfo::rowCount).sum();
            double size = tableExtents.stream().mapToLong(ExtentInfo::originalSize).sum();
            Instant min = tableExtents.stream().map(ExtentInfo::createdOn).min(Instant::compareTo).orElse(null);
            Instant max = tableExtents.stream().map(ExtentInfo::createdOn).max(Instant::compareTo).orElse(null);
            java.util.function.Function<String, String> policy =
                    kind -> catalog.tablePolicy(t.database(), t.name(), kind).orElse("null");
            rows.add(ResultShapes.row(t.name(), t.database(), ResultShapes.text(t.folder()),
                    ResultShapes.text(t.docString()), (long) tableExtents.size(), size, size, rowsTotal,
                    (long) tableExtents.size(), size, size, rowsTotal, "[]", policy.apply("retention"),
                    policy.apply("caching"),
                    catalog.tablePolicy(t.database(), t.name(), "sharding").orElse(DEFAULT_SHARDING_POLICY),
                    policy.apply("merge"), policy.apply("streamingingestion"), policy.apply("ingestionbatching"),
                    min, max, policy.apply("roworder"), tableId(t)));
        }
        return ResultShapes.result(ResultShapes.TABLE_DETAILS_COLUMNS, rows);
    }
}
