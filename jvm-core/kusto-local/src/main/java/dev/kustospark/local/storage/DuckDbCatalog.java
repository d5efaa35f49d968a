package dev.kustospark.local.storage;

import dev.kustospark.local.engine.Column;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The catalog and data of kusto-local in one DuckDB database, on disk or in memory. */
public final class DuckDbCatalog implements Catalog {
    /**
     * Opens (creating if needed) the store in {@code dataDir}, or an in-memory one when null.
     */
    public static DuckDbCatalog open(Path dataDir) {
        throw new UnsupportedOperationException("storage not yet wired");
    }

    @Override public String resolveDatabase(String requested) { throw new UnsupportedOperationException(); }
    @Override public Connection connect() { throw new UnsupportedOperationException(); }
    @Override public List<String> databases() { throw new UnsupportedOperationException(); }
    @Override public void createDatabase(String name, boolean ifNotExists) { throw new UnsupportedOperationException(); }
    @Override public Optional<TableInfo> findTable(String database, String table) { throw new UnsupportedOperationException(); }
    @Override public TableInfo table(String database, String table) { throw new UnsupportedOperationException(); }
    @Override public List<TableInfo> tables(String database) { throw new UnsupportedOperationException(); }
    @Override public TableInfo createTable(String database, String table, List<Column> columns, String folder, String docString) { throw new UnsupportedOperationException(); }
    @Override public TableInfo createMergeTable(String database, String table, List<Column> columns, String folder, String docString) { throw new UnsupportedOperationException(); }
    @Override public ExtentWriter openExtent(TableInfo table, List<String> tags, Instant creationTime, Connection connection) { throw new UnsupportedOperationException(); }
    @Override public List<ExtentInfo> extents(String database, String table) { throw new UnsupportedOperationException(); }
    @Override public boolean hasExtentTag(String database, String table, String tag) { throw new UnsupportedOperationException(); }
    @Override public Optional<String> ingestionMapping(String database, String table, String kind, String name) { throw new UnsupportedOperationException(); }
    @Override public void createIngestionMapping(String database, String table, String kind, String name, String mappingJson) { throw new UnsupportedOperationException(); }
    @Override public void close() {}
}
