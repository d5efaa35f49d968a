package dev.kustospark.local.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.NumberOutput;
import dev.kustospark.local.types.KustoValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The byte-level encoders of result values against their references: Jackson for JSON strings,
 * the shortest-digits algorithm for reals, BigDecimal for decimals and {@link KustoValues} for
 * datetimes and timespans. Fixed edge values pin the exact text; random values cover the rest.
 */
class WireEncodingTest {
    private static final JsonFactory JSON = new JsonFactory();
    private final WireValues wire = new WireValues();

    @Test
    void realsHaveAPointOrExponentAndSpecialValuesAreStrings() {
        assertReal("1.0", 1.0);
        assertReal("0.0", 0.0);
        assertReal("-0.0", -0.0);
        assertReal("-3.0", -3.0);
        assertReal("0.25", 0.25);
        assertReal("12345.75", 12345.75);
        assertReal("-0.001", -0.001);
        assertReal("9999999.0", 9_999_999.0);
        assertReal("1.0E7", 1e7);
        assertReal("9.99E-4", 9.99e-4);
        assertReal("1.0E-4", 1e-4);
        assertReal("0.30000000000000004", 0.1 + 0.2);
        assertReal("0.1", 0.1);
        assertReal("3.141592653589793", Math.PI);
        assertReal("4.9E-324", Double.MIN_VALUE);
        assertReal("1.7976931348623157E308", Double.MAX_VALUE);
        assertReal("1.0E23", 1e23); // Double.toString of Java 17 prints 9.999999999999999E22
        assertReal("-9.223372036854776E18", (double) Long.MIN_VALUE);
        assertReal("\"NaN\"", Double.NaN);
        assertReal("\"Infinity\"", Double.POSITIVE_INFINITY);
        assertReal("\"-Infinity\"", Double.NEGATIVE_INFINITY);
    }

