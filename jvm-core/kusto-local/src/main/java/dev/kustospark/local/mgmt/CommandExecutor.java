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

/** Runs management commands ({@code .show tables}, {@code .create table}...). */
public final class CommandExecutor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Catalog catalog;
    private final Ingestor ingestor;
    private final OperationLog operations = new OperationLog();
    private final DataCommands data;
    private final ExtentCommands extents;
    private final PolicyCommands policies;
    private final ShowCommands shows;
    private final List<CommandExtension> extensions;

    public CommandExecutor(Catalog catalog, Ingestor ingestor) {
        this(catalog, ingestor, List.of());
    }

    /** With commands served by {@code extensions}, tried in order before the built-in ones. */
    public CommandExecutor(Catalog catalog, Ingestor ingestor, List<CommandExtension> extensions) {
        this.extensions = List.copyOf(extensions);
        this.catalog = catalog;
        this.ingestor = ingestor;
        this.data = new DataCommands(this);
        this.extents = new ExtentCommands(this);
        this.policies = new PolicyCommands(catalog);
        this.shows = new ShowCommands(catalog, operations, extents, policies);
    }

    Catalog catalog() {
        return catalog;
    }

    Ingestor ingestor() {
        return ingestor;
    }

    /**
     * What a command answered. {@code query} is true when the command's results were piped into a
     * query ({@code .show tables | where ...}): the service then answers in the shape of a query's
     * response, with its query properties, status and table of contents.
     */
    public record CommandResults(List<TabularResult> tables, boolean query) {}

    /**
     * Executes one command (possibly piped into KQL: {@code .show tables | where ...}). Results that
     * are {@code SqlResult}s must be read on {@code connection}, which may hold temporary tables.
     */
    public List<TabularResult> execute(Connection connection, String database, String commandText,
            Map<String, Object> parameters, Instant now) {
        return executeRequest(connection, database, commandText, parameters, now).tables();
    }

    /** {@link #execute}, saying also whether the results are a query's. */
    public CommandResults executeRequest(Connection connection, String database, String commandText,
            Map<String, Object> parameters, Instant now) {
        Invocation inv = new Invocation(catalog, connection, database, parameters, now, commandText);
        Instant started = Instant.now();
        String recordDb = inv.databaseOrNull();
        try {
            RowsResult rows = run(inv);
            CommandResults results = finish(inv, rows);
            if (inv.recorded) {
                // Results are kept for .show operation details only where that is the way to read them.
                OperationLog.Operation op = operations.record(inv.operation, recordDb, started, Instant.now(),
                        "Completed", "", inv.async ? rows : null);
                if (inv.async) {
                    return new CommandResults(List.of(ResultShapes.operationId(op.id())), false);
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
        List<TabularResult> results = finish(inner, run(inner)).tables();
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

    private CommandResults finish(Invocation inv, RowsResult rows) {
        CommandParser p = inv.parser;
        if (p.atEnd()) {
            return new CommandResults(List.of(rows), false);
        }
        String query;
        int queryStart = p.position();
        String prefix;
        if (p.peek("|")) {
            queryStart = p.position();
            prefix = "$command_results ";
            query = prefix + p.rest();
        } else if (p.accept(";")) {
            queryStart = p.position();
            prefix = "";
            query = p.rest();
            if (query.isBlank()) {
                p.skipToEnd();
                return new CommandResults(List.of(rows), false);
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
        CompiledQuery compiled;
        try {
            compiled = KqlCompiler.compile(query, new KqlContext(db, catalog, inv.parameters, inv.now, source));
        } catch (KustoException e) {
            throw ErrorPositions.shift(e, p.text(), queryStart, prefix.length());
        }
        return new CommandResults(List.copyOf(compiled.results()), true);
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
        for (CommandExtension extension : extensions) {
            RowsResult rows = extension.tryExecute(verb.toLowerCase(Locale.ROOT),
                    new ExtensionInvocation(this, inv, operations));
            if (rows != null) {
                return rows;
            }
        }
        return switch (verb.toLowerCase(Locale.ROOT)) {
            case "show" -> shows.show(inv);
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
            case "move" -> extents.moveExtents(inv);
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

    /**
     * {@code .clear table T data}, {@code .clear table T cache streamingingestion schema} and
     * {@code .clear database cache streamingingestion schema}.
     */
    private RowsResult clear(Invocation inv) {
        CommandParser p = inv.parser;
        inv.async = p.acceptKeywords("async");
        if (p.acceptKeywords("database")) {
            // Nothing is cached apart from the store itself, so clearing a cache has nothing to do.
            inv.database();
            p.expectKeywords("cache", "streamingingestion", "schema");
            inv.operation = "DatabaseClearCache";
            return nodeStatus();
        }
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
                    List.of(ResultShapes.databaseRow(name, name.equals(inv.databaseOrNull()))));
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
        if (!merge && p.acceptKeywords("column")) {
            inv.operation = "ColumnAlterType";
            List<String> path = columnPath(p);
            p.expectKeywords("type");
            p.expect("=");
            int typePos = p.position();
            String typeName = p.peekWord();
            KustoType type = KustoType.fromName(typeName);
            if (type == null) {
                throw p.errorAt(typePos, "unknown column type '" + (typeName == null ? "" : typeName) + "'");
            }
            p.acceptKeywords(typeName);
            String db = path.size() == 3 ? catalog.resolveDatabase(path.get(0)) : inv.database();
            String table = path.get(path.size() - 2);
            String column = path.get(path.size() - 1);
            TableInfo t = catalog.alterColumnType(db, table, column, type);
            return ResultShapes.result(List.of(ResultShapes.col("EntityName", KustoType.STRING),
                    ResultShapes.col("DataType", KustoType.STRING), ResultShapes.col("Policy", KustoType.STRING)),
                    List.of(ResultShapes.row("[" + t.database() + "].[" + t.name() + "].[" + column + "]",
                            type.kqlName(), "")));
        }
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
            p.acceptKeywords("skip-seal");
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
                return extents.dropExtentTags(inv, db, name);
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
            if (p.acceptKeywords("columns")) {
                inv.operation = "TableColumnsDrop";
                return dropColumns(db, name, p.nameList());
            }
            inv.operation = "TableDrop";
            boolean ifExists = p.acceptKeywords("ifexists");
            // skip-seal: undocumented, sent by the SDKs' own end-to-end tests; it changes nothing here
            p.acceptKeywords("skip-seal");
            if (catalog.findTable(db, name).isPresent()) {
                catalog.dropTable(db, name);
            } else if (!ifExists) {
                throw KustoException.entityNotFound("Table", name);
            }
            return ResultShapes.remainingTables(catalog.tables(db));
        }
        if (p.acceptKeywords("extent", "tags")) {
            return extents.dropExtentTags(inv, inv.database(), null);
        }
        if (p.peekKeyword("extents") || p.peekKeyword("extent")) {
            return extents.dropExtents(inv);
        }
        if (p.acceptKeywords("column")) {
            // .drop column T.c: the table and column names are separated by a dot.
            inv.operation = "TableColumnsDrop";
            String table = p.name();
            p.expect(".");
            return dropColumns(inv.database(), table, List.of(p.name()));
        }
        throw unsupported(inv);
    }

    private RowsResult dropColumns(String db, String table, List<String> names) {
        TableInfo t = catalog.table(db, table);
        for (String n : names) {
            if (t.column(n).isEmpty()) {
                throw KustoException.entityNotFound("Column", n);
            }
        }
        List<Column> kept = t.kustoColumns().stream().filter(c -> !names.contains(c.name())).toList();
        if (kept.isEmpty()) {
            throw KustoException.badRequest("Cannot drop all the columns of table '" + t.name() + "'.");
        }
        return ResultShapes.schemaAsJson(catalog.alterTable(db, t.name(), kept, null, null));
    }

    /** {@code [Database.]Table.Column}, as its parts. */
    private static List<String> columnPath(CommandParser p) {
        List<String> path = new ArrayList<>(List.of(p.name()));
        while (p.accept(".")) {
            path.add(p.name());
        }
        if (path.size() < 2 || path.size() > 3) {
            throw p.error("expected Table.Column or Database.Table.Column");
        }
        return path;
    }

    private RowsResult rename(Invocation inv) {
        CommandParser p = inv.parser;
        if (p.acceptKeywords("column")) {
            // [Database.]Table.Column to NewName
            inv.operation = "ColumnRename";
            List<String> path = columnPath(p);
            p.expectKeywords("to");
            String newName = p.name();
            String db = path.size() == 3 ? catalog.resolveDatabase(path.get(0)) : inv.database();
            return ResultShapes.schemaAsJson(catalog.renameColumn(db, path.get(path.size() - 2),
                    path.get(path.size() - 1), newName));
        }
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
