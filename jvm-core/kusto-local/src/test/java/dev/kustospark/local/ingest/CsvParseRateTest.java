package dev.kustospark.local.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kustospark.local.storage.ColumnInfo;
import dev.kustospark.local.types.KustoType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and conversion alone, without storage: the rate is printed, correctness asserted. */
class CsvParseRateTest {
    static final int ROWS = 1_000_000;

    /** Generates {@code id,name,score,time} lines on the fly so that the payload is never held whole. */
    static InputStream generatedCsv(int rows) {
        return new InputStream() {
            private int next;
            private byte[] line = new byte[0];
            private int pos;

            @Override
            public int read() {
                if (pos == line.length) {
                    if (next == rows) {
                        return -1;
                    }
                    int second = next % 60;
                    line = (next + ",\"name " + next + "\"," + (next * 0.5) + ",2024-01-01T00:00:"
                            + (second < 10 ? "0" : "") + second + "Z\n").getBytes(StandardCharsets.UTF_8);
                    pos = 0;
                    next++;
                }
                return line[pos++] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
    }

    static final List<ColumnInfo> COLUMNS = List.of(new ColumnInfo("id", KustoType.LONG, "c0"),
            new ColumnInfo("name", KustoType.STRING, "c1"),
            new ColumnInfo("score", KustoType.REAL, "c2"),
            new ColumnInfo("time", KustoType.DATETIME, "c3"));

    @Test
    void generatorAlone() throws Exception {
        long start = System.nanoTime();
        byte[] buf = new byte[65536];
        long bytes = 0;
        try (InputStream in = generatedCsv(ROWS)) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                bytes += n;
            }
        }
        System.out.printf("generator: %d bytes in %.2f s%n", bytes, (System.nanoTime() - start) / 1e9);
        assertEquals(true, bytes > ROWS * 30L);
    }

    @Test
    void parsesAMillionRows() {
        ParsedRows parsed = parseAll(DataFormat.CSV, generatedCsv(ROWS), "csv");
        assertEquals(ROWS, parsed.count());
        assertEquals((long) ROWS * (ROWS - 1) / 2, parsed.idSum());
        assertEquals("name 999999", parsed.last()[1]);
        assertEquals(999999 * 0.5, parsed.last()[2]);
        assertEquals(Instant.parse("2024-01-01T00:00:39Z"), parsed.last()[3]);
    }

    /** What parsing a payload of {@link #COLUMNS} rows gave: how many rows, the sum of their ids, the last row. */
    record ParsedRows(long count, long idSum, Object[] last) {}

    /** Parses and converts every row of {@code body}, printing the rate under {@code label}. */
    static ParsedRows parseAll(DataFormat format, InputStream body, String label) {
        ColumnPlan plan = ColumnPlan.build(COLUMNS, "T", format, null);
        long start = System.nanoTime();
        long count = 0;
        long idSum = 0;
        Object[] last = null;
        try (RowReader reader = RowReader.open(format, body, plan, false)) {
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                count++;
                idSum += (Long) row[0];
                last = row;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s parse+convert: %d rows in %.2f s (%.0f rows/s)%n", label, count, seconds,
                count / seconds);
        return new ParsedRows(count, idSum, last);
    }
}
