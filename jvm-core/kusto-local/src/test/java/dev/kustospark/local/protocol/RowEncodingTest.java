package dev.kustospark.local.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.types.KustoType;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The exact bytes of result rows, for every Kusto type and its edge values, from DuckDB and from Java values. */
class RowEncodingTest {
    private static final List<Column> COLUMNS = List.of(
            new Column("b", KustoType.BOOL), new Column("i", KustoType.INT), new Column("l", KustoType.LONG),
            new Column("r", KustoType.REAL), new Column("d", KustoType.DECIMAL), new Column("s", KustoType.STRING),
            new Column("t", KustoType.DATETIME), new Column("ts", KustoType.TIMESPAN), new Column("g", KustoType.GUID),
            new Column("dyn", KustoType.DYNAMIC));

    /** DuckDB storage forms as KustoType defines them; the last column only orders the rows. */
    private static final String SQL = """
            SELECT b, i, l, r, d, s, t, ts, g, dyn FROM (VALUES
              (true, 42, 5000000000::BIGINT, 1.0::DOUBLE, 1.10::DECIMAL(38,18), 'héllo "q"' || chr(10),
               TIMESTAMP '2024-01-02 03:04:05.123456', 864010010001::BIGINT,
               '6f1a3c2e-0000-4000-8000-000000000001'::UUID, '{"a":[1,2],"b":"x"}'::JSON, 1),
              (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 2),
              (false, -2147483648, (-9223372036854775807 - 1)::BIGINT, 'NaN'::DOUBLE, -0.5::DECIMAL(38,18), '',
               TIMESTAMP '1970-01-01 00:00:00', -1728020020002::BIGINT, '00000000-0000-0000-0000-000000000000'::UUID,
               '7'::JSON, 3),
              (false, 2147483647, 9223372036854775807::BIGINT, 'Infinity'::DOUBLE,
               99999999999999999999.999999999999999999::DECIMAL(38,18), '😀' || chr(9) || '€ \\',
               TIMESTAMP '0001-01-01 00:00:00', 9223372036854775807::BIGINT,
               'ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID, '"s"'::JSON, 4),
              (true, 0, 0::BIGINT, -0.0::DOUBLE, 0::DECIMAL(38,18), 'x', TIMESTAMP '9999-12-31 23:59:59.999999',
               (-9223372036854775807 - 1)::BIGINT, '6f1a3c2e-0000-4000-8000-000000000002'::UUID, '[]'::JSON, 5),
              (true, 1, 1::BIGINT, '-Infinity'::DOUBLE, 12345.25::DECIMAL(38,18), 'y', TIMESTAMP '1969-12-31 23:59:59.999999',
               0::BIGINT, '6f1a3c2e-0000-4000-8000-000000000003'::UUID, 'null'::JSON, 6),
              (true, 1, 1::BIGINT, 1e300::DOUBLE, -12345678901234567890.123::DECIMAL(38,18), 'z',
               TIMESTAMP '2000-02-29 12:00:00.000001', 1::BIGINT, '6f1a3c2e-0000-4000-8000-000000000004'::UUID,
               '{"k":"é"}'::JSON, 7),
              (true, 1, 1::BIGINT, 0.1::DOUBLE, 0.000000000000000001::DECIMAL(38,18), 'w',
               TIMESTAMP '2024-01-01 00:00:00', -1::BIGINT, '6f1a3c2e-0000-4000-8000-000000000005'::UUID,
               '1.5'::JSON, 8)) AS v(b, i, l, r, d, s, t, ts, g, dyn, o)
            ORDER BY o""";