    @Test
    void realsMatchTheShortestDigitsAlgorithm() {
        Random random = new Random(7);
        for (int i = 0; i < 200_000; i++) {
            double v = switch (i % 4) {
                case 0 -> Double.longBitsToDouble(random.nextLong());
                case 1 -> random.nextInt(10_000_000) / Math.pow(10, random.nextInt(12));
                case 2 -> (random.nextLong() % 1_000_000_000_000_000L) / 1e9;
                default -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 10);
            };
            if (Double.isFinite(v)) {
                String text = encode(out -> wire.real(out, v));
                assertEquals(NumberOutput.toString(v, true), text, "bits " + Double.doubleToRawLongBits(v));
                assertEquals(v, Double.parseDouble(text));
            }
        }
    }

    @Test
    void decimalsAreStringsWithoutTrailingZeros() {
        assertDecimal("\"0\"", new BigDecimal("0E-18"));
        assertDecimal("\"0\"", BigDecimal.ZERO);
        assertDecimal("\"1.1\"", new BigDecimal("1.100000000000000000"));
        assertDecimal("\"-0.5\"", new BigDecimal("-0.500000000000000000"));
        assertDecimal("\"10000\"", new BigDecimal("10000.000000000000000000"));
        assertDecimal("\"0.000000000000000001\"", new BigDecimal("0.000000000000000001"));
        assertDecimal("\"-12345678901234567.89\"", new BigDecimal("-12345678901234567.890000000000000000"));
        assertDecimal("\"9223372036854775807.5\"", new BigDecimal("9223372036854775807.500000000000000000"));
        assertDecimal("\"9223372036854775808\"", new BigDecimal("9223372036854775808.000000000000000000"));
        assertDecimal("\"99999999999999999999.999999999999999999\"",
                new BigDecimal("99999999999999999999.999999999999999999"));
        assertDecimal("\"-99999999999999999999.999999999999999999\"",
                new BigDecimal("-99999999999999999999.999999999999999999"));
        assertDecimal("\"1200\"", new BigDecimal("1.2E+3"));
        assertDecimal("\"123.45\"", new BigDecimal("123.45"));
        assertDecimal("\"1.5\"", new BigDecimal("1.5000000000000000000000000000"));
    }

    @Test
    void decimalsMatchBigDecimal() {
        Random random = new Random(11);
        for (int i = 0; i < 200_000; i++) {
            BigInteger unscaled = new BigInteger(1 + random.nextInt(127), random);
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            BigDecimal v = new BigDecimal(unscaled, i % 3 == 0 ? 18 : random.nextInt(21));
            assertDecimal('"' + (v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString()) + '"', v);
        }
    }

    @Test
    void datetimesHaveSevenFractionalDigitsAndZ() {
        assertDateTimeMicros("\"1970-01-01T00:00:00.0000000Z\"", 0);
        assertDateTimeMicros("\"2024-01-02T03:04:05.1234560Z\"", micros("2024-01-02T03:04:05.123456Z"));
        assertDateTimeMicros("\"1969-12-31T23:59:59.9999990Z\"", -1);
        assertDateTimeMicros("\"0001-01-01T00:00:00.0000000Z\"", micros("0001-01-01T00:00:00Z"));
        assertDateTimeMicros("\"9999-12-31T23:59:59.9999990Z\"", micros("9999-12-31T23:59:59.999999Z"));
        assertDateTimeMicros("\"2000-02-29T12:00:00.0000010Z\"", micros("2000-02-29T12:00:00.000001Z"));
        Instant beyond = Instant.parse("+10000-01-01T00:00:00Z");
        assertDateTimeMicros('"' + KustoValues.formatDateTime(beyond) + '"', micros(beyond.toString()));
        assertEquals("\"2024-05-06T07:08:09.1234567Z\"",
                encode(out -> wire.dateTime(out, Instant.parse("2024-05-06T07:08:09.12345678Z"))));
    }

    @Test
    void datetimesMatchTheFormatter() {
        Random random = new Random(13);
        long min = micros("0001-01-01T00:00:00Z");
        long max = micros("9999-12-31T23:59:59.999999Z");
        long day = 86_400_000_000L;
        long previous = 0;
        for (int i = 0; i < 200_000; i++) {
            // half of them close to the previous value, as rows of a table usually are
            long micros = i % 2 == 0 ? min + Math.floorMod(random.nextLong(), max - min)
                    : previous + random.nextInt((int) (day / 1000)) * 1000L;
            previous = micros;
            Instant instant = Instant.EPOCH.plusNanos(0).plusSeconds(Math.floorDiv(micros, 1_000_000))
                    .plusNanos(Math.floorMod(micros, 1_000_000) * 1000L);
            assertDateTimeMicros('"' + KustoValues.formatDateTime(instant) + '"', micros);
        }
    }

    @Test
    void timespansAsDotNetPrintsThem() {
        assertTimespan("\"00:00:00\"", 0);
        assertTimespan("\"00:00:00.0000001\"", 1);
        assertTimespan("\"-00:00:00.0000001\"", -1);
        assertTimespan("\"1.00:00:01.0010001\"", 864_010_010_001L);
        assertTimespan("\"-2.00:00:02.0020002\"", -1_728_020_020_002L);
        assertTimespan("\"23:59:59.9999999\"", KustoValues.TICKS_PER_DAY - 1);
        assertTimespan("\"1.00:00:00\"", KustoValues.TICKS_PER_DAY);
        assertTimespan("\"10675199.02:48:05.4775807\"", Long.MAX_VALUE);
        assertTimespan("\"-10675199.02:48:05.4775807\"", Long.MIN_VALUE);
        assertTimespan("\"-10675199.02:48:05.4775807\"", -Long.MAX_VALUE);
        Random random = new Random(17);
        for (int i = 0; i < 100_000; i++) {
            long ticks = i % 2 == 0 ? random.nextLong() : random.nextLong() % (KustoValues.TICKS_PER_DAY * 3);
            assertTimespan('"' + KustoValues.formatTimespan(ticks) + '"', ticks);
        }
    }

    @Test
    void stringsAreEscapedAsJacksonEscapesThem() throws IOException {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0xD800; c++) {
            every.append(c);
        }
        for (int c = 0xE000; c <= 0xFFFF; c++) {
            every.append((char) c);
        }
        for (String s : new String[] {"", "plain", "héllo \"q\"", "back\\slash/", "\u0000\u0001\b\t\n\f\r\u001f\u007f",
                "€ ✓ 中文", every.toString()}) {
            String expected = jackson(s);
            assertSameText(expected, encode(out -> out.string(s)));
            assertSameText(expected, encode(out -> out.utf8String(s.getBytes(StandardCharsets.UTF_8))));
        }
    }

    @Test
    void charactersBeyondTheBasicPlaneAreWrittenAsUtf8() throws IOException {
        // Jackson escapes each half of the surrogate pair instead; both forms read back the same.
        String s = "😀 surrogates 𝄞";
        String expected = '"' + s + '"';
        assertEquals(expected, encode(out -> out.string(s)));
        assertEquals(expected, encode(out -> out.utf8String(s.getBytes(StandardCharsets.UTF_8))));
        assertEquals(s, new com.fasterxml.jackson.databind.ObjectMapper().readValue(expected, String.class));
    }

    @Test
    void aLoneSurrogateIsEscapedRatherThanLost() {
        assertEquals("\"a\\uD800b\\uDC00\"", encode(out -> out.string("a\uD800b\uDC00")));
    }

    @Test
    void bufferGrowsAndTruncates() {
        JsonBuffer out = new JsonBuffer(4);
        out.string("x".repeat(100));
        assertEquals(102, out.size());
        out.truncate(1);
        out.ascii('"');
        out.number(Long.MIN_VALUE);
        out.ascii(',');
        out.number(Integer.MIN_VALUE);
        out.ascii(',');
        out.digits(7, 3);
        out.ascii(',');
        out.twoDigits(5);
        assertEquals("\"\"-9223372036854775808,-2147483648,007,05", out.toString());
    }

    /** assertEquals that names the first difference, for texts too long to read in a message. */
    private static void assertSameText(String expected, String actual) {
        int i = 0;
        while (i < Math.min(expected.length(), actual.length()) && expected.charAt(i) == actual.charAt(i)) {
            i++;
        }
        if (i < expected.length() || i < actual.length()) {
            assertEquals(expected.substring(Math.max(0, i - 5), Math.min(expected.length(), i + 10)),
                    actual.substring(Math.max(0, i - 5), Math.min(actual.length(), i + 10)), "first difference at " + i);
        }
    }

    private void assertReal(String expected, double v) {
        assertEquals(expected, encode(out -> wire.real(out, v)));
    }

    private void assertDecimal(String expected, BigDecimal v) {
        assertEquals(expected, encode(out -> wire.decimal(out, v)), v.toString());
    }

    private void assertDateTimeMicros(String expected, long micros) {
        assertEquals(expected, encode(out -> wire.dateTimeMicros(out, micros)), Long.toString(micros));
    }

    private void assertTimespan(String expected, long ticks) {
        assertEquals(expected, encode(out -> wire.timespan(out, ticks)), Long.toString(ticks));
    }

    private static long micros(String instant) {
        Instant i = Instant.parse(instant);
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1000);
    }

    private static String encode(java.util.function.Consumer<JsonBuffer> writer) {
        JsonBuffer out = new JsonBuffer(16);
        writer.accept(out);
        return out.toString();
    }

    private static String jackson(String s) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(bytes)) {
            g.writeString(s);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
