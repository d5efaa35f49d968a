package dev.kustospark.local.ingest;

import static dev.kustospark.local.ingest.ValueConverter.fromJson;
import static dev.kustospark.local.ingest.ValueConverter.fromText;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.local.types.KustoType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ValueConverterTest {
    private static JsonNode json(String text) throws Exception {
        return ValueConverter.JSON_DOCUMENT.readTree(text);
    }

    @Test
    void emptyFieldIsNullExceptForStrings() {
        assertEquals("", fromText("", KustoType.STRING));
        for (KustoType t : KustoType.values()) {
            if (t != KustoType.STRING) {
                assertNull(fromText("", t), t.kqlName());
                assertNull(fromText("  ", t), t.kqlName());
            }
            assertNull(fromText(null, t), t.kqlName());
        }
    }

    @Test
    void stringsAreKeptVerbatim() {
        assertEquals("  padded ", fromText("  padded ", KustoType.STRING));
    }

    @Test
    void bools() {
        assertEquals(true, fromText("true", KustoType.BOOL));
        assertEquals(true, fromText("TRUE", KustoType.BOOL));
        assertEquals(false, fromText("False", KustoType.BOOL));
        assertEquals(true, fromText("1", KustoType.BOOL));
        assertEquals(false, fromText("0", KustoType.BOOL));
        assertNull(fromText("yes", KustoType.BOOL));
        assertNull(fromText("2", KustoType.BOOL));
    }

    @Test
    void integers() {
        assertEquals(42, fromText("42", KustoType.INT));
        assertEquals(-7, fromText(" -7 ", KustoType.INT));
        assertNull(fromText("2147483648", KustoType.INT));
        assertEquals(2147483648L, fromText("2147483648", KustoType.LONG));
        assertEquals(Long.MIN_VALUE, fromText("-9223372036854775808", KustoType.LONG));
        assertNull(fromText("9223372036854775808", KustoType.LONG));
        assertNull(fromText("1.5", KustoType.LONG));
        assertNull(fromText("abc", KustoType.INT));
        assertNull(fromText("0x10", KustoType.LONG));
    }

    @Test
    void reals() {
        assertEquals(1.5, fromText("1.5", KustoType.REAL));
        assertEquals(-2.5e10, fromText("-2.5E10", KustoType.REAL));
        assertEquals(Double.NaN, fromText("NaN", KustoType.REAL));
        assertEquals(Double.POSITIVE_INFINITY, fromText("Infinity", KustoType.REAL));
        assertEquals(Double.NEGATIVE_INFINITY, fromText("-inf", KustoType.REAL));
        assertNull(fromText("1.5d", KustoType.REAL));
        assertNull(fromText("x", KustoType.REAL));
    }

    @Test
    void decimals() {
        assertEquals(new BigDecimal("123.450000000000000000"), fromText("123.45", KustoType.DECIMAL));
        assertEquals(new BigDecimal("-0.000000000000000001"), fromText("-1e-18", KustoType.DECIMAL));
        // The service keeps 38 digits; kusto-local's DECIMAL(38,18) fails what it cannot hold rather than change it.
        assertNull(fromText("1e40", KustoType.DECIMAL));
        for (String beyond : new String[] {"1e30", "0.0000000000000000001"}) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(dev.kustospark.local.KustoException.class,
                    () -> fromText(beyond, KustoType.DECIMAL));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("cannot hold "
                    + new BigDecimal(beyond).toPlainString() + " exactly"), e.getMessage());
        }
        assertNull(fromText("NaN", KustoType.DECIMAL));
    }

    @Test
    void datetimes() {
        Instant expected = Instant.parse("2024-01-02T03:04:05.123Z");
        assertEquals(expected, fromText("2024-01-02T03:04:05.123Z", KustoType.DATETIME));
        assertEquals(expected, fromText("2024-01-02 03:04:05.123", KustoType.DATETIME));
        assertEquals(expected, fromText("2024-01-02T05:04:05.123+02:00", KustoType.DATETIME));
        assertEquals(Instant.parse("2024-01-02T00:00:00Z"), fromText("2024-01-02", KustoType.DATETIME));
        assertNull(fromText("not a date", KustoType.DATETIME));
        assertNull(fromText("2024-13-01", KustoType.DATETIME));
    }

    @Test
    void fastDateTimePathAgreesWithTheGeneralParser() {
        for (String s : java.util.List.of("2024-01-02T03:04:05Z", "2024-01-02 03:04:05", "2024-02-29T23:59:59.9999999Z",
                "1970-01-01T00:00:00.1z", "1601-01-01T00:00:00Z", "9999-12-31T23:59:59.123456789")) {
            assertEquals(dev.kustospark.local.types.KustoValues.parseDateTime(s), ValueConverter.parseIsoDateTime(s), s);
        }
        assertNull(fromText("2023-02-29T00:00:00Z", KustoType.DATETIME));
        assertNull(fromText("2024-01-02T24:00:00Z", KustoType.DATETIME));
        assertNull(ValueConverter.parseIsoDateTime("2024-01-02T03:04:05+01:00"));
        assertEquals(Instant.parse("2024-01-02T02:04:05Z"), fromText("2024-01-02T03:04:05+01:00", KustoType.DATETIME));
    }

    @Test
    void rfc822And850DateTimes() {
        Instant expected = Instant.parse("2014-11-08T15:05:02Z");
        assertEquals(expected, fromText("Sat, 8 Nov 14 15:05:02 GMT", KustoType.DATETIME));
        assertEquals(expected, fromText("8 Nov 14 15:05:02", KustoType.DATETIME));
        assertEquals(expected, fromText("Saturday, 08-Nov-14 15:05:02 GMT", KustoType.DATETIME));
        assertEquals(Instant.parse("2014-11-08T15:05:00Z"), fromText("Sat, 8 Nov 2014 15:05 GMT", KustoType.DATETIME));
        assertEquals(Instant.parse("1995-11-08T15:05:00Z"), fromText("8 Nov 95 15:05", KustoType.DATETIME));
        assertNull(fromText("Sat, 8 Nov 14 15:05:02 PST", KustoType.DATETIME));
        assertNull(fromText("31 Feb 14 15:05", KustoType.DATETIME));
    }

    @Test
    void timespans() {
        assertEquals(Duration.ofHours(26).plusMinutes(3).plusSeconds(4).plusMillis(500),
                fromText("1.02:03:04.5", KustoType.TIMESPAN));
        assertEquals(Duration.ofMinutes(-90), fromText("-01:30:00", KustoType.TIMESPAN));
        assertEquals(Duration.ofDays(2), fromText("2d", KustoType.TIMESPAN));
        assertNull(fromText("soon", KustoType.TIMESPAN));
    }

    @Test
    void guids() {
        UUID id = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
        assertEquals(id, fromText("0f8fad5b-d9cb-469f-a165-70867728950e", KustoType.GUID));
        assertEquals(id, fromText("0F8FAD5B-D9CB-469F-A165-70867728950E", KustoType.GUID));
        assertEquals(id, fromText("{0f8fad5b-d9cb-469f-a165-70867728950e}", KustoType.GUID));
        assertEquals(id, fromText("0f8fad5bd9cb469fa16570867728950e", KustoType.GUID));
        assertNull(fromText("1-2-3-4-5", KustoType.GUID));
        assertNull(fromText("0f8fad5b-d9cb-469f-a165-70867728950", KustoType.GUID));
    }

    @Test
    void dynamicKeepsJsonAndQuotesOtherText() {
        assertEquals("{\"a\":[1,2]}", fromText("{ \"a\" : [1, 2] }", KustoType.DYNAMIC));
        assertEquals("[1,\"x\"]", fromText("[1,\"x\"]", KustoType.DYNAMIC));
        assertEquals("42", fromText("42", KustoType.DYNAMIC));
        assertEquals("\"hello\"", fromText("hello", KustoType.DYNAMIC));
        assertEquals("\"{broken\"", fromText("{broken", KustoType.DYNAMIC));
        assertEquals("\"1 2\"", fromText("1 2", KustoType.DYNAMIC));
        assertEquals("true", fromText("true", KustoType.DYNAMIC));
    }

    @Test
    void jsonValuesConvertToColumnTypes() throws Exception {
        assertEquals(5, fromJson(json("5"), KustoType.INT));
        assertEquals(5L, fromJson(json("5"), KustoType.LONG));
        assertNull(fromJson(json("5.5"), KustoType.LONG));
        assertEquals(5L, fromJson(json("5.0"), KustoType.LONG));
        assertEquals(500, fromJson(json("5e2"), KustoType.INT));
        assertNull(fromJson(json("true"), KustoType.LONG));
        assertNull(fromJson(json("3000000000"), KustoType.INT));
        assertEquals(5L, fromJson(json("\"5\""), KustoType.LONG));
        assertEquals(5.5, fromJson(json("5.5"), KustoType.REAL));
        assertEquals(new BigDecimal("0.100000000000000000"), fromJson(json("0.1"), KustoType.DECIMAL));
        assertEquals(true, fromJson(json("true"), KustoType.BOOL));
        assertEquals(false, fromJson(json("0"), KustoType.BOOL));
        assertEquals("5.5", fromJson(json("5.5"), KustoType.STRING));
        assertEquals("{\"a\":1}", fromJson(json("{\"a\":1}"), KustoType.STRING));
        assertEquals("{\"a\":1}", fromJson(json("{\"a\":1}"), KustoType.DYNAMIC));
        assertEquals("\"text\"", fromJson(json("\"text\""), KustoType.DYNAMIC));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), fromJson(json("\"2024-01-02T03:04:05Z\""), KustoType.DATETIME));
        assertNull(fromJson(json("12345"), KustoType.DATETIME));
        assertNull(fromJson(json("null"), KustoType.STRING));
        assertNull(fromJson(null, KustoType.DYNAMIC));
        assertEquals("", fromJson(json("\"\""), KustoType.STRING));
        assertNull(fromJson(json("\"\""), KustoType.LONG));
    }
}
