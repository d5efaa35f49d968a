package dev.kustospark.local.storage;

import dev.kustospark.local.engine.Column;
import java.sql.Connection;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Databases, tables, columns, extents and policies of kusto-local, kept in DuckDB. Every name that
 * arrives in a request is compared here, case-sensitively as Kusto does, and never placed into SQL
 * text: data lives in tables and columns with synthetic names.
 *
 * <p>Thread-safe. Methods that change the catalog throw {@code KustoException} with the service's
 * error codes (entity not found, already exists...).
 */
public interface Catalog extends AutoCloseable {
    /**
     * The database a request names, as stored (database names ignore case, unlike all other names),
     * mapping the SDK's {@code NetDefaultDb} to the default one.
     */
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

    // Operations below serve management commands; only DuckDbCatalog implements them.

    /** Drops the table with its data, extents, policies and mappings; entity not found if missing. */
    default void dropTable(String database, String table) {
        throw new UnsupportedOperationException("dropTable");
    }

    /** Renames a table, keeping its data; fails if {@code newName} exists. */
    default TableInfo renameTable(String database, String table, String newName) {
        throw new UnsupportedOperationException("renameTable");
    }

    /**
     * Replaces the schema of a table ({@code .alter table}): columns kept by name keep their data,
     * missing ones are dropped, new ones are added empty; a changed type is an error.
     * {@code folder} / {@code docString} null keep the current value.
     */
    default TableInfo alterTable(String database, String table, List<Column> columns, String folder,
            String docString) {
        throw new UnsupportedOperationException("alterTable");
    }

    /**
     * Changes a column's type ({@code .alter column}); as in Kusto, the values it held before read as
     * null afterwards.
     */
    default TableInfo alterColumnType(String database, String table, String column,
            dev.kustospark.local.types.KustoType type) {
        throw new UnsupportedOperationException("alterColumnType");
    }

    /** Renames a column, keeping its data; fails if the table has a column named {@code newName}. */
    default TableInfo renameColumn(String database, String table, String column, String newName) {
        throw new UnsupportedOperationException("renameColumn");
    }

    /**
     * Inserts the rows of {@code selectSql} (one column per table column, in table column order,
     * DuckDB storage forms) as one new extent, through {@code connection}. No extent is recorded
     * when the query yields no rows; the returned extent then has a row count of 0.
     */
    default ExtentInfo insertExtent(TableInfo table, List<String> tags, Instant creationTime, Connection connection,
            String selectSql, List<Object> parameters) {
        throw new UnsupportedOperationException("insertExtent");
    }

    /**
     * As {@link #insertExtent}, and in the same transaction drops every other extent of the table
     * ({@code .set-or-replace}): readers see either the old data or the new, never both.
     */
    default ExtentInfo replaceWithExtent(TableInfo table, List<String> tags, Instant creationTime,
            Connection connection, String selectSql, List<Object> parameters) {
        throw new UnsupportedOperationException("replaceWithExtent");
    }

    /** Drops the given extents of a table (all when {@code extentIds} is null); returns the dropped ones. */
    default List<ExtentInfo> dropExtents(String database, String table, Collection<UUID> extentIds) {
        throw new UnsupportedOperationException("dropExtents");
    }

    /**
     * Moves extents (all when {@code extentIds} is null) from one table to another, matching columns
     * by name; returns original extent id to new extent id, in order.
     */
    default Map<UUID, UUID> moveExtents(String database, String fromTable, String toTable,
            Collection<UUID> extentIds) {
        throw new UnsupportedOperationException("moveExtents");
    }

    /**
     * Removes tags from extents (all tags of each when {@code tags} is null). As the service does, an
     * extent whose tags change is replaced by one with a new id; returns original id to the new extent.
     */
    default Map<UUID, ExtentInfo> dropExtentTags(String database, String table, Collection<UUID> extentIds,
            Collection<String> tags) {
        throw new UnsupportedOperationException("dropExtentTags");
    }

    /** A table policy's JSON ({@code kind}: auto_delete, streamingingestion... case-insensitive). */
    default Optional<String> tablePolicy(String database, String table, String kind) {
        throw new UnsupportedOperationException("tablePolicy");
    }

    /** Sets (or with null JSON removes) a table policy. */
    default void setTablePolicy(String database, String table, String kind, String policyJson) {
        throw new UnsupportedOperationException("setTablePolicy");
    }

    /** Marks a table hidden ({@code with (hidden=true)}): {@code .show tables} then lists it only on request. */
    default void setTableHidden(String database, String table, boolean hidden) {
        throw new UnsupportedOperationException("setTableHidden");
    }

    default boolean isTableHidden(String database, String table) {
        return false;
    }

    /** A database policy's JSON ({@code kind}: ingestionbatching, retention... case-insensitive). */
    default Optional<String> databasePolicy(String database, String kind) {
        throw new UnsupportedOperationException("databasePolicy");
    }

    /** Sets (or with null JSON removes) a database policy. */
    default void setDatabasePolicy(String database, String kind, String policyJson) {
        throw new UnsupportedOperationException("setDatabasePolicy");
    }

    /** The ingestion mappings of a table, in creation order. */
    default List<IngestionMappingInfo> ingestionMappings(String database, String table) {
        throw new UnsupportedOperationException("ingestionMappings");
    }

    /** Removes a named ingestion mapping; entity not found if it does not exist. */
    default void dropIngestionMapping(String database, String table, String kind, String name) {
        throw new UnsupportedOperationException("dropIngestionMapping");
    }

    @Override
    void close();
}
