package dev.kustospark.local.protocol;

import com.fasterxml.jackson.core.io.NumberOutput;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The text forms of Kusto reals, decimals, datetimes and timespans, appended to a {@link JsonBuffer}
 * digit by digit. They produce exactly what {@link KustoValues}'s formatters produce (the reference,
 * and the fallback for values outside the common range); this class exists because going through
 * java.time formatters and BigDecimal arithmetic for every cell of a large result dominated its cost.
 */
final class WireValues {
    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    private static final long[] POWERS_OF_TEN = new long[19];

    /** Reals with up to this many fractional digits skip the general shortest-digits algorithm. */
    private static final int SHORT_FRACTION_DIGITS = 9;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    /** The 128-bit quotient of {@link #divide}, which has two results besides its remainder. */
    private long quotientHigh;
    private long quotientLow;

    /** The day of the last datetime written and its {@code yyyy-MM-dd}: neighbouring rows often share it. */
    private long cachedDay = Long.MIN_VALUE;
    private final byte[] cachedDate = new byte[10];

    /**
     * A real as a JSON number that always has a decimal point or an exponent (the Java SDK reads a bare
     * integer as Integer and then fails to cast it to Double); NaN and infinities as strings. The
     * digits are the shortest that read back as the same double, in {@link Double#toString}'s layout.
     */
    void real(JsonBuffer out, double v) {
        if (v != v) {
            out.ascii("\"NaN\"");
        } else if (v == Double.POSITIVE_INFINITY) {
            out.ascii("\"Infinity\"");
        } else if (v == Double.NEGATIVE_INFINITY) {
            out.ascii("\"-Infinity\"");
        } else if (v == (long) v && Math.abs(v) < 1e7 && (v != 0 || 1 / v > 0)) {
            // Whole numbers below 10^7 print as "123.0": no need for the general algorithm.
            out.number((long) v);
            out.ascii(".0");
        } else if (!shortDecimal(out, v)) {
            out.ascii(NumberOutput.toString(v, true));
        }
    }

    /**
     * Writes {@code v} in plain notation when it is the double nearest to a decimal of at most 15
     * significant digits, with at most {@link #SHORT_FRACTION_DIGITS} of them after the point, and
     * lies where {@link Double#toString} does not use an exponent (10^-3 to 10^7). Such a decimal is
     * the shortest text that reads back as {@code v}: every shorter candidate has fewer fractional
     * digits and was tried first, and 15 digits are too few for two decimals to share a double.
     * Values like 0.25 or 12.5 take this path; any other goes through the general algorithm.
     */
    private static boolean shortDecimal(JsonBuffer out, double v) {
        double magnitude = Math.abs(v);
        if (!(magnitude >= 1e-3 && magnitude < 1e7)) {
            return false;
        }
        for (int k = 1; k <= SHORT_FRACTION_DIGITS; k++) {
            double scaled = magnitude * POWERS_OF_TEN[k];
            double m = Math.rint(scaled);
            if (m >= 1e15) {
                return false;
            }
            // m and 10^k are exact doubles and the division is correctly rounded, so equality means
            // that v is the double nearest to m / 10^k.
            if (m / POWERS_OF_TEN[k] == magnitude) {
                long digits = (long) m;
                if (v < 0) {
                    out.ascii('-');
                }
                out.number(digits / POWERS_OF_TEN[k]);
                out.ascii('.');
                out.digits(digits % POWERS_OF_TEN[k], k);
                return true;
            }
        }
        return false;
    }

    /**
     * A decimal as a string with only its significant fractional digits ({@code "1.1"}, {@code "0"}).
     * DuckDB's DECIMAL(38,18) reaches here as an unscaled value of up to 126 bits, beyond a long for
     * anything above 9.2; it is split into integer and fraction with two divisions of 32-bit limbs
     * instead of BigInteger division, which is the slow part of {@link BigDecimal#stripTrailingZeros}.
     */
    void decimal(JsonBuffer out, BigDecimal v) {
        int scale = v.scale();
        BigInteger unscaled = v.unscaledValue();
        BigInteger magnitude = unscaled.signum() < 0 ? unscaled.negate() : unscaled;
        if (scale < 0 || scale >= POWERS_OF_TEN.length || magnitude.bitLength() > 126) {
            out.string(v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString());
            return;
        }
        // magnitude = quotient * 10^scale + fraction, with 10^scale = low * high and both at most 10^9
        int lowDigits = Math.min(scale, 9);
        quotientHigh = magnitude.bitLength() > 64 ? magnitude.shiftRight(64).longValue() : 0;
        quotientLow = magnitude.longValue();
        long lowRemainder = divide(POWERS_OF_TEN[lowDigits]);
        long highRemainder = divide(POWERS_OF_TEN[scale - lowDigits]);
        if (quotientHigh != 0 || quotientLow < 0) {
            out.string(v.stripTrailingZeros().toPlainString());
            return;
        }
        long integer = quotientLow;
        long fraction = highRemainder * POWERS_OF_TEN[lowDigits] + lowRemainder;
        while (scale > 0 && fraction % 10 == 0) {
            fraction /= 10;
            scale--;
        }
        out.ascii('"');
        if (unscaled.signum() < 0 && (integer != 0 || fraction != 0)) {
            out.ascii('-');
        }
        out.number(integer);
        if (scale > 0) {
            out.ascii('.');
            out.digits(fraction, scale);
        }
        out.ascii('"');
    }

