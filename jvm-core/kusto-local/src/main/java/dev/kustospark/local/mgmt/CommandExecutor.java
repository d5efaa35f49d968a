package dev.kustospark.local.mgmt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.ingest.Ingestor;
import dev.kustospark.local.kql.CompiledQuery;
import dev.kustospark.local.kql.KqlCompiler;
import dev.kustospark.local.kql.KqlContext;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.storage.IngestionMappingInfo;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.storage.TableSource;
import dev.kustospark.local.types.KustoType;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Runs management commands ({@code .show tables}, {@code .create table}...). */
public final class CommandExecutor {
    static final String BUILD_VERSION = "1.0.0.0";
    private static final Instant STARTED = Instant.now();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Catalog catalog;
    private final Ingestor ingestor;
    private final OperationLog operations = new OperationLog();
    private final DataCommands data;
    private final PolicyCommands policies;

    public CommandExecutor(Catalog catalog, Ingestor ingestor) {
        this.catalog = catalog;
        this.ingestor = ingestor;
        this.data = new DataCommands(this);
        this.policies = new PolicyCommands(catalog);
    }

    Catalog catalog() {
        return catalog;
    }

    Ingestor ingestor() {
        return ingestor;
    }

    /**
     * Executes one command (possibly piped into KQL: {@code .show tables | where ...}). Results that
     * are {@code SqlResult}s must be read on {@code connection}, which may hold temporary tables.
     */
    public List<TabularResult> execute(Connection connection, String database, String commandText,
            Map<String, Object> parameters, Instant now) {
        Invocation inv = new Invocation(catalog, connection, database, parameters, now, commandText);
        Instant started = Instant.now();
        String recordDb = currentDatabaseOrNull(inv);
        try {
            RowsResult rows = run(inv);
            List<TabularResult> results = finish(inv, rows);
            if (inv.recorded) {
                // Results are kept for .show operation details only where that is the way to read them.
                OperationLog.Operation op = operations.record(inv.operation, recordDb, started, Instant.now(),
                        "Completed", "", inv.async ? rows : null);
                if (inv.async) {
                    return List.of(ResultShapes.operationId(op.id()));
                }
            }
            return results;
        } catch (KustoException e) {
            if (inv.recorded) {
                operations.record(inv.operation, recordDb, started, Instant.now(),
                        e.httpStatus() < 500 ? "BadInput" : "Failed", e.getMessage(), null);
            }
            throw e;
        } catch (RuntimeException e) {
            if (inv.recorded) {
                operations.record(inv.operation, recordDb, started, Instant.now(), "Failed", String.valueOf(e), null);
            }
            throw KustoException.internal("the command failed: " + e, e);
        }
    }

    /** Runs a nested command ({@code <| .show ...}) and returns its single result. */
    TabularResult runNested(Invocation outer, String text) {
        Invocation inner = outer.nested(text);
        List<TabularResult> results = finish(inner, run(inner));
        return results.get(results.size() - 1);
    }

    /** A query or a nested command after {@code <|}, as SQL to read from (command rows are materialised). */
    SqlResult queryOrCommand(Invocation inv, String text) {
        if (text.strip().startsWith(".")) {
            TabularResult result = runNested(inv, text.strip());
            if (result instanceof SqlResult sql) {
                return sql;
            }
            RowsResult rows = (RowsResult) result;
            TableSource source = CommandResultsTable.materialize(inv.connection, rows);
            return new SqlResult(rows.name(), rows.columns(),
                    "SELECT " + String.join(", ", source.physicalColumns().stream().map(c -> "\"" + c + "\"").toList())
                            + " FROM " + source.fromSql(), List.of());
        }
        CompiledQuery compiled = KqlCompiler.compile(text, new KqlContext(inv.database(), catalog, inv.parameters,
                inv.now, null));
        if (compiled.results().isEmpty()) {
            throw KustoException.badRequest("the query after '<|' returns no table");
        }
        return compiled.results().get(0);
    }

