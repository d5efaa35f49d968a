package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every Kusto type, stored and literal, read back through the SDK's typed getters, nulls included. */
final class TypedValuesConformanceTest extends ConformanceBase {
    static final String GUID = "74be27de-1e4e-49d9-b579-fe0b331d3642";
    static final List<String> ALL_TYPES = List.of("bool", "int", "long", "real", "decimal", "string", "datetime",
            "timespan", "guid", "dynamic");

    @Override
    void createFixture() throws Exception {
        mgmt(".create table AllTypes (Key:int, B:bool, I:int, L:long, R:real, D:decimal, S:string, Dt:datetime, "
                + "Ts:timespan, G:guid, Dyn:dynamic)");
        // Key 1: values; key 2: every column empty, which ingests as null (and "" for the string).
        mgmt(".ingest inline into table AllTypes <|\n"
                + "1,true,-42,9007199254740993,1.5,1.10,hello,2024-01-02T03:04:05.123456Z,1.02:03:04.5000000,"
                + GUID + ",\"{\"\"a\"\":[1,2],\"\"b\"\":\"\"x\"\"}\"\n"
                + "2,,,,,,,,,,");
    }

    @Test
    void storedColumnsReportTheirKustoTypes() throws Exception {
        fixture();
        KustoResultSetTable result = query("AllTypes | project-away Key | take 1");
        assertEquals(ALL_TYPES, columnTypes(result));
    }

    @Test
    void storedValuesReadBackThroughTypedGetters() throws Exception {
        fixture();
        KustoResultSetTable row = query("AllTypes | where Key == 1 | project-away Key");
        assertTrue(row.next());
        assertTrue(row.getBoolean(0));
        assertEquals(-42, row.getInt(1));
        assertEquals(9007199254740993L, row.getLong(2));
        assertEquals(1.5, row.getDouble(3));
        assertEquals(0, new BigDecimal("1.10").compareTo(row.getBigDecimal(4)));
        assertEquals("hello", row.getString(5));
        assertEquals(Instant.parse("2024-01-02T03:04:05.123456Z"), Instant.parse(row.getString(6)));
        assertEquals(LocalDateTime.parse("2024-01-02T03:04:05.123456"), row.getKustoDateTime(6));
        assertEquals("1.02:03:04.5000000", row.getString(7));
        assertEquals(UUID.fromString(GUID), row.getUUID(8));
        assertEquals(2, row.getJSONObject(9).get("a").get(1).asInt());
        assertEquals("x", row.getJSONObject(9).get("b").asText());
    }

    @Test
    void storedNullsReadBackAsNullForEveryTypeButString() throws Exception {
        fixture();
        KustoResultSetTable row = query("AllTypes | where Key == 2 | project-away Key");
        assertTrue(row.next());
        assertNull(row.getBooleanObject(0));
        assertNull(row.getIntegerObject(1));
        assertNull(row.getLongObject(2));
        assertNull(row.getDoubleObject(3));
        assertNull(row.getBigDecimal(4));
        assertEquals("", row.getString(5));
        assertNull(row.getObject(6));
        assertNull(row.getKustoDateTime(6));
        assertNull(row.getObject(7));
        assertNull(row.getUUID(8));
        assertNull(row.getObject(9));
    }

    @Test
    void longStringLiteralsAndDeeplyNestedJsonKeepTheirValue() throws Exception {
        String text = "x".repeat(100_000);
        KustoResultSetTable row = query("print s = '" + text + "', n = strlen('" + text + "')");
        assertTrue(row.next());
        assertEquals(text, row.getString(0));
        assertEquals(100_000L, row.getLong(1));

        String nested = "[".repeat(200) + "1" + "]".repeat(200);
        KustoResultSetTable json = query("print t = gettype(parse_json('" + nested + "')), j = parse_json('" + nested + "')");
        assertTrue(json.next());
        assertEquals("array", json.getString(0));
        assertEquals(nested, json.getString(1).replace(" ", ""));
    }

