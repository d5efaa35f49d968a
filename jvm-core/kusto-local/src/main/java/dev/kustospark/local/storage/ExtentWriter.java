package dev.kustospark.local.storage;

/**
 * Writes the rows of one new extent into a table, all or nothing: nothing is visible to queries
 * until {@link #commit()} returns, and {@link #close()} without commit discards everything.
 */
public interface ExtentWriter extends AutoCloseable {
    /**
     * Appends one row: one value per table column, in table column order, as the Java value
     * conventions of {@code KustoType} say ({@code null} for a Kusto null).
     */
    void appendRow(Object[] values);

    /** Rows appended so far. */
    long rowCount();

    /** Makes the extent and its rows visible; returns the extent as recorded. */
    ExtentInfo commit();

    /** Discards the extent unless it was committed. */
    @Override
    void close();
}
