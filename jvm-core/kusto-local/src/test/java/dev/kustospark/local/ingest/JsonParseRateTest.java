package dev.kustospark.local.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** JSON Lines parsing and conversion alone: the rate is printed, correctness asserted. */
class JsonParseRateTest {
    private static final int ROWS = 200_000;

    @Test
    void parsesJsonLines() {
        StringBuilder sb = new StringBuilder(ROWS * 80);
        for (int i = 0; i < ROWS; i++) {
            sb.append("{\"id\":").append(i).append(",\"name\":\"name ").append(i).append("\",\"score\":")
                    .append(i * 0.5).append(",\"time\":\"2024-01-01T00:00:0").append(i % 10).append("Z\"}\n");
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        ColumnPlan plan = ColumnPlan.build(CsvParseRateTest.COLUMNS, "T", DataFormat.JSON, null);
        long start = System.nanoTime();
        long count = 0;
        long idSum = 0;
        Object[] last = null;
        try (RowReader reader = RowReader.open(DataFormat.JSON, new ByteArrayInputStream(body), plan, false)) {
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                count++;
                idSum += (Long) row[0];
                last = row;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("json parse+convert: %d rows in %.2f s (%.0f rows/s)%n", count, seconds, count / seconds);
        assertEquals(ROWS, count);
        assertEquals((long) ROWS * (ROWS - 1) / 2, idSum);
        assertEquals("name " + (ROWS - 1), last[1]);
        assertEquals((ROWS - 1) * 0.5, last[2]);
        assertEquals(Instant.parse("2024-01-01T00:00:09Z"), last[3]);
    }
}
