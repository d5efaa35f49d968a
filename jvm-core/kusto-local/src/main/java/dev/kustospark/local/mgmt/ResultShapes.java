package dev.kustospark.local.mgmt;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.storage.ColumnInfo;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.storage.IngestionMappingInfo;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.types.KustoType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The tables management commands answer with, column for column as the service returns them.
 * Kusto strings are never null, so absent text is the empty string.
 */
final class ResultShapes {
    static final String TABLE_NAME = "Table_0";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Map<String, String> MAPPING_KIND_NAMES = Map.of("csv", "Csv", "json", "Json",
            "parquet", "Parquet", "avro", "Avro", "apacheavro", "ApacheAvro", "orc", "Orc", "w3clogfile", "W3CLogFile",
            "sstream", "SStream");

    private ResultShapes() {}

    static Column col(String name, KustoType type) {
        return new Column(name, type);
    }

    static RowsResult result(List<Column> columns, List<List<Object>> rows) {
        return new RowsResult(TABLE_NAME, columns, rows);
    }

    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    static String text(String s) {
        return s == null ? "" : s;
    }

    // ------------------------------------------------------------ databases

    /** The service's columns; {@code SuspensionState} is empty, as a kusto-local database is never suspended. */
    static final List<Column> DATABASE_COLUMNS = List.of(col("DatabaseName", KustoType.STRING),
            col("PersistentStorage", KustoType.STRING), col("Version", KustoType.STRING),
            col("IsCurrent", KustoType.BOOL), col("DatabaseAccessMode", KustoType.STRING),
            col("PrettyName", KustoType.STRING), col("ReservedSlot1", KustoType.BOOL),
            col("DatabaseId", KustoType.GUID), col("InTransitionTo", KustoType.STRING),
            col("SuspensionState", KustoType.STRING));

    static List<Object> databaseRow(String database, boolean current) {
        return row(database, "", "v.1.1", current, "ReadWrite", "", false,
                UUID.nameUUIDFromBytes(database.getBytes(StandardCharsets.UTF_8)), "", "");
    }

    // ------------------------------------------------------------ tables

    static final List<Column> TABLES_COLUMNS = List.of(col("TableName", KustoType.STRING),
            col("DatabaseName", KustoType.STRING), col("Folder", KustoType.STRING), col("DocString", KustoType.STRING));

