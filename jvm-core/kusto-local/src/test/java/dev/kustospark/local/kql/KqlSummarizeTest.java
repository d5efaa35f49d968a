package dev.kustospark.local.kql;

import static dev.kustospark.local.kql.KqlRunner.row;
import static dev.kustospark.local.types.KustoType.DATETIME;
import static dev.kustospark.local.types.KustoType.LONG;
import static dev.kustospark.local.types.KustoType.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kustospark.local.engine.Column;
import dev.kustospark.local.kql.functions.AggregateFunctions;
import dev.kustospark.local.kql.functions.ScalarFunctions;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** summarize naming and grouping; the aggregation translations themselves live in kql.functions. */
class KqlSummarizeTest {
    private static KqlRunner kql;

    @BeforeAll
    static void setUp() {
        kql = new KqlRunner();
        kql.catalog().create("S", List.of(new Column("k", STRING), new Column("x", LONG), new Column("t", DATETIME)),
                "('a', 1, TIMESTAMP '2024-01-01 00:10:00'), ('a', 3, TIMESTAMP '2024-01-01 00:50:00'), "
                        + "('b', 5, TIMESTAMP '2024-01-01 01:20:00'), ('b', NULL, TIMESTAMP '2024-01-01 01:40:00')");
    }

    @AfterAll
    static void tearDown() {
        kql.close();
    }

    @Test
    void aggregationsAreNamedTheKustoWay() {
        assumeTrue(AggregateFunctions.isKnown("count") && AggregateFunctions.isKnown("sum"),
                "aggregations are translated by kql.functions");
        KqlRunner.Result r = kql.run("S | summarize count(), sum(x), avg(x), min(x), max(x), dcount(k), "
                + "countif(x > 1), sumif(x, x > 1), make_list(x), make_set(k), percentile(x, 50) by k "
                + "| order by k asc");
        assertEquals(List.of("k", "count_", "sum_x", "avg_x", "min_x", "max_x", "dcount_k", "countif_", "sumif_x",
                "list_x", "set_k", "percentile_x_50"), r.columns().stream().map(c -> c.split(":")[0]).toList());
        assertEquals(List.of("a", 2L, 4L), r.rows().get(0).subList(0, 3));
        r = kql.run("S | summarize n = count(), count() * 2, count()");
        assertEquals(List.of("n:long", "Column1:long", "count_:long"), r.columns());
        assertEquals(List.of(row(4L, 8L, 4L)), r.rows());
    }

    @Test
    void emptyInputWithoutKeysGivesOneRow() {
        assumeTrue(AggregateFunctions.isKnown("count"), "aggregations are translated by kql.functions");
        assertEquals(List.of(row(0L)), kql.run("S | where x > 100 | summarize count()").rows());
        assertEquals(List.of(), kql.run("S | where x > 100 | summarize count() by k").rows());
    }

    @Test
    void binKeysAreNamedAfterTheirColumn() {
        assumeTrue(AggregateFunctions.isKnown("count") && ScalarFunctions.isKnown("bin"),
                "bin and count are translated by kql.functions");
        KqlRunner.Result r = kql.run("S | summarize c = count() by bin(t, 1h) | order by t asc");
        assertEquals(List.of("t:datetime", "c:long"), r.columns());
        assertEquals(List.of(row("2024-01-01T00:00:00.0000000Z", 2L), row("2024-01-01T01:00:00.0000000Z", 2L)),
                r.rows());
    }

    @Test
    void keysOnlyAndComputedKeys() {
        KqlRunner.Result r = kql.run("S | summarize by k, big = x > 2 | order by k asc, big asc nulls last");
        assertEquals(List.of("k:string", "big:bool"), r.columns());
        assertEquals(List.of(row("a", false), row("a", true), row("b", true), row("b", null)), r.rows());
        r = kql.run("S | summarize by x % 2 | order by Column1 asc");
        assertEquals(List.of("Column1:long"), r.columns());
        assertEquals(List.of(row((Object) null), row(1L)), r.rows());
    }

    @Test
    void takeAnyPrefersValuesAndKeepsRowsTogether() {
        KqlRunner.Result r = kql.run("S | where k == 'b' | summarize take_any(x)");
        assertEquals(List.of("x:long"), r.columns());
        assertEquals(List.of(row(5L)), r.rows());
        r = kql.run("S | where x == 3 | summarize take_any(*)");
        assertEquals(List.of("k:string", "x:long", "t:datetime"), r.columns());
        assertEquals(List.of(row("a", 3L, "2024-01-01T00:50:00.0000000Z")), r.rows());
        r = kql.run("S | summarize take_any(x, t) by k | project k, x | order by k asc");
        assertEquals(2, r.rows().size());
    }

    @Test
    void argMaxNamesFollowKusto() {
        KqlRunner.Result r = kql.run("S | summarize arg_max(x * 2, k, x + 1) by k | order by k asc");
        assertEquals(List.of("k:string", "max_:long", "k1:string", "max__arg2:long"), r.columns());
        assertEquals(List.of(row("a", 6L, "a", 4L), row("b", 10L, "b", 6L)), r.rows());
    }

    @Test
    void argMaxWithNamedAndStarReturns() {
        KqlRunner.Result r = kql.run("S | summarize arg_max(t, *) by k | order by k asc");
        assertEquals(List.of("k:string", "t:datetime", "x:long"), r.columns());
        assertEquals(List.of(row("a", "2024-01-01T00:50:00.0000000Z", 3L), row("b", "2024-01-01T01:40:00.0000000Z",
                null)), r.rows());
        r = kql.run("S | summarize arg_min(x, t) by k | order by k asc");
        assertEquals(List.of(row("a", 1L, "2024-01-01T00:10:00.0000000Z"), row("b", 5L,
                "2024-01-01T01:20:00.0000000Z")), r.rows());
    }
}
