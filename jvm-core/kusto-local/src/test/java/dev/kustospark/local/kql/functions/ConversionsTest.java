package dev.kustospark.local.kql.functions;

import static dev.kustospark.local.kql.functions.Harness.bool;
import static dev.kustospark.local.kql.functions.Harness.call;
import static dev.kustospark.local.kql.functions.Harness.dec;
import static dev.kustospark.local.kql.functions.Harness.dt;
import static dev.kustospark.local.kql.functions.Harness.dyn;
import static dev.kustospark.local.kql.functions.Harness.guid;
import static dev.kustospark.local.kql.functions.Harness.integer;
import static dev.kustospark.local.kql.functions.Harness.lng;
import static dev.kustospark.local.kql.functions.Harness.nullOf;
import static dev.kustospark.local.kql.functions.Harness.real;
import static dev.kustospark.local.kql.functions.Harness.str;
import static dev.kustospark.local.kql.functions.Harness.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConversionsTest {
    @AutoClose
    private static final Harness db = new Harness();

    private static String text(TypedSql value) {
        return (String) db.eval(call("tostring", value), KustoType.STRING);
    }

    @Test
    void tostringUsesKustoTextForms() {
        assertEquals("123", text(integer(123)));
        assertEquals("-5", text(lng(-5)));
        assertEquals("true", text(bool(true)));
        assertEquals("abc", text(str("abc")));
        assertEquals("", text(nullOf(KustoType.LONG)));
        assertEquals("", text(nullOf(KustoType.STRING)));
        assertEquals("2024-01-01T00:00:00Z", text(dt("2024-01-01")));
        assertEquals("2024-01-02T03:04:05.12Z", text(dt("2024-01-02T03:04:05.12Z")));
        assertEquals("2024-01-02T03:04:05.123456Z", text(dt("2024-01-02T03:04:05.123456Z")));
        assertEquals("1.02:03:04.5000000", text(ts("1.02:03:04.5")));
        assertEquals("00:00:00", text(ts("0s")));
        assertEquals("-01:30:00", text(ts("-1.5h")));
        assertEquals("00:00:00.0000001", text(ts("1tick")));
        assertEquals("74be27de-1e4e-49d9-b579-fe0b331d3642", text(guid("74be27de-1e4e-49d9-b579-fe0b331d3642")));
        assertEquals("1.5", text(dec("1.500")));
        assertEquals("2", text(dec("2.000")));
        assertEquals("abc", text(dyn("\"abc\"")));
        assertEquals("{\"a\":[1,2]}", text(dyn("{ \"a\" : [1, 2] }")));
        assertEquals("", text(dyn("null")));
    }

    /** Doubles print as .NET's shortest round-trip form does. */
    @Test
    void tostringOfReal() {
        assertEquals("1", text(real(1.0)));
        assertEquals("0.1", text(real(0.1)));
        assertEquals("2.5", text(real(2.5)));
        assertEquals("-123456.789", text(real(-123456.789)));
        assertEquals("100000000000000", text(real(1e14)));
        assertEquals("1E+15", text(real(1e15)));
        assertEquals("1.5E+15", text(real(1.5e15)));
        assertEquals("1E+20", text(real(1e20)));
        assertEquals("0.0001", text(real(0.0001)));
        assertEquals("1E-05", text(real(0.00001)));
        assertEquals("1.5E-07", text(real(1.5e-7)));
        assertEquals("NaN", text(real(Double.NaN)));
        assertEquals("Infinity", text(real(Double.POSITIVE_INFINITY)));
        assertEquals("-Infinity", text(real(Double.NEGATIVE_INFINITY)));
    }

    @Test
    void toIntegers() {
        assertEquals(123, db.eval(call("toint", str("123")), KustoType.INT));
        assertEquals(-7, db.eval(call("toint", str(" -7 ")), KustoType.INT));
        assertNull(db.eval(call("toint", str("abc")), KustoType.INT));
        assertNull(db.eval(call("toint", str("")), KustoType.INT));
        // documented: a decimal value is truncated to its integer portion
        assertEquals(1, db.eval(call("toint", str("1.5")), KustoType.INT));
        assertEquals(-123, db.eval(call("toint", str("-123.456")), KustoType.INT));
        assertEquals(2, db.eval(call("toint", real(2.3)), KustoType.INT));
        assertNull(db.eval(call("toint", str("3000000000")), KustoType.INT));
        assertEquals(2, db.eval(call("toint", real(2.7)), KustoType.INT));
        assertEquals(-2, db.eval(call("toint", real(-2.7)), KustoType.INT));
        assertEquals(1, db.eval(call("toint", bool(true)), KustoType.INT));
        assertEquals(3000000000L, db.eval(call("tolong", str("3000000000")), KustoType.LONG));
        assertEquals(5L, db.eval(call("tolong", integer(5)), KustoType.LONG));
        assertEquals(2L, db.eval(call("tolong", dec("2.9")), KustoType.LONG));
        assertEquals(KustoValues.TICKS_PER_HOUR, db.eval(call("tolong", ts("1h")), KustoType.LONG));
        assertEquals(42L, db.eval(call("tolong", dyn("42")), KustoType.LONG));
        assertNull(db.eval(call("tolong", nullOf(KustoType.STRING)), KustoType.LONG));
    }

    @Test
    void toRealAndDecimal() {
        assertEquals(1.5, db.eval(call("toreal", str("1.5")), KustoType.REAL));
        assertEquals(1000.0, db.eval(call("todouble", str("1e3")), KustoType.REAL));
        assertNull(db.eval(call("toreal", str("abc")), KustoType.REAL));
        assertEquals(3.0, db.eval(call("toreal", integer(3)), KustoType.REAL));
        assertEquals(0, new BigDecimal("123.45678").compareTo(
                (BigDecimal) db.eval(call("todecimal", str("123.45678")), KustoType.DECIMAL)));
        assertNull(db.eval(call("todecimal", str("x")), KustoType.DECIMAL));
    }

    @Test
    void toBool() {
        assertEquals(true, db.eval(call("tobool", str("true")), KustoType.BOOL));
        assertEquals(false, db.eval(call("toboolean", str("FALSE")), KustoType.BOOL));
        assertEquals(true, db.eval(call("tobool", lng(123)), KustoType.BOOL));
        assertEquals(false, db.eval(call("tobool", integer(0)), KustoType.BOOL));
        assertNull(db.eval(call("tobool", str("yes")), KustoType.BOOL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2015-12-24", "2015-12-24T00:00:00Z", "2015-12-24 00:00:00", "2015-12-24T02:00:00+02:00",
            "2015-12-24T00:00:00.0000000Z", "2015-12-24T00:00", "Thu, 24 Dec 15 00:00:00 GMT", "24 Dec 15 00:00",
            "Thursday, 24-Dec-15 00:00:00 GMT"})
    void todatetimeParsesIsoForms(String text) {
        assertEquals("2015-12-24T00:00:00Z", text(call("todatetime", str(text))));
    }

    @Test
    void todatetimeKeepsFractionsAndRejectsGarbage() {
        // storage keeps microseconds: the seventh fraction digit is cut
        assertEquals("2015-12-24T10:11:12.123456Z",
                text(call("todatetime", str("2015-12-24T10:11:12.1234567Z"))));
        assertNull(db.eval(call("todatetime", str("not a date")), KustoType.DATETIME));
        assertNull(db.eval(call("todatetime", str("")), KustoType.DATETIME));
    }

    @Test
    void totimespan() {
        assertEquals(KustoValues.TICKS_PER_MINUTE, db.eval(call("totimespan", str("0.00:01:00")), KustoType.TIMESPAN));
        assertEquals(KustoValues.TICKS_PER_DAY + 2 * KustoValues.TICKS_PER_HOUR + 3 * KustoValues.TICKS_PER_MINUTE
                + 4 * KustoValues.TICKS_PER_SECOND + 5_000_000L,
                db.eval(call("totime", str("1.02:03:04.5")), KustoType.TIMESPAN));
        assertEquals(-30 * KustoValues.TICKS_PER_MINUTE,
                db.eval(call("totimespan", str("-00:30")), KustoType.TIMESPAN));
        assertNull(db.eval(call("totimespan", str("nonsense")), KustoType.TIMESPAN));
    }

    @Test
    void toguidAndTodynamic() {
        assertEquals("74be27de-1e4e-49d9-b579-fe0b331d3642",
                db.eval(call("toguid", str("74be27de-1e4e-49d9-b579-fe0b331d3642")), KustoType.GUID));
        assertNull(db.eval(call("toguid", str("not a guid")), KustoType.GUID));
        assertEquals("{\"a\":1,\"b\":[1,2]}", db.eval(call("parse_json", str("{\"a\": 1, \"b\": [1, 2]}")),
                KustoType.DYNAMIC));
        assertEquals("\"abc\"", db.eval(call("todynamic", str("abc")), KustoType.DYNAMIC));
        assertNull(db.eval(call("parse_json", str("")), KustoType.DYNAMIC));
        assertEquals("5", db.eval(call("todynamic", lng(5)), KustoType.DYNAMIC));
        assertEquals("\"2024-01-01T00:00:00Z\"", db.eval(call("todynamic", dt("2024-01-01")), KustoType.DYNAMIC));
    }

    /** Conversions whose service result kusto-local does not know are refused, not guessed. */
    @Test
    void unknownConversionsAreUnsupported() {
        for (TypedSql bad : new TypedSql[] {refused("todatetime", lng(1)), refused("totimespan", real(1.5)),
                refused("toint", guid("74be27de-1e4e-49d9-b579-fe0b331d3642")), refused("toguid", lng(1))}) {
            assertNull(bad);
        }
    }

    /** The call's result, or null when it is refused with kusto-local's "unsupported" error. */
    private static TypedSql refused(String name, TypedSql arg) {
        try {
            return call(name, arg);
        } catch (dev.kustospark.local.KustoException e) {
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("does not support '" + name + "'"),
                    e.getMessage());
            return null;
        }
    }
}
