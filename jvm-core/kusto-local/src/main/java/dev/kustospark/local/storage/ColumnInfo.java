package dev.kustospark.local.storage;

import dev.kustospark.local.engine.Column;
import dev.kustospark.local.types.KustoType;

/**
 * A stored column: its Kusto name, type and the DuckDB column that holds it. Physical names are
 * synthetic ({@code c0}, {@code c1}...) because DuckDB matches identifiers case-insensitively while
 * Kusto does not, and so that no name from a request ever reaches SQL text.
 */
public record ColumnInfo(String name, KustoType type, String physicalName) {
    public Column toColumn() {
        return new Column(name, type);
    }
}
