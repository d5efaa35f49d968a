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
        CsvParseRateTest.ParsedRows parsed = CsvParseRateTest.parseAll(DataFormat.JSON, new ByteArrayInputStream(body),
                "json");
        assertEquals(ROWS, parsed.count());
        assertEquals((long) ROWS * (ROWS - 1) / 2, parsed.idSum());
        assertEquals("name " + (ROWS - 1), parsed.last()[1]);
        assertEquals((ROWS - 1) * 0.5, parsed.last()[2]);
        assertEquals(Instant.parse("2024-01-01T00:00:09Z"), parsed.last()[3]);
    }
}
