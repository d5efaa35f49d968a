package dev.kustospark.local.kql.functions;

import static dev.kustospark.local.kql.functions.Harness.call;
import static dev.kustospark.local.kql.functions.Harness.dec;
import static dev.kustospark.local.kql.functions.Harness.dt;
import static dev.kustospark.local.kql.functions.Harness.integer;
import static dev.kustospark.local.kql.functions.Harness.lng;
import static dev.kustospark.local.kql.functions.Harness.nullOf;
import static dev.kustospark.local.kql.functions.Harness.real;
import static dev.kustospark.local.kql.functions.Harness.str;
import static dev.kustospark.local.kql.functions.Harness.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MathFunctionsTest {
    @AutoClose
    private static final Harness db = new Harness();

    /** The documented bin examples. */
    @Test
    void binDocumentedExamples() {
        assertEquals(4.0, db.eval(call("bin", real(4.5), integer(1)), KustoType.REAL));
        assertEquals(14 * KustoValues.TICKS_PER_DAY, db.eval(call("bin", ts("16d"), ts("7d")), KustoType.TIMESPAN));
        assertEquals("1970-05-11T00:00:00Z", db.datetimeText(call("bin", dt("1970-05-11 13:45:07"), ts("1d"))));
    }

    /** The documented bin_at examples. */
    @Test
    void binAt() {
        assertEquals(4.5, db.eval(call("bin_at", real(6.5), real(2.5), integer(7)), KustoType.REAL));
        assertEquals(-12 * KustoValues.TICKS_PER_HOUR, db.eval(call("bin_at", ts("1h"), ts("1d"), ts("12h")),
                KustoType.TIMESPAN));
        assertEquals("2017-05-14T12:00:00Z", db.datetimeText(call("bin_at", dt("2017-05-15 10:20:00.0"), ts("1d"),
                dt("1970-01-01 12:00:00.0"))));
        assertEquals("2017-05-14T00:00:00Z", db.datetimeText(call("bin_at", dt("2017-05-17 10:20:00.0"), ts("7d"),
                dt("2017-06-04 00:00:00.0"))));
        assertEquals(7L, db.eval(call("bin_at", lng(8), lng(2), lng(1)), KustoType.LONG));
        assertEquals(-1L, db.eval(call("bin_at", lng(0), lng(2), lng(1)), KustoType.LONG));
        assertNull(db.eval(call("bin_at", lng(7), lng(0), lng(1)), KustoType.LONG));
    }

    @Test
    void binOfIntegersFloorsTowardNegativeInfinity() {
        assertEquals(6L, db.eval(call("bin", lng(7), lng(2)), KustoType.LONG));
        assertEquals(-8L, db.eval(call("bin", lng(-7), lng(2)), KustoType.LONG));
        assertEquals(10, db.eval(call("floor", integer(14), integer(5)), KustoType.INT));
        assertEquals(-5.0, db.eval(call("bin", real(-4.5), integer(1)), KustoType.REAL));
        assertEquals(7.5, db.eval(call("bin", lng(8), real(2.5)), KustoType.REAL));
        assertEquals(0, new BigDecimal("1.25").compareTo(
                (BigDecimal) db.eval(call("bin", dec("1.3"), dec("0.25")), KustoType.DECIMAL)));
        assertNull(db.eval(call("bin", lng(7), lng(0)), KustoType.LONG));
        assertNull(db.eval(call("bin", lng(7), lng(-2)), KustoType.LONG));
        assertNull(db.eval(call("bin", nullOf(KustoType.LONG), lng(2)), KustoType.LONG));
    }

    @Test
    void binOfDatetimes() {
        assertEquals("2024-03-15T10:00:00Z", db.datetimeText(call("bin", dt("2024-03-15T10:59:59.999Z"), ts("1h"))));
        assertEquals("2024-03-15T10:15:00Z", db.datetimeText(call("bin", dt("2024-03-15T10:29:00Z"), ts("15m"))));
        assertEquals("1969-12-31T00:00:00Z", db.datetimeText(call("bin", dt("1969-12-31T10:00:00Z"), ts("1d"))));
        // datetimes count ticks from 0001-01-01, a Monday, so 7-day bins start on Mondays
        assertEquals("2024-01-08T00:00:00Z", db.datetimeText(call("bin", dt("2024-01-10T12:00:00Z"), ts("7d"))));
        List<Object> bins = db.evalOver(call("bin", TypedSql.of("t", KustoType.DATETIME), ts("1d")),
                "(VALUES (TIMESTAMP '2024-01-01 23:00:00'), (NULL)) v(t)");
        assertEquals(2, bins.size());
        assertNull(bins.get(1));
        assertThrows(KustoException.class, () -> call("bin", dt("2024-01-01"), lng(1)));
    }

    /**
     * A group key appears twice in SQL (GROUP BY and the output column): translating the same
     * expression twice must give the same text, also where values are bound once inside.
     */
    @Test
    void repeatedTranslationIsIdenticalAndGroups() {
        TypedSql shifted = TypedSql.of("(t + INTERVAL 1 HOUR)", KustoType.DATETIME);
        TypedSql key = call("tostring", call("bin", shifted, ts("1d")));
        assertEquals(key.sql(), call("tostring", call("bin", shifted, ts("1d"))).sql());
        assertTrue(key.sql().contains("lambda"), "the datetime text binds its argument once");
        List<List<Object>> rows = db.query("SELECT " + key.sql() + " AS k, count(*) AS n FROM (VALUES"
                + " (TIMESTAMP '2024-01-01 10:00:00'), (TIMESTAMP '2024-01-01 23:30:00'), (TIMESTAMP '2024-01-02 05:00:00'))"
                + " v(t) GROUP BY " + call("tostring", call("bin", shifted, ts("1d"))).sql() + " ORDER BY k");
        assertEquals(List.of(List.of("2024-01-01T00:00:00Z", 1L), List.of("2024-01-02T00:00:00Z", 2L)), rows);
    }

    /** The documented round examples. */
    @Test
    void round() {
        assertEquals(2.988, db.eval(call("round", real(2.98765), integer(3)), KustoType.REAL));
        assertEquals(2.2, db.eval(call("round", real(2.15), integer(1)), KustoType.REAL));
        assertEquals(2.0, db.eval(call("round", real(2.15)), KustoType.REAL));
        assertEquals(-100.0, db.eval(call("round", real(-50.55), integer(-2)), KustoType.REAL));
        assertEquals(20.0, db.eval(call("round", real(21.5), integer(-1)), KustoType.REAL));
        assertEquals(3.0, db.eval(call("round", real(2.5)), KustoType.REAL));
        assertEquals(130L, db.eval(call("round", lng(125), integer(-1)), KustoType.LONG));
    }

    @Test
    void arithmeticFunctions() {
        assertEquals(5, db.eval(call("abs", integer(-5)), KustoType.INT));
        assertEquals(KustoValues.TICKS_PER_HOUR, db.eval(call("abs", ts("-1h")), KustoType.TIMESPAN));
        assertEquals(8.0, db.eval(call("pow", integer(2), integer(3)), KustoType.REAL));
        assertEquals(2.0, db.eval(call("sqrt", lng(4)), KustoType.REAL));
        assertNull(db.eval(call("sqrt", lng(-1)), KustoType.REAL));
        assertEquals(0.0, db.eval(call("log", real(1.0)), KustoType.REAL));
        assertNull(db.eval(call("log", lng(0)), KustoType.REAL));
        assertNull(db.eval(call("log", lng(-1)), KustoType.REAL));
        assertEquals(2.0, db.eval(call("log10", lng(100)), KustoType.REAL));
        assertEquals(3.0, db.eval(call("log2", lng(8)), KustoType.REAL));
        assertEquals(1.0, db.eval(call("exp", lng(0)), KustoType.REAL));
        assertEquals(1000.0, db.eval(call("exp10", lng(3)), KustoType.REAL));
        assertEquals(3L, db.eval(call("ceiling", lng(3)), KustoType.LONG));
        assertThrows(KustoException.class, () -> call("sqrt", str("4")));
    }

    /** The documented hash values: XXH64 of UTF-8 text and of a datetime's ticks. */
    @Test
    void hashMatchesTheDocumentedValues() {
        assertEquals(1846988464401551951L, db.eval(call("hash", str("World")), KustoType.LONG));
        assertEquals(51L, db.eval(call("hash", str("World"), lng(100)), KustoType.LONG));
        assertEquals(1380966698541616202L, db.eval(call("hash", dt("2015-01-01")), KustoType.LONG));
        assertEquals(1846988464401551951L, db.eval(call("hash_xxhash64", str("World")), KustoType.LONG));
    }

    /**
     * Reference values of XXH64 (seed 0) for inputs of every length class: the 32-byte stripe loop,
     * 8-byte lanes, a 4-byte word and single trailing bytes, and multi-byte UTF-8.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|-1205034819632174695", "a|-3292477735350538661", "abc|4952883123889572249",
        "abcd|-2449070131962342708", "hello world|5020219685658847592",
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJ|NULL", "Grüße, 世界!|NULL"})
    void hashAgreesWithAReferenceImplementation(String text, String expected) {
        long reference = Xxh64Reference.hash(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (!expected.equals("NULL")) {
            assertEquals(Long.parseLong(expected), reference, "reference implementation");
        }
        assertEquals(reference, db.eval(call("hash", str(text)), KustoType.LONG));
    }

    /** Every length from 0 to 70 bytes crosses each combination of stripes, lanes, word and bytes. */
    @Test
    void hashOfEveryLengthAgreesWithTheReference() {
        String alphabet = "The quick brown fox jumps over the lazy dog; 0123456789 THE QUICK BROWN FOX!";
        List<List<Object>> rows = db.query("SELECT n, " + call("hash", TypedSql.of("s", KustoType.STRING)).sql()
                + " FROM (SELECT n, left(" + Sql.quote(alphabet) + ", n) AS s FROM range(0, 71) r(n)) ORDER BY n");
        assertEquals(71, rows.size());
        for (List<Object> row : rows) {
            int n = ((Long) row.get(0)).intValue();
            byte[] bytes = alphabet.substring(0, n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(Xxh64Reference.hash(bytes), row.get(1), "length " + n);
        }
    }

    @Test
    void hashOfLongsTimespansAndNulls() {
        for (long v : new long[] {0L, 1L, -1L, Long.MAX_VALUE, Long.MIN_VALUE, 1234567890123L}) {
            long expected = Xxh64Reference.hash(java.nio.ByteBuffer.allocate(8)
                    .order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(v).array());
            assertEquals(expected, db.eval(call("hash", lng(v)), KustoType.LONG), "hash(" + v + ")");
        }
        assertNull(db.eval(call("hash", nullOf(KustoType.LONG)), KustoType.LONG));
        assertEquals(db.eval(call("hash", lng(KustoValues.TICKS_PER_HOUR)), KustoType.LONG),
                db.eval(call("hash", ts("1h")), KustoType.LONG));
        assertEquals(db.eval(call("hash", str("")), KustoType.LONG), db.eval(call("hash", nullOf(KustoType.STRING)),
                KustoType.LONG));
        long bucket = (Long) db.eval(call("hash", lng(-1), lng(7)), KustoType.LONG);
        assertTrue(bucket >= 0 && bucket < 7);
        assertThrows(KustoException.class, () -> call("hash", real(1.5)));
    }

    /** {@code hash(long, N)}, the partition filter of the Spark connector: the unsigned hash modulo N. */
    @Test
    void hashOfLongsModuloMatchesTheReference() {
        long[] values = {0L, 1L, -1L, 2L, -2L, Long.MAX_VALUE, Long.MIN_VALUE, 1234567890123L, -987654321987L};
        StringBuilder rows = new StringBuilder();
        for (int k = 0; k < values.length; k++) {
            rows.append(k == 0 ? "" : ", ").append("(CAST(").append(values[k]).append(" AS BIGINT), ").append(k).append(")");
        }
        for (long mod : new long[] {1L, 2L, 7L, 64L, 1_000_003L, Long.MAX_VALUE}) {
            List<Object> buckets = db.evalOver(call("hash", TypedSql.of("x", KustoType.LONG), lng(mod)),
                    "(VALUES " + rows + ") v(x, k) ORDER BY k");
            for (int k = 0; k < values.length; k++) {
                byte[] bytes = java.nio.ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                        .putLong(values[k]).array();
                assertEquals(Xxh64Reference.unsignedMod(bytes, mod), buckets.get(k), "hash(" + values[k] + ", " + mod + ")");
            }
        }
    }

    @Test
    void hashWorksOverColumns() {
        List<Object> hashes = db.evalOver(call("hash", TypedSql.of("s", KustoType.STRING), lng(100)),
                "(VALUES ('World', 1), ('World', 2), (NULL, 3)) v(s, k) ORDER BY k");
        assertEquals(List.of(51L, 51L, Xxh64Reference.unsignedMod(new byte[0], 100)), hashes);
    }
}