    private List<TabularResult> finish(Invocation inv, RowsResult rows) {
        CommandParser p = inv.parser;
        if (p.atEnd()) {
            return List.of(rows);
        }
        String query;
        if (p.peek("|")) {
            query = "$command_results " + p.rest();
        } else if (p.accept(";")) {
            query = p.rest();
            if (query.isBlank()) {
                p.skipToEnd();
                return List.of(rows);
            }
        } else {
            throw p.error("unexpected text after the command");
        }
        p.skipToEnd();
        TableSource source = CommandResultsTable.materialize(inv.connection, rows);
        String db;
        try {
            db = inv.database();
        } catch (KustoException e) {
            db = inv.requestedDatabase;
        }
        CompiledQuery compiled = KqlCompiler.compile(query, new KqlContext(db, catalog, inv.parameters, inv.now,
                source));
        List<TabularResult> results = new ArrayList<>();
        for (SqlResult r : compiled.results()) {
            results.add(r.withName("Table_" + results.size()));
        }
        return results;
    }

    private RowsResult run(Invocation inv) {
        CommandParser p = inv.parser;
        p.skipBlanks();
        inv.commandStart = p.position();
        if (!p.accept(".")) {
            throw p.error("a management command starts with '.'");
        }
        String verb = p.peekWord();
        if (verb == null) {
            throw p.error("expected a command name");
        }
        p.acceptKeywords(verb);
        return switch (verb.toLowerCase(Locale.ROOT)) {
            case "show" -> show(inv);
            case "create" -> create(inv, false);
            case "create-merge" -> createMerge(inv);
            case "create-or-alter" -> createOrAlter(inv);
            case "alter" -> alter(inv, false);
            case "alter-merge" -> alter(inv, true);
            case "drop" -> drop(inv);
            case "rename" -> rename(inv);
            case "delete" -> policies.deletePolicy(inv);
            case "clear" -> clear(inv);
            case "refresh" -> refresh(inv);
            case "ingest" -> data.ingestInline(inv);
            case "set", "append", "set-or-append", "set-or-replace" -> data.setOrAppend(inv, verb.toLowerCase(Locale.ROOT));
            case "move" -> data.moveExtents(inv);
            default -> throw unsupported(inv);
        };
    }

    static KustoException unsupported(Invocation inv) {
        int offset = inv.commandStart;
        String text = inv.parser.text();
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        String shown = text.substring(offset).strip();
        int cut = shown.indexOf('\n');
        shown = cut < 0 ? shown : shown.substring(0, cut);
        return KustoException.unsupported("the command '" + CommandParser.abbreviate(shown) + "'", line, column);
    }

    // ---------------------------------------------------------------- .show

