package dev.kustospark.local.kql;

import static dev.kustospark.local.kql.KqlRunner.row;
import static dev.kustospark.local.types.KustoType.DYNAMIC;
import static dev.kustospark.local.types.KustoType.LONG;
import static dev.kustospark.local.types.KustoType.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kustospark.local.engine.Column;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KqlExpressionsTest {
    private static KqlRunner kql;

    @BeforeAll
    static void setUp() {
        kql = new KqlRunner();
        kql.catalog().create("T", List.of(new Column("n", LONG), new Column("s", STRING), new Column("d", DYNAMIC)),
                "(1, 'a', '{\"p\":{\"q\":7},\"arr\":[10,20,30],\"name\":\"x\"}'), (2, 'B', NULL), "
                        + "(NULL, 'c', '{\"p\":1}')");
        kql.catalog().create("Letters", List.of(new Column("l", STRING)), "('a'), ('z')");
    }

    @AfterAll
    static void tearDown() {
        kql.close();
    }

    private static KqlRunner.Result print(String exprs) {
        return kql.run("print " + exprs);
    }

    @Test
    void literalsOfEveryType() {
        KqlRunner.Result r = print("1, 1.5, 1e3, true, \"s\\t\", 's\\'', @\"c:\\x\", h\"hidden\", "
                + "datetime(2024-01-02T03:04:05.123Z), 1d, 2h, 30m, 10s, 100ms, 1tick, 1microsecond, "
                + "time(1.02:03:04), guid(74be27de-1e4e-49d9-b579-fe0b331d3642), dynamic({\"a\":[1,2]}), "
                + "decimal(1.5), int(5), long(-5), real(1), bool(false), int(null), datetime(null), real(nan)");
        assertEquals(List.of("print_0:long", "print_1:real", "print_2:real", "print_3:bool", "print_4:string",
                "print_5:string", "print_6:string", "print_7:string", "print_8:datetime", "print_9:timespan",
                "print_10:timespan", "print_11:timespan", "print_12:timespan", "print_13:timespan",
                "print_14:timespan", "print_15:timespan", "print_16:timespan", "print_17:guid",
                "print_18:dynamic", "print_19:decimal", "print_20:int", "print_21:long", "print_22:real",
                "print_23:bool", "print_24:int", "print_25:datetime", "print_26:real"), r.columns());
        assertEquals(row(1L, 1.5, 1000.0, true, "s\t", "s'", "c:\\x", "hidden", "2024-01-02T03:04:05.1230000Z",
                "1.00:00:00", "02:00:00", "00:30:00", "00:00:10", "00:00:00.1000000", "00:00:00.0000001",
                "00:00:00.0000010", "1.02:03:04", "74be27de-1e4e-49d9-b579-fe0b331d3642", "{\"a\":[1,2]}",
                new BigDecimal("1.500000000000000000"), 5, -5L, 1.0, false, null, null, Double.NaN),
                r.rows().get(0));
    }

    @Test
    void aDecimalLiteralBeyondDecimal38And18FailsRatherThanBeingRounded() {
        for (String literal : new String[] {"0.0000000000000000001", "123456789012345678901"}) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(dev.kustospark.local.KustoException.class,
                    () -> print("decimal(" + literal + ")"));
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("cannot hold decimal(" + literal
                    + ") exactly"), e.getMessage());
        }
    }

    @Test
    void arithmeticFollowsKustoTyping() {
        KqlRunner.Result r = print("7 / 2, -7 / 2, -7 % 3, int(7) / int(2), 7 / 2.0, int(1) + int(2), "
                + "int(1) + 2, decimal(1.5) * 2, 1.0 / 0");
        assertEquals(List.of("print_0:long", "print_1:long", "print_2:long", "print_3:int", "print_4:real",
                "print_5:int", "print_6:long", "print_7:decimal", "print_8:real"), r.columns());
        assertEquals(row(3L, -3L, -1L, 3, 3.5, 3, 3L, new BigDecimal("3.000000000000000000"),
                Double.POSITIVE_INFINITY), r.rows().get(0));
    }

    @Test
    void datetimeAndTimespanArithmetic() {
        KqlRunner.Result r = print("datetime(2024-01-02) - datetime(2024-01-01 06:00), "
                + "datetime(2024-01-01) + 1d + 90m, datetime(2024-01-01) - 1h, 1h + 30m, 1h * 2, 2 * 1h, "
                + "1h / 4, 1h / 30m, 1.5 * 1h, -1d");
        assertEquals(List.of("print_0:timespan", "print_1:datetime", "print_2:datetime", "print_3:timespan",
                "print_4:timespan", "print_5:timespan", "print_6:timespan", "print_7:real", "print_8:timespan",
                "print_9:timespan"), r.columns());
        assertEquals(row("18:00:00", "2024-01-02T01:30:00.0000000Z", "2023-12-31T23:00:00.0000000Z", "01:30:00",
                "02:00:00", "02:00:00", "00:15:00", 2.0, "01:30:00", "-1.00:00:00"), r.rows().get(0));
    }

    @Test
    void comparisonsAndLogic() {
        KqlRunner.Result r = print("1 == 1.0, int(2) < 3, 'a' == 'A', 'b' > 'a', datetime(2024-01-01) < "
                + "datetime(2024-01-02), 1h > 30m, true and not(false), false or 1 != 1, 2 <> 3");
        assertEquals(row(true, true, false, true, true, true, true, false, true), r.rows().get(0));
    }

    @Test
    void nullsPropagateAndWhereKeepsOnlyTrueRows() {
        KqlRunner.Result r = kql.run("T | extend m = n * 2, c = n > 1 | project s, m, c");
        assertEquals(List.of(row("a", 2L, false), row("B", 4L, true), row("c", null, null)), r.rows());
        r = kql.run("T | where not(n > 1) | project s");
        assertEquals(List.of(row("a")), r.rows());
        // a null is unequal to any value; only two nulls compare as null (the documented "Null values" table)
        r = kql.run("T | where n != 1 | project s");
        assertEquals(List.of(row("B"), row("c")), r.rows());
        r = kql.run("datatable(val:int)[5, int(null)] | extend IsBiggerThan3 = val > 3 "
                + "| extend IsEqualToNull = val == int(null) | extend IsNotEqualToNull = val != int(null) "
                + "| extend e = val == val");
        assertEquals(List.of(row(5, true, false, true, true), row(null, null, null, null, null)), r.rows());
    }

    @Test
    void inBetweenAndCaseInsensitiveIn() {
        assertEquals(List.of(row("a"), row("B")), kql.run("T | where n in (1, 2) | project s").rows());
        assertEquals(List.of(row("B"), row("c")), kql.run("T | where n !in (1, 5) | project s").rows());
        assertEquals(List.of(row("B")), kql.run("T | where s in ('b', 'B') and s !in ('a') | project s").rows());
        assertEquals(List.of(row("a"), row("B")), kql.run("T | where s in~ ('A', 'b') | project s").rows());
        assertEquals(List.of(row("c")), kql.run("T | where s !in~ ('A', 'b') | project s").rows());
        assertEquals(List.of(row("B")), kql.run("T | where n between (2 .. 5) | project s").rows());
        assertEquals(List.of(row("a")), kql.run("T | where n !between (2 .. 5) | project s").rows());
        assertEquals(List.of(row("a"), row("B")),
                kql.run("T | where n in (dynamic([1, 2, 3])) | project s").rows());
        assertEquals(List.of(row("B")),
                kql.run("T | where s in (datatable(x:string)['B', 'z']) | project s").rows());
        assertEquals(List.of(row("a")),
                kql.run("let L = datatable(x:string)['a']; T | where s in (L) | project s").rows());
        assertEquals(List.of(row("B"), row("c")), kql.run("T | where n !in ((T | where n == 1 | union (print n = long(null)) "
                + "| project n)) | project s").rows());
        assertEquals(List.of(row("B"), row("c")), kql.run("T | where n !in (1, long(null)) | project s").rows());
        assertEquals(row(45.6), print("extract('x=([0-9.]+)', 1, 'hello x=45.6|wo', typeof(real))").rows().get(0));
        assertEquals(List.of(row("a")), kql.run("T | where s in (Letters) | project s").rows());
        assertEquals(row(true), print("datetime(2024-01-01 10:00) between (datetime(2024-01-01) .. 12h)")
                .rows().get(0));
    }

    @Test
    void dynamicAccess() {
        KqlRunner.Result r = kql.run("T | where n == 1 | project d.p.q, d['arr'][1], last = d.arr[-1], d.missing, "
                + "x = d['name']");
        assertEquals(List.of("d_p_q:dynamic", "d_arr_1:dynamic", "last:dynamic", "d_missing:dynamic",
                "x:dynamic"), r.columns());
        assertEquals(List.of(row("7", "20", "30", null, "\"x\"")), r.rows());
        assertEquals(List.of(row("a")), kql.run("T | where d.p.q == 7 | project s").rows());
        assertEquals(List.of(row("a")), kql.run("T | where d.name == 'x' | project s").rows());
        assertEquals(List.of(row("c")), kql.run("T | where d.p in (1, 5) | project s").rows());
        // a JSON string is not a number
        assertEquals(List.of(), kql.run("print d = dynamic({\"a\":\"1\"}) | where d.a == 1").rows());
        assertEquals(List.of(row("a")), kql.run("T | where d.arr[0] > 9.5 | project s").rows());
    }

    @Test
    void queryParameters() {
        KqlRunner withParams = kql.withParameters(Map.of("minN", "long(2)", "name", "B",
                "flag", Boolean.TRUE, "limit", 5, "when", "datetime(2024-01-01T00:00:00.0000000Z)",
                "span", "time(1.02:03:04)"));
        KqlRunner.Result r = withParams.run("declare query_parameters(minN:long, name:string, flag:bool, limit:int, "
                + "when:datetime, span:timespan, dflt:string = 'z');"
                + " T | where n >= minN and s == name and flag | project n, dflt, limit, when, span");
        assertEquals(List.of("n:long", "dflt:string", "limit:int", "when:datetime", "span:timespan"),
                r.columns());
        assertEquals(List.of(row(2L, "z", 5, "2024-01-01T00:00:00.0000000Z", "1.02:03:04")), r.rows());
        KustoAssert.semanticError(() -> kql.compile("declare query_parameters(x:long); print x"),
                "query parameter 'x'");
        KqlRunner python = kql.withParameters(Map.of("d", Map.of("k", List.of(1, 2)),
                "r", 2.5, "t", "2024-01-01T10:00:00Z", "g", "74be27de-1e4e-49d9-b579-fe0b331d3642"));
        r = python.run("declare query_parameters(d:dynamic, r:real, t:datetime, g:guid); print d.k[1], r, t, g");
        assertEquals(List.of(row("2", 2.5, "2024-01-01T10:00:00.0000000Z", "74be27de-1e4e-49d9-b579-fe0b331d3642")),
                r.rows());
        KustoAssert.error(() -> kql.withParameters(Map.of("x", "abc"))
                .compile("declare query_parameters(x:long); print x"),
                "Query parameter 'x' of type long has an invalid value 'abc'");
    }
}
