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

    /**
     * Parses Kusto's datetime text ({@code ...Z}, up to 7 fractional digits) into microseconds since
     * the epoch. The form Kusto writes, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, is read by hand (a read
     * spent nearly half its parsing time in {@link Instant#parse}); anything else goes to
     * {@link Instant#parse}, with the same result and errors as before.
     */
    public static long parseDatetimeToMicros(String text) {
        long fast = parseKustoForm(text);
        if (fast != Long.MIN_VALUE) {
            return fast;
        }
        Instant instant = Instant.parse(text);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000L);
    }

    /** Microseconds of {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, or {@code Long.MIN_VALUE} for any other text. */
    private static long parseKustoForm(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z') {
            return Long.MIN_VALUE;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 28 && day > java.time.YearMonth.of(year, month)
                .lengthOfMonth() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
            return Long.MIN_VALUE;
        }
        long micros = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return Long.MIN_VALUE;
            }
            for (int i = 0; i < 6; i++) {
                int digit = i < fractionDigits ? text.charAt(20 + i) - '0' : 0;
                if (digit < 0 || digit > 9) {
                    return Long.MIN_VALUE;
                }
                micros = micros * 10 + digit;
            }
            for (int i = 6; i < fractionDigits; i++) {
                char c = text.charAt(20 + i);
                if (c < '0' || c > '9') {
                    return Long.MIN_VALUE;
                }
            }
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        long seconds = days * 86_400L + hour * 3_600L + minute * 60L + second;
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micros);
    }

    /** The decimal number of {@code count} ASCII digits at {@code start}, or -1 if one is not a digit. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }
}
