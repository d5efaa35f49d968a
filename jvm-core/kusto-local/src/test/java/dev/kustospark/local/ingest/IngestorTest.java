package dev.kustospark.local.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.ColumnInfo;
import dev.kustospark.local.storage.DuckDbCatalog;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.types.KustoType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ingestion end to end into a real in-memory catalog, reading rows back with SQL. */
class IngestorTest {
    private static final String DB = "db";
    private Catalog catalog;
    private Ingestor ingestor;

    @BeforeEach
    void open() {
        catalog = DuckDbCatalog.open(null);
        catalog.createDatabase(DB, true);
        ingestor = new Ingestor(catalog);
    }

    @AfterEach
    void close() {
        catalog.close();
    }

    private TableInfo allTypesTable() {
        List<Column> columns = RowReaderTest.ALL_TYPES.stream().map(ColumnInfo::toColumn).toList();
        return catalog.createTable(DB, "AllTypes", columns, null, null);
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    private static IngestionRequest request(String format, String mappingName, String mappingJson, List<String> tags,
            List<String> ingestIfNotExists, boolean ignoreFirst) {
        return new IngestionRequest(format, mappingName, mappingJson, tags, ingestIfNotExists, null, ignoreFirst);
    }

    /** Rows of the table as text, ordered by all columns, each value rendered by JDBC. */
    private List<String> rows(TableInfo table) throws SQLException {
        String columns = table.columns().stream().map(c -> "\"" + c.physicalName() + "\"")
                .collect(Collectors.joining(", "));
        List<String> rows = new ArrayList<>();
        try (Connection c = catalog.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + columns + " FROM \"" + table.physicalName() + "\" ORDER BY ALL")) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder sb = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    sb.append(i > 1 ? "|" : "").append(rs.getString(i));
                }
                rows.add(sb.toString());
            }
        }
        return rows;
    }

    @Test
    void csvWithEveryTypeRoundTripsThroughStorage() throws SQLException {
        TableInfo table = allTypesTable();
        String csv = "true,42,9000000000,1.5,12.34,\"a,\"\"b\"\"\",2024-01-02T03:04:05.1234567Z,01:00:02,"
                + RowReaderTest.GUID + ",\"{\"\"k\"\":[1,2]}\"\n"
                + ",,,,,,,,,\n";
        IngestionResult result = ingestor.ingest(DB, "AllTypes", IngestionRequest.of("CSV"), text(csv));
        assertFalse(result.skipped());
        assertEquals(2, result.rowCount());
        assertEquals(2, result.extent().rowCount());
        List<String> rows = rows(table);
        assertEquals(2, rows.size());
        assertEquals("null|null|null|null|null||null|null|null|null", rows.get(1));
        String[] full = rows.get(0).split("\\|");
        assertEquals("true", full[0]);
        assertEquals("42", full[1]);
        assertEquals("9000000000", full[2]);
        assertEquals("1.5", full[3]);
        assertEquals(0, new BigDecimal("12.34").compareTo(new BigDecimal(full[4])));
        assertEquals("a,\"b\"", full[5]);
        assertTrue(full[6].startsWith("2024-01-02") && full[6].contains("03:04:05.123456"), full[6]);
        assertEquals(String.valueOf(36_020_000_000L), full[7]);
        assertEquals(RowReaderTest.GUID, full[8]);
        assertEquals("{\"k\":[1,2]}", full[9]);
    }

    @Test
    void multijsonAndParquetWithEveryTypeReadBackTheSameAsCsv(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        TableInfo table = allTypesTable();
        ingestor.ingest(DB, "AllTypes", IngestionRequest.of("multijson"),
                text("[" + RowReaderTest.FULL_JSON + ",\n{\"s\":\"\"}]"));
        java.nio.file.Path file = dir.resolve("all.parquet");
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT true AS b, 42 AS i, 9000000000 AS l, 1.5 AS r, 12.34 AS d, 'x' AS s,"
                    + " TIMESTAMP '2024-01-02 03:04:05.123456' AS t, '01:00:02' AS ts, '" + RowReaderTest.GUID
                    + "'::UUID AS g, {'k': [1, 2]} AS dyn) TO '" + file.toString().replace("'", "''")
                    + "' (FORMAT parquet)");
        }
        IngestionResult parquet = ingestor.ingest(DB, "AllTypes", IngestionRequest.of("Parquet"),
                java.nio.file.Files.newInputStream(file));
        assertEquals(1, parquet.rowCount());
        List<String> rows = rows(table);
        assertEquals(3, rows.size());
        String expectedTail = "|2024-01-02 03:04:05.123456|36020000000|" + RowReaderTest.GUID + "|{\"k\":[1,2]}";
        assertTrue(rows.get(0).startsWith("true|42|9000000000|1.5|12.34") && rows.get(0).endsWith(expectedTail),
                rows.get(0));
        assertTrue(rows.get(1).startsWith("true|42|9000000000|1.5|12.34") && rows.get(1).endsWith(expectedTail),
                rows.get(1));
        assertEquals("null|null|null|null|null||null|null|null|null", rows.get(2));
    }

    @Test
    void gzipJsonWithNamedMapping() throws IOException, SQLException {
        TableInfo table = catalog.createTable(DB, "Events", List.of(new Column("Id", KustoType.LONG),
                new Column("Name", KustoType.STRING)), null, null);
        catalog.createIngestionMapping(DB, "Events", "json", "m1",
                "[{\"column\":\"Id\",\"Properties\":{\"Path\":\"$.event.id\"}},"
                        + "{\"column\":\"Name\",\"Properties\":{\"Path\":\"$.event.name\"}}]");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("{\"event\":{\"id\":1,\"name\":\"a\"}}\n{\"event\":{\"id\":2}}\n".getBytes(StandardCharsets.UTF_8));
        }
        IngestionResult result = ingestor.ingest(DB, "Events", request("json", "m1", null, null, null, false),
                new ByteArrayInputStream(bytes.toByteArray()));
        assertEquals(2, result.rowCount());
        assertEquals(List.of("1|a", "2|null"), rows(table));
    }

    @Test
    void unknownMappingNameIsABadRequest() {
        catalog.createTable(DB, "T", List.of(new Column("A", KustoType.LONG)), null, null);
        KustoException e = assertThrows(KustoException.class,
                () -> ingestor.ingest(DB, "T", request("csv", "nope", null, null, null, false), text("1\n")));
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void tagsAreRecordedAndIngestIfNotExistsSkips() throws SQLException {
        TableInfo table = catalog.createTable(DB, "T", List.of(new Column("A", KustoType.LONG)), null, null);
        IngestionResult first = ingestor.ingest(DB, "T",
                request("csv", null, null, List.of("ingest-by:batch1", "drop-by:d1", "plain"), List.of("batch1"), false),
                text("1\n"));
        assertFalse(first.skipped());
        assertEquals(List.of("ingest-by:batch1", "drop-by:d1", "plain"), first.extent().tags());
        assertTrue(catalog.hasExtentTag(DB, "T", "ingest-by:batch1"));

        IngestionResult second = ingestor.ingest(DB, "T",
                request("csv", null, null, List.of("ingest-by:batch1"), List.of("batch1"), false), text("2\n"));
        assertTrue(second.skipped());
        assertNull(second.extent());
        assertEquals(0, second.rowCount());

        IngestionResult third = ingestor.ingest(DB, "T",
                request("csv", null, null, List.of("ingest-by:batch2"), List.of("ingest-by:batch2"), false), text("3\n"));
        assertFalse(third.skipped());
        assertEquals(List.of("1", "3"), rows(table));
        List<ExtentInfo> extents = catalog.extents(DB, "T");
        assertEquals(2, extents.size());
    }

    @Test
    void failedParseLeavesTheTableUnchanged() throws SQLException {
        TableInfo table = catalog.createTable(DB, "T", List.of(new Column("A", KustoType.LONG),
                new Column("B", KustoType.STRING)), null, null);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            csv.append(i).append(",x\n");
        }
        csv.append("5000,\"never closed\n");
        assertThrows(KustoException.class, () -> ingestor.ingest(DB, "T", IngestionRequest.of("csv"), text(csv.toString())));
        assertEquals(List.of(), rows(table));
        assertEquals(0, catalog.extents(DB, "T").size());
    }

    @Test
    void emptyPayloadCreatesNoExtent() {
        catalog.createTable(DB, "T", List.of(new Column("A", KustoType.LONG)), null, null);
        IngestionResult result = ingestor.ingest(DB, "T", IngestionRequest.of("csv"), text(""));
        assertEquals(0, result.rowCount());
        assertNull(result.extent());
        assertEquals(0, catalog.extents(DB, "T").size());
    }

    @Test
    void unknownTableAndFormatAreBadRequests() {
        KustoException table = assertThrows(KustoException.class,
                () -> ingestor.ingest(DB, "Missing", IngestionRequest.of("csv"), text("1\n")));
        assertEquals(400, table.httpStatus());
        catalog.createTable(DB, "T", List.of(new Column("A", KustoType.LONG)), null, null);
        KustoException format = assertThrows(KustoException.class,
                () -> ingestor.ingest(DB, "T", IngestionRequest.of("avro"), text("1\n")));
        assertTrue(format.getMessage().contains("avro"), format.getMessage());
    }

    @Test
    void ingestsAMillionCsvRows() throws SQLException {
        TableInfo table = catalog.createTable(DB, "Big", CsvParseRateTest.COLUMNS.stream().map(ColumnInfo::toColumn)
                .toList(), null, null);
        long start = System.nanoTime();
        IngestionResult result = ingestor.ingest(DB, "Big", IngestionRequest.of("csv"),
                CsvParseRateTest.generatedCsv(CsvParseRateTest.ROWS));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("csv ingest into storage: %d rows in %.2f s (%.0f rows/s)%n", result.rowCount(), seconds,
                result.rowCount() / seconds);
        assertEquals(CsvParseRateTest.ROWS, result.rowCount());
        try (Connection c = catalog.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*), sum(\"c0\"), max(\"c2\"), count(DISTINCT \"c1\") FROM \""
                        + table.physicalName() + "\"")) {
            rs.next();
            assertEquals(CsvParseRateTest.ROWS, rs.getLong(1));
            assertEquals((long) CsvParseRateTest.ROWS * (CsvParseRateTest.ROWS - 1) / 2, rs.getLong(2));
            assertEquals((CsvParseRateTest.ROWS - 1) * 0.5, rs.getDouble(3));
            assertEquals(CsvParseRateTest.ROWS, rs.getLong(4));
        }
    }

    @Test
    void creationTimeIsPassedToTheExtent() {
        catalog.createTable(DB, "T", List.of(new Column("A", KustoType.GUID)), null, null);
        Instant created = Instant.parse("2020-05-06T07:08:09Z");
        UUID id = UUID.randomUUID();
        IngestionResult result = ingestor.ingest(DB, "T",
                new IngestionRequest("csv", null, null, List.of(), List.of(), created, false), text(id + "\n"));
        assertEquals(created, result.extent().createdOn());
    }
}
