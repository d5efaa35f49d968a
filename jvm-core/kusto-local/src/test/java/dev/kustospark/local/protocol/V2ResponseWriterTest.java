package dev.kustospark.local.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.KustoServiceQueryError;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.types.KustoType;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class V2ResponseWriterTest {
    /** One row of every type with values, one with nulls; DuckDB storage forms as KustoType defines them. */
    static final String EVERY_TYPE_SQL = """
            SELECT * FROM (VALUES
              (true, 42, 5000000000::BIGINT, 1.0::DOUBLE, 1.10::DECIMAL(38,18), 'héllo "q"',
               TIMESTAMP '2024-01-02 03:04:05.123456', 864010010001::BIGINT,
               '6f1a3c2e-0000-4000-8000-000000000001'::UUID, '{"a":[1,2],"b":"x"}'::JSON, 1),
              (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 2),
              (false, -1, -2, 'NaN'::DOUBLE, -0.5::DECIMAL(38,18), '', TIMESTAMP '1970-01-01 00:00:00',
               -1728020020002::BIGINT, '6f1a3c2e-0000-4000-8000-000000000002'::UUID, '7'::JSON, 3))
            ORDER BY 11""";

    static final List<Column> EVERY_TYPE_COLUMNS = List.of(
            new Column("b", KustoType.BOOL), new Column("i", KustoType.INT), new Column("l", KustoType.LONG),
            new Column("r", KustoType.REAL), new Column("d", KustoType.DECIMAL), new Column("s", KustoType.STRING),
            new Column("t", KustoType.DATETIME), new Column("ts", KustoType.TIMESPAN), new Column("g", KustoType.GUID),
            new Column("dyn", KustoType.DYNAMIC), new Column("ord", KustoType.INT));

    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private String write(ResultLimits limits, TabularResult... results) throws Exception {
        return write(limits, false, results);
    }

    private String write(ResultLimits limits, boolean defer, TabularResult... results) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RequestIds ids = new RequestIds("crid-1", UUID.randomUUID().toString(), Instant.now());
        List<ResultCursor> cursors = java.util.Arrays.stream(results)
                .map(r -> ResultCursor.of(r, connection, null)).toList();
        new V2ResponseWriter(ids, limits, null, defer).write(out, cursors);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyTypeParsesWithTheJavaSdk() throws Exception {
        String json = write(ResultLimits.DEFAULT,
                new SqlResult("PrimaryResult", EVERY_TYPE_COLUMNS, EVERY_TYPE_SQL, List.of()));
        KustoOperationResult result = new KustoOperationResult(json, "v2");
        KustoResultSetTable t = result.getPrimaryResults();
        assertEquals(3, t.count());

        assertTrue(t.next());
        assertTrue(t.getBoolean("b"));
        assertEquals(42, t.getInt("i"));
        assertEquals(5_000_000_000L, t.getLong("l"));
        assertEquals(1.0, t.getDouble("r"));
        assertEquals(new BigDecimal("1.1"), t.getBigDecimal("d"));
        assertEquals("héllo \"q\"", t.getString("s"));
        assertEquals("2024-01-02T03:04:05.1234560Z", t.getString("t"));
        assertEquals("1.00:00:01.0010001", t.getString("ts"));
        assertEquals(UUID.fromString("6f1a3c2e-0000-4000-8000-000000000001"), t.getUUID("g"));
        JsonNode dyn = t.getJSONObject("dyn");
        assertEquals(2, dyn.get("a").get(1).asInt());
        assertEquals("x", dyn.get("b").asText());

        assertTrue(t.next());
        assertNull(t.getBooleanObject("b"));
        assertNull(t.getIntegerObject("i"));
        assertNull(t.getLongObject("l"));
        assertNull(t.getDoubleObject("r"));
        assertNull(t.getBigDecimal("d"));
        assertEquals("", t.getString("s"), "a Kusto string is never null");
        assertNull(t.getObject("t"));
        assertNull(t.getObject("ts"));
        assertNull(t.getObject("g"));
        assertNull(t.getObject("dyn"));

        assertTrue(t.next());
        assertFalse(t.getBoolean("b"));
        assertEquals(-1, t.getInt("i"));
        assertEquals(-2L, t.getLong("l"));
        assertEquals("NaN", t.getString("r"));
        assertEquals(new BigDecimal("-0.5"), t.getBigDecimal("d"));
        assertEquals("1970-01-01T00:00:00.0000000Z", t.getString("t"));
        assertEquals("-2.00:00:02.0020002", t.getString("ts"));
        assertEquals(7, t.getInt("dyn"));
        assertFalse(t.next());
    }

    @Test
    void framesFollowTheStreamingReaderOrder() throws Exception {
        String json = write(ResultLimits.DEFAULT,
                new SqlResult("PrimaryResult", EVERY_TYPE_COLUMNS, EVERY_TYPE_SQL, List.of()));
        JsonNode frames = new ObjectMapper().readTree(json);
        assertEquals(5, frames.size());
        assertEquals("DataSetHeader", frames.get(0).get("FrameType").asText());
        assertFalse(frames.get(0).get("IsProgressive").asBoolean());
        assertEquals("QueryProperties", frames.get(1).get("TableKind").asText());
        assertEquals("PrimaryResult", frames.get(2).get("TableKind").asText());
        assertEquals("QueryCompletionInformation", frames.get(3).get("TableKind").asText());
        assertEquals("DataSetCompletion", frames.get(4).get("FrameType").asText());
        assertFalse(frames.get(4).get("HasErrors").asBoolean());
        for (JsonNode frame : frames) {
            assertEquals("FrameType", frame.fieldNames().next());
            if (frame.has("Rows")) {
                List<String> names = new java.util.ArrayList<>();
                frame.fieldNames().forEachRemaining(names::add);
                assertEquals("Rows", names.get(names.size() - 1));
            }
        }
        assertEquals("crid-1", frames.get(3).get("Rows").get(0).get(1).asText());
        // reals always carry a decimal point, so that the SDK reads them as decimals, not integers
        assertTrue(json.contains("1.0,"), json);
        assertTrue(json.contains("\"1.1\""), "decimal is a string: " + json);
    }

    @Test
    void rowsResultsAndParametersAreWritten() throws Exception {
        RowsResult rows = new RowsResult("PrimaryResult",
                List.of(new Column("when", KustoType.DATETIME), new Column("span", KustoType.TIMESPAN),
                        new Column("n", KustoType.REAL), new Column("s", KustoType.STRING)),
                List.of(java.util.Arrays.asList(Instant.parse("2024-05-06T07:08:09.1234567Z"), Duration.ofMinutes(90),
                        3, null)));
        SqlResult bound = new SqlResult("PrimaryResult", List.of(new Column("t", KustoType.DATETIME),
                new Column("x", KustoType.LONG)), "SELECT ?::TIMESTAMP, ? + 1",
                List.of(Instant.parse("2020-02-03T04:05:06Z"), 41L));
        KustoOperationResult result = new KustoOperationResult(write(ResultLimits.DEFAULT, rows, bound), "v2");
        List<KustoResultSetTable> tables = result.getResultTables();
        KustoResultSetTable first = tables.get(1);
        first.next();
        assertEquals("2024-05-06T07:08:09.1234567Z", first.getString(0));
        assertEquals("01:30:00", first.getString(1));
        assertEquals(3.0, first.getDouble(2));
        assertEquals("", first.getString(3));
        KustoResultSetTable second = tables.get(2);
        second.next();
        assertEquals("2020-02-03T04:05:06.0000000Z", second.getString(0));
        assertEquals(42L, second.getLong(1));
    }

    @Test
    void truncationWritesTheRowsThatFitThenTheLimitsError() throws Exception {
        SqlResult range = new SqlResult("PrimaryResult", List.of(new Column("x", KustoType.LONG)),
                "SELECT range FROM range(10)", List.of());
        String json = write(new ResultLimits(4, Long.MAX_VALUE), range);
        JsonNode frames = new ObjectMapper().readTree(json);
        JsonNode rows = frames.get(2).get("Rows");
        assertEquals(5, rows.size());
        assertEquals(3, rows.get(3).get(0).asInt());
        JsonNode inline = rows.get(4).get("OneApiErrors").get(0).get("error");
        assertEquals("LimitsExceeded", inline.get("code").asText());
        assertTrue(inline.get("@message").asText().contains("E_QUERY_RESULT_SET_TOO_LARGE"));
        JsonNode completion = frames.get(frames.size() - 1);
        assertTrue(completion.get("HasErrors").asBoolean());
        assertEquals("OneApiErrors", List.copyOf(iterable(completion.fieldNames())).get(3));

        KustoServiceQueryError error = assertThrows(KustoServiceQueryError.class,
                () -> new KustoOperationResult(json, "v2"));
        assertTrue(error.getMessage().startsWith("LimitsExceeded"), error.getMessage());
    }

    /** The service's shape for deferpartialqueryfailures: rows only, the error in the completion information. */
    @Test
    void deferredTruncationReportsTheErrorOnlyInTheCompletionInformation() throws Exception {
        SqlResult range = new SqlResult("PrimaryResult", List.of(new Column("x", KustoType.LONG)),
                "SELECT range FROM range(10)", List.of());
        String json = write(new ResultLimits(4, Long.MAX_VALUE), true, range);
        JsonNode frames = new ObjectMapper().readTree(json);
        JsonNode rows = frames.get(2).get("Rows");
        assertEquals(4, rows.size());
        assertTrue(rows.get(3).isArray());
        JsonNode event = frames.get(3).get("Rows").get(0);
        assertEquals(2, event.get(5).asInt());
        assertEquals("Error", event.get(6).asText());
        assertEquals(0x80DA0003, event.get(7).asInt());
        assertEquals("QueryLimitsExceeded", event.get(10).asText());
        assertTrue(new ObjectMapper().readTree(event.get(11).asText()).get("Text").asText()
                .contains("E_QUERY_RESULT_SET_TOO_LARGE"), event.toString());
        JsonNode completion = frames.get(frames.size() - 1);
        assertFalse(completion.get("HasErrors").asBoolean());
        assertFalse(completion.has("OneApiErrors"));
        assertEquals(4, new KustoOperationResult(json, "v2").getPrimaryResults().count());
    }

    @Test
    void exactlyTheLimitIsNotAnError() throws Exception {
        SqlResult range = new SqlResult("PrimaryResult", List.of(new Column("x", KustoType.LONG)),
                "SELECT range FROM range(4)", List.of());
        KustoOperationResult result = new KustoOperationResult(write(new ResultLimits(4, Long.MAX_VALUE), range), "v2");
        assertEquals(4, result.getPrimaryResults().count());
    }

    @Test
    void sizeLimitStopsLargeResults() throws Exception {
        SqlResult range = new SqlResult("PrimaryResult", List.of(new Column("s", KustoType.STRING)),
                "SELECT repeat('x', 1000) FROM range(100)", List.of());
        JsonNode frames = new ObjectMapper().readTree(write(new ResultLimits(Long.MAX_VALUE, 10_000), range));
        JsonNode rows = frames.get(2).get("Rows");
        assertTrue(rows.size() < 100 && rows.size() > 5, "rows: " + rows.size());
        assertTrue(rows.get(rows.size() - 1).get("OneApiErrors").get(0).get("error").get("@message").asText()
                .contains("data size limit 10000"));
    }

    @Test
    void engineFailureMidStreamIsAnInlineError() throws Exception {
        SqlResult failing = new SqlResult("PrimaryResult", List.of(new Column("x", KustoType.INT)),
                "SELECT CASE WHEN range < 3000 THEN range::INTEGER ELSE error('boom at row') END FROM range(5000)",
                List.of());
        String json = write(ResultLimits.DEFAULT, failing);
        JsonNode frames = new ObjectMapper().readTree(json);
        JsonNode rows = frames.get(2).get("Rows");
        JsonNode last = rows.get(rows.size() - 1);
        assertTrue(last.isObject(), json.substring(0, 200));
        assertTrue(last.get("OneApiErrors").get(0).get("error").get("@message").asText().contains("boom at row"));
        assertTrue(frames.get(frames.size() - 1).get("HasErrors").asBoolean());
        assertInstanceOf(KustoServiceQueryError.class,
                assertThrows(Exception.class, () -> new KustoOperationResult(json, "v2")));
    }

    @Test
    void deadlineCancelsARunningStatementWithTheServiceTimeoutError() {
        SqlResult slow = new SqlResult("PrimaryResult", List.of(new Column("n", KustoType.LONG)),
                "SELECT count(*) FROM range(100000000000) a WHERE hash(a.range) % 7 = 3", List.of());
        long started = System.nanoTime();
        try (ExecutionDeadline deadline = ExecutionDeadline.after(Duration.ofMillis(300))) {
            ResultCursor cursor = ResultCursor.of(slow, connection, deadline);
            dev.kustospark.local.KustoException e = assertThrows(dev.kustospark.local.KustoException.class, cursor::start);
            assertEquals(504, e.httpStatus());
            assertEquals("RequestExecutionTimeout", e.code());
            assertTrue(e.getMessage().contains("servertimeout"), e.getMessage());
        }
        assertTrue(System.nanoTime() - started < 20_000_000_000L, "cancelled well before the statement could finish");
    }

    private static <T> List<T> iterable(java.util.Iterator<T> it) {
        List<T> list = new java.util.ArrayList<>();
        it.forEachRemaining(list::add);
        return list;
    }
}
