package dev.kustospark.local.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.storage.ColumnInfo;
import dev.kustospark.local.types.KustoType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowReaderTest {
    static final List<ColumnInfo> ALL_TYPES = List.of(
            new ColumnInfo("b", KustoType.BOOL, "c0"),
            new ColumnInfo("i", KustoType.INT, "c1"),
            new ColumnInfo("l", KustoType.LONG, "c2"),
            new ColumnInfo("r", KustoType.REAL, "c3"),
            new ColumnInfo("d", KustoType.DECIMAL, "c4"),
            new ColumnInfo("s", KustoType.STRING, "c5"),
            new ColumnInfo("t", KustoType.DATETIME, "c6"),
            new ColumnInfo("ts", KustoType.TIMESPAN, "c7"),
            new ColumnInfo("g", KustoType.GUID, "c8"),
            new ColumnInfo("dyn", KustoType.DYNAMIC, "c9"));

    static final String GUID = "0f8fad5b-d9cb-469f-a165-70867728950e";
    static final Object[] FULL_ROW = {true, 42, 9_000_000_000L, 1.5, new BigDecimal("12.340000000000000000"), "héllo, \"you\"",
            Instant.parse("2024-01-02T03:04:05.1234567Z"), Duration.ofHours(1).plusSeconds(2), UUID.fromString(GUID),
            "{\"k\":[1,2]}"};
    static final Object[] NULL_ROW = {null, null, null, null, null, "", null, null, null, null};

    static List<Object[]> read(List<ColumnInfo> columns, String format, byte[] body, String mappingJson,
            boolean ignoreFirst) {
        DataFormat f = DataFormat.parse(format);
        IngestionMapping mapping = mappingJson == null ? null : IngestionMapping.parse(mappingJson, f.mappingKind());
        ColumnPlan plan = ColumnPlan.build(columns, "T", f, mapping);
        List<Object[]> rows = new ArrayList<>();
        try (RowReader reader = RowReader.open(f, Ingestor.decompressed(new ByteArrayInputStream(body)), plan,
                ignoreFirst)) {
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
        }
        return rows;
    }

    static List<Object[]> read(String format, String body) {
        return read(ALL_TYPES, format, body.getBytes(StandardCharsets.UTF_8), null, false);
    }

    static List<Object[]> readMapped(List<ColumnInfo> columns, String format, String body, String mapping) {
        return read(columns, format, body.getBytes(StandardCharsets.UTF_8), mapping, false);
    }

    static void assertRows(List<Object[]> actual, Object[]... expected) {
        assertEquals(expected.length, actual.size(), "row count");
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], actual.get(i), "row " + i);
        }
    }

    @Test
    void csvWithEveryTypeAndNulls() {
        String csv = "TRUE,42,9000000000,1.5,12.34,\"héllo, \"\"you\"\"\",2024-01-02T03:04:05.1234567Z,01:00:02," + GUID
                + ",\"{\"\"k\"\":[1,2]}\"\n"
                + ",,,,,,,,,\n";
        assertRows(read("csv", csv), FULL_ROW, NULL_ROW);
    }

    @Test
    void invalidValuesBecomeNullsNotFailures() {
        List<Object[]> rows = read("csv", "maybe,x,1.5,abc,1e99,ok,yesterday,later,not-a-guid,plain text\n");
        assertRows(rows, new Object[] {null, null, null, null, null, "ok", null, null, null, "\"plain text\""});
    }

    @Test
    void tooFewFieldsAreNullsAndExtraFieldsAreIgnored() {
        assertRows(read("csv", "true,1\n"), new Object[] {true, 1, null, null, null, null, null, null, null, null});
        List<ColumnInfo> two = ALL_TYPES.subList(0, 2);
        assertRows(read(two, "csv", "false,7,extra,more\n".getBytes(StandardCharsets.UTF_8), null, false),
                new Object[] {false, 7});
    }

    @Test
    void blankCsvLineIsARowOfAnEmptyString() {
        List<ColumnInfo> one = List.of(new ColumnInfo("s", KustoType.STRING, "c0"));
        assertRows(read(one, "csv", "\"a\"\n\n\"b\"\n".getBytes(StandardCharsets.UTF_8), null, false),
                new Object[] {"a"}, new Object[] {""}, new Object[] {"b"});
    }

    @Test
    void everyDelimitedFormat() {
        Object[] expected = {true, 1, 2L, null, null, "x y", null, null, null, null};
        assertRows(read("TSV", "1\t1\t2\t\t\tx y\n"), expected);
        assertRows(read("tsve", "1\t1\t2\t\t\tx\\u0020y\n"),
                new Object[] {true, 1, 2L, null, null, "xu0020y", null, null, null, null});
        assertRows(read("tsve", "1\t1\t2\t\t\tx\\ty\n"),
                new Object[] {true, 1, 2L, null, null, "x\ty", null, null, null, null});
        assertRows(read("scsv", "1;1;2;;;x y\n"), expected);
        assertRows(read("PSV", "1|1|2|||x y\n"), expected);
        assertRows(read("sohsv", "1\u00011\u00012\u0001\u0001\u0001x y\n"), expected);
    }

    @Test
    void txtPutsEachLineIntoTheFirstColumn() {
        List<ColumnInfo> columns = List.of(new ColumnInfo("line", KustoType.STRING, "c0"),
                new ColumnInfo("other", KustoType.LONG, "c1"));
        assertRows(read(columns, "txt", "a,b\n\nc\td\n".getBytes(StandardCharsets.UTF_8), null, false),
                new Object[] {"a,b", null}, new Object[] {"c\td", null});
    }

    @Test
    void rawIsTheWholePayloadAsOneValue() {
        List<ColumnInfo> columns = List.of(new ColumnInfo("text", KustoType.STRING, "c0"),
                new ColumnInfo("other", KustoType.LONG, "c1"));
        assertRows(read(columns, "raw", "line 1\n\"line\", 2\n".getBytes(StandardCharsets.UTF_8), null, false),
                new Object[] {"line 1\n\"line\", 2\n", null});
        assertEquals(0, read(columns, "raw", new byte[0], null, false).size());
    }

    @Test
    void ignoreFirstRecordSkipsTheHeader() {
        List<ColumnInfo> two = ALL_TYPES.subList(0, 2);
        assertRows(read(two, "csv", "b,i\n\"x\ny\",0\ntrue,3\n".getBytes(StandardCharsets.UTF_8), null, true),
                new Object[] {null, 0}, new Object[] {true, 3});
    }

    @Test
    void gzipIsRecognisedByMagicBytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write("true,5\nfalse,6\n".getBytes(StandardCharsets.UTF_8));
        }
        assertRows(read(ALL_TYPES.subList(0, 2), "csv", bytes.toByteArray(), null, false),
                new Object[] {true, 5}, new Object[] {false, 6});
    }

    @Test
    void zipArchivesAreRejectedClearly() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("data.csv"));
            zip.write("true,5\n".getBytes(StandardCharsets.UTF_8));
        }
        KustoException e = assertThrows(KustoException.class,
                () -> read(ALL_TYPES, "csv", bytes.toByteArray(), null, false));
        assertTrue(e.getMessage().contains("zip"), e.getMessage());
    }

    @Test
    void corruptGzipIsAnError() {
        byte[] body = {0x1f, (byte) 0x8b, 1, 2, 3};
        assertThrows(RuntimeException.class, () -> read(ALL_TYPES, "csv", body, null, false));
    }

    static final String FULL_JSON = "{\"b\":true,\"i\":42,\"l\":9000000000,\"r\":1.5,\"d\":12.34,\"s\":\"héllo, \\\"you\\\"\","
            + "\"t\":\"2024-01-02T03:04:05.1234567Z\",\"ts\":\"01:00:02\",\"g\":\"" + GUID + "\",\"dyn\":{\"k\":[1,2]}}";
    static final Object[] MISSING_ROW = {null, null, null, null, null, null, null, null, null, null};

    @Test
    void jsonLinesByColumnNameWithEveryType() {
        String json = FULL_JSON + "\n{\"s\":\"\",\"b\":null}\r\n{}\n";
        assertRows(read("json", json), FULL_ROW, new Object[] {null, null, null, null, null, "", null, null, null, null},
                MISSING_ROW);
    }

    @Test
    void jsonNamesMatchCaseSensitively() {
        assertRows(read(ALL_TYPES.subList(0, 2), "json", "{\"B\":true,\"i\":1}".getBytes(StandardCharsets.UTF_8), null,
                false), new Object[] {null, 1});
    }

    @Test
    void multijsonTakesArraysAndObjectsAcrossLines() {
        String body = "[\n  {\"i\": 1},\n  {\"i\": 2}\n]\n{\n \"i\": 3\n} {\"i\":4}[]";
        List<Object[]> rows = read(ALL_TYPES.subList(1, 2), "multijson", body.getBytes(StandardCharsets.UTF_8), null,
                false);
        assertRows(rows, new Object[] {1}, new Object[] {2}, new Object[] {3}, new Object[] {4});
    }

    @Test
    void singlejsonTakesOneObject() {
        assertRows(read(ALL_TYPES.subList(1, 2), "singlejson", "\n{\"i\":\n 9}\n".getBytes(StandardCharsets.UTF_8),
                null, false), new Object[] {9});
        KustoException e = assertThrows(KustoException.class, () -> read(ALL_TYPES.subList(1, 2), "singlejson",
                "{\"i\":1}{\"i\":2}".getBytes(StandardCharsets.UTF_8), null, false));
        assertTrue(e.getMessage().contains("more than one"), e.getMessage());
    }

    @Test
    void malformedJsonIsABadRequestWithPosition() {
        KustoException e = assertThrows(KustoException.class, () -> read("json", "{\"i\":1}\n{\"i\":,}\n"));
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        KustoException array = assertThrows(KustoException.class, () -> read("json", "[{\"i\":1}]"));
        assertTrue(array.getMessage().contains("multijson"), array.getMessage());
        KustoException scalar = assertThrows(KustoException.class, () -> read("multijson", "[1]"));
        assertTrue(scalar.getMessage().contains("'1'"), scalar.getMessage());
        assertThrows(KustoException.class, () -> read("multijson", "[{\"i\":1}"));
    }

    @Test
    void csvMappingByOrdinalConstAndLineNumber() {
        List<ColumnInfo> columns = List.of(new ColumnInfo("Name", KustoType.STRING, "c0"),
                new ColumnInfo("Count", KustoType.LONG, "c1"),
                new ColumnInfo("Source", KustoType.STRING, "c2"),
                new ColumnInfo("Line", KustoType.LONG, "c3"),
                new ColumnInfo("Unmapped", KustoType.STRING, "c4"));
        String mapping = "[{\"column\":\"Name\",\"Properties\":{\"Ordinal\":\"2\"}},"
                + "{\"Name\":\"Count\",\"DataType\":\"long\",\"Ordinal\":0},"
                + "{\"Column\":\"Source\",\"Properties\":{\"ConstValue\":\"batch-7\"}},"
                + "{\"column\":\"Line\",\"Properties\":{\"Transform\":\"SourceLineNumber\"}}]";
        assertRows(readMapped(columns, "csv", "5,skip,alpha\n6,skip,beta\n", mapping),
                new Object[] {"alpha", 5L, "batch-7", 1L, null}, new Object[] {"beta", 6L, "batch-7", 2L, null});
    }

    @Test
    void jsonMappingByPathWithNestingConstAndUnixTime() {
        List<ColumnInfo> columns = List.of(new ColumnInfo("Id", KustoType.LONG, "c0"),
                new ColumnInfo("City", KustoType.STRING, "c1"),
                new ColumnInfo("First", KustoType.REAL, "c2"),
                new ColumnInfo("When", KustoType.DATETIME, "c3"),
                new ColumnInfo("Whole", KustoType.DYNAMIC, "c4"),
                new ColumnInfo("Tag", KustoType.STRING, "c5"));
        String mapping = "[{\"column\":\"Id\",\"Properties\":{\"Path\":\"$.id\"}},"
                + "{\"column\":\"City\",\"Properties\":{\"Path\":\"$['addr']['city name']\"}},"
                + "{\"column\":\"First\",\"path\":\"$.vals[0]\",\"datatype\":\"real\"},"
                + "{\"column\":\"When\",\"Properties\":{\"Path\":\"$.ts\",\"Transform\":\"DateTimeFromUnixMilliseconds\"}},"
                + "{\"column\":\"Whole\",\"Properties\":{\"Path\":\"$\"}},"
                + "{\"column\":\"Tag\",\"Properties\":{\"ConstValue\":\"fixed\"}}]";
        String doc = "{\"id\":7,\"addr\":{\"city name\":\"Oslo\"},\"vals\":[2.5,3],\"ts\":1704164645123}";
        assertRows(readMapped(columns, "json", doc, mapping),
                new Object[] {7L, "Oslo", 2.5, Instant.parse("2024-01-02T03:04:05.123Z"), doc,
                        "fixed"});
    }

    @Test
    void propertyBagArrayToDictionaryAndUnixSecondsFromText() {
        List<ColumnInfo> columns = List.of(new ColumnInfo("Props", KustoType.DYNAMIC, "c0"),
                new ColumnInfo("When", KustoType.DATETIME, "c1"));
        String mapping = "[{\"column\":\"Props\",\"Properties\":{\"Path\":\"$.p\",\"Transform\":\"PropertyBagArrayToDictionary\"}},"
                + "{\"column\":\"When\",\"Properties\":{\"Path\":\"$.s\",\"Transform\":\"DateTimeFromUnixSeconds\"}}]";
        String doc = "{\"p\":[{\"Key\":\"a\",\"Value\":1},{\"Key\":\"b\",\"Value\":{\"c\":true}}],\"s\":\"1704164645.5\"}";
        assertRows(readMapped(columns, "json", doc, mapping),
                new Object[] {"{\"a\":1,\"b\":{\"c\":true}}", Instant.parse("2024-01-02T03:04:05.5Z")});
    }

    @Test
    void jsonMappingPathWithoutDollarIsAConstant() {
        List<ColumnInfo> columns = List.of(new ColumnInfo("C", KustoType.STRING, "c0"));
        assertRows(readMapped(columns, "json", "{\"a\":1}", "[{\"column\":\"C\",\"Properties\":{\"Path\":\"lit\"}}]"),
                new Object[] {"lit"});
    }

    @Test
    void mappingErrorsNameTheProblem() {
        List<ColumnInfo> columns = List.of(new ColumnInfo("C", KustoType.STRING, "c0"));
        KustoException unknownColumn = assertThrows(KustoException.class,
                () -> readMapped(columns, "csv", "a", "[{\"column\":\"D\",\"Properties\":{\"Ordinal\":\"0\"}}]"));
        assertTrue(unknownColumn.getMessage().contains("'D'"), unknownColumn.getMessage());
        KustoException transform = assertThrows(KustoException.class, () -> readMapped(columns, "json", "{}",
                "[{\"column\":\"C\",\"Properties\":{\"Path\":\"$.a\",\"Transform\":\"GetPathElement(0)\"}}]"));
        assertTrue(transform.getMessage().contains("GetPathElement(0)"), transform.getMessage());
        assertThrows(KustoException.class, () -> readMapped(columns, "csv", "a", "{\"column\":\"C\"}"));
        assertThrows(KustoException.class, () -> readMapped(columns, "csv", "a", "[{\"column\":\"C\"}]"));
        assertThrows(KustoException.class, () -> readMapped(columns, "csv", "a", "not json"));
        KustoException badOrdinal = assertThrows(KustoException.class,
                () -> readMapped(columns, "csv", "a", "[{\"column\":\"C\",\"Properties\":{\"Ordinal\":\"x\"}}]"));
        assertTrue(badOrdinal.getMessage().contains("Ordinal"), badOrdinal.getMessage());
    }

    @Test
    void unsupportedAndUnknownFormatsAreBadRequests() {
        for (String format : List.of("avro", "ApacheAvro", "orc", "w3clogfile", "sstream")) {
            KustoException e = assertThrows(KustoException.class, () -> DataFormat.parse(format));
            assertEquals(400, e.httpStatus());
            assertTrue(e.getMessage().contains("does not support") && e.getMessage().contains(format), e.getMessage());
        }
        KustoException unknown = assertThrows(KustoException.class, () -> DataFormat.parse("xml"));
        assertTrue(unknown.getMessage().contains("'xml'"), unknown.getMessage());
        assertEquals(DataFormat.CSV, DataFormat.parse(null));
        assertEquals(DataFormat.CSV, DataFormat.parse(" "));
        assertEquals(DataFormat.MULTIJSON, DataFormat.parse("MultiJSON"));
    }

    @Test
    void parquetByColumnNameWithEveryType(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("data.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT true AS b, 42::INTEGER AS i, 9000000000::BIGINT AS l, 1.5::DOUBLE AS r,"
                    + " 12.34::DECIMAL(10,2) AS d, 'héllo, \"you\"' AS s,"
                    + " TIMESTAMP '2024-01-02 03:04:05.123456' AS t, '01:00:02' AS ts,"
                    + " '" + GUID + "'::UUID AS g, {'k': [1, 2]} AS dyn, 'ignored' AS extra"
                    + " UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)"
                    + " TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        List<Object[]> rows = read(ALL_TYPES, "parquet", Files.readAllBytes(file), null, false);
        Object[] expected = FULL_ROW.clone();
        expected[6] = Instant.parse("2024-01-02T03:04:05.123456Z");
        assertRows(rows, expected, MISSING_ROW);
    }

    @Test
    void parquetWithPathMapping(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("nested.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT {'city': 'Oslo', 'zip': 150} AS \"addr\", [10, 20] AS vals, 5 AS \"Odd Name\")"
                    + " TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        List<ColumnInfo> columns = List.of(new ColumnInfo("City", KustoType.STRING, "c0"),
                new ColumnInfo("Second", KustoType.LONG, "c1"),
                new ColumnInfo("Odd", KustoType.INT, "c2"),
                new ColumnInfo("Addr", KustoType.DYNAMIC, "c3"));
        String mapping = "[{\"column\":\"City\",\"Properties\":{\"Path\":\"$.addr.city\"}},"
                + "{\"column\":\"Second\",\"Properties\":{\"Path\":\"$.vals[1]\"}},"
                + "{\"column\":\"Odd\",\"Properties\":{\"Field\":\"Odd Name\"}},"
                + "{\"column\":\"Addr\",\"Properties\":{\"Path\":\"$['addr']\"}}]";
        assertRows(read(columns, "parquet", Files.readAllBytes(file), mapping, false),
                new Object[] {"Oslo", 20L, 5, "{\"city\":\"Oslo\",\"zip\":150}"});
    }

    @Test
    void parquetTimestampsWithZoneDatesAndWideIntegers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("times.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("COPY (SELECT TIMESTAMPTZ '2024-01-02 03:04:05.5+00' AS tz, DATE '2024-03-04' AS day,"
                    + " TIMESTAMP_NS '2024-01-02 03:04:05.123456789' AS ns, 18446744073709551615::UBIGINT AS big,"
                    + " 7::TINYINT AS tiny, 2.5::FLOAT AS f, '\\x01\\x02\\xFF'::BLOB AS bin)"
                    + " TO '" + file.toString().replace("'", "''") + "' (FORMAT parquet)");
        }
        List<ColumnInfo> columns = List.of(new ColumnInfo("tz", KustoType.DATETIME, "c0"),
                new ColumnInfo("day", KustoType.DATETIME, "c1"),
                new ColumnInfo("ns", KustoType.DATETIME, "c2"),
                new ColumnInfo("big", KustoType.DECIMAL, "c3"),
                new ColumnInfo("tiny", KustoType.INT, "c4"),
                new ColumnInfo("f", KustoType.REAL, "c5"),
                new ColumnInfo("bin", KustoType.STRING, "c6"));
        assertRows(read(columns, "parquet", Files.readAllBytes(file), null, false),
                new Object[] {Instant.parse("2024-01-02T03:04:05.5Z"), Instant.parse("2024-03-04T00:00:00Z"),
                        Instant.parse("2024-01-02T03:04:05.123456Z"), new BigDecimal("18446744073709551615.000000000000000000"),
                        7, 2.5, "AQL/"});
    }

    @Test
    void notParquetIsABadRequest() {
        KustoException e = assertThrows(KustoException.class, () -> read("parquet", "a,b,c\n"));
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("parquet"), e.getMessage());
    }

    @Test
    void emptyPayloadHasNoRows() {
        assertEquals(0, read("csv", "").size());
        assertEquals(0, read("json", "  \n").size());
    }
}
