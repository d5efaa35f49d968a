package dev.kustospark.local.engine;

import java.util.List;

/**
 * A result that DuckDB computes. {@code sql} selects exactly {@code columns.size()} columns in order,
 * each holding the DuckDB storage form of its Kusto type (see {@code KustoType}); the column names
 * in the SQL are not significant. {@code parameters} bind to the {@code ?} placeholders in order.
 */
public record SqlResult(String name, List<Column> columns, String sql, List<Object> parameters)
        implements TabularResult {
    public SqlResult {
        columns = List.copyOf(columns);
        parameters = List.copyOf(parameters);
    }

    public SqlResult withName(String newName) {
        return new SqlResult(newName, columns, sql, parameters);
    }
}
