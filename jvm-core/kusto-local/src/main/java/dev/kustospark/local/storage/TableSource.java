package dev.kustospark.local.storage;

import dev.kustospark.local.engine.Column;
import java.util.List;

/**
 * Something KQL can read rows from: a FROM-able SQL relation ({@code fromSql}, e.g. a quoted table
 * name) whose DuckDB columns {@code physicalColumns} hold the Kusto {@code columns}, position by
 * position. Used for stored tables and for {@code $command_results} of a piped management command.
 */
public record TableSource(String fromSql, List<String> physicalColumns, List<Column> columns) {
    public TableSource {
        physicalColumns = List.copyOf(physicalColumns);
        columns = List.copyOf(columns);
        if (physicalColumns.size() != columns.size()) {
            throw new IllegalArgumentException("physical and Kusto columns differ in number");
        }
    }
}
