package dev.kustospark.local.mgmt;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Runs management commands ({@code .show tables}, {@code .create table}...). */
public final class CommandExecutor {
    static final String BUILD_VERSION = "1.0.0.0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> POLICY_NAMES = Map.ofEntries(
            Map.entry("auto_delete", "AutoDeletePolicy"),
            Map.entry("streamingingestion", "StreamingIngestionPolicy"),
            Map.entry("retention", "RetentionPolicy"),
            Map.entry("merge", "ExtentsMergePolicy"),
            Map.entry("ingestionbatching", "IngestionBatchingPolicy"),
            Map.entry("caching", "CachingPolicy"),
            Map.entry("partitioning", "DataPartitioningPolicy"),
            Map.entry("sharding", "ShardingPolicy"),
            Map.entry("update", "UpdatePolicy"),
            Map.entry("ingestiontime", "IngestionTimePolicy"),
            Map.entry("roworder", "RowOrderPolicy"),
            Map.entry("extent_tags_retention", "ExtentTagsRetentionPolicy"),
            Map.entry("restricted_view_access", "RestrictedViewAccessPolicy"));
    private static final Set<String> MAPPING_KINDS = Set.of("csv", "json", "parquet", "avro", "apacheavro", "orc",
            "w3clogfile", "sstream");

    private final Catalog catalog;
    private final Ingestor ingestor;
    private final OperationLog operations = new OperationLog();
    private final DataCommands data;

    public CommandExecutor(Catalog catalog, Ingestor ingestor) {
        this.catalog = catalog;
        this.ingestor = ingestor;
        this.data = new DataCommands(this);
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
        String recordDb = database;
        try {
            RowsResult rows = run(inv);
            List<TabularResult> results = finish(inv, rows);
            if (inv.recorded) {
                OperationLog.Operation op = operations.record(inv.operation, recordDb, started, Instant.now(),
                        "Completed", "", rows);
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
            case "delete" -> deletePolicy(inv);
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
                return ResultShapes.tables(tables);
            }
            if (p.acceptKeywords("details")) {
                throw unsupported(inv);
            }
            Map<String, String> props = p.withProperties();
            for (String key : props.keySet()) {
                if (!key.equalsIgnoreCase("IncludeHiddenTables")) {
                    throw p.error("unknown property '" + key + "' of .show tables");
                }
            }
            return ResultShapes.tables(catalog.tables(inv.database()));
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
                    ResultShapes.col("StartTime", KustoType.DATETIME), ResultShapes.col("IsAdmin", KustoType.BOOL),
                    ResultShapes.col("MachineTotalMemory", KustoType.LONG),
                    ResultShapes.col("MachineAvailableMemory", KustoType.LONG),
                    ResultShapes.col("ProcessorCount", KustoType.INT),
                    ResultShapes.col("ProductVersion", KustoType.STRING)),
                    List.of(ResultShapes.row("kusto-local", "localhost", "kusto-local", inv.now, true,
                            rt.maxMemory(), rt.maxMemory() - rt.totalMemory() + rt.freeMemory(),
                            rt.availableProcessors(), "kusto-local " + BUILD_VERSION)));
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
        if (p.peekKeyword("schema") || p.peekKeyword("extents") || p.atEnd() || p.peek("|") || p.peek(";")) {
            db = inv.database();
        } else {
            db = catalog.resolveDatabase(p.nameOrString());
        }
        if (p.acceptKeywords("schema")) {
            inv.operation = "DatabaseSchemaShow";
            p.expectKeywords("as", "json");
            return ResultShapes.databaseSchemaJson(db, catalog.tables(db));
        }
        if (p.acceptKeywords("extents")) {
            return data.showExtents(inv, catalog.tables(db));
        }
        inv.operation = "DatabaseShow";
        return ResultShapes.result(ResultShapes.DATABASE_COLUMNS,
                List.of(ResultShapes.databaseRow(db, db.equals(currentDatabaseOrNull(inv)))));
    }

    private RowsResult showTable(Invocation inv) {
        CommandParser p = inv.parser;
        String name = p.name();
        String db = inv.database();
        if (p.acceptKeywords("schema")) {
            inv.operation = "TableSchemaShow";
            p.expectKeywords("as", "json");
            return ResultShapes.schemaAsJson(catalog.table(db, name));
        }
        if (p.acceptKeywords("cslschema")) {
            inv.operation = "TableSchemaShow";
            return ResultShapes.cslSchema(catalog.table(db, name));
        }
        if (p.acceptKeywords("extents")) {
            return data.showExtents(inv, List.of(catalog.table(db, name)));
        }
        if (p.acceptKeywords("policy")) {
            inv.operation = "TablePolicyShow";
            String kind = policyKind(p);
            TableInfo t = catalog.table(db, name);
            return ResultShapes.policy(POLICY_NAMES.get(kind), db, t.name(),
                    catalog.tablePolicy(db, t.name(), kind).orElse(null));
        }
        if (p.acceptKeywords("ingestion")) {
            inv.operation = "TableIngestionMappingsShow";
            TableInfo t = catalog.table(db, name);
            String kind = null;
            if (!p.peekKeyword("mappings")) {
                kind = mappingKind(p);
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

    private static String policyKind(CommandParser p) {
        String word = p.peekWord();
        String kind = word == null ? null : word.toLowerCase(Locale.ROOT);
        if (kind == null || !POLICY_NAMES.containsKey(kind)) {
            throw p.error("unknown policy kind '" + (word == null ? "" : word) + "'");
        }
        p.acceptKeywords(word);
        return kind;
    }

    private static String mappingKind(CommandParser p) {
        String word = p.peekWord();
        String kind = word == null ? null : word.toLowerCase(Locale.ROOT);
        if (kind == null || !MAPPING_KINDS.contains(kind)) {
            throw p.error("unknown ingestion mapping kind '" + (word == null ? "" : word) + "'");
        }
        p.acceptKeywords(word);
        return kind;
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
            return createMapping(inv, db, name, orAlter ? MappingMode.CREATE_OR_ALTER : MappingMode.CREATE);
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
        TableInfo t = catalog.createTable(db, name, columns, props.get("folder"), props.get("docstring"));
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
        return ResultShapes.schemasAsJson(created);
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
        return createMapping(inv, db, name, MappingMode.CREATE_OR_ALTER);
    }

    private enum MappingMode { CREATE, ALTER, CREATE_OR_ALTER }

    private RowsResult createMapping(Invocation inv, String db, String table, MappingMode mode) {
        CommandParser p = inv.parser;
        TableInfo t = catalog.table(db, table);
        String kind = mappingKind(p);
        p.expectKeywords("mapping");
        String mappingName = p.nameOrString();
        int jsonPos = p.position();
        String json = p.string();
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isArray()) {
                throw p.errorAt(jsonPos, "an ingestion mapping must be a JSON array");
            }
        } catch (JsonProcessingException e) {
            throw p.errorAt(jsonPos, "the ingestion mapping is not valid JSON: " + e.getOriginalMessage());
        }
        p.withProperties();
        boolean exists = catalog.ingestionMapping(db, t.name(), kind, mappingName).isPresent();
        if (mode == MappingMode.CREATE && exists) {
            throw KustoException.entityExists("Ingestion mapping", mappingName);
        }
        if (mode == MappingMode.ALTER && !exists) {
            throw KustoException.entityNotFound("Ingestion mapping", mappingName);
        }
        catalog.createIngestionMapping(db, t.name(), kind, mappingName, json);
        return ResultShapes.mappings(db, t.name(),
                List.of(new IngestionMappingInfo(mappingName, kind, json)), inv.now);
    }

    private RowsResult alter(Invocation inv, boolean merge) {
        CommandParser p = inv.parser;
        String verb = merge ? "alter-merge" : "alter";
        if (!p.acceptKeywords("table")) {
            throw unsupported(inv);
        }
        String name = p.name();
        String db = inv.database();
        if (p.acceptKeywords("policy")) {
            inv.operation = "TablePolicyAlter";
            return alterPolicy(inv, db, name, merge);
        }
        if (!merge && p.acceptKeywords("ingestion")) {
            inv.operation = "TableIngestionMappingAlter";
            return createMapping(inv, db, name, MappingMode.ALTER);
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
            return ResultShapes.tables(List.of(t));
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

    private RowsResult alterPolicy(Invocation inv, String db, String table, boolean merge) {
        CommandParser p = inv.parser;
        TableInfo t = catalog.table(db, table);
        String kind = policyKind(p);
        String json;
        if (kind.equals("streamingingestion") && (p.peekKeyword("enable") || p.peekKeyword("disable"))) {
            boolean enable = p.acceptKeywords("enable");
            if (!enable) {
                p.acceptKeywords("disable");
            }
            json = "{\"IsEnabled\":" + enable + ",\"HintAllocatedRate\":null}";
        } else {
            int jsonPos = p.position();
            json = p.string();
            JsonNode node;
            try {
                node = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw p.errorAt(jsonPos, "the policy is not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null || !(node.isObject() || node.isArray())) {
                throw p.errorAt(jsonPos, "the policy must be a JSON object");
            }
            if (merge) {
                Optional<String> existing = catalog.tablePolicy(db, t.name(), kind);
                if (existing.isPresent() && node.isObject()) {
                    try {
                        ObjectNode base = (ObjectNode) JSON.readTree(existing.get());
                        base.setAll((ObjectNode) node);
                        node = base;
                    } catch (JsonProcessingException | ClassCastException e) {
                        throw KustoException.internal("stored policy is not a JSON object", e);
                    }
                }
            }
            json = node.toString();
        }
        catalog.setTablePolicy(db, t.name(), kind, json);
        return ResultShapes.policy(POLICY_NAMES.get(kind), db, t.name(), json);
    }

    private RowsResult deletePolicy(Invocation inv) {
        CommandParser p = inv.parser;
        if (!p.acceptKeywords("table")) {
            throw unsupported(inv);
        }
        String name = p.name();
        p.expectKeywords("policy");
        String kind = policyKind(p);
        inv.operation = "TablePolicyDelete";
        String db = inv.database();
        TableInfo t = catalog.table(db, name);
        catalog.setTablePolicy(db, t.name(), kind, null);
        return ResultShapes.policy(POLICY_NAMES.get(kind), db, t.name(), null);
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
                String kind = mappingKind(p);
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

    static List<ExtentInfo> extentsOf(Catalog catalog, TableInfo t) {
        return catalog.extents(t.database(), t.name());
    }
}
