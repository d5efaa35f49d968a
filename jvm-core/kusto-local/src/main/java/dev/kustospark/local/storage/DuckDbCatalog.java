package dev.kustospark.local.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.duckdb.DuckDBConnection;

/**
 * The catalog and data of kusto-local in one DuckDB database, on disk or in memory.
 *
 * <p>Metadata lives in tables of the schema {@code kl_meta} and is cached in memory; every change
 * is written in one DuckDB transaction on the catalog's own connection, and the cache is updated
 * only after that transaction committed. Extents are not cached: they change inside other
 * connections' transactions (ingestion, {@code .append}) and are read from DuckDB when asked for.
 */
public final class DuckDbCatalog implements Catalog {
    static final String FILE_NAME = "kusto.duckdb";
    private static final String DEFAULT_DB_ALIAS = "NetDefaultDb";
    private static final String AUTO_DELETE = "auto_delete";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DuckDBConnection root;
    /** Serialises metadata statements and changes; DuckDB connections are not for concurrent use. */
    private final DuckDBConnection meta;
    private final boolean persistent;

    // Guarded by this.
    private final List<String> databases = new ArrayList<>();
    private final Map<String, LinkedHashMap<String, TableInfo>> tablesByDatabase = new HashMap<>();
    private final Map<Long, Integer> nextColumnByTable = new HashMap<>();
    private final Map<Long, AutoDelete> autoDeleteByTable = new HashMap<>();
    private final Set<Long> hiddenTables = new java.util.HashSet<>();
    private boolean closed;

    private record AutoDelete(Instant expiry, boolean deleteIfNotEmpty) {}

    private DuckDbCatalog(DuckDBConnection root, boolean persistent) throws SQLException {
        this.root = root;
        this.persistent = persistent;
        this.meta = root.duplicate();
        createMetadataTables();
        loadCache();
    }

