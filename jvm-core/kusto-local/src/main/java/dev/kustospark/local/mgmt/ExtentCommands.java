package dev.kustospark.local.mgmt;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.types.KustoValues;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Extent commands: show, move, drop, and drop of extent tags. */
final class ExtentCommands {
    private final CommandExecutor executor;
    private final Catalog catalog;

    ExtentCommands(CommandExecutor executor) {
        this.executor = executor;
        this.catalog = executor.catalog();
    }

    RowsResult showExtents(Invocation inv, List<TableInfo> tables) {
        CommandParser p = inv.parser;
        inv.operation = "ExtentsShow";
        Set<UUID> ids = p.peek("(") ? new HashSet<>(p.guidList()) : null;
        p.acceptKeywords("hot");
        List<String[]> filters = new ArrayList<>();
        if (p.acceptKeywords("where")) {
            do {
                p.expectKeywords("tags");
                String op;
                if (p.accept("!")) {
                    op = "!" + p.peekWord();
                } else {
                    op = p.peekWord();
                }
                String bare = op == null ? "" : op.replace("!", "").toLowerCase(Locale.ROOT);
                if (!bare.equals("has") && !bare.equals("contains")) {
                    throw p.error("expected has, contains, !has or !contains");
                }
                p.acceptKeywords(op.replace("!", ""));
                filters.add(new String[] {op.toLowerCase(Locale.ROOT), p.string()});
            } while (p.acceptKeywords("and"));
        }
        p.withProperties();
        List<ExtentInfo> selected = new ArrayList<>();
        for (TableInfo t : tables) {
            for (ExtentInfo e : catalog.extents(t.database(), t.name())) {
                if ((ids == null || ids.contains(e.id())) && matches(e.tags(), filters)) {
                    selected.add(e);
                }
            }
        }
        return ResultShapes.extents(selected);
    }

    private static boolean matches(List<String> tags, List<String[]> filters) {
        for (String[] f : filters) {
            String value = f[1];
            boolean found = switch (f[0].replace("!", "")) {
                case "has" -> tags.contains(value);
                default -> tags.stream().anyMatch(t -> t.toLowerCase(Locale.ROOT)
                        .contains(value.toLowerCase(Locale.ROOT)));
            };
            if (found == f[0].startsWith("!")) {
                return false;
            }
        }
        return true;
    }

    /** {@code ExtentId} values (and {@code TableName}, {@code Tags} if present) of a nested query or command. */
    private RowsResult extentRows(Invocation inv, String text) {
        SqlResult sql = executor.queryOrCommand(inv, text);
        RowsResult rows = CommandResultsTable.read(inv.connection, sql);
        if (columnIndex(rows, "ExtentId") < 0) {
            throw KustoException.badRequest("the query after '<|' must return a column 'ExtentId'");
        }
        return rows;
    }