    static RowsResult tables(List<TableInfo> tables) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableInfo t : tables) {
            rows.add(row(t.name(), t.database(), text(t.folder()), text(t.docString())));
        }
        return result(TABLES_COLUMNS, rows);
    }

    static RowsResult remainingTables(List<TableInfo> tables) {
        List<List<Object>> rows = new ArrayList<>();
        for (TableInfo t : tables) {
            rows.add(row(t.name(), t.database()));
        }
        return result(List.of(col("TableName", KustoType.STRING), col("DatabaseName", KustoType.STRING)), rows);
    }

    static final List<Column> SCHEMA_COLUMNS = List.of(col("TableName", KustoType.STRING),
            col("Schema", KustoType.STRING), col("DatabaseName", KustoType.STRING), col("Folder", KustoType.STRING),
            col("DocString", KustoType.STRING));

    /** {@code .show table T schema as json}, also the answer of {@code .create table}. */
    static RowsResult schemaAsJson(TableInfo t) {
        return result(SCHEMA_COLUMNS, List.of(row(t.name(), tableSchemaJson(t).toString(), t.database(),
                text(t.folder()), text(t.docString()))));
    }

    static RowsResult cslSchema(TableInfo t) {
        StringBuilder schema = new StringBuilder();
        for (ColumnInfo c : t.columns()) {
            if (schema.length() > 0) {
                schema.append(',');
            }
            schema.append(quoteName(c.name())).append(':').append(c.type().kqlName());
        }
        return result(SCHEMA_COLUMNS, List.of(row(t.name(), schema.toString(), t.database(), text(t.folder()),
                text(t.docString()))));
    }

    /** A name as KQL must write it: plain when it is an identifier, else {@code ['...']}. */
    static String quoteName(String name) {
        if (PLAIN_NAME.matcher(name).matches()) {
            return name;
        }
        return "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
    }

    private static ObjectNode tableSchemaJson(TableInfo t) {
        ObjectNode node = JSON.createObjectNode();
        node.put("Name", t.name());
        node.set("OrderedColumns", orderedColumns(t));
        return node;
    }

    private static ArrayNode orderedColumns(TableInfo t) {
        ArrayNode columns = JSON.createArrayNode();
        for (ColumnInfo c : t.columns()) {
            ObjectNode col = columns.addObject();
            col.put("Name", c.name());
            col.put("Type", c.type().systemTypeName());
            col.put("CslType", c.type().kqlName());
        }
        return columns;
    }

    /** {@code .show database D schema as json}, keyed as the service's example output. */
    static RowsResult databaseSchemaJson(String database, List<TableInfo> tables) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode db = root.putObject("Databases").putObject(database);
        db.put("Name", database);
        ObjectNode tablesNode = db.putObject("Tables");
        for (TableInfo t : tables) {
            ObjectNode tn = tablesNode.putObject(t.name());
            tn.put("Name", t.name());
            tn.putNull("DefaultColumn");
            tn.set("OrderedColumns", orderedColumns(t));
            tn.put("Folder", t.folder());
            tn.put("DocString", t.docString());
        }
        db.putNull("PrettyName");
        db.put("MajorVersion", 1);
        db.put("MinorVersion", 1);
        db.putObject("Functions");
        return result(List.of(col("DatabaseSchema", KustoType.STRING)), List.of(row(root.toString())));
    }

    /** {@code .show database D schema}: a row for the database, one per table, one per column. */
    static RowsResult databaseSchemaRows(String database, List<TableInfo> tables) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(row(database, "", "", "", false, false, "", "v.1.1", "", ""));
        for (TableInfo t : tables) {
            rows.add(row(database, t.name(), "", "", true, false, "", "", text(t.folder()), text(t.docString())));
            for (ColumnInfo c : t.columns()) {
                rows.add(row(database, t.name(), c.name(), c.type().systemTypeName(), true, false, "", "", "", ""));
            }
        }
        return result(List.of(col("DatabaseName", KustoType.STRING), col("TableName", KustoType.STRING),
                col("ColumnName", KustoType.STRING), col("ColumnType", KustoType.STRING),
                col("IsDefaultTable", KustoType.BOOL), col("IsDefaultColumn", KustoType.BOOL),
                col("PrettyName", KustoType.STRING), col("Version", KustoType.STRING), col("Folder", KustoType.STRING),
                col("DocString", KustoType.STRING)), rows);
    }

    // ------------------------------------------------------------ extents

    static final List<Column> EXTENT_COLUMNS = List.of(col("ExtentId", KustoType.GUID),
            col("DatabaseName", KustoType.STRING), col("TableName", KustoType.STRING),
            col("MaxCreatedOn", KustoType.DATETIME), col("OriginalSize", KustoType.REAL),
            col("ExtentSize", KustoType.REAL), col("CompressedSize", KustoType.REAL), col("IndexSize", KustoType.REAL),
            col("Blocks", KustoType.LONG), col("Segments", KustoType.LONG), col("ReservedSlot1", KustoType.STRING),
            col("ReservedSlot2", KustoType.LONG), col("ExtentContainerId", KustoType.STRING),
            col("RowCount", KustoType.LONG), col("MinCreatedOn", KustoType.DATETIME), col("Tags", KustoType.STRING),
            col("Kind", KustoType.STRING), col("ReservedSlot3", KustoType.STRING),
            col("DeletedRowCount", KustoType.LONG));

    static RowsResult extents(List<ExtentInfo> extents) {
        List<List<Object>> rows = new ArrayList<>();
        for (ExtentInfo e : extents) {
            double size = e.originalSize();
            rows.add(row(e.id(), e.database(), e.table(), e.createdOn(), size, size, size, 0.0, 1L, 1L, "", 0L,
                    "", e.rowCount(), e.createdOn(), String.join("\r\n", e.tags()), "StorageV3", "", 0L));
        }
        return result(EXTENT_COLUMNS, rows);
    }

    static final List<Column> APPEND_COLUMNS = List.of(col("ExtentId", KustoType.GUID),
            col("OriginalSize", KustoType.LONG), col("ExtentSize", KustoType.LONG),
            col("ColumnSize", KustoType.LONG), col("IndexSize", KustoType.LONG), col("RowCount", KustoType.LONG));

    static RowsResult appended(List<ExtentInfo> extents) {
        List<List<Object>> rows = new ArrayList<>();
        for (ExtentInfo e : extents) {
            rows.add(row(e.id(), e.originalSize(), e.originalSize(), e.originalSize(), 0L, e.rowCount()));
        }
        return result(APPEND_COLUMNS, rows);
    }

    static RowsResult extentIds(List<ExtentInfo> extents) {
        List<List<Object>> rows = new ArrayList<>();
        for (ExtentInfo e : extents) {
            rows.add(row(e.id()));
        }
        return result(List.of(col("ExtentId", KustoType.GUID)), rows);
    }

    static RowsResult droppedExtents(List<ExtentInfo> extents) {
        List<List<Object>> rows = new ArrayList<>();
        for (ExtentInfo e : extents) {
            rows.add(row(e.id(), e.table(), e.createdOn()));
        }
        return result(List.of(col("ExtentId", KustoType.GUID), col("TableName", KustoType.STRING),
                col("CreatedOn", KustoType.DATETIME)), rows);
    }

    static RowsResult movedExtents(Map<UUID, UUID> moved) {
        List<List<Object>> rows = new ArrayList<>();
        moved.forEach((from, to) -> rows.add(row(from.toString(), to.toString(), "")));
        return result(List.of(col("OriginalExtentId", KustoType.STRING), col("ResultExtentId", KustoType.STRING),
                col("Details", KustoType.STRING)), rows);
    }

    static RowsResult retaggedExtents(Map<UUID, ExtentInfo> retagged) {
        List<List<Object>> rows = new ArrayList<>();
        retagged.forEach((from, to) -> rows.add(row(from.toString(), to.id().toString(),
                String.join("\r\n", to.tags()), "")));
        return result(List.of(col("OriginalExtentId", KustoType.STRING), col("ResultExtentId", KustoType.STRING),
                col("ResultExtentTags", KustoType.STRING), col("Details", KustoType.STRING)), rows);
    }

    static RowsResult operationId(UUID id) {
        return result(List.of(col("OperationId", KustoType.GUID)), List.of(row(id)));
    }

    // ------------------------------------------------------------ policies and mappings

    static RowsResult policy(String policyName, String entityName, String entityType, String policyJson) {
        return result(List.of(col("PolicyName", KustoType.STRING), col("EntityName", KustoType.STRING),
                col("Policy", KustoType.STRING), col("ChildEntities", KustoType.STRING),
                col("EntityType", KustoType.STRING)),
                List.of(row(policyName, entityName, policyJson == null ? "null" : policyJson, "", entityType)));
    }

    /**
     * {@code .show database D principals}, with no rows: kusto-local assigns no roles (every request it
     * accepts may do anything), as {@code AuthorizedPrincipals} of {@code .show table T details} says.
     */
    static RowsResult databasePrincipals() {
        return result(List.of(col("Role", KustoType.STRING), col("PrincipalType", KustoType.STRING),
                col("PrincipalDisplayName", KustoType.STRING), col("PrincipalObjectId", KustoType.STRING),
                col("PrincipalFQN", KustoType.STRING), col("Notes", KustoType.STRING)), List.of());
    }

    static final List<Column> TABLE_DETAILS_COLUMNS = List.of(col("TableName", KustoType.STRING),
            col("DatabaseName", KustoType.STRING), col("Folder", KustoType.STRING), col("DocString", KustoType.STRING),
            col("TotalExtents", KustoType.LONG), col("TotalExtentSize", KustoType.REAL),
            col("TotalOriginalSize", KustoType.REAL), col("TotalRowCount", KustoType.LONG),
            col("HotExtents", KustoType.LONG), col("HotExtentSize", KustoType.REAL),
            col("HotOriginalSize", KustoType.REAL), col("HotRowCount", KustoType.LONG),
            col("AuthorizedPrincipals", KustoType.STRING), col("RetentionPolicy", KustoType.STRING),
            col("CachingPolicy", KustoType.STRING), col("ShardingPolicy", KustoType.STRING),
            col("MergePolicy", KustoType.STRING), col("StreamingIngestionPolicy", KustoType.STRING),
            col("IngestionBatchingPolicy", KustoType.STRING), col("MinExtentsCreationTime", KustoType.DATETIME),
            col("MaxExtentsCreationTime", KustoType.DATETIME), col("RowOrderPolicy", KustoType.STRING),
            col("TableId", KustoType.STRING));

    static String mappingKindName(String kind) {
        return MAPPING_KIND_NAMES.getOrDefault(kind.toLowerCase(Locale.ROOT), kind);
    }

    static RowsResult mappings(String database, String table, List<IngestionMappingInfo> mappings, Instant now) {
        List<List<Object>> rows = new ArrayList<>();
        for (IngestionMappingInfo m : mappings) {
            rows.add(row(m.name(), mappingKindName(m.kind()), m.mappingJson(), now, database, table));
        }
        return result(List.of(col("Name", KustoType.STRING), col("Kind", KustoType.STRING),
                col("Mapping", KustoType.STRING), col("LastUpdatedOn", KustoType.DATETIME),
                col("Database", KustoType.STRING), col("Table", KustoType.STRING)), rows);
    }
}