    /**
     * Opens (creating if needed) the store in {@code dataDir}, or an in-memory one when null.
     */
    public static DuckDbCatalog open(Path dataDir) {
        String url = "jdbc:duckdb:";
        if (dataDir != null) {
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw KustoException.internal("cannot create data directory " + dataDir, e);
            }
            url += dataDir.resolve(FILE_NAME).toAbsolutePath();
        }
        DuckDBConnection root = null;
        try {
            // Streamed results: without this DuckDB computes a whole result before the first row is
            // fetched, so a 10-million-row query would sit in memory. Duplicated connections inherit it.
            java.util.Properties settings = new java.util.Properties();
            settings.setProperty("jdbc_stream_results", "true");
            // DuckDB 1.4 plans a LIMIT above 50 rows over a table scan (every 'T | take N') as "late
            // materialization": a semi join on rowid and a sort by rowid that buffers the whole result
            // before the first row streams out. Scanning the columns directly is as cheap and streams.
            settings.setProperty("disabled_optimizers", "late_materialization");
            root = (DuckDBConnection) DriverManager.getConnection(url, settings);
            return new DuckDbCatalog(root, dataDir != null);
        } catch (SQLException e) {
            closeQuietly(root);
            throw KustoException.internal("cannot open the store at " + (dataDir == null ? "memory" : dataDir), e);
        }
    }

    private void createMetadataTables() throws SQLException {
        try (Statement st = meta.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS kl_meta");
            st.execute("CREATE SEQUENCE IF NOT EXISTS kl_meta.table_ids START 1");
            st.execute("CREATE SEQUENCE IF NOT EXISTS kl_meta.extent_seq START 1");
            st.execute("CREATE TABLE IF NOT EXISTS kl_meta.databases (name VARCHAR NOT NULL, ordinal BIGINT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS kl_meta.tables (id BIGINT NOT NULL, database VARCHAR NOT NULL,"
                    + " name VARCHAR NOT NULL, folder VARCHAR, docstring VARCHAR, next_column INTEGER NOT NULL)");
            st.execute("ALTER TABLE kl_meta.tables ADD COLUMN IF NOT EXISTS hidden BOOLEAN DEFAULT false");
            st.execute("CREATE TABLE IF NOT EXISTS kl_meta.columns (table_id BIGINT NOT NULL, ordinal INTEGER NOT NULL,"
                    + " name VARCHAR NOT NULL, type VARCHAR NOT NULL, physical VARCHAR NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS kl_meta.extents (id UUID NOT NULL, table_id BIGINT NOT NULL,"
                    + " seq BIGINT NOT NULL, created_on TIMESTAMP NOT NULL, row_count BIGINT NOT NULL,"
                    + " original_size BIGINT NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS kl_meta.extent_tags (extent_id UUID NOT NULL,"
                    + " ordinal INTEGER NOT NULL, tag VARCHAR NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS kl_meta.policies (table_id BIGINT NOT NULL, kind VARCHAR NOT NULL,"
                    + " policy VARCHAR NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS kl_meta.database_policies (database VARCHAR NOT NULL,"
                    + " kind VARCHAR NOT NULL, policy VARCHAR NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS kl_meta.mappings (table_id BIGINT NOT NULL, seq BIGINT NOT NULL,"
                    + " kind VARCHAR NOT NULL, name VARCHAR NOT NULL, mapping VARCHAR NOT NULL)");
        }
    }

    private synchronized void loadCache() throws SQLException {
        try (Statement st = meta.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT name FROM kl_meta.databases ORDER BY ordinal")) {
                while (rs.next()) {
                    databases.add(rs.getString(1));
                    tablesByDatabase.put(rs.getString(1), new LinkedHashMap<>());
                }
            }
            Map<Long, List<ColumnInfo>> columns = new HashMap<>();
            try (ResultSet rs = st.executeQuery("SELECT table_id, name, type, physical FROM kl_meta.columns"
                    + " ORDER BY table_id, ordinal")) {
                while (rs.next()) {
                    columns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new ColumnInfo(rs.getString(2), KustoType.fromName(rs.getString(3)), rs.getString(4)));
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT id, database, name, folder, docstring, next_column, hidden"
                    + " FROM kl_meta.tables ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    TableInfo t = new TableInfo(id, rs.getString(2), rs.getString(3), physicalTableName(id),
                            columns.getOrDefault(id, List.of()), rs.getString(4), rs.getString(5));
                    tablesByDatabase.get(t.database()).put(t.name(), t);
                    nextColumnByTable.put(id, rs.getInt(6));
                    if (rs.getBoolean(7)) {
                        hiddenTables.add(id);
                    }
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT table_id, policy FROM kl_meta.policies WHERE kind = '"
                    + AUTO_DELETE + "'")) {
                while (rs.next()) {
                    autoDeleteByTable.put(rs.getLong(1), parseAutoDelete(rs.getString(2)));
                }
            }
        }
    }

    static String physicalTableName(long id) {
        return "t" + id;
    }

    // ---------------------------------------------------------------- databases

    @Override
    public synchronized String resolveDatabase(String requested) {
        if (requested == null || requested.isEmpty() || requested.equalsIgnoreCase(DEFAULT_DB_ALIAS)) {
            if (databases.isEmpty()) {
                throw KustoException.entityNotFound("Database", requested == null ? DEFAULT_DB_ALIAS : requested);
            }
            return databases.get(0);
        }
        return canonicalDatabase(requested);
    }

    /** The stored spelling of a database name: database names, unlike others, ignore case. */
    private String canonicalDatabase(String name) {
        if (name != null) {
            if (tablesByDatabase.containsKey(name)) {
                return name;
            }
            for (String db : databases) {
                if (db.equalsIgnoreCase(name)) {
                    return db;
                }
            }
        }
        throw KustoException.entityNotFound("Database", name);
    }

    @Override
    public Connection connect() {
        try {
            return root.duplicate();
        } catch (SQLException e) {
            throw KustoException.internal("cannot connect to the store", e);
        }
    }

    @Override
    public synchronized List<String> databases() {
        return List.copyOf(databases);
    }

    @Override
    public synchronized void createDatabase(String name, boolean ifNotExists) {
        requireEntityName("Database", name);
        if (databases.stream().anyMatch(db -> db.equalsIgnoreCase(name))) {
            if (ifNotExists) {
                return;
            }
            throw KustoException.entityExists("Database", name);
        }
        inTransaction(c -> {
            update(c, "INSERT INTO kl_meta.databases VALUES (?, ?)", name, (long) databases.size());
            return null;
        });
        databases.add(name);
        tablesByDatabase.put(name, new LinkedHashMap<>());
    }

    // ---------------------------------------------------------------- tables

    @Override
    public synchronized Optional<TableInfo> findTable(String database, String table) {
        Map<String, TableInfo> tables = tablesOf(database);
        TableInfo t = tables.get(table);
        if (t != null && expireIfDue(t)) {
            return Optional.empty();
        }
        return Optional.ofNullable(t);
    }

    @Override
    public synchronized TableInfo table(String database, String table) {
        return findTable(database, table).orElseThrow(() -> KustoException.entityNotFound("Table", table));
    }

    @Override
    public synchronized List<TableInfo> tables(String database) {
        Map<String, TableInfo> tables = tablesOf(database);
        for (TableInfo t : List.copyOf(tables.values())) {
            expireIfDue(t);
        }
        return List.copyOf(tables.values());
    }

    private Map<String, TableInfo> tablesOf(String database) {
        return tablesByDatabase.get(canonicalDatabase(database));
    }

    @Override
    public synchronized TableInfo createTable(String databaseName, String table, List<Column> columns, String folder,
            String docString) {
        Optional<TableInfo> existing = findTable(databaseName, table);
        if (existing.isPresent()) {
            // The service answers success and leaves an existing table unchanged, whatever the schema.
            return existing.get();
        }
        requireEntityName("Table", table);
        requireColumns(columns);
        String database = canonicalDatabase(databaseName);
        TableInfo created = inTransaction(c -> {
            long id;
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT nextval('kl_meta.table_ids')")) {
                rs.next();
                id = rs.getLong(1);
            }
            List<ColumnInfo> infos = new ArrayList<>();
            StringBuilder ddl = new StringBuilder("CREATE TABLE \"").append(physicalTableName(id))
                    .append("\" (\"").append(TableInfo.EXTENT_COLUMN).append("\" UUID");
            for (int i = 0; i < columns.size(); i++) {
                Column col = columns.get(i);
                ColumnInfo info = new ColumnInfo(col.name(), col.type(), "c" + i);
                infos.add(info);
                ddl.append(", \"").append(info.physicalName()).append("\" ").append(col.type().duckDbType());
            }
            ddl.append(')');
            try (Statement st = c.createStatement()) {
                st.execute(ddl.toString());
            }
            update(c, "INSERT INTO kl_meta.tables (id, database, name, folder, docstring, next_column)"
                    + " VALUES (?, ?, ?, ?, ?, ?)", id, database, table, folder, docString, columns.size());
            insertColumns(c, id, infos);
            return new TableInfo(id, database, table, physicalTableName(id), infos, folder, docString);
        });
        tablesByDatabase.get(database).put(table, created);
        nextColumnByTable.put(created.id(), columns.size());
        return created;
    }

    @Override
    public synchronized TableInfo createMergeTable(String database, String table, List<Column> columns, String folder,
            String docString) {
        Optional<TableInfo> existing = findTable(database, table);
        if (existing.isEmpty()) {
            return createTable(database, table, columns, folder, docString);
        }
        TableInfo t = existing.get();
        requireColumns(columns);
        List<Column> merged = new ArrayList<>(t.kustoColumns());
        for (Column col : columns) {
            Optional<ColumnInfo> have = t.column(col.name());
            if (have.isEmpty()) {
                merged.add(col);
            } else if (have.get().type() != col.type()) {
                throw KustoException.badRequest("Column '" + col.name() + "' of table '" + table + "' is of type '"
                        + have.get().type() + "' and cannot be changed to '" + col.type() + "'.");
            }
        }
        return replaceSchema(t, merged, folder == null ? t.folder() : folder,
                docString == null ? t.docString() : docString);
    }

    @Override
    public synchronized TableInfo alterTable(String database, String table, List<Column> columns, String folder,
            String docString) {
        TableInfo t = table(database, table);
        requireColumns(columns);
        for (Column col : columns) {
            Optional<ColumnInfo> have = t.column(col.name());
            if (have.isPresent() && have.get().type() != col.type()) {
                throw KustoException.badRequest("Column '" + col.name() + "' of table '" + table + "' is of type '"
                        + have.get().type() + "' and cannot be changed to '" + col.type() + "'.");
            }
        }
        return replaceSchema(t, columns, folder == null ? t.folder() : folder,
                docString == null ? t.docString() : docString);
    }

    /** New column list by name: kept columns keep their physical column, new ones get fresh numbers. */
    private TableInfo replaceSchema(TableInfo t, List<Column> columns, String folder, String docString) {
        int next = nextColumnByTable.get(t.id());
        List<ColumnInfo> infos = new ArrayList<>();
        List<ColumnInfo> added = new ArrayList<>();
        for (Column col : columns) {
            Optional<ColumnInfo> have = t.column(col.name());
            if (have.isPresent()) {
                infos.add(have.get());
            } else {
                ColumnInfo info = new ColumnInfo(col.name(), col.type(), "c" + next++);
                infos.add(info);
                added.add(info);
            }
        }
        List<ColumnInfo> dropped = t.columns().stream().filter(c -> !infos.contains(c)).toList();
        int nextColumn = next;
        TableInfo altered = new TableInfo(t.id(), t.database(), t.name(), t.physicalName(), infos, folder, docString);
        inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                for (ColumnInfo info : added) {
                    st.execute("ALTER TABLE \"" + t.physicalName() + "\" ADD COLUMN \"" + info.physicalName() + "\" "
                            + info.type().duckDbType());
                }
                for (ColumnInfo info : dropped) {
                    st.execute("ALTER TABLE \"" + t.physicalName() + "\" DROP COLUMN \"" + info.physicalName() + "\"");
                }
            }
            update(c, "UPDATE kl_meta.tables SET folder = ?, docstring = ?, next_column = ? WHERE id = ?", folder,
                    docString, nextColumn, t.id());
            update(c, "DELETE FROM kl_meta.columns WHERE table_id = ?", t.id());
            insertColumns(c, t.id(), infos);
            return null;
        });
        tablesByDatabase.get(t.database()).put(t.name(), altered);
        nextColumnByTable.put(t.id(), nextColumn);
        return altered;
    }

    private static void insertColumns(Connection c, long tableId, List<ColumnInfo> infos) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO kl_meta.columns VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < infos.size(); i++) {
                ColumnInfo info = infos.get(i);
                ps.setLong(1, tableId);
                ps.setInt(2, i);
                ps.setString(3, info.name());
                ps.setString(4, info.type().kqlName());
                ps.setString(5, info.physicalName());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public synchronized void dropTable(String database, String table) {
        dropTable(table(database, table));
    }

    private void dropTable(TableInfo t) {
        inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("DROP TABLE IF EXISTS \"" + t.physicalName() + "\"");
            }
            update(c, "DELETE FROM kl_meta.extent_tags WHERE extent_id IN"
                    + " (SELECT id FROM kl_meta.extents WHERE table_id = ?)", t.id());
            for (String metaTable : List.of("extents", "policies", "mappings", "columns")) {
                update(c, "DELETE FROM kl_meta." + metaTable + " WHERE table_id = ?", t.id());
            }
            update(c, "DELETE FROM kl_meta.tables WHERE id = ?", t.id());
            return null;
        });
        tablesByDatabase.get(t.database()).remove(t.name());
        nextColumnByTable.remove(t.id());
        autoDeleteByTable.remove(t.id());
        hiddenTables.remove(t.id());
    }

    @Override
    public synchronized TableInfo renameTable(String database, String table, String newName) {
        TableInfo t = table(database, table);
        requireEntityName("Table", newName);
        if (table.equals(newName)) {
            return t;
        }
        if (findTable(database, newName).isPresent()) {
            throw KustoException.entityExists("Table", newName);
        }
        inTransaction(c -> update(c, "UPDATE kl_meta.tables SET name = ? WHERE id = ?", newName, t.id()));
        TableInfo renamed = new TableInfo(t.id(), t.database(), newName, t.physicalName(), t.columns(), t.folder(),
                t.docString());
        // Rebuilt so that the renamed table keeps its place, as it does when read back from disk.
        LinkedHashMap<String, TableInfo> reordered = new LinkedHashMap<>();
        for (TableInfo each : tablesByDatabase.get(t.database()).values()) {
            reordered.put(each.id() == t.id() ? newName : each.name(), each.id() == t.id() ? renamed : each);
        }
        tablesByDatabase.put(t.database(), reordered);
        return renamed;
    }

    @Override
    public synchronized void setTableHidden(String database, String table, boolean hidden) {
        TableInfo t = table(database, table);
        inTransaction(c -> update(c, "UPDATE kl_meta.tables SET hidden = ? WHERE id = ?", hidden, t.id()));
        if (hidden) {
            hiddenTables.add(t.id());
        } else {
            hiddenTables.remove(t.id());
        }
    }

    @Override
    public synchronized boolean isTableHidden(String database, String table) {
        return findTable(database, table).map(t -> hiddenTables.contains(t.id())).orElse(false);
    }

    @Override
    public synchronized TableInfo alterColumnType(String database, String table, String column, KustoType type) {
        TableInfo t = table(database, table);
        ColumnInfo old = t.column(column).orElseThrow(() -> KustoException.entityNotFound("Column", column));
        if (old.type() == type) {
            return t;
        }
        // A fresh physical column: the old values are gone, as the service documents.
        int next = nextColumnByTable.get(t.id());
        ColumnInfo replacement = new ColumnInfo(old.name(), type, "c" + next);
        List<ColumnInfo> infos = t.columns().stream().map(c -> c.equals(old) ? replacement : c).toList();
        inTransaction(c -> {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE \"" + t.physicalName() + "\" ADD COLUMN \"" + replacement.physicalName()
                        + "\" " + type.duckDbType());
                st.execute("ALTER TABLE \"" + t.physicalName() + "\" DROP COLUMN \"" + old.physicalName() + "\"");
            }
            update(c, "UPDATE kl_meta.tables SET next_column = ? WHERE id = ?", next + 1, t.id());
            update(c, "DELETE FROM kl_meta.columns WHERE table_id = ?", t.id());
            insertColumns(c, t.id(), infos);
            return null;
        });
        TableInfo altered = new TableInfo(t.id(), t.database(), t.name(), t.physicalName(), infos, t.folder(),
                t.docString());
        tablesByDatabase.get(t.database()).put(t.name(), altered);
        nextColumnByTable.put(t.id(), next + 1);
        return altered;
    }

    @Override
    public synchronized TableInfo renameColumn(String database, String table, String column, String newName) {
        TableInfo t = table(database, table);
        ColumnInfo old = t.column(column).orElseThrow(() -> KustoException.entityNotFound("Column", column));
        requireEntityName("Column", newName);
        if (t.column(newName).isPresent()) {
            throw KustoException.entityExists("Column", newName);
        }
        List<ColumnInfo> renamed = t.columns().stream()
                .map(c -> c.equals(old) ? new ColumnInfo(newName, c.type(), c.physicalName()) : c).toList();
        inTransaction(c -> update(c, "UPDATE kl_meta.columns SET name = ? WHERE table_id = ? AND physical = ?",
                newName, t.id(), old.physicalName()));
        TableInfo result = new TableInfo(t.id(), t.database(), t.name(), t.physicalName(), renamed, t.folder(),
                t.docString());
        tablesByDatabase.get(t.database()).put(t.name(), result);
        return result;
    }

    /** Drops a table whose auto-delete policy has expired; true if it was dropped. */
    private boolean expireIfDue(TableInfo t) {
        AutoDelete policy = autoDeleteByTable.get(t.id());
        if (policy == null || policy.expiry().isAfter(Instant.now())) {
            return false;
        }
        if (!policy.deleteIfNotEmpty() && rowCount(t) > 0) {
            return false;
        }
        dropTable(t);
        return true;
    }

    private long rowCount(TableInfo t) {
        try (Statement st = meta.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + t.physicalName() + "\"")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw KustoException.internal("cannot count rows of table '" + t.name() + "'", e);
        }
    }

    // ---------------------------------------------------------------- extents

    @Override
    public ExtentWriter openExtent(TableInfo table, List<String> tags, Instant creationTime, Connection connection) {
        try {
            return new DuckDbExtentWriter(table, tags == null ? List.of() : tags,
                    creationTime == null ? Instant.now() : creationTime,
                    connection == null ? root.duplicate() : connection, connection == null);
        } catch (SQLException e) {
            throw KustoException.internal("cannot start an extent of table '" + table.name() + "'", e);
        }
    }

    @Override
    public ExtentInfo insertExtent(TableInfo table, List<String> tags, Instant creationTime, Connection connection,
            String selectSql, List<Object> parameters) {
        return insertExtent(table, tags, creationTime, connection, selectSql, parameters, false);
    }

    @Override
    public ExtentInfo replaceWithExtent(TableInfo table, List<String> tags, Instant creationTime,
            Connection connection, String selectSql, List<Object> parameters) {
        return insertExtent(table, tags, creationTime, connection, selectSql, parameters, true);
    }

    private ExtentInfo insertExtent(TableInfo table, List<String> tags, Instant creationTime, Connection connection,
            String selectSql, List<Object> parameters, boolean replace) {
        UUID id = UUID.randomUUID();
        Instant createdOn = creationTime == null ? Instant.now() : creationTime;
        StringBuilder sql = new StringBuilder("INSERT INTO \"").append(table.physicalName()).append("\" (\"")
                .append(TableInfo.EXTENT_COLUMN).append('"');
        for (ColumnInfo col : table.columns()) {
            sql.append(", \"").append(col.physicalName()).append('"');
        }
        sql.append(") SELECT ?::UUID, * FROM (").append(selectSql).append(") AS kl_source");
        Connection c = connection == null ? connect() : connection;
        try {
            boolean ownTransaction = c.getAutoCommit();
            if (ownTransaction) {
                c.setAutoCommit(false);
            }
            try {
                long rows;
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    ps.setObject(1, id);
                    for (int i = 0; i < parameters.size(); i++) {
                        bindValue(ps, i + 2, parameters.get(i));
                    }
                    rows = ps.executeLargeUpdate();
                }
                ExtentInfo extent = new ExtentInfo(id, table.database(), table.name(), truncateToMicros(createdOn),
                        rows, ExtentRecords.estimatedSize(table, rows), tags == null ? List.of() : tags);
                if (replace) {
                    update(c, "DELETE FROM \"" + table.physicalName() + "\" WHERE \"" + TableInfo.EXTENT_COLUMN
                            + "\" <> ?", id);
                    update(c, "DELETE FROM kl_meta.extent_tags WHERE extent_id IN"
                            + " (SELECT id FROM kl_meta.extents WHERE table_id = ?)", table.id());
                    update(c, "DELETE FROM kl_meta.extents WHERE table_id = ?", table.id());
                }
                if (rows > 0) {
                    ExtentRecords.recordExtent(c, table.id(), extent);
                }
                if (ownTransaction) {
                    c.commit();
                }
                return extent;
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    c.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw KustoException.badRequest("cannot append to table '" + table.name() + "': " + e.getMessage());
        } finally {
            if (connection == null) {
                closeQuietly(c);
            }
        }
    }

    @Override
    public List<ExtentInfo> extents(String database, String table) {
        TableInfo t = table(database, table);
        return inOwnTransaction(c -> ExtentRecords.queryExtents(c, t, null));
    }

    @Override
    public boolean hasExtentTag(String database, String table, String tag) {
        Optional<TableInfo> t = findTable(database, table);
        if (t.isEmpty()) {
            return false;
        }
        return inOwnTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM kl_meta.extents e JOIN"
                    + " kl_meta.extent_tags g ON g.extent_id = e.id WHERE e.table_id = ? AND g.tag = ? LIMIT 1")) {
                ps.setLong(1, t.get().id());
                ps.setString(2, tag);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    // Extent operations run in their own transaction on their own connection, outside the catalog's
    // lock: they can copy or delete many rows, and lookups of tables must not wait for them.

    @Override
    public List<ExtentInfo> dropExtents(String database, String table, Collection<UUID> extentIds) {
        TableInfo t = table(database, table);
        return inOwnTransaction(c -> {
            List<ExtentInfo> dropped = ExtentRecords.queryExtents(c, t, extentIds == null ? null : Set.copyOf(extentIds));
            for (ExtentInfo e : dropped) {
                ExtentRecords.deleteExtent(c, t, e.id());
            }
            return dropped;
        });
    }

    @Override
    public Map<UUID, UUID> moveExtents(String database, String fromTable, String toTable,
            Collection<UUID> extentIds) {
        TableInfo from = table(database, fromTable);
        TableInfo to = table(database, toTable);
        if (from.id() == to.id()) {
            throw KustoException.badRequest("Cannot move extents of table '" + fromTable + "' to itself.");
        }
        List<String> targetExpressions = new ArrayList<>();
        for (ColumnInfo target : to.columns()) {
            Optional<ColumnInfo> source = from.column(target.name());
            if (source.isPresent() && source.get().type() != target.type()) {
                throw KustoException.badRequest("Cannot move extents from table '" + fromTable + "' to table '"
                        + toTable + "': column '" + target.name() + "' is of type '" + source.get().type()
                        + "' in the source and '" + target.type() + "' in the target.");
            }
            targetExpressions.add(source.map(s -> "\"" + s.physicalName() + "\"").orElse("NULL"));
        }
        for (ColumnInfo source : from.columns()) {
            if (to.column(source.name()).isEmpty()) {
                throw KustoException.badRequest("Cannot move extents from table '" + fromTable + "' to table '"
                        + toTable + "': the target has no column '" + source.name() + "'.");
            }
        }
        StringBuilder insert = new StringBuilder("INSERT INTO \"").append(to.physicalName()).append("\" (\"")
                .append(TableInfo.EXTENT_COLUMN).append('"');
        for (ColumnInfo col : to.columns()) {
            insert.append(", \"").append(col.physicalName()).append('"');
        }
        insert.append(") SELECT ?::UUID");
        for (String e : targetExpressions) {
            insert.append(", ").append(e);
        }
        insert.append(" FROM \"").append(from.physicalName()).append("\" WHERE \"").append(TableInfo.EXTENT_COLUMN)
                .append("\" = ?");
        return inOwnTransaction(c -> {
            Map<UUID, UUID> moved = new LinkedHashMap<>();
            for (ExtentInfo e : ExtentRecords.queryExtents(c, from, extentIds == null ? null : Set.copyOf(extentIds))) {
                UUID newId = UUID.randomUUID();
                update(c, insert.toString(), newId, e.id());
                ExtentRecords.deleteExtent(c, from, e.id());
                ExtentRecords.recordExtent(c, to.id(), new ExtentInfo(newId, to.database(), to.name(), e.createdOn(), e.rowCount(),
                        e.originalSize(), e.tags()));
                moved.put(e.id(), newId);
            }
            return moved;
        });
    }

    @Override
    public Map<UUID, ExtentInfo> dropExtentTags(String database, String table, Collection<UUID> extentIds,
            Collection<String> tags) {
        TableInfo t = table(database, table);
        return inOwnTransaction(c -> {
            Map<UUID, ExtentInfo> changed = new LinkedHashMap<>();
            for (ExtentInfo e : ExtentRecords.queryExtents(c, t, extentIds == null ? null : Set.copyOf(extentIds))) {
                List<String> kept = e.tags().stream().filter(tag -> tags != null && !tags.contains(tag)).toList();
                if (kept.size() != e.tags().size()) {
                    changed.put(e.id(), new ExtentInfo(UUID.randomUUID(), e.database(), e.table(), e.createdOn(),
                            e.rowCount(), e.originalSize(), kept));
                }
            }
            for (Map.Entry<UUID, ExtentInfo> e : changed.entrySet()) {
                UUID newId = e.getValue().id();
                update(c, "UPDATE \"" + t.physicalName() + "\" SET \"" + TableInfo.EXTENT_COLUMN + "\" = ? WHERE \""
                        + TableInfo.EXTENT_COLUMN + "\" = ?", newId, e.getKey());
                update(c, "DELETE FROM kl_meta.extent_tags WHERE extent_id = ?", e.getKey());
                update(c, "UPDATE kl_meta.extents SET id = ? WHERE id = ?", newId, e.getKey());
                ExtentRecords.insertTags(c, newId, e.getValue().tags(), 0);
            }
            return changed;
        });
    }

    // ---------------------------------------------------------------- policies and mappings

    @Override
    public synchronized Optional<String> tablePolicy(String database, String table, String kind) {
        TableInfo t = table(database, table);
        try (PreparedStatement ps = meta.prepareStatement(
                "SELECT policy FROM kl_meta.policies WHERE table_id = ? AND kind = ?")) {
            ps.setLong(1, t.id());
            ps.setString(2, kind.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw KustoException.internal("cannot read policies of table '" + table + "'", e);
        }
    }

    @Override
    public synchronized void setTablePolicy(String database, String table, String kind, String policyJson) {
        TableInfo t = table(database, table);
        String normalizedKind = kind.toLowerCase(Locale.ROOT);
        AutoDelete autoDelete = AUTO_DELETE.equals(normalizedKind) && policyJson != null
                ? parseAutoDelete(policyJson) : null;
        inTransaction(c -> {
            update(c, "DELETE FROM kl_meta.policies WHERE table_id = ? AND kind = ?", t.id(), normalizedKind);
            if (policyJson != null) {
                update(c, "INSERT INTO kl_meta.policies VALUES (?, ?, ?)", t.id(), normalizedKind, policyJson);
            }
            return null;
        });
        if (AUTO_DELETE.equals(normalizedKind)) {
            if (autoDelete == null) {
                autoDeleteByTable.remove(t.id());
            } else {
                autoDeleteByTable.put(t.id(), autoDelete);
            }
        }
    }

    @Override
    public synchronized Optional<String> databasePolicy(String databaseName, String kind) {
        String database = canonicalDatabase(databaseName);
        try (PreparedStatement ps = meta.prepareStatement(
                "SELECT policy FROM kl_meta.database_policies WHERE database = ? AND kind = ?")) {
            ps.setString(1, database);
            ps.setString(2, kind.toLowerCase(Locale.ROOT));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw KustoException.internal("cannot read policies of database '" + database + "'", e);
        }
    }

    @Override
    public synchronized void setDatabasePolicy(String databaseName, String kind, String policyJson) {
        String database = canonicalDatabase(databaseName);
        String normalizedKind = kind.toLowerCase(Locale.ROOT);
        inTransaction(c -> {
            update(c, "DELETE FROM kl_meta.database_policies WHERE database = ? AND kind = ?", database,
                    normalizedKind);
            if (policyJson != null) {
                update(c, "INSERT INTO kl_meta.database_policies VALUES (?, ?, ?)", database, normalizedKind,
                        policyJson);
            }
            return null;
        });
    }

    private static AutoDelete parseAutoDelete(String policyJson) {
        try {
            JsonNode node = JSON.readTree(policyJson);
            JsonNode expiry = node == null ? null : node.get("ExpiryDate");
            if (expiry == null || !expiry.isTextual()) {
                throw KustoException.badRequest("auto_delete policy needs an 'ExpiryDate': " + policyJson);
            }
            JsonNode ifNotEmpty = node.get("DeleteIfNotEmpty");
            return new AutoDelete(KustoValues.parseDateTime(expiry.asText()),
                    ifNotEmpty != null && ifNotEmpty.asBoolean(false));
        } catch (IOException | IllegalArgumentException e) {
            throw KustoException.badRequest("invalid auto_delete policy '" + policyJson + "': " + e.getMessage());
        }
    }

    @Override
    public synchronized Optional<String> ingestionMapping(String database, String table, String kind, String name) {
        return ingestionMappings(database, table).stream()
                .filter(m -> m.name().equals(name) && m.kind().equalsIgnoreCase(kind))
                .map(IngestionMappingInfo::mappingJson)
                .findFirst();
    }

    @Override
    public synchronized List<IngestionMappingInfo> ingestionMappings(String database, String table) {
        TableInfo t = table(database, table);
        List<IngestionMappingInfo> result = new ArrayList<>();
        try (PreparedStatement ps = meta.prepareStatement(
                "SELECT name, kind, mapping FROM kl_meta.mappings WHERE table_id = ? ORDER BY seq")) {
            ps.setLong(1, t.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    result.add(new IngestionMappingInfo(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw KustoException.internal("cannot read ingestion mappings of table '" + table + "'", e);
        }
        return result;
    }

    @Override
    public synchronized void createIngestionMapping(String database, String table, String kind, String name,
            String mappingJson) {
        TableInfo t = table(database, table);
        requireName("Ingestion mapping", name);
        String normalizedKind = kind.toLowerCase(Locale.ROOT);
        inTransaction(c -> {
            update(c, "DELETE FROM kl_meta.mappings WHERE table_id = ? AND kind = ? AND name = ?", t.id(),
                    normalizedKind, name);
            update(c, "INSERT INTO kl_meta.mappings SELECT ?, coalesce(max(seq), 0) + 1, ?, ?, ?"
                    + " FROM kl_meta.mappings WHERE table_id = ?", t.id(), normalizedKind, name, mappingJson, t.id());
            return null;
        });
    }

    @Override
    public synchronized void dropIngestionMapping(String database, String table, String kind, String name) {
        TableInfo t = table(database, table);
        if (ingestionMapping(database, table, kind, name).isEmpty()) {
            throw KustoException.entityNotFound("Ingestion mapping", name);
        }
        inTransaction(c -> update(c, "DELETE FROM kl_meta.mappings WHERE table_id = ? AND kind = ? AND name = ?",
                t.id(), kind.toLowerCase(Locale.ROOT), name));
    }

    // ---------------------------------------------------------------- lifecycle

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (persistent) {
                try (Statement st = meta.createStatement()) {
                    try {
                        st.execute("CHECKPOINT");
                    } catch (SQLException busy) {
                        // A transaction still open elsewhere blocks a plain checkpoint; at shutdown it is abandoned.
                        st.execute("FORCE CHECKPOINT");
                    }
                }
            }
        } catch (SQLException e) {
            throw KustoException.internal("cannot checkpoint the store", e);
        } finally {
            closeQuietly(meta);
            closeQuietly(root);
        }
    }

    // ---------------------------------------------------------------- helpers

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction on the metadata connection; callers hold the lock. */
    private <T> T inTransaction(SqlWork<T> work) {
        try {
            meta.setAutoCommit(false);
            try {
                T result = work.run(meta);
                meta.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                meta.rollback();
                throw e;
            } finally {
                meta.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw KustoException.internal("catalog change failed: " + e.getMessage(), e);
        }
    }

    /**
     * Binds a value held in the Java conventions of {@code KustoType} as its DuckDB storage form:
     * an Instant as a UTC timestamp, a Duration as 100ns ticks.
     */
    public static void bindValue(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value instanceof Instant instant) {
            statement.setObject(index, java.time.LocalDateTime.ofInstant(instant, java.time.ZoneOffset.UTC));
        } else if (value instanceof java.time.Duration duration) {
            statement.setLong(index, KustoValues.toTicks(duration));
        } else {
            statement.setObject(index, value);
        }
    }

    /** Runs {@code work} in one transaction on a connection of its own, without the catalog's lock. */
    private <T> T inOwnTransaction(SqlWork<T> work) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw KustoException.internal("extent operation failed: " + e.getMessage(), e);
        }
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** Letters, digits, combining marks, '_', ' ', '.' and '-': what the service allows in entity names. */
    private static final java.util.regex.Pattern ENTITY_NAME =
            java.util.regex.Pattern.compile("[\\p{L}\\p{M}\\p{N}_ .\\-]{1,1024}");

    private static void requireName(String kind, String name) {
        if (name == null || name.isEmpty() || name.length() > 1024) {
            throw KustoException.badRequest(kind + " name must have 1 to 1024 characters: '" + name + "'");
        }
    }

    /**
     * Database, table and column names follow the service's identifier rules: besides letters,
     * digits and '_' only space, '.' and '-' are allowed, and a leading or trailing "__" is reserved.
     */
    private static void requireEntityName(String kind, String name) {
        requireName(kind, name);
        if (!ENTITY_NAME.matcher(name).matches()) {
            throw KustoException.badRequest(kind + " name '" + name + "' is not valid: names may contain only"
                    + " letters, digits, '_', spaces, '.' and '-'.");
        }
        if (name.startsWith("__") || name.endsWith("__")) {
            throw KustoException.badRequest(kind + " name '" + name
                    + "' is not valid: names that start or end with '__' are reserved.");
        }
    }

    private static void requireColumns(List<Column> columns) {
        Set<String> seen = new java.util.HashSet<>();
        for (Column c : columns) {
            requireEntityName("Column", c.name());
            if (!seen.add(c.name())) {
                throw KustoException.badRequest("Column '" + c.name() + "' is specified more than once.");
            }
        }
    }

    static Instant truncateToMicros(Instant instant) {
        return KustoValues.fromEpochMicros(KustoValues.toEpochMicros(instant));
    }

    static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception ignored) {
                // Nothing more to do for a connection that failed to close.
            }
        }
    }
}
