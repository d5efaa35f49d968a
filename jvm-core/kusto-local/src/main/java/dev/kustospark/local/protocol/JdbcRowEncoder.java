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

    /**
     * Reads column {@code index} (1-based) of the current row and appends it. One small object per
     * column rather than one method switching over all types: the JIT compiles each quickly, where
     * the switch with every getter inlined took it over a second, most of a cold first query.
     */
    private interface Cell {
        void write(ResultSet rs, int index, JsonBuffer out) throws SQLException;
    }

    private final Cell[] cells;

    private JdbcRowEncoder(Cell[] cells) {
        this.cells = cells;
    }

    /** An encoder for the result described by {@code metadata}, whose columns hold {@code types}. */
    static JdbcRowEncoder of(KustoType[] types, ResultSetMetaData metadata) throws SQLException {
        WireValues wire = new WireValues();
        Cell[] cells = new Cell[types.length];
        for (int i = 0; i < types.length; i++) {
            String duckDbType = metadata.getColumnTypeName(i + 1);
            boolean bytes = "BLOB".equals(duckDbType);
            cells[i] = switch (types[i]) {
                case BOOL -> JdbcRowEncoder::bool;
                case INT -> JdbcRowEncoder::integer;
                case LONG -> JdbcRowEncoder::longInteger;
                case REAL -> (rs, index, out) -> {
                    double v = rs.getDouble(index);
                    if (rs.wasNull()) out.nullValue(); else wire.real(out, v);
                };
                case DECIMAL -> (rs, index, out) -> {
                    BigDecimal v = rs.getBigDecimal(index);
                    if (v == null) out.nullValue(); else wire.decimal(out, v);
                };
                case STRING -> bytes ? JdbcRowEncoder::stringBytes : JdbcRowEncoder::stringText;
                case DATETIME -> "TIMESTAMP".equals(duckDbType) || "TIMESTAMP WITH TIME ZONE".equals(duckDbType)
                        ? (rs, index, out) -> {
                            long v = rs.getLong(index);
                            if (rs.wasNull()) out.nullValue(); else wire.dateTimeMicros(out, v);
                        }
                        : (rs, index, out) -> {
                            Object v = rs.getObject(index);
                            if (v == null) out.nullValue(); else wire.dateTime(out, toInstant(v, rs, index));
                        };
                case TIMESPAN -> (rs, index, out) -> {
                    long v = rs.getLong(index);
                    if (rs.wasNull()) out.nullValue(); else wire.timespan(out, v);
                };
                case GUID -> JdbcRowEncoder::guid;
                case DYNAMIC -> bytes ? JdbcRowEncoder::dynamicBytes : JdbcRowEncoder::dynamicText;
            };
        }
        return new JdbcRowEncoder(cells);
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
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.ascii(',');
            }
            cells[i].write(rs, i + 1, out);
        }
        out.ascii(']');
    }

    private static void bool(ResultSet rs, int index, JsonBuffer out) throws SQLException {
        boolean v = rs.getBoolean(index);
        if (rs.wasNull()) out.nullValue(); else out.bool(v);
    }

    private static void integer(ResultSet rs, int index, JsonBuffer out) throws SQLException {
        int v = rs.getInt(index);
        if (rs.wasNull()) out.nullValue(); else out.number(v);
    }

    private static void longInteger(ResultSet rs, int index, JsonBuffer out) throws SQLException {
        long v = rs.getLong(index);
        if (rs.wasNull()) out.nullValue(); else out.number(v);
    }

    private static void stringBytes(ResultSet rs, int index, JsonBuffer out) throws SQLException {
        byte[] v = rs.getBytes(index);
        // Kusto strings are never null
        if (v == null) out.ascii("\"\""); else out.utf8String(v);
    }

    private static void stringText(ResultSet rs, int index, JsonBuffer out) throws SQLException {
        String v = rs.getString(index);
        out.string(v == null ? "" : v);
    }

    private static void guid(ResultSet rs, int index, JsonBuffer out) throws SQLException {
        Object v = rs.getObject(index);
        if (v == null) out.nullValue(); else out.string(v.toString());
    }

    private static void dynamicBytes(ResultSet rs, int index, JsonBuffer out) throws SQLException {
        byte[] v = rs.getBytes(index);
        if (v == null) out.nullValue(); else out.raw(v);
    }

    private static void dynamicText(ResultSet rs, int index, JsonBuffer out) throws SQLException {
        String v = rs.getString(index);
        if (v == null) out.nullValue(); else out.raw(v);
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
