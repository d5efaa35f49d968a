package dev.kustospark.local.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Encodes one Kusto value as the service does on the wire (v1 and v2 alike). Reals always carry a
 * decimal point or exponent because the Java SDK reads bare integers as Integer and then fails a
 * cast to Double; NaN and infinities are strings; decimals are strings; Kusto strings are never null.
 */
final class ValueWriter {
    private ValueWriter() {}

    /** Writes column {@code index} (1-based) of the current row of {@code rs}, stored as {@code type}'s DuckDB form. */
    static void writeJdbc(JsonGenerator g, ResultSet rs, int index, KustoType type) throws IOException, SQLException {
        switch (type) {
            case BOOL -> {
                boolean v = rs.getBoolean(index);
                if (rs.wasNull()) g.writeNull(); else g.writeBoolean(v);
            }
            case INT -> {
                int v = rs.getInt(index);
                if (rs.wasNull()) g.writeNull(); else g.writeNumber(v);
            }
            case LONG -> {
                long v = rs.getLong(index);
                if (rs.wasNull()) g.writeNull(); else g.writeNumber(v);
            }
            case REAL -> {
                double v = rs.getDouble(index);
                if (rs.wasNull()) g.writeNull(); else writeReal(g, v);
            }
            case DECIMAL -> writeDecimal(g, rs.getBigDecimal(index));
            case STRING -> {
                String v = rs.getString(index);
                g.writeString(v == null ? "" : v);
            }
            case DATETIME -> {
                Object v = rs.getObject(index);
                if (v == null) {
                    g.writeNull();
                } else {
                    g.writeString(KustoValues.formatDateTime(toInstant(v, rs, index)));
                }
            }
            case TIMESPAN -> {
                long v = rs.getLong(index);
                if (rs.wasNull()) g.writeNull(); else g.writeString(KustoValues.formatTimespan(v));
            }
            case GUID -> {
                Object v = rs.getObject(index);
                if (v == null) g.writeNull(); else g.writeString(v.toString());
            }
            case DYNAMIC -> writeDynamic(g, rs.getString(index));
        }
    }

    /** Writes a value held by the Java value conventions of {@code KustoType}. */
    static void writeValue(JsonGenerator g, Object value, KustoType type) throws IOException {
        if (value == null) {
            if (type == KustoType.STRING) g.writeString(""); else g.writeNull();
            return;
        }
        switch (type) {
            case BOOL -> g.writeBoolean((Boolean) value);
            case INT -> g.writeNumber(((Number) value).intValue());
            case LONG -> g.writeNumber(((Number) value).longValue());
            case REAL -> writeReal(g, ((Number) value).doubleValue());
            case DECIMAL -> writeDecimal(g, value instanceof BigDecimal b ? b : new BigDecimal(value.toString()));
            case STRING -> g.writeString(value.toString());
            case DATETIME -> g.writeString(value instanceof Instant i ? KustoValues.formatDateTime(i)
                    : KustoValues.formatDateTime(KustoValues.parseDateTime(value.toString())));
            case TIMESPAN -> g.writeString(value instanceof Duration d ? KustoValues.formatTimespan(d)
                    : value instanceof Number n ? KustoValues.formatTimespan(n.longValue())
                    : KustoValues.formatTimespan(KustoValues.parseTimespan(value.toString())));
            case GUID -> g.writeString(value.toString());
            case DYNAMIC -> writeDynamic(g, value.toString());
        }
    }

    private static void writeReal(JsonGenerator g, double v) throws IOException {
        if (Double.isNaN(v)) {
            g.writeString("NaN");
        } else if (Double.isInfinite(v)) {
            g.writeString(v > 0 ? "Infinity" : "-Infinity");
        } else {
            // Double.toString always has a '.' or an exponent, which the Java SDK needs to see a real.
            g.writeNumber(v);
        }
    }

    private static void writeDecimal(JsonGenerator g, BigDecimal v) throws IOException {
        if (v == null) {
            g.writeNull();
            return;
        }
        // DuckDB pads every decimal to 18 fractional digits; the service prints only the significant ones.
        BigDecimal stripped = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
        g.writeString(stripped.toPlainString());
    }

    private static void writeDynamic(JsonGenerator g, String json) throws IOException {
        if (json == null) {
            g.writeNull();
        } else {
            g.writeRawValue(json);
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
