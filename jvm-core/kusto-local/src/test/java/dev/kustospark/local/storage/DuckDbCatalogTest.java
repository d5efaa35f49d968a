package dev.kustospark.local.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.types.KustoType;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbCatalogTest {
    private DuckDbCatalog catalog;

    @BeforeEach
    void open() {
        catalog = DuckDbCatalog.open(null);
        catalog.createDatabase("db1", false);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private static List<Column> cols(Object... nameType) {
        List<Column> list = new ArrayList<>();
        for (int i = 0; i < nameType.length; i += 2) {
            list.add(new Column((String) nameType[i], (KustoType) nameType[i + 1]));
        }
        return list;
    }

    private List<List<Object>> rows(TableInfo t) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < t.columns().size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('"').append(t.columns().get(i).physicalName()).append('"');
        }
        sql.append(" FROM \"").append(t.physicalName()).append("\" ORDER BY \"c0\"");
        List<List<Object>> result = new ArrayList<>();
        try (Connection c = catalog.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql.toString())) {
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= t.columns().size(); i++) {
                    row.add(rs.getObject(i));
                }
                result.add(row);
            }
        }
        return result;
    }

    @Test
    void databasesResolveWithDefaultAliasAndRejectUnknown() {
        catalog.createDatabase("db2", false);
        assertEquals(List.of("db1", "db2"), catalog.databases());
        assertEquals("db1", catalog.resolveDatabase("NetDefaultDb"));
        assertEquals("db1", catalog.resolveDatabase("netdefaultdb"));
        assertEquals("db2", catalog.resolveDatabase("db2"));
        // Database names, unlike all other names, ignore case.
        assertEquals("db2", catalog.resolveDatabase("DB2"));
        assertEquals(List.of(), catalog.tables("DB2"));
        KustoException e = assertThrows(KustoException.class, () -> catalog.resolveDatabase("db3"));
        assertEquals("BadRequest_EntityNotFound", e.code());
        assertTrue(e.getMessage().contains("'db3'"));
        assertThrows(KustoException.class, () -> catalog.createDatabase("DB2", false));
        catalog.createDatabase("db2", true);
        assertEquals(2, catalog.databases().size());
    }

    @Test
    void createLookupAndDropTables() {
        TableInfo t = catalog.createTable("db1", "T", cols("a", KustoType.INT, "b", KustoType.STRING), "f", "doc");
        assertEquals("t" + t.id(), t.physicalName());
        assertEquals(List.of("c0", "c1"), t.columns().stream().map(ColumnInfo::physicalName).toList());
        assertEquals("f", t.folder());
        assertEquals(t, catalog.table("db1", "T"));
        assertTrue(catalog.findTable("db1", "t").isEmpty());
        // Creating an existing table succeeds and leaves it unchanged.
        assertEquals(t, catalog.createTable("db1", "T", cols("x", KustoType.LONG), null, null));
        catalog.dropTable("db1", "T");
        assertTrue(catalog.findTable("db1", "T").isEmpty());
        KustoException e = assertThrows(KustoException.class, () -> catalog.table("db1", "T"));
        assertEquals("BadRequest_EntityNotFound", e.code());
        assertThrows(KustoException.class, () -> catalog.tables("nope"));
    }

    @Test
    void hostileAndCaseDistinctNamesAreKeptApart() throws SQLException {
        String[] names = {"T", "t", "with space", "dot.ted-dash", "Ünï 表", "select", "t1"};
        for (String name : names) {
            TableInfo t = catalog.createTable("db1", name, cols(name, KustoType.STRING, name + "2", KustoType.LONG),
                    null, null);
            try (ExtentWriter w = catalog.openExtent(t, List.of(), null, null)) {
                w.appendRow(new Object[] {name, 1L});
                w.commit();
            }
        }
        assertEquals(List.of(names), catalog.tables("db1").stream().map(TableInfo::name).toList());
        for (String name : names) {
            TableInfo t = catalog.table("db1", name);
            assertEquals(name, t.columns().get(0).name());
            assertEquals(List.of(List.of(name, 1L)), rows(t));
        }
    }

    @Test
    void namesOutsideTheServiceRulesAreRejected() {
        for (String bad : List.of("a'b\"c", "[x]", "drop table t1;--", "colon:x", "__reserved", "x__", "", "$x")) {
            KustoException e = assertThrows(KustoException.class,
                    () -> catalog.createTable("db1", bad, cols("a", KustoType.INT), null, null), bad);
            assertEquals(400, e.httpStatus());
            KustoException column = assertThrows(KustoException.class,
                    () -> catalog.createTable("db1", "Ok", cols(bad, KustoType.INT), null, null), bad);
            assertEquals(400, column.httpStatus());
            assertThrows(KustoException.class, () -> catalog.createDatabase(bad, false), bad);
        }
        assertEquals(List.of(), catalog.tables("db1"));
        assertEquals(List.of("db1"), catalog.databases());
    }

    @Test
    void everyTypeRoundTripsThroughAnExtent() throws SQLException {
        TableInfo t = catalog.createTable("db1", "AllTypes", cols("i", KustoType.INT, "b", KustoType.BOOL,
                "l", KustoType.LONG, "r", KustoType.REAL, "d", KustoType.DECIMAL, "s", KustoType.STRING,
                "dt", KustoType.DATETIME, "ts", KustoType.TIMESPAN, "g", KustoType.GUID, "dy", KustoType.DYNAMIC),
                null, null);
        UUID guid = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        Instant when = Instant.parse("2024-02-29T12:34:56.1234567Z");
        try (ExtentWriter w = catalog.openExtent(t, List.of("drop-by:x"), null, null)) {
            w.appendRow(new Object[] {1, true, Long.MAX_VALUE, 1.5, new BigDecimal("12345678901234567890.123456789"),
                    "héllo\n\"q\"", when, Duration.ofHours(25).plusNanos(100), guid, "{\"a\":[1,2]}"});
            w.appendRow(new Object[] {2, null, null, null, null, null, null, null, null, null});
            assertEquals(2, w.rowCount());
            ExtentInfo e = w.commit();
            assertEquals(2, e.rowCount());
            assertEquals(List.of("drop-by:x"), e.tags());
        }
        String sql = "SELECT c0, c1, c2, c3, c4, c5, epoch_us(c6), c7, c8, c9::VARCHAR, json_extract(c9, '$.a[1]')::INT"
                + " FROM \"" + t.physicalName() + "\" ORDER BY c0";
        try (Connection c = catalog.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1));
            assertTrue(rs.getBoolean(2));
            assertEquals(Long.MAX_VALUE, rs.getLong(3));
            assertEquals(1.5, rs.getDouble(4));
            assertEquals(0, new BigDecimal("12345678901234567890.123456789").compareTo(rs.getBigDecimal(5)));
            assertEquals("héllo\n\"q\"", rs.getString(6));
            // TIMESTAMP keeps microseconds: the seventh digit is cut.
            assertEquals(1709210096123456L, rs.getLong(7));
            assertEquals(25 * 36_000_000_000L + 1, rs.getLong(8));
            assertEquals(guid, rs.getObject(9));
            assertEquals("{\"a\":[1,2]}", rs.getString(10));
            assertEquals(2, rs.getInt(11));
            assertTrue(rs.next());
            for (int i = 2; i <= 10; i++) {
                assertNull(rs.getObject(i), "column " + i);
            }
            assertFalse(rs.next());
        }
    }

    @Test
    void extentWithoutCommitIsRolledBack() throws SQLException {
        TableInfo t = catalog.createTable("db1", "T", cols("a", KustoType.LONG), null, null);
        try (ExtentWriter w = catalog.openExtent(t, List.of("ingest-by:x"), null, null)) {
            w.appendRow(new Object[] {1L});
        }
        assertEquals(List.of(), rows(t));
        assertEquals(List.of(), catalog.extents("db1", "T"));
        assertFalse(catalog.hasExtentTag("db1", "T", "ingest-by:x"));
        // A failing row leaves no partial extent either.
        try (ExtentWriter w = catalog.openExtent(t, List.of(), null, null)) {
            w.appendRow(new Object[] {2L});
            assertThrows(KustoException.class, () -> w.appendRow(new Object[] {"not a long"}));
        }
        assertEquals(List.of(), rows(t));
    }

    @Test
    void integersAreNeverTruncated() throws SQLException {
        TableInfo t = catalog.createTable("db1", "T", cols("i", KustoType.INT, "l", KustoType.LONG), null, null);
        try (ExtentWriter w = catalog.openExtent(t, List.of(), null, null)) {
            w.appendRow(new Object[] {7L, 8});
            assertThrows(KustoException.class, () -> w.appendRow(new Object[] {3_000_000_000L, 1L}));
            assertThrows(KustoException.class, () -> w.appendRow(new Object[] {1, 1.5}));
            w.commit();
        }
        assertEquals(List.of(List.of(7, 8L)), rows(t));
        TableInfo d = catalog.createTable("db1", "D", cols("d", KustoType.DECIMAL), null, null);
        try (ExtentWriter w = catalog.openExtent(d, List.of(), null, null)) {
            assertThrows(KustoException.class, () -> w.appendRow(new Object[] {new BigDecimal("1e25")}));
            w.appendRow(new Object[] {new BigDecimal("99999999999999999999.5")});
            w.commit();
        }
        assertEquals(1, catalog.extents("db1", "D").get(0).rowCount());
    }

    @Test
    void dynamicValuesMustBeJson() throws SQLException {
        TableInfo t = catalog.createTable("db1", "T", cols("a", KustoType.LONG, "d", KustoType.DYNAMIC), null, null);
        try (ExtentWriter w = catalog.openExtent(t, List.of(), null, null)) {
            w.appendRow(new Object[] {1L, "{\"ok\":true}"});
            w.appendRow(new Object[] {2L, "not json {"});
            KustoException e = assertThrows(KustoException.class, w::commit);
            assertTrue(e.getMessage().contains("'d'") && e.getMessage().contains("not json {"), e.getMessage());
        }
        assertEquals(List.of(), rows(t));
        assertEquals(List.of(), catalog.extents("db1", "T"));
    }

    @Test
    void extentsRecordTagsCreationTimeAndRowCount() {
        TableInfo t = catalog.createTable("db1", "T", cols("a", KustoType.LONG), null, null);
        Instant created = Instant.parse("2020-01-01T00:00:00Z");
        ExtentInfo first;
        try (ExtentWriter w = catalog.openExtent(t, List.of("ingest-by:a", "drop-by:b"), created, null)) {
            w.appendRow(new Object[] {1L});
            w.appendRow(new Object[] {2L});
            first = w.commit();
        }
        try (ExtentWriter w = catalog.openExtent(t, List.of(), null, null)) {
            w.appendRow(new Object[] {3L});
            w.commit();
        }
        List<ExtentInfo> extents = catalog.extents("db1", "T");
        assertEquals(2, extents.size());
        assertEquals(first, extents.get(0));
        assertEquals(created, extents.get(0).createdOn());
        assertEquals(2, extents.get(0).rowCount());
        assertEquals(List.of("ingest-by:a", "drop-by:b"), extents.get(0).tags());
        assertEquals(List.of(), extents.get(1).tags());
        assertTrue(catalog.hasExtentTag("db1", "T", "ingest-by:a"));
        assertFalse(catalog.hasExtentTag("db1", "T", "ingest-by:A"));
    }

    @Test
    void writerOnCallersConnectionCommitsWithItsTransaction() throws SQLException {
        TableInfo t = catalog.createTable("db1", "T", cols("a", KustoType.LONG), null, null);
        try (Connection c = catalog.connect()) {
            c.setAutoCommit(false);
            try (ExtentWriter w = catalog.openExtent(t, List.of(), null, c)) {
                w.appendRow(new Object[] {1L});
                w.commit();
            }
            assertEquals(List.of(), rows(t));
            c.rollback();
        }
        assertEquals(List.of(), rows(t));
        assertEquals(List.of(), catalog.extents("db1", "T"));
        try (Connection c = catalog.connect()) {
            try (ExtentWriter w = catalog.openExtent(t, List.of(), null, c)) {
                w.appendRow(new Object[] {1L});
                w.commit();
            }
            assertTrue(c.getAutoCommit());
        }
        assertEquals(List.of(List.of(1L)), rows(t));
    }

    @Test
    void mergeAlterAndRenameKeepDataOfKeptColumns() throws SQLException {
        TableInfo t = catalog.createTable("db1", "T", cols("a", KustoType.LONG, "b", KustoType.STRING), null, null);
        try (ExtentWriter w = catalog.openExtent(t, List.of(), null, null)) {
            w.appendRow(new Object[] {1L, "x"});
            w.commit();
        }
        TableInfo merged = catalog.createMergeTable("db1", "T", cols("c", KustoType.REAL, "a", KustoType.LONG),
                null, "doc");
        assertEquals(List.of("a", "b", "c"), merged.columns().stream().map(ColumnInfo::name).toList());
        assertEquals("c2", merged.columns().get(2).physicalName());
        assertEquals("doc", merged.docString());
        KustoException conflict = assertThrows(KustoException.class,
                () -> catalog.createMergeTable("db1", "T", cols("a", KustoType.STRING), null, null));
        assertTrue(conflict.getMessage().contains("'a'"));

        TableInfo altered = catalog.alterTable("db1", "T", cols("c", KustoType.REAL, "a", KustoType.LONG,
                "d", KustoType.BOOL), null, null);
        assertEquals(List.of("c2", "c0", "c3"), altered.columns().stream().map(ColumnInfo::physicalName).toList());
        // Kusto column order differs from the physical order: the writer must map values by column.
        try (ExtentWriter w = catalog.openExtent(altered, List.of(), null, null)) {
            w.appendRow(new Object[] {2.5, 2L, true});
            w.commit();
        }
        // Dropping b and re-adding a column named b gives a new, empty physical column.
        TableInfo readded = catalog.alterTable("db1", "T", cols("a", KustoType.LONG, "b", KustoType.STRING), null,
                null);
        assertEquals("c4", readded.column("b").orElseThrow().physicalName());
        TableInfo renamed = catalog.renameTable("db1", "T", "U");
        assertEquals(readded.physicalName(), renamed.physicalName());
        assertTrue(catalog.findTable("db1", "T").isEmpty());
        assertEquals(Arrays.asList(Arrays.asList(1L, null), Arrays.asList(2L, null)), rows(renamed));
    }

    @Test
    void dropMoveAndRetagExtents() throws SQLException {
        TableInfo a = catalog.createTable("db1", "A", cols("x", KustoType.LONG, "y", KustoType.STRING), null, null);
        TableInfo b = catalog.createTable("db1", "B", cols("y", KustoType.STRING, "z", KustoType.INT,
                "x", KustoType.LONG), null, null);
        List<ExtentInfo> written = new ArrayList<>();
        for (long i = 1; i <= 3; i++) {
            try (ExtentWriter w = catalog.openExtent(a, List.of("drop-by:" + i, "keep"), null, null)) {
                w.appendRow(new Object[] {i, "v" + i});
                written.add(w.commit());
            }
        }
        List<ExtentInfo> dropped = catalog.dropExtents("db1", "A", List.of(written.get(0).id()));
        assertEquals(List.of(written.get(0).id()), dropped.stream().map(ExtentInfo::id).toList());
        Map<UUID, UUID> moved = catalog.moveExtents("db1", "A", "B", null);
        assertEquals(List.of(written.get(1).id(), written.get(2).id()), List.copyOf(moved.keySet()));
        assertEquals(List.of(), catalog.extents("db1", "A"));
        assertEquals(List.of(), rows(a));
        List<ExtentInfo> inB = catalog.extents("db1", "B");
        assertEquals(List.copyOf(moved.values()), inB.stream().map(ExtentInfo::id).toList());
        assertEquals(List.of("drop-by:2", "keep"), inB.get(0).tags());
        assertEquals(written.get(1).createdOn(), inB.get(0).createdOn());
        assertEquals(Arrays.asList(Arrays.asList("v2", null, 2L), Arrays.asList("v3", null, 3L)), rows(b));

        Map<UUID, ExtentInfo> retagged = catalog.dropExtentTags("db1", "B", null, List.of("keep"));
        assertEquals(List.copyOf(moved.values()), List.copyOf(retagged.keySet()));
        List<ExtentInfo> after = catalog.extents("db1", "B");
        assertEquals(retagged.values().stream().map(ExtentInfo::id).toList(),
                after.stream().map(ExtentInfo::id).toList());
        assertEquals(List.of("drop-by:2"), after.get(0).tags());
        assertEquals(2, rows(b).size());
        try (Connection c = catalog.connect(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT count(*) FROM \"" + b.physicalName() + "\" WHERE _extent = '"
                        + after.get(1).id() + "'")) {
            rs.next();
            assertEquals(1, rs.getLong(1));
        }
        assertThrows(KustoException.class, () -> catalog.moveExtents("db1", "B", "A", null));
    }

    @Test
    void policiesAndMappingsAreStored() {
        catalog.createTable("db1", "T", cols("a", KustoType.LONG), null, null);
        catalog.setTablePolicy("db1", "T", "StreamingIngestion", "{\"IsEnabled\":true}");
        assertEquals("{\"IsEnabled\":true}", catalog.tablePolicy("db1", "T", "streamingingestion").orElseThrow());
        assertTrue(catalog.tablePolicy("db1", "T", "retention").isEmpty());
        catalog.createIngestionMapping("db1", "T", "Csv", "m1", "[{\"Column\":\"a\",\"Ordinal\":0}]");
        catalog.createIngestionMapping("db1", "T", "json", "m1", "[{\"Column\":\"a\",\"Path\":\"$.a\"}]");
        catalog.createIngestionMapping("db1", "T", "csv", "m1", "[{\"Column\":\"a\",\"Ordinal\":1}]");
        assertEquals("[{\"Column\":\"a\",\"Ordinal\":1}]", catalog.ingestionMapping("db1", "T", "CSV", "m1").orElseThrow());
        assertTrue(catalog.ingestionMapping("db1", "T", "csv", "M1").isEmpty());
        assertEquals(List.of("json", "csv"), catalog.ingestionMappings("db1", "T").stream()
                .map(IngestionMappingInfo::kind).toList());
        catalog.dropIngestionMapping("db1", "T", "json", "m1");
        assertEquals(1, catalog.ingestionMappings("db1", "T").size());
    }

    @Test
    void autoDeletePolicyDropsTheTableOnceExpired() {
        catalog.createTable("db1", "Gone", cols("a", KustoType.LONG), null, null);
        catalog.createTable("db1", "Later", cols("a", KustoType.LONG), null, null);
        TableInfo kept = catalog.createTable("db1", "KeptNotEmpty", cols("a", KustoType.LONG), null, null);
        try (ExtentWriter w = catalog.openExtent(kept, List.of(), null, null)) {
            w.appendRow(new Object[] {1L});
            w.commit();
        }
        catalog.setTablePolicy("db1", "Gone", "auto_delete", "{\"ExpiryDate\":\"2000-01-01\",\"DeleteIfNotEmpty\":true}");
        catalog.setTablePolicy("db1", "Later", "auto_delete", "{\"ExpiryDate\":\"2999-01-01T00:00:00Z\"}");
        catalog.setTablePolicy("db1", "KeptNotEmpty", "auto_delete",
                "{\"ExpiryDate\":\"2000-01-01\",\"DeleteIfNotEmpty\":false}");
        assertTrue(catalog.findTable("db1", "Gone").isEmpty());
        assertEquals(List.of("Later", "KeptNotEmpty"), catalog.tables("db1").stream().map(TableInfo::name).toList());
        assertThrows(KustoException.class, () -> catalog.setTablePolicy("db1", "Later", "auto_delete", "{}"));
    }

    @Test
    void concurrentWritersEachCommitTheirExtent() throws Exception {
        TableInfo t = catalog.createTable("db1", "T", cols("a", KustoType.LONG), null, null);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ExtentInfo>> futures = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                long base = n * 1000L;
                futures.add(pool.submit(() -> {
                    try (ExtentWriter w = catalog.openExtent(t, List.of(), null, null)) {
                        for (long i = 0; i < 500; i++) {
                            w.appendRow(new Object[] {base + i});
                        }
                        return w.commit();
                    }
                }));
                pool.submit(() -> catalog.tables("db1"));
            }
            for (Future<ExtentInfo> f : futures) {
                assertEquals(500, f.get().rowCount());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(8, catalog.extents("db1", "T").size());
        assertEquals(4000, rows(t).size());
    }

    @Test
    void movesRunWhileOtherWritersAppend() throws Exception {
        TableInfo src = catalog.createTable("db1", "Src", cols("a", KustoType.LONG), null, null);
        catalog.createTable("db1", "Dst", cols("a", KustoType.LONG), null, null);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int n = 0; n < 2; n++) {
                long base = n * 1000L;
                futures.add(pool.submit(() -> {
                    for (long i = 0; i < 20; i++) {
                        try (ExtentWriter w = catalog.openExtent(src, List.of(), null, null)) {
                            w.appendRow(new Object[] {base + i});
                            w.commit();
                        }
                    }
                    return 0;
                }));
            }
            futures.add(pool.submit(() -> {
                int moved = 0;
                for (int i = 0; i < 20; i++) {
                    moved += catalog.moveExtents("db1", "Src", "Dst", null).size();
                    catalog.tables("db1");
                }
                return moved;
            }));
            for (Future<Integer> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        catalog.moveExtents("db1", "Src", "Dst", null);
        assertEquals(40, catalog.extents("db1", "Dst").size());
        assertEquals(40, rows(catalog.table("db1", "Dst")).size());
        assertEquals(List.of(), rows(src));
    }

    @Test
    void insertExtentAppendsQueryRows() throws SQLException {
        TableInfo t = catalog.createTable("db1", "T", cols("a", KustoType.LONG, "b", KustoType.STRING), null, null);
        ExtentInfo e = catalog.insertExtent(t, List.of("drop-by:q"), null, null,
                "SELECT range AS x, ? || range AS y FROM range(3)", List.of("v"));
        assertEquals(3, e.rowCount());
        assertEquals(List.of(List.of(0L, "v0"), List.of(1L, "v1"), List.of(2L, "v2")), rows(t));
        assertEquals(List.of(e), catalog.extents("db1", "T"));
        assertThrows(KustoException.class, () -> catalog.insertExtent(t, List.of(), null, null,
                "SELECT 1 / 0 = 'x', 'y'", List.of()));
        assertEquals(1, catalog.extents("db1", "T").size());
        ExtentInfo empty = catalog.insertExtent(t, List.of(), null, null, "SELECT 1::BIGINT, 'x' WHERE false",
                List.of());
        assertEquals(0, empty.rowCount());
        assertEquals(1, catalog.extents("db1", "T").size());
        ExtentInfo replacing = catalog.replaceWithExtent(t, List.of("new"), null, null, "SELECT 7::BIGINT, 'z'",
                List.of());
        assertEquals(List.of(replacing), catalog.extents("db1", "T"));
        assertEquals(List.of(List.of(7L, "z")), rows(t));
    }

    @Test
    void persistsAcrossReopen(@TempDir Path dir) throws SQLException {
        catalog.close();
        catalog = DuckDbCatalog.open(dir.resolve("store"));
        catalog.createDatabase("first", false);
        catalog.createDatabase("second", false);
        TableInfo t = catalog.createTable("second", "T x.y-z", cols("a", KustoType.DATETIME, "b", KustoType.DYNAMIC),
                "fold", "doc");
        t = catalog.createMergeTable("second", "T x.y-z", cols("c", KustoType.GUID), null, null);
        Instant when = Instant.parse("2023-05-06T07:08:09.123456Z");
        ExtentInfo extent;
        try (ExtentWriter w = catalog.openExtent(t, List.of("drop-by:p"), when, null)) {
            w.appendRow(new Object[] {when, "[1]", UUID.randomUUID()});
            extent = w.commit();
        }
        catalog.createIngestionMapping("second", "T x.y-z", "csv", "m", "[]");
        catalog.setTablePolicy("second", "T x.y-z", "auto_delete", "{\"ExpiryDate\":\"2999-01-01\"}");
        catalog.setTableHidden("second", "T x.y-z", true);
        t = catalog.renameColumn("second", "T x.y-z", "b", "b renamed");
        catalog.close();

        catalog = DuckDbCatalog.open(dir.resolve("store"));
        assertEquals(List.of("first", "second"), catalog.databases());
        assertEquals("first", catalog.resolveDatabase("NetDefaultDb"));
        assertEquals(t, catalog.table("second", "T x.y-z"));
        assertEquals(List.of(extent), catalog.extents("second", "T x.y-z"));
        assertEquals(1, rows(t).size());
        assertEquals("[]", catalog.ingestionMapping("second", "T x.y-z", "csv", "m").orElseThrow());
        assertTrue(catalog.tablePolicy("second", "T x.y-z", "auto_delete").isPresent());
        assertTrue(catalog.isTableHidden("second", "T x.y-z"));
        // Table ids keep counting after a reopen, so physical names are never reused.
        TableInfo next = catalog.createTable("second", "N", cols("a", KustoType.INT), null, null);
        assertTrue(next.id() > t.id());
    }
}
