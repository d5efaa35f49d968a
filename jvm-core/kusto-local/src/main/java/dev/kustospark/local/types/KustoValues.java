package dev.kustospark.local.types;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text forms of Kusto datetime and timespan values, exactly as the service writes them, and the
 * lenient parsers the service applies to ingested text and literals.
 */
public final class KustoValues {
    /** 100-nanosecond ticks per unit, as .NET counts time. */
    public static final long TICKS_PER_MICROSECOND = 10L;
    public static final long TICKS_PER_MILLISECOND = 10_000L;
    public static final long TICKS_PER_SECOND = 10_000_000L;
    public static final long TICKS_PER_MINUTE = 60 * TICKS_PER_SECOND;
    public static final long TICKS_PER_HOUR = 60 * TICKS_PER_MINUTE;
    public static final long TICKS_PER_DAY = 24 * TICKS_PER_HOUR;

    private static final DateTimeFormatter WIRE_DATETIME = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 7, 7, true)
            .appendLiteral('Z')
            .toFormatter()
            .withZone(ZoneOffset.UTC);

    /** {@code [-][d.]hh:mm:ss[.fffffff]} as .NET's TimeSpan prints and parses it. */
    private static final Pattern TIMESPAN_CLOCK = Pattern.compile(
            "^(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?$");

    /** KQL timespan literals such as {@code 1d}, {@code 2.5h}, {@code 30m}, {@code 100ms}. */
    private static final Pattern TIMESPAN_UNIT = Pattern.compile(
            "^(-)?(\\d+(?:\\.\\d+)?)\\s*(d|day|days|h|hr|hrs|hour|hours|m|min|minute|minutes|s|sec|second|seconds"
                    + "|ms|milli|millis|millisecond|milliseconds|microsecond|microseconds|tick|ticks)$",
            Pattern.CASE_INSENSITIVE);

    private KustoValues() {}

    /** Formats an instant as the service does: {@code 2024-01-02T03:04:05.1234567Z}. */
    public static String formatDateTime(Instant instant) {
        return WIRE_DATETIME.format(instant);
    }

    /** Formats a JDBC timestamp read from DuckDB, whose local date-time is UTC. */
    public static String formatDateTime(LocalDateTime utc) {
        return formatDateTime(utc.toInstant(ZoneOffset.UTC));
    }

    /**
     * Parses a datetime as Kusto accepts it in data and in {@code datetime(...)} literals: ISO 8601
     * with or without zone (no zone means UTC), a space instead of {@code T}, a date alone.
     *
     * @throws IllegalArgumentException when the text is not a datetime
     */
    public static Instant parseDateTime(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty datetime");
        }
        s = s.replace(' ', 'T');
        try {
            if (s.length() <= 10) {
                return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            char last = s.charAt(s.length() - 1);
            if (last == 'Z' || last == 'z' || s.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(s.replace('z', 'Z'), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            }
            return LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a datetime: '" + text + "'", e);
        }
    }

    /** Formats ticks as .NET's TimeSpan does: {@code -1.02:03:04.5000000}, {@code 00:00:00}. */
    public static String formatTimespan(long ticks) {
        StringBuilder sb = new StringBuilder(20);
        long t = ticks;
        if (t < 0) {
            sb.append('-');
            // Long.MIN_VALUE has no positive counterpart; .NET's TimeSpan.MinValue prints the same digits.
            t = t == Long.MIN_VALUE ? Long.MAX_VALUE : -t;
        }
        long days = t / TICKS_PER_DAY;
        long rest = t % TICKS_PER_DAY;
        if (days > 0) {
            sb.append(days).append('.');
        }
        appendTwo(sb, rest / TICKS_PER_HOUR).append(':');
        rest %= TICKS_PER_HOUR;
        appendTwo(sb, rest / TICKS_PER_MINUTE).append(':');
        rest %= TICKS_PER_MINUTE;
        appendTwo(sb, rest / TICKS_PER_SECOND);
        long fraction = rest % TICKS_PER_SECOND;
        if (fraction != 0) {
            String digits = Long.toString(fraction);
            sb.append('.').append("0000000", digits.length(), 7).append(digits);
        }
        return sb.toString();
    }

    public static String formatTimespan(Duration duration) {
        return formatTimespan(toTicks(duration));
    }

    /**
     * Parses a timespan as Kusto accepts it: the clock form {@code [-][d.]hh:mm[:ss[.fffffff]]}
     * or a KQL unit literal ({@code 1d}, {@code 1.5h}, {@code 10ms}...).
     *
     * @return the value in ticks
     * @throws IllegalArgumentException when the text is not a timespan
     */
    public static long parseTimespan(String text) {
        String s = text.trim();
        Matcher m = TIMESPAN_CLOCK.matcher(s);
        if (m.matches()) {
            long ticks = (m.group(2) == null ? 0 : Long.parseLong(m.group(2))) * TICKS_PER_DAY
                    + Long.parseLong(m.group(3)) * TICKS_PER_HOUR
                    + Long.parseLong(m.group(4)) * TICKS_PER_MINUTE
                    + (m.group(5) == null ? 0 : Long.parseLong(m.group(5))) * TICKS_PER_SECOND;
            if (m.group(6) != null) {
                String f = (m.group(6) + "0000000").substring(0, 7);
                ticks += Long.parseLong(f);
            }
            return m.group(1) != null ? -ticks : ticks;
        }
        m = TIMESPAN_UNIT.matcher(s);
        if (m.matches()) {
            BigDecimal amount = new BigDecimal(m.group(2));
            long ticks = amount.multiply(BigDecimal.valueOf(unitTicks(m.group(3).toLowerCase()))).longValue();
            return m.group(1) != null ? -ticks : ticks;
        }
        throw new IllegalArgumentException("not a timespan: '" + text + "'");
    }

    private static long unitTicks(String unit) {
        switch (unit) {
            case "d": case "day": case "days": return TICKS_PER_DAY;
            case "h": case "hr": case "hrs": case "hour": case "hours": return TICKS_PER_HOUR;
            case "m": case "min": case "minute": case "minutes": return TICKS_PER_MINUTE;
            case "s": case "sec": case "second": case "seconds": return TICKS_PER_SECOND;
            case "ms": case "milli": case "millis": case "millisecond": case "milliseconds": return TICKS_PER_MILLISECOND;
            case "microsecond": case "microseconds": return TICKS_PER_MICROSECOND;
            default: return 1L; // tick, ticks
        }
    }

    public static long toTicks(Duration d) {
        return Math.addExact(Math.multiplyExact(d.getSeconds(), TICKS_PER_SECOND), d.getNano() / 100);
    }

    public static Duration fromTicks(long ticks) {
        return Duration.ofSeconds(Math.floorDiv(ticks, TICKS_PER_SECOND), Math.floorMod(ticks, TICKS_PER_SECOND) * 100);
    }

    /**
     * Microseconds since the Unix epoch, the unit of DuckDB's {@code TIMESTAMP}; exact for the whole of
     * Kusto's range 0001-01-01..9999-12-31 (a count of nanoseconds would overflow outside 1677..2262).
     */
    public static long toEpochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    public static Instant fromEpochMicros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    /** Ticks since the Unix epoch, the unit datetime arithmetic works in. */
    public static long toEpochTicks(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), TICKS_PER_SECOND), instant.getNano() / 100);
    }

    private static StringBuilder appendTwo(StringBuilder sb, long v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}
