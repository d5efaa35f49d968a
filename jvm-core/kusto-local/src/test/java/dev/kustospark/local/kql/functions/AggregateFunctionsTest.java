package dev.kustospark.local.kql.functions;

import static dev.kustospark.local.kql.functions.Harness.agg;
import static dev.kustospark.local.kql.functions.Harness.column;
import static dev.kustospark.local.kql.functions.Harness.integer;
import static dev.kustospark.local.kql.functions.Harness.lng;
import static dev.kustospark.local.kql.functions.Harness.real;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AggregateFunctionsTest {
    /** Five rows with a null in every nullable column. */
    private static final String ROWS = "(VALUES"
            + " (1, CAST(10 AS BIGINT), CAST(1 AS INTEGER), CAST(1.5 AS DOUBLE), 'b', TIMESTAMP '2024-01-02 00:00:00', CAST(36000000000 AS BIGINT), true),"
            + " (2, CAST(20 AS BIGINT), CAST(2 AS INTEGER), CAST(2.5 AS DOUBLE), 'a', TIMESTAMP '2024-01-01 00:00:00', CAST(600000000 AS BIGINT), false),"
            + " (3, NULL, NULL, NULL, NULL, NULL, NULL, NULL),"
            + " (4, CAST(20 AS BIGINT), CAST(4 AS INTEGER), CAST(4.0 AS DOUBLE), 'c', TIMESTAMP '2024-01-03 12:00:00', CAST(0 AS BIGINT), true),"
            + " (5, CAST(40 AS BIGINT), CAST(8 AS INTEGER), CAST(-1.0 AS DOUBLE), '', TIMESTAMP '2023-12-31 00:00:00', CAST(-10 AS BIGINT), true)"
            + ") rows(k, x, i, r, s, d, t, flag)";
    private static final String NO_ROWS = ROWS + " WHERE k > 100";

    private static final TypedSql X = column("x", KustoType.LONG);
    private static final TypedSql I = column("i", KustoType.INT);
    private static final TypedSql R = column("r", KustoType.REAL);
    private static final TypedSql S = column("s", KustoType.STRING);
    private static final TypedSql D = column("d", KustoType.DATETIME);
    private static final TypedSql T = column("t", KustoType.TIMESPAN);
    private static final TypedSql FLAG = column("flag", KustoType.BOOL);

    private static final ObjectMapper JSON = new ObjectMapper();
    @AutoClose
    private static final Harness db = new Harness();

    private static Object over(String rows, TypedSql aggregate, KustoType expectedType) {
        assertEquals(expectedType, aggregate.type(), "result type");
        return db.aggregate(aggregate, rows);
    }

    private static Object over(TypedSql aggregate, KustoType expectedType) {
        return over(ROWS, aggregate, expectedType);
    }

    @Test
    void countsAndSums() {
        assertEquals(5L, over(agg("count"), KustoType.LONG));
        assertEquals(3L, over(agg("countif", FLAG), KustoType.LONG));
        assertEquals(90L, over(agg("sum", X), KustoType.LONG));
        assertEquals(15L, over(agg("sum", I), KustoType.LONG));
        assertEquals(7.0, over(agg("sum", R), KustoType.REAL));
        assertEquals(36_600_000_000L - 10, over(agg("sum", T), KustoType.TIMESPAN));
        assertEquals(70L, over(agg("sumif", X, FLAG), KustoType.LONG));
        // over no rows, counts and sums are 0
        assertEquals(0L, over(NO_ROWS, agg("count"), KustoType.LONG));
        assertEquals(0L, over(NO_ROWS, agg("countif", FLAG), KustoType.LONG));
        assertEquals(0L, over(NO_ROWS, agg("sum", X), KustoType.LONG));
        assertEquals(0L, over(NO_ROWS, agg("dcount", X), KustoType.LONG));
    }

    @Test
    void averages() {
        assertEquals(22.5, over(agg("avg", X), KustoType.REAL));
        assertEquals(3.75, over(agg("avg", I), KustoType.REAL));
        assertEquals(70.0 / 3, over(agg("avgif", X, FLAG), KustoType.REAL));
        assertNull(over(NO_ROWS, agg("avg", X), KustoType.REAL));
        // 9149999997.5 ticks: timespans average to whole ticks
        assertEquals(9_149_999_998L, over(agg("avg", T), KustoType.TIMESPAN));
    }

    @Test
    void minAndMaxOfComparableTypes() {
        assertEquals(10L, over(agg("min", X), KustoType.LONG));
        assertEquals(40L, over(agg("max", X), KustoType.LONG));
        assertEquals(-1.0, over(agg("min", R), KustoType.REAL));
        assertEquals("c", over(agg("max", S), KustoType.STRING));
        assertEquals("2023-12-31 00:00:00", over(agg("min", D), KustoType.DATETIME));
        assertEquals("2024-01-03 12:00:00", over(agg("max", D), KustoType.DATETIME));
        assertEquals(-10L, over(agg("min", T), KustoType.TIMESPAN));
        assertEquals(20L, over(agg("maxif", X, column("(k < 4)", KustoType.BOOL)), KustoType.LONG));
        assertEquals(20L, over(agg("minif", X, column("(k > 1)", KustoType.BOOL)), KustoType.LONG));
        assertNull(over(NO_ROWS, agg("max", X), KustoType.LONG));
        assertThrows(KustoException.class, () -> agg("max", column("j", KustoType.DYNAMIC)));
    }

    @Test
    void dcountCountsDistinctNonNullValues() {
        assertEquals(3L, over(agg("dcount", X), KustoType.LONG));
        assertEquals(3L, over(agg("dcount", X, integer(2)), KustoType.LONG));
        assertEquals(2L, over(agg("dcountif", X, column("(k < 4)", KustoType.BOOL)), KustoType.LONG));
        assertThrows(KustoException.class, () -> agg("dcount", X, integer(7)));
    }

    @Test
    void makeListSkipsNullsAndKeepsKustoForms() throws Exception {
        assertEquals("[10,20,20,40]", over(agg("make_list", X), KustoType.DYNAMIC));
        assertEquals("[10,20]", over(agg("make_list", X, lng(2)), KustoType.DYNAMIC));
        assertEquals("[10,20,40]", over(agg("make_list_if", X, FLAG), KustoType.DYNAMIC));
        // the stored NULL string of row 3 is an empty string, which make_list keeps
        assertEquals("[\"b\",\"a\",\"\",\"c\",\"\"]", over(agg("make_list", S), KustoType.DYNAMIC));
        assertEquals("[\"2024-01-02T00:00:00Z\",\"2024-01-01T00:00:00Z\",\"2024-01-03T12:00:00Z\","
                + "\"2023-12-31T00:00:00Z\"]", over(agg("make_list", D), KustoType.DYNAMIC));
        assertEquals("[\"01:00:00\",\"00:01:00\",\"00:00:00\",\"-00:00:00.0000010\"]",
                over(agg("make_list", T), KustoType.DYNAMIC));
        assertEquals("[1.5,2.5,4.0,-1.0]", over(agg("make_list", R), KustoType.DYNAMIC));
        assertEquals("[10,20,null,20,40]", over(agg("make_list_with_nulls", X), KustoType.DYNAMIC));
        assertEquals("[]", over(NO_ROWS, agg("make_list", X), KustoType.DYNAMIC));
        assertEquals("[]", over(NO_ROWS, agg("make_set", X), KustoType.DYNAMIC));
        assertEquals(Set.of("10", "20", "40"), elements(over(agg("make_set", X), KustoType.DYNAMIC)));
        assertEquals(Set.of("10", "20"), elements(over(agg("make_set_if", X, column("(k < 4)", KustoType.BOOL)),
                KustoType.DYNAMIC)));
        assertEquals(2, JSON.readTree((String) over(agg("make_set", X, lng(2)), KustoType.DYNAMIC)).size());
        assertThrows(KustoException.class, () -> agg("make_list", X, lng(0)));
    }

    @Test
    void makeListOfDynamicEmbedsTheValues() {
        String rows = "(VALUES (CAST('[1,2]' AS JSON)), (CAST('{\"a\":1}' AS JSON)), (NULL), (CAST('null' AS JSON))) v(j)";
        assertEquals("[[1,2],{\"a\":1}]", over(rows, agg("make_list", column("j", KustoType.DYNAMIC)),
                KustoType.DYNAMIC));
    }

    private static Set<String> elements(Object json) throws Exception {
        Set<String> out = new TreeSet<>();
        for (JsonNode n : JSON.readTree((String) json)) {
            out.add(n.asText());
        }
        return out;
    }

    /** Nearest rank: the smallest value with at least p percent of the values at or below it. */
    @Test
    void percentileIsNearestRank() {
        String tenValues = "range(1, 11) v(n)";
        TypedSql n = column("n", KustoType.LONG);
        assertEquals(5L, over(tenValues, agg("percentile", n, integer(50)), KustoType.LONG));
        assertEquals(10L, over(tenValues, agg("percentile", n, integer(95)), KustoType.LONG));
        assertEquals(1L, over(tenValues, agg("percentile", n, integer(0)), KustoType.LONG));
        assertEquals(10L, over(tenValues, agg("percentile", n, integer(100)), KustoType.LONG));
        assertEquals(3L, over(tenValues, agg("percentile", n, real(25.5)), KustoType.LONG));
        assertEquals(20L, over(agg("percentile", X, integer(50)), KustoType.LONG));
        assertEquals("2024-01-02 00:00:00", over(agg("percentile", D, integer(75)), KustoType.DATETIME));
        assertNull(over(NO_ROWS, agg("percentile", X, integer(50)), KustoType.LONG));
        assertEquals("[1,5,10]", over(tenValues, agg("percentiles_array", n, integer(5), integer(50), integer(95)),
                KustoType.DYNAMIC));
        assertEquals("[3,8]", over(tenValues, agg("percentiles_array", n, Harness.dyn("[25, 75.5]")),
                KustoType.DYNAMIC));
        assertNull(over(NO_ROWS, agg("percentiles_array", X, integer(50)), KustoType.DYNAMIC));
        assertThrows(KustoException.class, () -> agg("percentile", X, integer(120)));
        assertThrows(KustoException.class, () -> agg("percentile", X, X));
    }

    @Test
    void takeAnyAndSpread() {
        Object any = over(agg("take_any", X), KustoType.LONG);
        assertTrue(Set.of(10L, 20L, 40L).contains(any), String.valueOf(any));
        String eight = "(VALUES (2), (4), (4), (4), (5), (5), (7), (9)) v(n)";
        TypedSql n = column("n", KustoType.INT);
        assertEquals(2.0, over(eight, agg("stdevp", n), KustoType.REAL));
        assertEquals(4.0, over(eight, agg("variancep", n), KustoType.REAL));
        assertEquals(32.0 / 7, (Double) over(eight, agg("variance", n), KustoType.REAL), 1e-12);
        assertEquals(0.0, over("(VALUES (3)) v(n)", agg("stdev", n), KustoType.REAL));
        // documented defaults over no rows: 0 for the sample forms, null for the others
        assertEquals(0.0, over(eight + " WHERE n > 100", agg("variance", n), KustoType.REAL));
        assertNull(over(eight + " WHERE n > 100", agg("stdevp", n), KustoType.REAL));
    }

    @Test
    void conditionalAnyDistinctCountsBagsAndBits() {
        assertEquals(20L, over(agg("take_anyif", X, column("(k = 2)", KustoType.BOOL)), KustoType.LONG));
        assertEquals(3L, over(agg("count_distinct", X), KustoType.LONG));
        assertEquals(1L, over(agg("count_distinctif", X, column("(k = 2 OR k = 4)", KustoType.BOOL)),
                KustoType.LONG));
        String bags = "(VALUES (CAST('{\"a\":1}' AS JSON)), (CAST('{\"b\":[2]}' AS JSON)), (NULL),"
                + " (CAST('[1]' AS JSON))) v(j)";
        assertEquals("{\"a\":1,\"b\":[2]}", over(bags, agg("make_bag", column("j", KustoType.DYNAMIC)),
                KustoType.DYNAMIC));
        // the documented default over no values
        assertEquals("[]", over(bags + " WHERE j IS NULL", agg("make_bag", column("j", KustoType.DYNAMIC)),
                KustoType.DYNAMIC));
        String bits = "(VALUES (CAST(6 AS BIGINT)), (CAST(3 AS BIGINT))) v(b)";
        TypedSql b = column("b", KustoType.LONG);
        assertEquals(2L, over(bits, agg("binary_all_and", b), KustoType.LONG));
        assertEquals(7L, over(bits, agg("binary_all_or", b), KustoType.LONG));
        assertEquals(5L, over(bits, agg("binary_all_xor", b), KustoType.LONG));
    }

    /** Strings are never null in Kusto: a stored NULL string aggregates as the empty string. */
    @Test
    void storedNullStringsAggregateAsEmpty() {
        String rows = "(VALUES ('b'), (NULL), ('a')) v(s)";
        TypedSql s = column("s", KustoType.STRING);
        assertEquals("", over(rows, agg("min", s), KustoType.STRING));
        assertEquals(3L, over(rows, agg("dcount", s), KustoType.LONG));
        assertEquals("[\"b\",\"\",\"a\"]", over(rows, agg("make_list", s), KustoType.DYNAMIC));
    }

    @Test
    void wrongUsesAreErrorsNamingTheAggregation() {
        assertTrue(AggregateFunctions.isKnown("make_set"));
        assertFalse(AggregateFunctions.isKnown("strlen"));
        KustoException e = assertThrows(KustoException.class, () -> agg("count", X, S));
        assertTrue(e.getMessage().contains("'count'"), e.getMessage());
        assertThrows(KustoException.class, () -> agg("sum", S));
        KustoException several = assertThrows(KustoException.class, () -> agg("take_any", X, S));
        assertTrue(several.getMessage().contains("does not support 'take_any' of several expressions"),
                several.getMessage());
        assertThrows(KustoException.class, () -> agg("countif", X));
        KustoException unknown = assertThrows(KustoException.class, () -> agg("arg_foo", X));
        assertTrue(unknown.getMessage().contains("arg_foo"), unknown.getMessage());
    }
}