    @Test
    void literalsOfEveryType() throws Exception {
        KustoResultSetTable row = query("print b = true, i = int(7), l = 123456789012, r = 2.25, d = decimal(3.14), "
                + "s = 'it\\'s', dt = datetime(2020-02-29 23:59:59.5), ts = time(-1.00:00:02), g = guid(" + GUID + "), "
                + "dyn = dynamic({\"k\": [true, null, 1.5]})");
        assertEquals(ALL_TYPES, columnTypes(row));
        assertTrue(row.next());
        assertTrue(row.getBoolean(0));
        assertEquals(7, row.getInt(1));
        assertEquals(123456789012L, row.getLong(2));
        assertEquals(2.25, row.getDouble(3));
        assertEquals(0, new BigDecimal("3.14").compareTo(row.getBigDecimal(4)));
        assertEquals("it's", row.getString(5));
        assertEquals(Instant.parse("2020-02-29T23:59:59.5Z"), Instant.parse(row.getString(6)));
        assertEquals("-1.00:00:02", row.getString(7));
        assertEquals(UUID.fromString(GUID), row.getUUID(8));
        assertEquals(1.5, row.getJSONObject(9).get("k").get(2).asDouble());
        assertTrue(row.getJSONObject(9).get("k").get(1).isNull());
    }

    @Test
    void nullLiteralsOfEveryType() throws Exception {
        // From the Kusto documentation page "Null values".
        KustoResultSetTable row = query("print bool(null), datetime(null), dynamic(null), guid(null), int(null), "
                + "long(null), real(null), double(null), timespan(null), decimal(null)");
        assertEquals(List.of("bool", "datetime", "dynamic", "guid", "int", "long", "real", "real", "timespan", "decimal"),
                columnTypes(row));
        assertTrue(row.next());
        for (int i = 0; i < 10; i++) {
            assertNull(row.getObject(i), "column " + i);
        }
    }

    @Test
    void wireFormsMatchWhatClientsParse() throws Exception {
        KustoResultSetTable row = query("print d = decimal(1.10), r = real(1), dt = datetime(2024-01-02 03:04:05.5), "
                + "whole = datetime(2024-01-02)");
        assertTrue(row.next());
        // Decimals travel as strings (the Spark connector builds BigDecimal from the string).
        assertTrue(row.getObject(0) instanceof String, () -> "decimal arrived as " + row.getObject(0).getClass());
        // A whole real must still carry a decimal point, or getDouble fails.
        assertEquals(1.0, row.getDouble(1));
        java.util.regex.Pattern wireDatetime =
                java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,7})?Z");
        assertTrue(wireDatetime.matcher(row.getString(2)).matches(), row.getString(2));
        assertTrue(wireDatetime.matcher(row.getString(3)).matches(), row.getString(3));
    }

    @Test
    void nonFiniteRealsTravelAsStrings() throws Exception {
        KustoResultSetTable row = query("print real(nan), real(+inf), real(-inf)");
        assertEquals(List.of("real", "real", "real"), columnTypes(row));
        assertTrue(row.next());
        assertEquals("NaN", row.getObject(0));
        assertEquals("Infinity", row.getObject(1));
        assertEquals("-Infinity", row.getObject(2));
    }

    @Test
    void responseCarriesTheServiceTableKinds() throws Exception {
        List<String> kinds = new java.util.ArrayList<>();
        for (var table : client.executeQuery(DB, "print 1").getResultTables()) {
            kinds.add(String.valueOf(table.getTableKind()));
        }
        assertEquals(List.of("QueryProperties", "PrimaryResult", "QueryCompletionInformation"), kinds);
    }

    @Test
    void stringLiteralForms() throws Exception {
        assertEquals("a\"b", scalarString("print 'a\"b'"));
        assertEquals("tab\there", scalarString("print \"tab\\there\""));
        assertEquals("C:\\temp", scalarString("print @'C:\\temp'"));
        assertEquals("日本語 ✓", scalarString("print '日本語 ✓'"));
    }

    @Test
    void numericLiteralForms() throws Exception {
        assertEquals(255L, scalarLong("print 0xff"));
        assertEquals(1.5e3, scalarDouble("print 1.5e3"));
        assertEquals(List.of("real"), columnTypes(query("print 1e3")));
        assertFalse(scalarBool("print false"));
        assertEquals(List.of("bool"), columnTypes(query("print true")));
    }

    @Test
    void timespanLiteralForms() throws Exception {
        assertEquals("2.00:00:00", scalarString("print 2d"));
        assertEquals("01:30:00", scalarString("print 90m"));
        assertEquals("00:00:00.1000000", scalarString("print 100ms"));
        assertEquals("00:00:10", scalarString("print 10s"));
        assertEquals("1.02:03:04", scalarString("print time(1.02:03:04)"));
    }
}