    private static int columnIndex(RowsResult rows, String name) {
        for (int i = 0; i < rows.columns().size(); i++) {
            if (rows.columns().get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static UUID uuidOf(Object value) {
        if (value instanceof UUID u) {
            return u;
        }
        try {
            return UUID.fromString(String.valueOf(value).trim());
        } catch (IllegalArgumentException e) {
            throw KustoException.badRequest("'" + value + "' is not an extent id");
        }
    }

    /** Extent ids per table, for the rows of a nested {@code .show ... extents} (tables by TableName). */
    private Map<String, List<UUID>> extentsByTable(RowsResult rows, String db, String defaultTable) {
        int idCol = columnIndex(rows, "ExtentId");
        int tableCol = columnIndex(rows, "TableName");
        Map<String, List<UUID>> byTable = new LinkedHashMap<>();
        for (List<Object> row : rows.rows()) {
            UUID id = uuidOf(row.get(idCol));
            String table = tableCol >= 0 ? String.valueOf(row.get(tableCol)) : defaultTable;
            if (table == null) {
                table = findTableOfExtent(db, id);
            }
            byTable.computeIfAbsent(table, k -> new ArrayList<>()).add(id);
        }
        return byTable;
    }

    private String findTableOfExtent(String db, UUID id) {
        for (TableInfo t : catalog.tables(db)) {
            for (ExtentInfo e : catalog.extents(db, t.name())) {
                if (e.id().equals(id)) {
                    return t.name();
                }
            }
        }
        throw KustoException.entityNotFound("Extent", id.toString());
    }

    RowsResult moveExtents(Invocation inv) {
        CommandParser p = inv.parser;
        inv.async = p.acceptKeywords("async");
        inv.operation = "ExtentsMove";
        p.expectKeywords("extents");
        String db = inv.database();
        Map<UUID, UUID> moved = new LinkedHashMap<>();
        if (p.acceptKeywords("to", "table")) {
            String target = p.name();
            Map<String, String> props = p.withProperties();
            Instant from = null;
            Instant to = null;
            for (Map.Entry<String, String> e : props.entrySet()) {
                String key = e.getKey().toLowerCase(Locale.ROOT);
                try {
                    if (key.equals("extentcreatedonfrom")) {
                        from = KustoValues.parseDateTime(e.getValue());
                    } else if (key.equals("extentcreatedonto")) {
                        to = KustoValues.parseDateTime(e.getValue());
                    } else if (!key.equals("setnewingestiontime")) {
                        throw p.error("unknown property '" + e.getKey() + "' of .move extents");
                    }
                } catch (IllegalArgumentException ex) {
                    throw p.error("property '" + e.getKey() + "' is not a datetime: '" + e.getValue() + "'");
                }
            }
            p.expect("<|");
            String text = p.rest();
            p.skipToEnd();
            RowsResult rows = extentRows(inv, text);
            for (Map.Entry<String, List<UUID>> e : extentsByTable(rows, db, null).entrySet()) {
                List<UUID> ids = e.getValue();
                if (from != null || to != null) {
                    Set<UUID> wanted = new LinkedHashSet<>(ids);
                    Instant lo = from;
                    Instant hi = to;
                    ids = catalog.extents(db, e.getKey()).stream()
                            .filter(x -> wanted.contains(x.id()))
                            .filter(x -> (lo == null || !x.createdOn().isBefore(lo))
                                    && (hi == null || !x.createdOn().isAfter(hi)))
                            .map(ExtentInfo::id).toList();
                }
                if (!ids.isEmpty()) {
                    moved.putAll(catalog.moveExtents(db, e.getKey(), target, ids));
                }
            }
            return ResultShapes.movedExtents(moved);
        }
        // The extent ids come before "from table" in the older syntax and after the target table in the
        // service's current one: .move extents from table A to table B (id1, id2)
        boolean all = p.acceptKeywords("all");
        List<UUID> ids = !all && p.peek("(") ? p.guidList() : null;
        p.expectKeywords("from", "table");
        String source = p.name();
        p.expectKeywords("to", "table");
        String target = p.name();
        if (!all && ids == null) {
            ids = p.guidList();
        }
        moved.putAll(catalog.moveExtents(db, source, target, ids));
        return ResultShapes.movedExtents(moved);
    }

    RowsResult dropExtents(Invocation inv) {
        CommandParser p = inv.parser;
        inv.operation = "ExtentsDrop";
        String db = inv.database();
        List<ExtentInfo> dropped = new ArrayList<>();
        if (p.acceptKeywords("extent")) {
            UUID id = p.guid();
            String table = p.acceptKeywords("from") ? optionalTableKeyword(p) : findTableOfExtent(db, id);
            dropped.addAll(catalog.dropExtents(db, table, List.of(id)));
            return ResultShapes.droppedExtents(dropped);
        }
        p.expectKeywords("extents");
        if (p.accept("<|")) {
            String text = p.rest();
            p.skipToEnd();
            RowsResult rows = extentRows(inv, text);
            for (Map.Entry<String, List<UUID>> e : extentsByTable(rows, db, null).entrySet()) {
                dropped.addAll(catalog.dropExtents(db, e.getKey(), e.getValue()));
            }
            return ResultShapes.droppedExtents(dropped);
        }
        List<UUID> ids = p.peek("(") ? p.guidList() : null;
        p.expectKeywords("from");
        String table = optionalTableKeyword(p);
        catalog.table(db, table);
        dropped.addAll(catalog.dropExtents(db, table, ids));
        return ResultShapes.droppedExtents(dropped);
    }

    private static String optionalTableKeyword(CommandParser p) {
        p.acceptKeywords("table");
        return p.name();
    }

    /**
     * {@code .drop [async] table T extent tags ('a', ...)}, {@code .drop extent tags from table T ('a')}
     * and the forms with {@code <| query} returning ExtentId and Tags.
     */
    RowsResult dropExtentTags(Invocation inv, String db, String tableBefore) {
        CommandParser p = inv.parser;
        inv.operation = "ExtentsTagsDrop";
        inv.async = inv.async || p.acceptKeywords("async");
        String table = tableBefore;
        if (table == null && p.acceptKeywords("from")) {
            p.expectKeywords("table");
            table = p.name();
        }
        Map<UUID, ExtentInfo> changed = new LinkedHashMap<>();
        if (p.accept("<|")) {
            String text = p.rest();
            p.skipToEnd();
            RowsResult rows = extentRows(inv, text);
            int idCol = columnIndex(rows, "ExtentId");
            int tagsCol = columnIndex(rows, "Tags");
            int tableCol = columnIndex(rows, "TableName");
            if (tagsCol < 0) {
                throw KustoException.badRequest("the query after '<|' must return columns 'ExtentId' and 'Tags'");
            }
            Map<String, Map<UUID, Set<String>>> plan = new LinkedHashMap<>();
            for (List<Object> row : rows.rows()) {
                UUID id = uuidOf(row.get(idCol));
                String t = table != null ? table
                        : tableCol >= 0 ? String.valueOf(row.get(tableCol)) : findTableOfExtent(db, id);
                Set<String> tags = plan.computeIfAbsent(t, k -> new LinkedHashMap<>())
                        .computeIfAbsent(id, k -> new LinkedHashSet<>());
                Object v = row.get(tagsCol);
                if (v != null) {
                    String s = v.toString();
                    if (s.startsWith("[")) {
                        tags.addAll(CommandExecutor.jsonStringArray(p, "Tags", s));
                    } else {
                        for (String tag : s.split("\r\n")) {
                            if (!tag.isEmpty()) {
                                tags.add(tag);
                            }
                        }
                    }
                }
            }
            for (Map.Entry<String, Map<UUID, Set<String>>> t : plan.entrySet()) {
                for (Map.Entry<UUID, Set<String>> e : t.getValue().entrySet()) {
                    changed.putAll(catalog.dropExtentTags(db, t.getKey(), List.of(e.getKey()), e.getValue()));
                }
            }
            return ResultShapes.retaggedExtents(changed);
        }
        if (table == null) {
            throw p.error("expected 'from table T (tags)' or '<| query'");
        }
        List<String> tags = p.nameList();
        catalog.table(db, table);
        changed.putAll(catalog.dropExtentTags(db, table, null, tags));
        return ResultShapes.retaggedExtents(changed);
    }
}