    private static final List<String> EXPECTED = List.of(
            "[true,42,5000000000,1.0,\"1.1\",\"héllo \\\"q\\\"\\n\",\"2024-01-02T03:04:05.1234560Z\","
                    + "\"1.00:00:01.0010001\",\"6f1a3c2e-0000-4000-8000-000000000001\",{\"a\":[1,2],\"b\":\"x\"}]",
            "[null,null,null,null,null,\"\",null,null,null,null]",
            "[false,-2147483648,-9223372036854775808,\"NaN\",\"-0.5\",\"\",\"1970-01-01T00:00:00.0000000Z\","
                    + "\"-2.00:00:02.0020002\",\"00000000-0000-0000-0000-000000000000\",7]",
            "[false,2147483647,9223372036854775807,\"Infinity\",\"99999999999999999999.999999999999999999\","
                    + "\"😀\\t€ \\\\\",\"0001-01-01T00:00:00.0000000Z\",\"10675199.02:48:05.4775807\","
                    + "\"ffffffff-ffff-ffff-ffff-ffffffffffff\",\"s\"]",
            "[true,0,0,-0.0,\"0\",\"x\",\"9999-12-31T23:59:59.9999990Z\",\"-10675199.02:48:05.4775807\","
                    + "\"6f1a3c2e-0000-4000-8000-000000000002\",[]]",
            "[true,1,1,\"-Infinity\",\"12345.25\",\"y\",\"1969-12-31T23:59:59.9999990Z\",\"00:00:00\","
                    + "\"6f1a3c2e-0000-4000-8000-000000000003\",null]",
            "[true,1,1,1.0E300,\"-12345678901234567890.123\",\"z\",\"2000-02-29T12:00:00.0000010Z\","
                    + "\"00:00:00.0000001\",\"6f1a3c2e-0000-4000-8000-000000000004\",{\"k\":\"é\"}]",
            "[true,1,1,0.1,\"0.000000000000000001\",\"w\",\"2024-01-01T00:00:00.0000000Z\",\"-00:00:00.0000001\","
                    + "\"6f1a3c2e-0000-4000-8000-000000000005\",1.5]");

    private Connection connection;

