package dev.kustospark.local.mgmt;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.ingest.IngestionRequest;
import dev.kustospark.local.ingest.IngestionResult;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Commands that write data: {@code .ingest inline} and {@code .set}, {@code .append} and their variants. */
final class DataCommands {
    private static final Set<String> APPEND_PROPERTIES = Set.of("tags", "creationtime", "extend_schema",
            "recreate_schema", "folder", "docstring", "ingestifnotexists", "distributed", "persistdetails",
            "policy_ingestiontime");
    private static final Set<String> INGEST_PROPERTIES = Set.of("format", "ignorefirstrecord", "tags",
            "ingestifnotexists", "creationtime", "ingestionmappingreference", "ingestionmapping",
            "ingestionmappingtype", "validationpolicy", "persistdetails");

    private final CommandExecutor executor;
    private final Catalog catalog;

    DataCommands(CommandExecutor executor) {
        this.executor = executor;
        this.catalog = executor.catalog();
    }

    /** Property keys in lower case; unknown keys are an error naming the allowed ones. */
    private static Map<String, String> properties(CommandParser p, Set<String> allowed, String command) {
        Map<String, String> props = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : p.withProperties().entrySet()) {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (!allowed.contains(key)) {
                throw p.error("unknown property '" + e.getKey() + "' of " + command + " (allowed: "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
            props.put(key, e.getValue());
        }
        return props;
    }

    private static Instant creationTime(CommandParser p, Map<String, String> props) {
        String text = props.get("creationtime");
        if (text == null) {
            return null;
        }
        try {
            return KustoValues.parseDateTime(text);
        } catch (IllegalArgumentException e) {
            throw p.error("property 'creationTime' is not a datetime: '" + text + "'");
        }
    }

    private static boolean flag(CommandParser p, Map<String, String> props, String key) {
        String v = props.get(key);
        if (v == null) {
            return false;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw p.error("property '" + key + "' must be true or false, not '" + v + "'");
    }

    private boolean alreadyIngested(CommandParser p, String db, String table, Map<String, String> props) {
        String ifNotExists = props.get("ingestifnotexists");
        if (ifNotExists == null || catalog.findTable(db, table).isEmpty()) {
            return false;
        }
        for (String tag : CommandExecutor.jsonStringArray(p, "ingestIfNotExists", ifNotExists)) {
            if (catalog.hasExtentTag(db, table, "ingest-by:" + tag)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- .ingest inline

    RowsResult ingestInline(Invocation inv) {
        CommandParser p = inv.parser;
        inv.async = p.acceptKeywords("async");
        p.expectKeywords("inline", "into", "table");
        inv.operation = "DataIngestPull";
        String table = p.name();
        Map<String, String> props = properties(p, INGEST_PROPERTIES, ".ingest inline");
        p.expect("<|");
        String body = p.rest();
        p.skipToEnd();
        // The data starts at the first line after '<|' or after the blanks that follow it.
        int i = 0;
        while (i < body.length() && (body.charAt(i) == ' ' || body.charAt(i) == '\t')) {
            i++;
        }
        if (i < body.length() && body.charAt(i) == '\r') {
            i++;
        }
        if (i < body.length() && body.charAt(i) == '\n') {
            i++;
        }
        String payload = body.substring(i);
        String db = inv.database();
        List<String> tags = props.containsKey("tags")
                ? CommandExecutor.jsonStringArray(p, "tags", props.get("tags")) : List.of();
        List<String> ifNotExists = props.containsKey("ingestifnotexists")
                ? CommandExecutor.jsonStringArray(p, "ingestIfNotExists", props.get("ingestifnotexists")) : List.of();
        IngestionRequest request = new IngestionRequest(props.getOrDefault("format", "csv"),
                props.get("ingestionmappingreference"), props.get("ingestionmapping"), tags, ifNotExists,
                creationTime(p, props), flag(p, props, "ignorefirstrecord"));
        IngestionResult result = executor.ingestor().ingest(db, table, request,
                new ByteArrayInputStream(payload.getBytes(StandardCharsets.UTF_8)));
        return ResultShapes.extentIds(result.extent() == null ? List.of() : List.of(result.extent()));
    }

    // ---------------------------------------------------------------- .set / .append

    RowsResult setOrAppend(Invocation inv, String verb) {
        CommandParser p = inv.parser;
        inv.async = p.acceptKeywords("async");
        inv.operation = switch (verb) {
            case "set" -> "TableSet";
            case "append" -> "TableAppend";
            case "set-or-append" -> "TableSetOrAppend";
            default -> "TableSetOrReplace";
        };
        String table = p.name();
        Map<String, String> props = properties(p, APPEND_PROPERTIES, "." + verb);
        p.expect("<|");
        String queryText = p.rest();
        p.skipToEnd();
        String db = inv.database();
        boolean exists = catalog.findTable(db, table).isPresent();
        if (verb.equals("set") && exists) {
            throw KustoException.entityExists("Table", table);
        }
        if (verb.equals("append") && !exists) {
            throw KustoException.entityNotFound("Table", table);
        }
        if (alreadyIngested(p, db, table, props)) {
            return ResultShapes.appended(List.of());
        }
        SqlResult query = executor.queryOrCommand(inv, queryText);
        TableInfo target = targetTable(p, db, table, exists, verb, query.columns(), props);
        List<String> tags = props.containsKey("tags")
                ? CommandExecutor.jsonStringArray(p, "tags", props.get("tags")) : List.of();
        StringBuilder select = new StringBuilder("SELECT ");
        StringBuilder aliases = new StringBuilder();
        for (int i = 0; i < query.columns().size(); i++) {
            aliases.append(i == 0 ? "" : ", ").append("k").append(i);
        }
        for (int i = 0; i < target.columns().size(); i++) {
            KustoType to = target.columns().get(i).type();
            KustoType from = query.columns().get(i).type();
            select.append(i == 0 ? "" : ", ");
            select.append(from == to ? "k" + i : "CAST(k" + i + " AS " + to.duckDbType() + ")");
        }
        select.append(" FROM (").append(query.sql()).append(") AS kl_query(").append(aliases).append(')');
        ExtentInfo extent = verb.equals("set-or-replace")
                ? catalog.replaceWithExtent(target, tags, creationTime(p, props), inv.connection, select.toString(),
                        query.parameters())
                : catalog.insertExtent(target, tags, creationTime(p, props), inv.connection, select.toString(),
                        query.parameters());
        return ResultShapes.appended(extent.rowCount() == 0 ? List.of() : List.of(extent));
    }

    /**
     * The table to write into, created or extended as the command allows. Query columns map to
     * table columns by position, as the service does; types must match or both be numeric.
     */
    private TableInfo targetTable(CommandParser p, String db, String table, boolean exists, String verb,
            List<Column> queryColumns, Map<String, String> props) {
        String folder = props.get("folder");
        String docString = props.get("docstring");
        if (!exists) {
            return catalog.createTable(db, table, queryColumns, folder, docString);
        }
        TableInfo t = catalog.table(db, table);
        boolean recreate = verb.equals("set-or-replace") && flag(p, props, "recreate_schema");
        if (recreate && !t.kustoColumns().equals(queryColumns)) {
            catalog.dropTable(db, table);
            return catalog.createTable(db, table, queryColumns, folder != null ? folder : t.folder(),
                    docString != null ? docString : t.docString());
        }
        boolean extend = flag(p, props, "extend_schema");
        if (queryColumns.size() > t.columns().size() && extend) {
            List<Column> extended = new ArrayList<>(t.kustoColumns());
            extended.addAll(queryColumns.subList(t.columns().size(), queryColumns.size()));
            t = catalog.alterTable(db, table, extended, folder, docString);
        } else if (folder != null || docString != null) {
            t = catalog.alterTable(db, table, t.kustoColumns(), folder, docString);
        }
        if (queryColumns.size() != t.columns().size()) {
            throw KustoException.badRequest("Query schema does not match table schema: the query returns "
                    + queryColumns.size() + " columns and table '" + table + "' has " + t.columns().size()
                    + (queryColumns.size() > t.columns().size() ? " (use extend_schema=true to add columns)" : ""));
        }
        for (int i = 0; i < queryColumns.size(); i++) {
            KustoType from = queryColumns.get(i).type();
            KustoType to = t.columns().get(i).type();
            if (from != to && !widens(from, to)) {
                throw KustoException.badRequest("Query schema does not match table schema: column " + i + " ('"
                        + queryColumns.get(i).name() + "') is of type '" + from + "' and column '"
                        + t.columns().get(i).name() + "' of table '" + table + "' is of type '" + to + "'");
            }
        }
        return t;
    }

    /**
     * Numeric conversions an append may make. long to int is allowed (a KQL literal such as 1 is a
     * long; DuckDB's cast fails on overflow rather than wrapping); real or decimal to int or long
     * would round silently and is refused.
     */
    private static boolean widens(KustoType from, KustoType to) {
        return switch (from) {
            case INT, LONG -> to.isNumeric();
            case REAL, DECIMAL -> to == KustoType.REAL || to == KustoType.DECIMAL;
            default -> false;
        };
    }
}
