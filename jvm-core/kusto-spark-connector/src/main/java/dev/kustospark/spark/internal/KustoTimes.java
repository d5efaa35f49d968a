package dev.kustospark.spark.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kusto's text forms of instants and timespans, which the JSON of the builders carries. Kusto keeps
 * both at 100-nanosecond (tick) precision, so finer values are refused instead of silently rounded.
 */
public final class KustoTimes {
    private static final long NANOS_PER_TICK = 100;
    private static final Pattern TIMESPAN = Pattern.compile(
            "(-)?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,7}))?");
    private static final Pattern SHORT_TIMESPAN = Pattern.compile("(-)?(\\d+(?:\\.\\d+)?)(d|h|m|s|ms|microsecond|tick)");

    private KustoTimes() {}

    /** {@code 2024-01-02T03:04:05.1234567Z}: always seven fractional digits, always UTC. */
    public static String instant(Instant value, String what) {
        requireTicks(value.getNano(), what, value.toString());
        String base = java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss")
                .withZone(java.time.ZoneOffset.UTC).format(value);
        return base + "." + String.format("%07d", value.getNano() / NANOS_PER_TICK) + "Z";
    }

    /** {@code [-][d.]hh:mm:ss[.fffffff]}: days only when non-zero, the fraction only when non-zero. */
    public static String timespan(Duration value, String what) {
        boolean negative = value.isNegative();
        Duration abs = value.abs();
        requireTicks(abs.getNano(), what, value.toString());
        long days = abs.toDays();
        StringBuilder text = new StringBuilder();
        if (negative) {
            text.append('-');
        }
        if (days > 0) {
            text.append(days).append('.');
        }
        text.append(String.format("%02d:%02d:%02d", abs.toHoursPart(), abs.toMinutesPart(), abs.toSecondsPart()));
        if (abs.getNano() != 0) {
            text.append('.').append(String.format("%07d", abs.getNano() / NANOS_PER_TICK));
        }
        return text.toString();
    }

    /**
     * Parses a timespan as Kusto writes it ({@code 1.02:03:04.5}) or as a KQL literal
     * ({@code 10m}, {@code 2d}, {@code 1.5h}); null when the text is neither.
     */
    public static Duration parseTimespanOrNull(String text) {
        String t = text.trim();
        Matcher m = TIMESPAN.matcher(t);
        if (m.matches()) {
            long hours = Long.parseLong(m.group(3));
            long minutes = Long.parseLong(m.group(4));
            long seconds = Long.parseLong(m.group(5));
            if (minutes > 59 || seconds > 59 || (m.group(2) != null && hours > 23)) {
                return null;
            }
            Duration d = Duration.ofDays(m.group(2) == null ? 0 : Long.parseLong(m.group(2)))
                    .plusHours(hours).plusMinutes(minutes).plusSeconds(seconds);
            if (m.group(6) != null) {
                String fraction = (m.group(6) + "000000").substring(0, 7);
                d = d.plusNanos(Long.parseLong(fraction) * NANOS_PER_TICK);
            }
            return m.group(1) == null ? d : d.negated();
        }
        Matcher s = SHORT_TIMESPAN.matcher(t);
        if (s.matches()) {
            BigDecimal amount = new BigDecimal(s.group(2));
            long nanosPerUnit = switch (s.group(3)) {
                case "d" -> 86_400_000_000_000L;
                case "h" -> 3_600_000_000_000L;
                case "m" -> 60_000_000_000L;
                case "s" -> 1_000_000_000L;
                case "ms" -> 1_000_000L;
                case "microsecond" -> 1_000L;
                default -> NANOS_PER_TICK;
            };
            BigDecimal nanos = amount.multiply(BigDecimal.valueOf(nanosPerUnit));
            if (nanos.stripTrailingZeros().scale() > 0) {
                return null;
            }
            BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(BigDecimal.valueOf(1_000_000_000L));
            Duration d = Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
            return s.group(1) == null ? d : d.negated();
        }
        return null;
    }

    /**
     * Parses an instant given as ISO-8601 ({@code 2024-01-02T03:04:05.1234567Z}, an offset, or no
     * zone meaning UTC) or as decimal epoch seconds ({@code 1704164645.123000000}, as the
     * established connector prints it); null when the text is neither.
     */
    public static Instant parseInstantOrNull(String text) {
        String t = text.trim();
        if (t.matches("-?\\d+(\\.\\d+)?")) {
            BigDecimal seconds = new BigDecimal(t);
            BigDecimal whole = new BigDecimal(seconds.toBigInteger());
            BigDecimal nanos = seconds.subtract(whole).movePointRight(9);
            if (nanos.stripTrailingZeros().scale() > 0) {
                return null;
            }
            return Instant.ofEpochSecond(whole.longValueExact(), nanos.longValueExact());
        }
        try {
            return java.time.OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return null;
            }
        }
    }

    private static void requireTicks(int nanos, String what, String value) {
        if (nanos % NANOS_PER_TICK != 0) {
            throw new IllegalArgumentException(what + " '" + value + "' is finer than Kusto's 100-nanosecond precision;"
                    + " round it to a multiple of 100 ns (7 fractional digits of a second)");
        }
    }
}
