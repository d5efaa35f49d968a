package dev.kustospark.local.kql;

import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
            case DECIMAL -> "CAST(" + quote(((BigDecimal) value).toPlainString()) + " AS DECIMAL(38,18))";
            case STRING -> quote((String) value);
            case DATETIME -> "make_timestamp(CAST(" + micros((Instant) value) + " AS BIGINT))";
            case TIMESPAN -> "CAST(" + ticks((Duration) value) + " AS BIGINT)";
            case GUID -> "CAST(" + quote(((UUID) value).toString()) + " AS UUID)";
            case DYNAMIC -> "CAST(" + quote((String) value) + " AS JSON)";
        };
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static long ticks(Duration duration) {
        return KustoValues.toTicks(duration);
    }
}
