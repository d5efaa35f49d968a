package dev.kustospark.local.kql;

import dev.kustospark.local.types.KustoType;

/**
 * A translated scalar expression: DuckDB SQL text producing the storage form of a Kusto type.
 * Literals also carry their value ({@code constant} true; {@code value} per the Java value
 * conventions of {@code KustoType}, null for a typed null) so that functions needing a constant
 * argument (a regex, a format, a percentile) can read it.
 */
public record TypedSql(String sql, KustoType type, boolean constant, Object value) {
    public static TypedSql of(String sql, KustoType type) {
        return new TypedSql(sql, type, false, null);
    }

    public static TypedSql literal(String sql, KustoType type, Object value) {
        return new TypedSql(sql, type, true, value);
    }
}