    /**
     * Divides the unsigned 128-bit value {@code quotientHigh:quotientLow} by {@code divisor} (at most
     * 10^9, so that a remainder shifted by 32 bits still fits a long) in place; returns the remainder.
     */
    private long divide(long divisor) {
        if (divisor == 1) {
            return 0;
        }
        long limb3 = quotientHigh >>> 32;
        long q3 = limb3 / divisor;
        long r = limb3 % divisor;
        long current = r << 32 | quotientHigh & 0xFFFF_FFFFL;
        long q2 = current / divisor;
        r = current % divisor;
        current = r << 32 | quotientLow >>> 32;
        long q1 = current / divisor;
        r = current % divisor;
        current = r << 32 | quotientLow & 0xFFFF_FFFFL;
        long q0 = current / divisor;
        r = current % divisor;
        quotientHigh = q3 << 32 | q2;
        quotientLow = q1 << 32 | q0;
        return r;
    }

    /** A datetime stored as DuckDB TIMESTAMP: microseconds since the Unix epoch, UTC. */
    void dateTimeMicros(JsonBuffer out, long micros) {
        long seconds = Math.floorDiv(micros, MICROS_PER_SECOND);
        dateTime(out, seconds, (int) Math.floorMod(micros, MICROS_PER_SECOND) * 1000);
    }

    void dateTime(JsonBuffer out, Instant instant) {
        dateTime(out, instant.getEpochSecond(), instant.getNano());
    }

    /** {@code "2024-01-02T03:04:05.1234567Z"}: seven fractional digits, truncated, as the service prints them. */
    private void dateTime(JsonBuffer out, long epochSecond, int nanos) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        if (day != cachedDay && !cacheDate(day)) {
            out.string(KustoValues.formatDateTime(Instant.ofEpochSecond(epochSecond, nanos)));
            return;
        }
        int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
        out.ascii('"');
        out.raw(cachedDate);
        out.ascii('T');
        out.twoDigits(secondOfDay / 3600);
        out.ascii(':');
        out.twoDigits(secondOfDay / 60 % 60);
        out.ascii(':');
        out.twoDigits(secondOfDay % 60);
        out.ascii('.');
        out.digits(nanos / 100, 7);
        out.ascii("Z\"");
    }

    /** Fills the date cache; false for years that do not print as four plain digits. */
    private boolean cacheDate(long day) {
        if (day < -719_528 || day > 2_932_896) { // 0000-01-01 .. 9999-12-31
            return false;
        }
        LocalDate date = LocalDate.ofEpochDay(day);
        writeDigits(cachedDate, 0, date.getYear(), 4);
        cachedDate[4] = '-';
        writeDigits(cachedDate, 5, date.getMonthValue(), 2);
        cachedDate[7] = '-';
        writeDigits(cachedDate, 8, date.getDayOfMonth(), 2);
        cachedDay = day;
        return true;
    }

    /** A timespan held as 100-nanosecond ticks, as .NET prints it: {@code "-1.02:03:04.5000000"}, {@code "00:00:00"}. */
    void timespan(JsonBuffer out, long ticks) {
        if (ticks == Long.MIN_VALUE) {
            out.string(KustoValues.formatTimespan(ticks));
            return;
        }
        out.ascii('"');
        long t = ticks;
        if (t < 0) {
            out.ascii('-');
            t = -t;
        }
        long days = t / KustoValues.TICKS_PER_DAY;
        long rest = t % KustoValues.TICKS_PER_DAY;
        if (days > 0) {
            out.number(days);
            out.ascii('.');
        }
        out.twoDigits((int) (rest / KustoValues.TICKS_PER_HOUR));
        out.ascii(':');
        out.twoDigits((int) (rest / KustoValues.TICKS_PER_MINUTE % 60));
        out.ascii(':');
        out.twoDigits((int) (rest / KustoValues.TICKS_PER_SECOND % 60));
        long fraction = rest % KustoValues.TICKS_PER_SECOND;
        if (fraction != 0) {
            out.ascii('.');
            out.digits(fraction, 7);
        }
        out.ascii('"');
    }

    private static void writeDigits(byte[] into, int at, int v, int digits) {
        for (int i = at + digits - 1; i >= at; i--) {
            into[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
    }
}
