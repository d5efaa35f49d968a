package dev.kustospark.local.kql;

import static dev.kustospark.local.kql.KqlRunner.row;
import static dev.kustospark.local.types.KustoType.DATETIME;
import static dev.kustospark.local.types.KustoType.DYNAMIC;
import static dev.kustospark.local.types.KustoType.LONG;
import static dev.kustospark.local.types.KustoType.REAL;
import static dev.kustospark.local.types.KustoType.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kustospark.local.engine.Column;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Whole queries combining operators with the scalar and aggregation functions of kql.functions. */
class KqlQueriesTest {
    private static KqlRunner kql;

    @BeforeAll
    static void setUp() {
        kql = new KqlRunner();
        kql.catalog().create("Events", List.of(new Column("Id", LONG), new Column("Name", STRING),
                new Column("Value", REAL), new Column("Ts", DATETIME), new Column("Props", DYNAMIC)),
                "(1, 'alpha beta', 1.5, TIMESTAMP '2024-01-01 00:00:00', '{\"a\":1,\"tags\":[\"x\",\"y\"]}'),"
                        + "(2, 'Beta', NULL, TIMESTAMP '2024-01-02 12:30:00', '{\"a\":2}'),"
                        + "(3, 'gamma', 3.25, TIMESTAMP '2024-01-03 00:00:00', NULL),"
                        + "(4, 'alpha', -2.0, NULL, '{\"a\":\"text\"}')");
    }

    @AfterAll
    static void tearDown() {
        kql.close();
    }

    @Test
    void stringOperatorsInFilters() {
        assertEquals(List.of(row(1L), row(2L)), kql.run("Events | where Name has 'beta' | project Id").rows());
        assertEquals(List.of(row(3L), row(4L)), kql.run("Events | where Name !has 'beta' | project Id").rows());
        assertEquals(List.of(row(2L)), kql.run("Events | where Name =~ 'BETA' | project Id").rows());
        assertEquals(List.of(row(1L), row(4L)),
                kql.run("Events | where Name startswith 'al' and Name matches regex '^a.*a$' | project Id").rows());
    }

    @Test
    void functionResultsAreNamedAfterTheirArgument() {
        KqlRunner.Result r = kql.run("Events | where Id == 1 | project tostring(Props.a), strlen(Name), "
                + "bin(Value, 1), Props.a");
        assertEquals(List.of("Props_a:string", "strlen_Name:long", "Value:real", "Props_a1:dynamic"), r.columns());
        assertEquals(List.of(row("1", 10L, 1.0, "1")), r.rows());
    }

    @Test
    void summarizeByBinOfDatetime() {
        KqlRunner.Result r = kql.run("Events | summarize count() by bin(Ts, 1d) | order by Ts asc");
        assertEquals(List.of("Ts:datetime", "count_:long"), r.columns());
        assertEquals(List.of(row(null, 1L), row("2024-01-01T00:00:00.0000000Z", 1L),
                row("2024-01-02T00:00:00.0000000Z", 1L), row("2024-01-03T00:00:00.0000000Z", 1L)), r.rows());
    }

    @Test
    void toscalarMaterializeAndDatabaseReference() {
        assertEquals(List.of(row(3L)), kql.run("let top = toscalar(Events | summarize max(Value)); "
                + "Events | where Value == top | project Id").rows());
        assertEquals(List.of(row(4L)), kql.run("let M = materialize(Events | project Id); M | count").rows());
        assertEquals(List.of(row(4L)), kql.run("database('TestDb').Events | count").rows());
        KustoAssert.semanticError(() -> kql.compile("database('Other').Events | count"),
                "Failed to resolve database named 'Other'");
    }

    @Test
    void nowAndAgoUseTheQueryInstant() {
        KqlRunner.Result r = kql.run("print now(), ago(1h)");
        assertEquals(List.of(row("2024-05-01T12:00:00.0000000Z", "2024-05-01T11:00:00.0000000Z")), r.rows());
    }
}
