package dev.kustospark.local.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A small result held in memory. Row values follow the Java value conventions of
 * {@code KustoType} (Instant for datetime, Duration for timespan, String JSON text for dynamic...);
 * {@code null} is a Kusto null.
 */
public record RowsResult(String name, List<Column> columns, List<List<Object>> rows) implements TabularResult {
    public RowsResult {
        columns = List.copyOf(columns);
        List<List<Object>> copy = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            if (row.size() != columns.size()) {
                throw new IllegalArgumentException("row has " + row.size() + " values for " + columns.size() + " columns");
            }
            copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    public RowsResult withName(String newName) {
        return new RowsResult(newName, columns, rows);
    }
}
