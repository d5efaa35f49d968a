package dev.kustospark.local.storage;

import dev.kustospark.local.engine.Column;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Databases, tables, columns, extents and policies of kusto-local, kept in DuckDB. Every name that
 * arrives in a request is compared here, case-sensitively as Kusto does, and never placed into SQL
 * text: data lives in tables and columns with synthetic names.
 *
 * <p>Thread-safe. Methods that change the catalog throw {@code KustoException} with the service's
 * error codes (entity not found, already exists...).
 */
public interface Catalog extends AutoCloseable {
    /** The database a request names, mapping the SDK's {@code NetDefaultDb} to the default one. */
    String resolveDatabase(String requested);

    /** A new DuckDB connection to the store; the caller closes it. */
    Connection connect();

    List<String> databases();

    void createDatabase(String name, boolean ifNotExists);

    Optional<TableInfo> findTable(String database, String table);

    /** The table, or {@code KustoException} (entity not found) naming it. */
    TableInfo table(String database, String table);

    List<TableInfo> tables(String database);

    TableInfo createTable(String database, String table, List<Column> columns, String folder, String docString);

    /** Creates the table, or adds the missing columns; a column of another type is an error. */
    TableInfo createMergeTable(String database, String table, List<Column> columns, String folder, String docString);

    /**
     * Starts a new extent of {@code table} with the given tags and creation time
     * ({@code null}: now). Writes through {@code connection} when given, so that a command can hold
     * its own transaction; otherwise through a connection of the writer's own.
     */
    ExtentWriter openExtent(TableInfo table, List<String> tags, Instant creationTime, Connection connection);

    List<ExtentInfo> extents(String database, String table);

    /** True if an extent of the table carries this exact tag (e.g. {@code ingest-by:x}). */
    boolean hasExtentTag(String database, String table, String tag);

    /**
     * A named ingestion mapping of a table ({@code kind}: csv, json, parquet... case-insensitive).
     *
     * @return the mapping's JSON text, or empty when there is none of that name and kind
     */
    Optional<String> ingestionMapping(String database, String table, String kind, String name);

    /** Creates or replaces a named ingestion mapping (JSON array text). */
    void createIngestionMapping(String database, String table, String kind, String name, String mappingJson);

    @Override
    void close();
}
