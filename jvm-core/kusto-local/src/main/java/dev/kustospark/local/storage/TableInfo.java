package dev.kustospark.local.storage;

import dev.kustospark.local.engine.Column;
import java.util.List;
import java.util.Optional;

/**
 * A table as the catalog knows it. {@code physicalName} is the DuckDB table (synthetic, already safe
 * to place in SQL as {@code "physicalName"}); it also has the hidden column {@link #EXTENT_COLUMN}.
 */
public record TableInfo(long id, String database, String name, String physicalName, List<ColumnInfo> columns,
        String folder, String docString) {
    /** The DuckDB column (UUID) naming the extent a row belongs to. */
    public static final String EXTENT_COLUMN = "_extent";

    public TableInfo {
        columns = List.copyOf(columns);
    }

    public List<Column> kustoColumns() {
        return columns.stream().map(ColumnInfo::toColumn).toList();
    }

    public Optional<ColumnInfo> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** This table as a KQL source: {@code SELECT "c0", "c1"... FROM "t12"}. */
    public TableSource toSource() {
        return new TableSource("\"" + physicalName + "\"",
                columns.stream().map(ColumnInfo::physicalName).toList(), kustoColumns());
    }
}