    @BeforeEach
    void open() throws Exception {
        connection = DriverManager.getConnection("jdbc:duckdb:");
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    @Test
    void everyTypeFromDuckDb() {
        assertEquals(EXPECTED, rows(new SqlResult("PrimaryResult", COLUMNS, SQL, List.of())));
    }

    @Test
    void everyTypeFromJavaValues() {
        List<List<Object>> values = List.of(
                List.of(true, 42, 5_000_000_000L, 1.0, new BigDecimal("1.10"), "héllo \"q\"\n",
                        Instant.parse("2024-01-02T03:04:05.123456Z"), Duration.ofNanos(86_401_001_000_100L),
                        UUID.fromString("6f1a3c2e-0000-4000-8000-000000000001"), "{\"a\":[1,2],\"b\":\"x\"}"),
                Arrays.asList(null, null, null, null, null, null, null, null, null, null),
                List.of(false, Integer.MIN_VALUE, Long.MIN_VALUE, Double.NaN, new BigDecimal("-0.500"), "",
                        Instant.EPOCH, -1_728_020_020_002L, new UUID(0, 0), "7"),
                List.of(false, Integer.MAX_VALUE, Long.MAX_VALUE, Double.POSITIVE_INFINITY,
                        new BigDecimal("99999999999999999999.999999999999999999"), "😀\t€ \\",
                        Instant.parse("0001-01-01T00:00:00Z"), Long.MAX_VALUE, new UUID(-1, -1), "\"s\""),
                List.of(true, 0, 0L, -0.0, BigDecimal.ZERO, "x", Instant.parse("9999-12-31T23:59:59.999999Z"),
                        Long.MIN_VALUE, UUID.fromString("6f1a3c2e-0000-4000-8000-000000000002"), "[]"),
                List.of(true, 1, 1L, Double.NEGATIVE_INFINITY, new BigDecimal("12345.25"), "y",
                        Instant.parse("1969-12-31T23:59:59.999999Z"), Duration.ZERO,
                        UUID.fromString("6f1a3c2e-0000-4000-8000-000000000003"), "null"),
                List.of(true, 1, 1L, 1e300, new BigDecimal("-12345678901234567890.123"), "z",
                        Instant.parse("2000-02-29T12:00:00.000001Z"), "00:00:00.0000001",
                        UUID.fromString("6f1a3c2e-0000-4000-8000-000000000004"), "{\"k\":\"é\"}"),
                List.of(true, 1L, 1, 0.1, new BigDecimal("1E-18"), "w", "2024-01-01", -1L,
                        "6f1a3c2e-0000-4000-8000-000000000005", "1.5"));
        assertEquals(EXPECTED, rows(new RowsResult("PrimaryResult", COLUMNS, values)));
    }

    @Test
    void textColumnsKeepTheOrderOfTheirQuery() {
        String sql = "SELECT 'v' || range::VARCHAR, range FROM range(20000) ORDER BY hash(range)";
        List<String> rows = rows(new SqlResult("PrimaryResult",
                List.of(new Column("s", KustoType.STRING), new Column("n", KustoType.LONG)), sql, List.of()));
        List<String> expected = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement(sql); var rs = st.executeQuery()) {
            while (rs.next()) {
                expected.add("[\"" + rs.getString(1) + "\"," + rs.getLong(2) + "]");
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertEquals(expected, rows);
    }

    @Test
    void onlyTextColumnsOfKnownTypesAreFetchedAsBytes() throws Exception {
        List<KustoType> types = List.of(KustoType.STRING, KustoType.DYNAMIC, KustoType.LONG, KustoType.STRING);
        String sql = "SELECT 'a', '{}'::JSON, 1::BIGINT, 2::INTEGER";
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            String wire = JdbcRowEncoder.wireSql(sql, types, st.getMetaData());
            assertTrue(wire.startsWith("SELECT encode(CAST(kl_wire.w0 AS VARCHAR)), encode(CAST(kl_wire.w1 AS VARCHAR)),"
                    + " kl_wire.w2, kl_wire.w3 FROM ("), wire);
        }
        try (PreparedStatement st = connection.prepareStatement("SELECT 1::BIGINT")) {
            assertNull(JdbcRowEncoder.wireSql("SELECT 1::BIGINT", List.of(KustoType.LONG), st.getMetaData()));
        }
    }

    @Test
    void parametersStillBindWhenTheTypesAreOnlyKnownAtExecution() {
        SqlResult bound = new SqlResult("PrimaryResult", List.of(new Column("s", KustoType.STRING),
                new Column("t", KustoType.DATETIME)), "SELECT ? || 'x', ?::TIMESTAMP",
                List.of("a\"", Instant.parse("2020-02-03T04:05:06Z")));
        assertEquals(List.of("[\"a\\\"x\",\"2020-02-03T04:05:06.0000000Z\"]"), rows(bound));
    }

    @Test
    void aRowThatFailsHalfWayLeavesNoPartOfIt() throws Exception {
        RowsResult result = new RowsResult("PrimaryResult",
                List.of(new Column("n", KustoType.LONG), new Column("t", KustoType.DATETIME)),
                List.of(List.of(1L, "2024-01-01"), List.of(2L, "not a datetime"), List.of(3L, "2024-01-03")));
        String json = new String(writeV2(result), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"Rows\":[[1,\"2024-01-01T00:00:00.0000000Z\"],{\"OneApiErrors\":"), json);
        var frames = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        assertEquals(2, frames.get(2).get("Rows").size());
        assertTrue(frames.get(frames.size() - 1).get("HasErrors").asBoolean());
    }

    @Test
    void anErrorRowAfterNoRowsHasNoComma() throws Exception {
        RowsResult result = new RowsResult("PrimaryResult", List.of(new Column("t", KustoType.DATETIME)),
                List.of(List.of("not a datetime")));
        String json = new String(writeV2(result), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(json.contains("\"Rows\":[{\"OneApiErrors\":"), json);
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    }

    private byte[] writeV2(TabularResult result) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        RequestIds ids = new RequestIds("crid", UUID.randomUUID().toString(), Instant.now());
        new V2ResponseWriter(ids, ResultLimits.DEFAULT, null).write(out,
                List.of(ResultCursor.of(result, connection, null)));
        return out.toByteArray();
    }

    private List<String> rows(TabularResult result) {
        List<String> rows = new ArrayList<>();
        try (ResultCursor cursor = ResultCursor.of(result, connection, null)) {
            cursor.start();
            while (cursor.next()) {
                JsonBuffer out = new JsonBuffer(8);
                cursor.writeRow(out);
                rows.add(out.toString());
            }
        }
        return rows;
    }
}
