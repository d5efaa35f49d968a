package dev.kustospark.local.kql;

import static dev.kustospark.local.types.KustoType.BOOL;
import static dev.kustospark.local.types.KustoType.DATETIME;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.Ast.Expr;
import dev.kustospark.local.types.KustoValues;
import java.time.Instant;

/**
 * Datetime literals with a 100-nanosecond digit, which DuckDB's microsecond {@code TIMESTAMP}
 * cannot hold. {@link SqlLiterals} refuses them. One use stays exact all the same: a comparison with
 * a datetime expression, whose values are always whole microseconds. There the literal is rounded to
 * the microsecond on the side that keeps the answer: {@code x < L} holds exactly when
 * {@code x < ceil(L)}, {@code x <= L} when {@code x <= floor(L)}, and {@code x == L} never holds. So
 * the sentinel {@code datetime(9999-12-31 23:59:59.9999999)} (.NET's {@code DateTime.MaxValue})
 * filters as the service filters it.
 */
final class TickLiterals {
    private TickLiterals() {}

    /** The value of {@code e} when it is a datetime literal finer than a microsecond, else null. */
    static Instant finerThanMicros(Expr e) {
        while (e instanceof Ast.Paren p) {
            e = p.inner();
        }
        if (e instanceof Ast.Literal lit && lit.type() == DATETIME && lit.value() instanceof Instant instant
                && instant.getNano() % 1_000 != 0) {
            return instant;
        }
        return null;
    }

    /** The refusal for a literal used where rounding would change the answer. */
    static KustoException notHeld(Instant literal) {
        return KustoException.badRequest("kusto-local holds datetime values in whole microseconds and cannot hold"
                + " datetime(" + KustoValues.formatDateTime(literal) + ") exactly; only a comparison of a datetime"
                + " with it is answered exactly: round the literal to a microsecond elsewhere");
    }

    /** {@code value op literal} for a datetime {@code value}; {@code op} is a KQL comparison. */
    static TypedSql compare(String op, TypedSql value, Instant literal) {
        long floor = KustoValues.toEpochMicros(literal);
        String sql = switch (op) {
            case "<" -> value.sql() + " < " + SqlLiterals.timestamp(floor + 1);
            case ">=" -> value.sql() + " >= " + SqlLiterals.timestamp(floor + 1);
            case "<=", ">" -> value.sql() + " " + op + " " + SqlLiterals.timestamp(floor);
            // Kusto's equality with a value is never null: false for ==, true for !=
            case "==" -> "FALSE";
            case "!=" -> "TRUE";
            default -> throw new IllegalArgumentException(op);
        };
        return TypedSql.of("(" + sql + ")", BOOL);
    }

    /** The least whole microsecond at or after {@code literal} ({@code up}), or the greatest at or before it. */
    static TypedSql rounded(Instant literal, boolean up) {
        long floor = KustoValues.toEpochMicros(literal);
        return TypedSql.of(SqlLiterals.timestamp(up ? floor + 1 : floor), DATETIME);
    }

    /** The comparison that holds for {@code r op l} exactly when {@code l op r} holds. */
    static String mirrored(String op) {
        return switch (op) {
            case "<" -> ">";
            case "<=" -> ">=";
            case ">" -> "<";
            case ">=" -> "<=";
            default -> op;
        };
    }
}
