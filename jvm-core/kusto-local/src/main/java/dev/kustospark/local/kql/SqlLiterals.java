package dev.kustospark.local.kql;

import dev.kustospark.local.KustoException;

import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Renders Kusto constants as DuckDB SQL literals in storage form; values are always escaped here. */
final class SqlLiterals {
    private SqlLiterals() {}

    /** A SQL string literal: single quotes doubled, so no request text can end the literal. */
    static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            value = value.replace("\0", "");
        }
        return "'" + value.replace("'", "''") + "'";
    }

    static String nullOf(KustoType type) {
        return "CAST(NULL AS " + type.duckDbType() + ")";
    }

    static TypedSql literal(KustoType type, Object value) {
        return TypedSql.literal(render(type, value), type, value);
    }

    static String render(KustoType type, Object value) {
        if (value == null) {
            return nullOf(type);
        }
        return switch (type) {
            case BOOL -> ((Boolean) value) ? "TRUE" : "FALSE";
            case INT -> "CAST(" + ((Number) value).intValue() + " AS INTEGER)";
            case LONG -> "CAST(" + ((Number) value).longValue() + " AS BIGINT)";
            case REAL -> "CAST(" + quote(Double.toString(((Number) value).doubleValue())) + " AS DOUBLE)";
            case DECIMAL -> "CAST(" + quote(decimal((BigDecimal) value).toPlainString()) + " AS DECIMAL(38,18))";
            case STRING -> quote((String) value);
            case DATETIME -> timestamp((Instant) value);
            case TIMESPAN -> "CAST(" + ticks((Duration) value) + " AS BIGINT)";
            case GUID -> "CAST(" + quote(((UUID) value).toString()) + " AS UUID)";
            case DYNAMIC -> "CAST(" + quote((String) value) + " AS JSON)";
        };
    }

    /** A decimal literal DECIMAL(38,18) holds exactly; DuckDB would round the 19th fraction digit away, or fail. */
    private static BigDecimal decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 18 || stripped.abs().compareTo(BigDecimal.TEN.pow(20)) >= 0) {
            throw KustoException.badRequest("kusto-local holds decimal values as DECIMAL(38,18) (20 digits before the"
                    + " point, 18 after) and cannot hold decimal(" + stripped.toPlainString() + ") exactly");
        }
        return value;
    }

    /** A TIMESTAMP literal; refused when the instant has a 100-ns digit that a TIMESTAMP would drop. */
    private static String timestamp(Instant instant) {
        if (instant.getNano() % 1_000 != 0) {
            throw TickLiterals.notHeld(instant);
        }
        return timestamp(KustoValues.toEpochMicros(instant));
    }

    static String timestamp(long epochMicros) {
        return "make_timestamp(CAST(" + epochMicros + " AS BIGINT))";
    }

    static long ticks(Duration duration) {
        return KustoValues.toTicks(duration);
    }
}
