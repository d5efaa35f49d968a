package dev.kustospark.spark.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class V2ResultReaderTest {
    private static final String HEADER = "[{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":false,\"Version\":\"v2.0\"},"
            + "{\"FrameType\":\"DataTable\",\"TableId\":0,\"TableKind\":\"QueryProperties\",\"TableName\":\"@ExtendedProperties\","
            + "\"Columns\":[{\"ColumnName\":\"Value\",\"ColumnType\":\"dynamic\"}],\"Rows\":[[\"{}\"]]},";

    private static V2ResultReader reader(String body, StructType schema) throws Exception {
        return new V2ResultReader(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), schema);
    }

    @Test
    void readsEveryTypeAndNullsFromThePrimaryTable() throws Exception {
        StructType schema = new StructType().add("s", "string").add("i", "int").add("l", "long").add("b", "boolean")
                .add("r", "double").add("d", DataTypes.createDecimalType(38, 18)).add("t", "timestamp")
                .add("ts", "string").add("dyn", "string");
        String body = HEADER + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\",\"TableName\":\"PrimaryResult\","
                + "\"Columns\":[{\"ColumnName\":\"s\",\"ColumnType\":\"string\"},{\"ColumnName\":\"i\",\"ColumnType\":\"int\"},"
                + "{\"ColumnName\":\"l\",\"ColumnType\":\"long\"},{\"ColumnName\":\"b\",\"ColumnType\":\"bool\"},"
                + "{\"ColumnName\":\"r\",\"ColumnType\":\"real\"},{\"ColumnName\":\"d\",\"ColumnType\":\"decimal\"},"
                + "{\"ColumnName\":\"t\",\"ColumnType\":\"datetime\"},{\"ColumnName\":\"ts\",\"ColumnType\":\"timespan\"},"
                + "{\"ColumnName\":\"dyn\",\"ColumnType\":\"dynamic\"}],"
                + "\"Rows\":[[\"a\\\"b\",1,9007199254740993,true,1.5,\"123.000000000000000001\",\"2024-01-02T03:04:05.1234567Z\","
                + "\"1.02:03:04.5000000\",{\"k\":[1,2]}],"
                + "[null,null,null,null,\"NaN\",null,null,null,null]]},"
                + "{\"FrameType\":\"DataTable\",\"TableId\":2,\"TableKind\":\"QueryCompletionInformation\",\"TableName\":\"QCI\","
                + "\"Columns\":[],\"Rows\":[]},{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,\"Cancelled\":false}]";
        try (V2ResultReader r = reader(body, schema)) {
            assertTrue(r.next());
            InternalRow row = r.current();
            assertEquals("a\"b", row.getUTF8String(0).toString());
            assertEquals(1, row.getInt(1));
            assertEquals(9007199254740993L, row.getLong(2));
            assertTrue(row.getBoolean(3));
            assertEquals(1.5, row.getDouble(4));
            assertEquals("123.000000000000000001", row.getDecimal(5, 38, 18).toJavaBigDecimal().toPlainString());
            assertEquals(1704164645123456L, row.getLong(6));
            assertEquals("1.02:03:04.5000000", row.getUTF8String(7).toString());
            assertEquals("{\"k\":[1,2]}", row.getUTF8String(8).toString());
            assertTrue(r.next());
            InternalRow nulls = r.current();
            assertTrue(nulls.isNullAt(0));
            assertTrue(Double.isNaN(nulls.getDouble(4)));
            assertTrue(nulls.isNullAt(8));
            assertFalse(r.next());
        }
    }

    /** A response of one column {@code c} of Kusto type {@code kustoType} holding one row with {@code json}. */
    private static String oneValue(String kustoType, String json) {
        return HEADER + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\","
                + "\"TableName\":\"PrimaryResult\",\"Columns\":[{\"ColumnName\":\"c\",\"ColumnType\":\"" + kustoType
                + "\"}],\"Rows\":[[" + json + "]]},{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false}]";
    }

    private static InternalRow readOne(String kustoType, String json, org.apache.spark.sql.types.DataType type)
            throws Exception {
        try (V2ResultReader r = reader(oneValue(kustoType, json), new StructType().add("c", type))) {
            assertTrue(r.next());
            return r.current();
        }
    }

    @Test
    void aValueThatDoesNotFitItsSparkTypeFailsTheReadNamingColumnValueAndAWiderType() throws Exception {
        Object[][] cases = {
            // Beyond the default decimal(38,18): too many digits before the point, or after it.
            {"decimal", "\"12345678901234567890123.5\"", DataTypes.createDecimalType(38, 18), "12345678901234567890123.5",
                "decimal(38,1) or string"},
            {"decimal", "\"0.0000000000000000001\"", DataTypes.createDecimalType(38, 18), "0.0000000000000000001",
                "decimal(38,19) or string"},
            // customSchema types that would round, wrap, truncate or guess.
            {"decimal", "\"1.005\"", DataTypes.createDecimalType(10, 2), "1.005", "decimal(38,3) or string"},
            {"int", "100000", DataTypes.ShortType, "100000", "bigint"},
            {"long", "3000000000", DataTypes.IntegerType, "3000000000", "bigint"},
            {"real", "1.5", DataTypes.LongType, "1.5", "double, decimal or string"},
            {"real", "1e300", DataTypes.FloatType, "1.0E300", "double"},
            {"string", "\"yes\"", DataTypes.BooleanType, "yes", "string"},
            {"datetime", "\"2024-01-02T03:04:05Z\"", DataTypes.DateType, "2024-01-02T03:04:05.0000000Z", "timestamp"},
        };
        for (Object[] c : cases) {
            var e = assertThrows(dev.kustospark.spark.KustoConnectorException.class,
                    () -> readOne((String) c[0], (String) c[1], (org.apache.spark.sql.types.DataType) c[2]),
                    () -> c[0] + " " + c[1]);
            String message = e.getMessage();
            assertTrue(message.startsWith("column 'c': the Kusto value " + c[3] + " does not fit the Spark type "
                    + ((org.apache.spark.sql.types.DataType) c[2]).simpleString()), message);
            assertTrue(message.contains("Read the column as " + c[4] + " with option customSchema"), message);
        }
        // What fits is read exactly, trailing zeros or not.
        assertEquals("1.50", readOne("decimal", "\"1.500\"", DataTypes.createDecimalType(10, 2)).getDecimal(0, 10, 2)
                .toJavaBigDecimal().toPlainString());
        assertEquals(-32768, readOne("int", "-32768", DataTypes.ShortType).getShort(0));
        assertEquals(19724, readOne("datetime", "\"2024-01-02T00:00:00Z\"", DataTypes.DateType).getInt(0));
        assertEquals(2L, readOne("real", "2.0", DataTypes.LongType).getLong(0));
    }

    @Test
    void lateErrorsAfterTheRowsFailTheReadWithKustosMessage() throws Exception {
        String body = HEADER + "{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\",\"TableName\":\"PrimaryResult\","
                + "\"Columns\":[{\"ColumnName\":\"x\",\"ColumnType\":\"long\"}],\"Rows\":[[1]]},"
                + "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":true,\"Cancelled\":false,"
                + "\"OneApiErrors\":[{\"error\":{\"code\":\"LimitsExceeded\",\"message\":\"Query result set has exceeded the internal record count limit\"}}]}]";
        try (V2ResultReader r = reader(body, new StructType().add("x", "long"))) {
            assertTrue(r.next());
            var e = assertThrows(V2ResultReader.KustoResponseException.class, r::next);
            assertTrue(e.getMessage().contains("exceeded the internal record count limit"), e.getMessage());
        }
    }

    @Test
    void inlineErrorRowFailsTheRead() throws Exception {
        String body = "[{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\",\"TableName\":\"PrimaryResult\","
                + "\"Columns\":[{\"ColumnName\":\"x\",\"ColumnType\":\"long\"}],\"Rows\":[[1],"
                + "{\"OneApiErrors\":[{\"error\":{\"code\":\"E\",\"message\":\"boom\"}}]}]}]";
        try (V2ResultReader r = reader(body, new StructType().add("x", "long"))) {
            assertTrue(r.next());
            assertEquals(1L, r.current().getLong(0));
            var e = assertThrows(V2ResultReader.KustoResponseException.class, r::next);
            assertTrue(e.getMessage().contains("boom"), e.getMessage());
        }
    }

    @Test
    void progressiveResultsAreRefusedWithTheSettingToRemove() throws Exception {
        String body = "[{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":true,\"Version\":\"v2.0\"},"
                + "{\"FrameType\":\"TableHeader\",\"TableId\":1,\"TableKind\":\"PrimaryResult\",\"TableName\":\"PrimaryResult\","
                + "\"Columns\":[{\"ColumnName\":\"x\",\"ColumnType\":\"long\"}]}]";
        try (V2ResultReader r = reader(body, new StructType().add("x", "long"))) {
            var e = assertThrows(V2ResultReader.KustoResponseException.class, r::next);
            assertTrue(e.getMessage().contains("results_progressive_enabled"), e.getMessage());
        }
    }

    /** A v2 body of {@code rows} rows generated as it is read, counting the bytes handed out. */
    private static final class GeneratedBody extends java.io.InputStream {
        private final long rows;
        private long nextRow;
        private byte[] chunk = ("[{\"FrameType\":\"DataTable\",\"TableId\":1,\"TableKind\":\"PrimaryResult\","
                + "\"TableName\":\"PrimaryResult\",\"Columns\":[{\"ColumnName\":\"x\",\"ColumnType\":\"long\"},"
                + "{\"ColumnName\":\"s\",\"ColumnType\":\"string\"}],\"Rows\":[").getBytes(StandardCharsets.UTF_8);
        private int position;
        private boolean ended;
        long bytesRead;

        GeneratedBody(long rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            if (position == chunk.length && !refill()) {
                return -1;
            }
            bytesRead++;
            return chunk[position++] & 0xff;
        }

        private boolean refill() {
            if (ended) {
                return false;
            }
            position = 0;
            if (nextRow < rows) {
                chunk = ((nextRow > 0 ? "," : "") + "[" + nextRow + ",\"row " + nextRow + " padding padding padding\"]")
                        .getBytes(StandardCharsets.UTF_8);
                nextRow++;
            } else {
                chunk = "]},{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,\"Cancelled\":false}]"
                        .getBytes(StandardCharsets.UTF_8);
                ended = true;
            }
            return true;
        }
    }

    @Test
    void rowsAreReadAsTheResponseArrivesNotAfterIt() throws Exception {
        GeneratedBody body = new GeneratedBody(2_000_000);
        try (V2ResultReader r = new V2ResultReader(body, new StructType().add("x", "long").add("s", "string"))) {
            assertTrue(r.next());
            assertEquals(0L, r.current().getLong(0));
            // The body is over 80 MB; the first row needs only the parser's first buffer of it.
            assertTrue(body.bytesRead < 64 * 1024, "bytes read for the first row: " + body.bytesRead);
            long count = 1;
            long sum = 0;
            while (r.next()) {
                sum += r.current().getLong(0);
                count++;
            }
            assertEquals(2_000_000L, count);
            assertEquals(2_000_000L * 1_999_999L / 2, sum);
        }
    }
}