    private RowsResult show(Invocation inv) {
        CommandParser p = inv.parser;
        if (p.acceptKeywords("databases") || p.acceptKeywords("cluster", "databases")) {
            inv.operation = "DatabasesShow";
            String current = currentDatabaseOrNull(inv);
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
                    return data.showExtents(inv, tables);
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
                            dev.kustospark.local.types.KustoValues.formatDateTime(STARTED), true,
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
        throw unsupported(inv);
    }

    private String currentDatabaseOrNull(Invocation inv) {
        try {
            return inv.database();
        } catch (KustoException e) {
            return null;
        }
    }

    private RowsResult showDatabase(Invocation inv) {
        CommandParser p = inv.parser;
        String db;
        if (p.peekKeyword("schema") || p.peekKeyword("extents") || p.peekKeyword("policy") || p.atEnd()
                || p.peek("|") || p.peek(";")) {
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
            return data.showExtents(inv, catalog.tables(db));
        }
        if (p.acceptKeywords("policy")) {
            inv.operation = "DatabasePolicyShow";
            return policies.showPolicy(new PolicyCommands.PolicyEntity(db, null), p);
        }
        inv.operation = "DatabaseShow";
        return ResultShapes.result(ResultShapes.DATABASE_COLUMNS,
                List.of(ResultShapes.databaseRow(db, db.equals(currentDatabaseOrNull(inv)))));
    }

    private RowsResult showTable(Invocation inv) {
        CommandParser p = inv.parser;
        String name = p.name();
        String db = inv.database();
        // The service answers a schema request for a missing table with no rows rather than an error;
        // the Spark connector relies on that to learn whether a table exists.
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
            return data.showExtents(inv, List.of(catalog.table(db, name)));
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
        throw unsupported(inv);
    }

    /** The sharding policy the service reports when none is set; clients read UseShardEngine. */
    static final String DEFAULT_SHARDING_POLICY = "{\"MaxRowCount\":1048576,\"MaxExtentSizeInMb\":8192,"
            + "\"MaxOriginalSizeInMb\":3072,\"UseShardEngine\":true,\"ShardEngineMaxRowCount\":1048576,"
            + "\"ShardEngineMaxExtentSizeInMb\":8192,\"ShardEngineMaxOriginalSizeInMb\":3072}";

    private RowsResult tableDetails(List<TableInfo> tables) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableInfo t : tables) {
            List<ExtentInfo> extents = catalog.extents(t.database(), t.name());
            long rowsTotal = extents.stream().mapToLong(ExtentInfo::rowCount).sum();
            double size = extents.stream().mapToLong(ExtentInfo::originalSize).sum();
            Instant min = extents.stream().map(ExtentInfo::createdOn).min(Instant::compareTo).orElse(null);
            Instant max = extents.stream().map(ExtentInfo::createdOn).max(Instant::compareTo).orElse(null);
            java.util.function.Function<String, String> policy =
                    kind -> catalog.tablePolicy(t.database(), t.name(), kind).orElse("null");
            rows.add(ResultShapes.row(t.name(), t.database(), ResultShapes.text(t.folder()),
                    ResultShapes.text(t.docString()), (long) extents.size(), size, size, rowsTotal,
                    (long) extents.size(), size, size, rowsTotal, "[]", policy.apply("retention"),
                    policy.apply("caching"),
                    catalog.tablePolicy(t.database(), t.name(), "sharding").orElse(DEFAULT_SHARDING_POLICY),
                    policy.apply("merge"), policy.apply("streamingingestion"), policy.apply("ingestionbatching"),
                    min, max, policy.apply("roworder")));
        }
        return ResultShapes.result(ResultShapes.TABLE_DETAILS_COLUMNS, rows);
    }

    /** {@code .clear table T data} and {@code .clear table T cache streamingingestion schema}. */
    private RowsResult clear(Invocation inv) {
        CommandParser p = inv.parser;
        inv.async = p.acceptKeywords("async");
        p.expectKeywords("table");
        String db = inv.database();
        TableInfo t = catalog.table(db, p.name());
        if (p.acceptKeywords("data")) {
            inv.operation = "TableClearData";
            catalog.dropExtents(db, t.name(), null);
            return ResultShapes.result(List.of(ResultShapes.col("Status", KustoType.STRING)),
                    List.of(ResultShapes.row("Success")));
        }
        // Nothing is cached apart from the store itself, so clearing a cache has nothing to do.
        p.expectKeywords("cache", "streamingingestion", "schema");
        inv.operation = "TableClearCache";
        return nodeStatus();
    }

    /** {@code .refresh database 'd' table 'T' cache ingestionbatchingpolicy}: no cache to refresh. */
    private RowsResult refresh(Invocation inv) {
        CommandParser p = inv.parser;
        p.expectKeywords("database");
        String db = catalog.resolveDatabase(p.nameOrString());
        if (p.acceptKeywords("table")) {
            catalog.table(db, p.nameOrString());
        }
        p.expectKeywords("cache", "ingestionbatchingpolicy");
        inv.operation = "CacheRefresh";
        return nodeStatus();
    }

    private static RowsResult nodeStatus() {
        return ResultShapes.result(List.of(ResultShapes.col("NodeId", KustoType.STRING),
                ResultShapes.col("Status", KustoType.STRING)), List.of(ResultShapes.row("kusto-local", "Succeeded")));
    }

    // ---------------------------------------------------------------- .create / .alter / .drop / .rename

    private RowsResult create(Invocation inv, boolean orAlter) {
        CommandParser p = inv.parser;
        if (p.acceptKeywords("database")) {
            inv.operation = "DatabaseCreate";
            String name = p.nameOrString();
            boolean ifNotExists = p.acceptKeywords("ifnotexists");
            catalog.createDatabase(name, ifNotExists);
            return ResultShapes.result(ResultShapes.DATABASE_COLUMNS,
                    List.of(ResultShapes.databaseRow(name, name.equals(currentDatabaseOrNull(inv)))));
        }
        if (p.acceptKeywords("tables")) {
            inv.operation = "TablesCreate";
            return createTables(inv, false);
        }
        if (!p.acceptKeywords("table")) {
            throw unsupported(inv);
        }
        String name = p.name();
        String db = inv.database();
        if (p.acceptKeywords("ingestion")) {
            inv.operation = "TableIngestionMappingCreate";
            return policies.createMapping(inv, db, name, orAlter ? PolicyCommands.MappingMode.CREATE_OR_ALTER : PolicyCommands.MappingMode.CREATE);
        }
        if (p.acceptKeywords("based-on")) {
            inv.operation = "TableCreate";
            TableInfo source = catalog.table(db, p.name());
            boolean ifNotExists = p.acceptKeywords("ifnotexists");
            Map<String, String> props = tableProperties(p);
            if (!ifNotExists && catalog.findTable(db, name).isPresent()) {
                throw KustoException.entityExists("Table", name);
            }
            TableInfo t = catalog.createTable(db, name, source.kustoColumns(),
                    props.getOrDefault("folder", source.folder()),
                    props.getOrDefault("docstring", "Created based on " + source.name()));
            return ResultShapes.schemaAsJson(t);
        }
        inv.operation = "TableCreate";
        List<Column> columns = p.schema();
        Map<String, String> props = tableProperties(p);
        boolean existed = catalog.findTable(db, name).isPresent();
        TableInfo t = catalog.createTable(db, name, columns, props.get("folder"), props.get("docstring"));
        if (!existed && CommandParser.isTrue(props.get("hidden"))) {
            catalog.setTableHidden(db, t.name(), true);
        }
        return ResultShapes.schemaAsJson(t);
    }

    private RowsResult createTables(Invocation inv, boolean merge) {
        CommandParser p = inv.parser;
        String db = inv.database();
        List<String> names = new ArrayList<>();
        List<List<Column>> schemas = new ArrayList<>();
        do {
            names.add(p.name());
            schemas.add(p.schema());
        } while (p.accept(","));
        Map<String, String> props = tableProperties(p);
        List<TableInfo> created = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            created.add(merge
                    ? catalog.createMergeTable(db, names.get(i), schemas.get(i), props.get("folder"), props.get("docstring"))
                    : catalog.createTable(db, names.get(i), schemas.get(i), props.get("folder"), props.get("docstring")));
        }
        return ResultShapes.tables(created);
    }

    /** {@code with (folder=..., docstring=..., hidden=...)}, keys normalised to lower case. */
    private static Map<String, String> tableProperties(CommandParser p) {
        Map<String, String> props = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : p.withProperties().entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (!Set.of("folder", "docstring", "hidden").contains(key)) {
                throw p.error("unknown table property '" + e.getKey() + "' (allowed: folder, docstring, hidden)");
            }
            props.put(key, e.getValue());
        }
        return props;
    }

    private RowsResult createMerge(Invocation inv) {
        CommandParser p = inv.parser;
        if (p.acceptKeywords("tables")) {
            inv.operation = "TablesCreateMerge";
            return createTables(inv, true);
        }
        if (!p.acceptKeywords("table")) {
            throw unsupported(inv);
        }
        inv.operation = "TableCreateMerge";
        String name = p.name();
        List<Column> columns = p.schema();
        Map<String, String> props = tableProperties(p);
        return ResultShapes.schemaAsJson(catalog.createMergeTable(inv.database(), name, columns, props.get("folder"),
                props.get("docstring")));
    }

    private RowsResult createOrAlter(Invocation inv) {
        CommandParser p = inv.parser;
        if (!p.acceptKeywords("table")) {
            throw unsupported(inv);
        }
        String name = p.name();
        String db = inv.database();
        if (!p.acceptKeywords("ingestion")) {
            throw unsupported(inv);
        }
        inv.operation = "TableIngestionMappingCreateOrAlter";
        return policies.createMapping(inv, db, name, PolicyCommands.MappingMode.CREATE_OR_ALTER);
    }

    private RowsResult alter(Invocation inv, boolean merge) {
        CommandParser p = inv.parser;
        if (p.acceptKeywords("database")) {
            String db = catalog.resolveDatabase(p.nameOrString());
            p.expectKeywords("policy");
            inv.operation = "DatabasePolicyAlter";
            return policies.alterPolicy(inv, db, null, merge);
        }
        if (!p.acceptKeywords("table")) {
            throw unsupported(inv);
        }
        String name = p.name();
        String db = inv.database();
        if (p.acceptKeywords("policy")) {
            inv.operation = "TablePolicyAlter";
            return policies.alterPolicy(inv, db, name, merge);
        }
        if (!merge && p.acceptKeywords("ingestion")) {
            inv.operation = "TableIngestionMappingAlter";
            return policies.createMapping(inv, db, name, PolicyCommands.MappingMode.ALTER);
        }
        if (!merge && (p.peekKeyword("docstring") || p.peekKeyword("folder"))) {
            boolean doc = p.acceptKeywords("docstring");
            if (!doc) {
                p.acceptKeywords("folder");
            }
            inv.operation = doc ? "TableDocStringAlter" : "TableFolderAlter";
            String value = p.string();
            TableInfo t = catalog.table(db, name);
            t = catalog.alterTable(db, name, t.kustoColumns(), doc ? null : value, doc ? value : null);
            return ResultShapes.schemaAsJson(t);
        }
        if (!p.peek("(")) {
            throw unsupported(inv);
        }
        inv.operation = merge ? "TableAlterMerge" : "TableAlter";
        List<Column> columns = p.schema();
        Map<String, String> props = tableProperties(p);
        TableInfo t = merge
                ? catalog.createMergeTable(db, catalog.table(db, name).name(), columns, props.get("folder"),
                        props.get("docstring"))
                : catalog.alterTable(db, name, columns, props.get("folder"), props.get("docstring"));
        return ResultShapes.schemaAsJson(t);
    }

    private RowsResult drop(Invocation inv) {
        CommandParser p = inv.parser;
        boolean async = p.acceptKeywords("async");
        inv.async = async;
        if (p.acceptKeywords("tables")) {
            inv.operation = "TablesDrop";
            List<String> names = p.nameList();
            boolean ifExists = p.acceptKeywords("ifexists");
            String db = inv.database();
            if (!ifExists) {
                for (String n : names) {
                    catalog.table(db, n);
                }
            }
            for (String n : names) {
                if (catalog.findTable(db, n).isPresent()) {
                    catalog.dropTable(db, n);
                }
            }
            return ResultShapes.remainingTables(catalog.tables(db));
        }
        if (p.acceptKeywords("table")) {
            String name = p.name();
            String db = inv.database();
            if (p.acceptKeywords("extent", "tags")) {
                return data.dropExtentTags(inv, db, name);
            }
            if (p.acceptKeywords("ingestion")) {
                inv.operation = "TableIngestionMappingDrop";
                TableInfo t = catalog.table(db, name);
                String kind = PolicyCommands.mappingKind(p);
                p.expectKeywords("mapping");
                String mappingName = p.nameOrString();
                catalog.dropIngestionMapping(db, t.name(), kind, mappingName);
                return ResultShapes.mappings(db, t.name(), catalog.ingestionMappings(db, t.name()), inv.now);
            }
            inv.operation = "TableDrop";
            boolean ifExists = p.acceptKeywords("ifexists");
            if (catalog.findTable(db, name).isPresent()) {
                catalog.dropTable(db, name);
            } else if (!ifExists) {
                throw KustoException.entityNotFound("Table", name);
            }
            return ResultShapes.remainingTables(catalog.tables(db));
        }
        if (p.acceptKeywords("extent", "tags")) {
            return data.dropExtentTags(inv, inv.database(), null);
        }
        if (p.peekKeyword("extents") || p.peekKeyword("extent")) {
            return data.dropExtents(inv);
        }
        throw unsupported(inv);
    }

    private RowsResult rename(Invocation inv) {
        CommandParser p = inv.parser;
        if (!p.acceptKeywords("table")) {
            throw unsupported(inv);
        }
        inv.operation = "TableRename";
        String from = p.name();
        p.expectKeywords("to");
        String to = p.name();
        String db = inv.database();
        catalog.renameTable(db, from, to);
        return ResultShapes.tables(catalog.tables(db));
    }

    static List<String> jsonStringArray(CommandParser p, String property, String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isArray()) {
                throw p.error("property '" + property + "' must be a JSON array of strings: " + json);
            }
            List<String> values = new ArrayList<>();
            for (JsonNode n : node) {
                if (!n.isTextual()) {
                    throw p.error("property '" + property + "' must be a JSON array of strings: " + json);
                }
                values.add(n.asText());
            }
            return values;
        } catch (JsonProcessingException e) {
            throw p.error("property '" + property + "' is not valid JSON: " + json);
        }
    }

}
