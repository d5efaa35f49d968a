package dev.kustospark.local.kql;

import dev.kustospark.local.engine.Column;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.ColumnInfo;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.storage.ExtentWriter;
import dev.kustospark.local.storage.TableInfo;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A catalog of tables created directly in an in-memory DuckDB, for compiler tests. */
final class TestCatalog implements Catalog {
    static final String DB = "TestDb";

    private final Connection connection;
    private final Map<String, TableInfo> tables = new LinkedHashMap<>();

    TestCatalog() {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    Connection connection() {
        return connection;
    }

    /** Creates a table; {@code valuesSql} is a DuckDB VALUES list in column order, or empty. */
    TableInfo create(String name, List<Column> columns, String valuesSql) {
        long id = tables.size() + 1;
        String physical = "t" + id;
        List<ColumnInfo> infos = new ArrayList<>();
        StringBuilder ddl = new StringBuilder("CREATE TABLE \"" + physical + "\" (");
        for (int i = 0; i < columns.size(); i++) {
            infos.add(new ColumnInfo(columns.get(i).name(), columns.get(i).type(), "c" + i));
            ddl.append(i > 0 ? ", " : "").append("\"c").append(i).append("\" ")
                    .append(columns.get(i).type().duckDbType());
        }
        ddl.append(")");
        try (Statement s = connection.createStatement()) {
            s.execute(ddl.toString());
            if (!valuesSql.isEmpty()) {
                s.execute("INSERT INTO \"" + physical + "\" VALUES " + valuesSql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        TableInfo info = new TableInfo(id, DB, name, physical, infos, "", "");
        tables.put(name, info);
        return info;
    }

    @Override
    public Optional<TableInfo> findTable(String database, String table) {
        return DB.equals(database) ? Optional.ofNullable(tables.get(table)) : Optional.empty();
    }

    @Override
    public TableInfo table(String database, String table) {
        return findTable(database, table).orElseThrow();
    }

    @Override
    public List<TableInfo> tables(String database) {
        return List.copyOf(tables.values());
    }

    @Override
    public String resolveDatabase(String requested) {
        return DB;
    }

    @Override
    public Connection connect() {
        return connection;
    }

    @Override
    public List<String> databases() {
        return List.of(DB);
    }

    @Override
    public void createDatabase(String name, boolean ifNotExists) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TableInfo createTable(String database, String table, List<Column> columns, String folder, String doc) {
        throw new UnsupportedOperationException();
    }

    @Override
    public TableInfo createMergeTable(String database, String table, List<Column> columns, String folder,
            String doc) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ExtentWriter openExtent(TableInfo table, List<String> tags, Instant creationTime, Connection c) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ExtentInfo> extents(String database, String table) {
        throw new UnsupportedOperationException();
    }

    @Override
    public boolean hasExtentTag(String database, String table, String tag) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> ingestionMapping(String database, String table, String kind, String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void createIngestionMapping(String database, String table, String kind, String name, String json) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
