package dev.kustospark.local.engine;

import java.util.List;

/**
 * One table of a response. Either computed by DuckDB ({@link SqlResult}, streamed row by row) or
 * already in memory ({@link RowsResult}, for management commands).
 */
public sealed interface TabularResult permits SqlResult, RowsResult {
    /** Table name as the response shows it ({@code PrimaryResult}, {@code Table_0}...). */
    String name();

    List<Column> columns();
}
