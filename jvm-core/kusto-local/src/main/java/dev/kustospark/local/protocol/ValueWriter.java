package dev.kustospark.local.protocol;

import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * Encodes Kusto values held by the Java conventions of {@link KustoType} (rows of management
 * results) as the service does on the wire, v1 and v2 alike; {@link JdbcRowEncoder} does the same
 * for DuckDB results, and {@link WireValues} holds the text forms both share. Kusto strings are
 * never null.
 */
final class ValueWriter {
    private final WireValues wire = new WireValues();

    void write(JsonBuffer out, Object value, KustoType type) {
        if (value == null) {
            if (type == KustoType.STRING) out.ascii("\"\""); else out.nullValue();
            return;
        }
        switch (type) {
            case BOOL -> out.bool((Boolean) value);
            case INT -> out.number(((Number) value).intValue());
            case LONG -> out.number(((Number) value).longValue());
            case REAL -> wire.real(out, ((Number) value).doubleValue());
            case DECIMAL -> wire.decimal(out, value instanceof BigDecimal b ? b : new BigDecimal(value.toString()));
            case STRING, GUID -> out.string(value.toString());
            case DATETIME -> wire.dateTime(out, value instanceof Instant i ? i
                    : KustoValues.parseDateTime(value.toString()));
            case TIMESPAN -> wire.timespan(out, value instanceof Duration d ? KustoValues.toTicks(d)
                    : value instanceof Number n ? n.longValue()
                    : KustoValues.parseTimespan(value.toString()));
            case DYNAMIC -> out.raw(value.toString());
        }
    }
}
