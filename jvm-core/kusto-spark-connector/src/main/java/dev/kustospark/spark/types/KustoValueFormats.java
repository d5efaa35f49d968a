package dev.kustospark.spark.types;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/** The text forms Kusto reads and writes for datetimes: ISO 8601, UTC, 7 fractional digits, a trailing Z. */
public final class KustoValueFormats {
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    private KustoValueFormats() {}

    /** {@code 2024-01-02T03:04:05.1234560Z}. */
    public static String datetime(Instant instant) {
        return DATETIME.format(instant);
    }

    /** Microseconds since the epoch (Spark's internal timestamp) as a Kusto datetime. */
    public static String datetimeFromMicros(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        long nanos = Math.floorMod(micros, 1_000_000L) * 1000L;
        return datetime(Instant.ofEpochSecond(seconds, nanos));
    }

    /** A wall-clock time without zone, written as that time in UTC (Spark's TIMESTAMP_NTZ). */
    public static String datetime(LocalDateTime local) {
        return datetime(local.toInstant(ZoneOffset.UTC));
    }

    /** Parses Kusto's datetime text ({@code ...Z}, up to 7 fractional digits) into microseconds since the epoch. */
    public static long parseDatetimeToMicros(String text) {
        Instant instant = Instant.parse(text);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000L);
    }
}
