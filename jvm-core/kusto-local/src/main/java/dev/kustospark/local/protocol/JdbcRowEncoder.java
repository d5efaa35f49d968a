package dev.kustospark.local.protocol;

import dev.kustospark.local.types.KustoType;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.StringJoiner;

/**
 * Encodes the rows of a DuckDB result as JSON arrays, reading each column with the cheapest JDBC
 * getter that its DuckDB type allows (chosen once per result, from the result's metadata):
 * <ul>
 *   <li>TIMESTAMP is read as its raw microseconds, not as a LocalDateTime that the driver builds
 *       through java.sql.Timestamp;</li>
 *   <li>text arrives as BLOB (see {@link #wireSql}): DuckDB's driver decodes every VARCHAR of a fetched
 *       chunk into a String through a CharsetDecoder, while a BLOB is one byte array copy, and the
 *       response wants UTF-8 bytes anyway.</li>
 * </ul>
 * Any other DuckDB type takes the general path of the JDBC object conversions.
 */
final class JdbcRowEncoder {
    private static final String WIRE_ALIAS = "kl_wire";

    /** How a column is read; the name is the Kusto type, the suffix the DuckDB form when it matters. */
    private enum Read {
        BOOL, INT, LONG, REAL, DECIMAL, STRING_TEXT, STRING_BYTES, DATETIME_MICROS, DATETIME_OBJECT, TIMESPAN, GUID,
        DYNAMIC_TEXT, DYNAMIC_BYTES
    }

    private final Read[] reads;
    private final WireValues wire = new WireValues();

    private JdbcRowEncoder(Read[] reads) {
        this.reads = reads;
    }

    /** An encoder for the result described by {@code metadata}, whose columns hold {@code types}. */
    static JdbcRowEncoder of(KustoType[] types, ResultSetMetaData metadata) throws SQLException {
        Read[] reads = new Read[types.length];
        for (int i = 0; i < types.length; i++) {
            String duckDbType = metadata.getColumnTypeName(i + 1);
            reads[i] = switch (types[i]) {
                case BOOL -> Read.BOOL;
                case INT -> Read.INT;
                case LONG -> Read.LONG;
                case REAL -> Read.REAL;
                case DECIMAL -> Read.DECIMAL;
                case STRING -> "BLOB".equals(duckDbType) ? Read.STRING_BYTES : Read.STRING_TEXT;
                case DATETIME -> "TIMESTAMP".equals(duckDbType) || "TIMESTAMP WITH TIME ZONE".equals(duckDbType)
                        ? Read.DATETIME_MICROS : Read.DATETIME_OBJECT;
                case TIMESPAN -> Read.TIMESPAN;
                case GUID -> Read.GUID;
                case DYNAMIC -> "BLOB".equals(duckDbType) ? Read.DYNAMIC_BYTES : Read.DYNAMIC_TEXT;
            };
        }
        return new JdbcRowEncoder(reads);
    }

    /**
     * {@code sql} with its text columns turned into their UTF-8 bytes ({@code encode}), when
     * {@code metadata} (of {@code sql} as prepared) shows some; otherwise null. Only a projection is
     * added on top, which keeps the order of the rows below it.
     */
    static String wireSql(String sql, List<KustoType> types, ResultSetMetaData metadata) throws SQLException {
        if (metadata == null || metadata.getColumnCount() != types.size()) {
            return null;
        }
        StringJoiner select = new StringJoiner(", ");
        StringJoiner names = new StringJoiner(", ");
        boolean any = false;
        for (int i = 0; i < types.size(); i++) {
            String column = WIRE_ALIAS + ".w" + i;
            names.add("w" + i);
            String duckDbType = metadata.getColumnTypeName(i + 1);
            KustoType type = types.get(i);
            boolean text = "VARCHAR".equals(duckDbType) || "JSON".equals(duckDbType);
            if (text && (type == KustoType.STRING || type == KustoType.DYNAMIC)) {
                select.add("encode(CAST(" + column + " AS VARCHAR))");
                any = true;
            } else {
                select.add(column);
            }
        }
        return any ? "SELECT " + select + " FROM (\n" + sql + "\n) AS " + WIRE_ALIAS + "(" + names + ")" : null;
    }

    /** Appends the current row of {@code rs} as a JSON array. */
    void writeRow(ResultSet rs, JsonBuffer out) throws SQLException {
        out.ascii('[');
        for (int i = 0; i < reads.length; i++) {
            if (i > 0) {
                out.ascii(',');
            }
            writeCell(rs, i + 1, reads[i], out);
        }
        out.ascii(']');
    }

    private void writeCell(ResultSet rs, int index, Read read, JsonBuffer out) throws SQLException {
        switch (read) {
            case BOOL -> {
                boolean v = rs.getBoolean(index);
                if (rs.wasNull()) out.nullValue(); else out.bool(v);
            }
            case INT -> {
                int v = rs.getInt(index);
                if (rs.wasNull()) out.nullValue(); else out.number(v);
            }
            case LONG -> {
                long v = rs.getLong(index);
                if (rs.wasNull()) out.nullValue(); else out.number(v);
            }
            case REAL -> {
                double v = rs.getDouble(index);
                if (rs.wasNull()) out.nullValue(); else wire.real(out, v);
            }
            case DECIMAL -> {
                BigDecimal v = rs.getBigDecimal(index);
                if (v == null) out.nullValue(); else wire.decimal(out, v);
            }
            case STRING_BYTES -> {
                byte[] v = rs.getBytes(index);
                // Kusto strings are never null
                if (v == null) out.ascii("\"\""); else out.utf8String(v);
            }
            case STRING_TEXT -> {
                String v = rs.getString(index);
                out.string(v == null ? "" : v);
            }
            case DATETIME_MICROS -> {
                long v = rs.getLong(index);
                if (rs.wasNull()) out.nullValue(); else wire.dateTimeMicros(out, v);
            }
            case DATETIME_OBJECT -> {
                Object v = rs.getObject(index);
                if (v == null) out.nullValue(); else wire.dateTime(out, toInstant(v, rs, index));
            }
            case TIMESPAN -> {
                long v = rs.getLong(index);
                if (rs.wasNull()) out.nullValue(); else wire.timespan(out, v);
            }
            case GUID -> {
                Object v = rs.getObject(index);
                if (v == null) out.nullValue(); else out.string(v.toString());
            }
            case DYNAMIC_BYTES -> {
                byte[] v = rs.getBytes(index);
                if (v == null) out.nullValue(); else out.raw(v);
            }
            case DYNAMIC_TEXT -> {
                String v = rs.getString(index);
                if (v == null) out.nullValue(); else out.raw(v);
            }
        }
    }

    private static Instant toInstant(Object v, ResultSet rs, int index) throws SQLException {
        if (v instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (v instanceof Instant i) {
            return i;
        }
        // java.sql.Timestamp would be shifted by the JVM's zone; ask for the zone-free form instead.
        return rs.getObject(index, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
