package dev.kustospark.local.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.storage.ColumnInfo;
import dev.kustospark.local.types.KustoType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each table column takes its value from in a record: a field ordinal (delimited formats),
 * a JSON path (JSON and Parquet), a constant or a transform. Columns the mapping does not name
 * stay null, as in the service.
 */
final class ColumnPlan {
    /** The source of one column; {@code ordinal} is -1 and {@code path} null when unused. */
    private record Source(KustoType type, int ordinal, JsonPath path, boolean hasConstant, Object constant,
            Transform transform) {}

    private final Source[] sources;

    private ColumnPlan(Source[] sources) {
        this.sources = sources;
    }

    /** The plan for a table's columns, by the mapping when there is one, else by position or name. */
    static ColumnPlan build(List<ColumnInfo> columns, String tableName, DataFormat format, IngestionMapping mapping) {
        Source[] sources = new Source[columns.size()];
        boolean byOrdinal = format.isTextLines();
        if (mapping == null) {
            for (int i = 0; i < sources.length; i++) {
                ColumnInfo c = columns.get(i);
                if (byOrdinal) {
                    int ordinal = format.isSingleField() && i > 0 ? -1 : i;
                    sources[i] = new Source(c.type(), ordinal, null, false, null, null);
                } else {
                    sources[i] = new Source(c.type(), -1, JsonPath.property(c.name()), false, null, null);
                }
            }
            return new ColumnPlan(sources);
        }
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            positions.put(columns.get(i).name(), i);
        }
        for (IngestionMapping.Entry e : mapping.entries()) {
            Integer position = positions.get(e.column());
            if (position == null) {
                throw KustoException.badRequest("The ingestion mapping names column '" + e.column()
                        + "', which table '" + tableName + "' does not have (kusto-local does not add columns "
                        + "from mappings).");
            }
            if (sources[position] != null) {
                throw KustoException.badRequest("The ingestion mapping maps column '" + e.column() + "' twice.");
            }
            KustoType type = columns.get(position).type();
            if (format.isSingleField() && e.ordinal() != null && e.ordinal() != 0) {
                throw KustoException.badRequest("The " + format.displayName() + " format has one field per record; "
                        + "column '" + e.column()
                        + "' is mapped to Ordinal " + e.ordinal() + ".");
            }
            if (e.constValue() != null) {
                sources[position] = new Source(type, -1, null, true, ValueConverter.fromText(e.constValue(), type),
                        null);
            } else if (byOrdinal) {
                sources[position] = new Source(type, e.ordinal() == null ? -1 : e.ordinal(), null, false, null,
                        e.transform());
            } else {
                sources[position] = new Source(type, -1, e.path(), false, null, e.transform());
            }
        }
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] == null) {
                sources[i] = new Source(columns.get(i).type(), -1, null, true, null, null);
            }
        }
        return new ColumnPlan(sources);
    }

    /** The row of a delimited record; fields the record lacks are null. */
    Object[] rowFromFields(List<String> fields, long recordNumber) {
        Object[] row = new Object[sources.length];
        int available = fields.size();
        for (int i = 0; i < row.length; i++) {
            Source s = sources[i];
            if (s.hasConstant) {
                row[i] = s.constant;
            } else if (s.transform != null && s.transform.needsNoInput()) {
                row[i] = fromTransform(s, recordNumber);
            } else if (s.ordinal >= 0 && s.ordinal < available) {
                String text = fields.get(s.ordinal);
                row[i] = s.transform == null ? ValueConverter.fromText(text, s.type) : s.transform.apply(text, s.type);
            }
        }
        return row;
    }

    /** The row of a JSON record (a JSON line, a multijson element, or a Parquet row as JSON). */
    Object[] rowFromJson(JsonNode record, long recordNumber) {
        Object[] row = new Object[sources.length];
        for (int i = 0; i < row.length; i++) {
            Source s = sources[i];
            if (s.hasConstant) {
                row[i] = s.constant;
            } else if (s.transform != null && s.transform.needsNoInput()) {
                row[i] = fromTransform(s, recordNumber);
            } else if (s.path != null) {
                JsonNode value = s.path.select(record);
                row[i] = s.transform == null ? ValueConverter.fromJson(value, s.type) : s.transform.apply(value, s.type);
            }
        }
        return row;
    }

    private static Object fromTransform(Source s, long recordNumber) {
        return s.transform == Transform.SOURCE_LINE_NUMBER ? ValueConverter.fromObject(recordNumber, s.type) : null;
    }
}
