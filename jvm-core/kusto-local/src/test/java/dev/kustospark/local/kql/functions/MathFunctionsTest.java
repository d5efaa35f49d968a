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
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MathFunctionsTest {
    private static Harness db;

    @BeforeAll
    static void open() {
        db = new Harness();
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Object eval(TypedSql expr, KustoType expectedType) {
        assertEquals(expectedType, expr.type(), "result type");
        return db.eval(expr);
    }

    private static String when(TypedSql datetime) {
        assertEquals(KustoType.DATETIME, datetime.type(), "result type");
        return (String) db.eval(TypedSql.of(Sql.datetimeText(datetime.sql()), KustoType.STRING));
    }

    /** The documented bin examples. */
    @Test
    void binDocumentedExamples() {
        assertEquals(4.0, eval(call("bin", real(4.5), integer(1)), KustoType.REAL));
        assertEquals(14 * KustoValues.TICKS_PER_DAY, eval(call("bin", ts("16d"), ts("7d")), KustoType.TIMESPAN));
        assertEquals("1970-05-11T00:00:00Z", when(call("bin", dt("1970-05-11 13:45:07"), ts("1d"))));
    }

    @Test
    void binOfIntegersFloorsTowardNegativeInfinity() {
        assertEquals(6L, eval(call("bin", lng(7), lng(2)), KustoType.LONG));
        assertEquals(-8L, eval(call("bin", lng(-7), lng(2)), KustoType.LONG));
        assertEquals(10, eval(call("floor", integer(14), integer(5)), KustoType.INT));
        assertEquals(-5.0, eval(call("bin", real(-4.5), integer(1)), KustoType.REAL));
        assertEquals(7.5, eval(call("bin", lng(8), real(2.5)), KustoType.REAL));
        assertEquals(0, new BigDecimal("1.25").compareTo(
                (BigDecimal) eval(call("bin", dec("1.3"), dec("0.25")), KustoType.DECIMAL)));
        assertNull(eval(call("bin", lng(7), lng(0)), KustoType.LONG));
        assertNull(eval(call("bin", lng(7), lng(-2)), KustoType.LONG));
        assertNull(eval(call("bin", nullOf(KustoType.LONG), lng(2)), KustoType.LONG));
    }

    @Test
    void binOfDatetimes() {
        assertEquals("2024-03-15T10:00:00Z", when(call("bin", dt("2024-03-15T10:59:59.999Z"), ts("1h"))));
        assertEquals("2024-03-15T10:15:00Z", when(call("bin", dt("2024-03-15T10:29:00Z"), ts("15m"))));
        assertEquals("1969-12-31T00:00:00Z", when(call("bin", dt("1969-12-31T10:00:00Z"), ts("1d"))));
        // datetimes count ticks from 0001-01-01, a Monday, so 7-day bins start on Mondays
        assertEquals("2024-01-08T00:00:00Z", when(call("bin", dt("2024-01-10T12:00:00Z"), ts("7d"))));
        List<Object> bins = db.evalOver(call("bin", TypedSql.of("t", KustoType.DATETIME), ts("1d")),
                "(VALUES (TIMESTAMP '2024-01-01 23:00:00'), (NULL)) v(t)");
        assertEquals(2, bins.size());
        assertNull(bins.get(1));
        assertThrows(KustoException.class, () -> call("bin", dt("2024-01-01"), lng(1)));
    }

    /** The documented round examples. */
    @Test
    void round() {
        assertEquals(2.988, eval(call("round", real(2.98765), integer(3)), KustoType.REAL));
        assertEquals(2.2, eval(call("round", real(2.15), integer(1)), KustoType.REAL));
        assertEquals(2.0, eval(call("round", real(2.15)), KustoType.REAL));
        assertEquals(-100.0, eval(call("round", real(-50.55), integer(-2)), KustoType.REAL));
        assertEquals(20.0, eval(call("round", real(21.5), integer(-1)), KustoType.REAL));
        assertEquals(3.0, eval(call("round", real(2.5)), KustoType.REAL));
        assertEquals(130L, eval(call("round", lng(125), integer(-1)), KustoType.LONG));
    }

    @Test
    void arithmeticFunctions() {
        assertEquals(5, eval(call("abs", integer(-5)), KustoType.INT));
        assertEquals(KustoValues.TICKS_PER_HOUR, eval(call("abs", ts("-1h")), KustoType.TIMESPAN));
        assertEquals(8.0, eval(call("pow", integer(2), integer(3)), KustoType.REAL));
        assertEquals(2.0, eval(call("sqrt", lng(4)), KustoType.REAL));
        assertNull(eval(call("sqrt", lng(-1)), KustoType.REAL));
        assertEquals(0.0, eval(call("log", real(1.0)), KustoType.REAL));
        assertNull(eval(call("log", lng(0)), KustoType.REAL));
        assertNull(eval(call("log", lng(-1)), KustoType.REAL));
        assertEquals(2.0, eval(call("log10", lng(100)), KustoType.REAL));
        assertEquals(3.0, eval(call("log2", lng(8)), KustoType.REAL));
        assertEquals(1.0, eval(call("exp", lng(0)), KustoType.REAL));
        assertEquals(1000.0, eval(call("exp10", lng(3)), KustoType.REAL));
        assertEquals(3L, eval(call("ceiling", lng(3)), KustoType.LONG));
        assertThrows(KustoException.class, () -> call("sqrt", str("4")));
    }

    @Test
    void hashIsStableAndNonNegative() {
        long a = (Long) eval(call("hash", str("World")), KustoType.LONG);
        assertEquals(a, eval(call("hash", str("World")), KustoType.LONG));
        assertTrue(a >= 0);
        assertNotEquals(a, eval(call("hash", str("Hello")), KustoType.LONG));
        long bucket = (Long) eval(call("hash", str("World"), lng(100)), KustoType.LONG);
        assertTrue(bucket >= 0 && bucket < 100);
        assertEquals(a % 100, bucket);
        assertNull(eval(call("hash", nullOf(KustoType.LONG)), KustoType.LONG));
        assertEquals(eval(call("hash", lng(42)), KustoType.LONG), eval(call("hash", lng(42)), KustoType.LONG));
    }
}
