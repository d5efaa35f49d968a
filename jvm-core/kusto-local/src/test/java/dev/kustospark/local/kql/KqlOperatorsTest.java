package dev.kustospark.local.kql;

import static dev.kustospark.local.kql.KqlRunner.row;
import static dev.kustospark.local.types.KustoType.DATETIME;
import static dev.kustospark.local.types.KustoType.DYNAMIC;
import static dev.kustospark.local.types.KustoType.INT;
import static dev.kustospark.local.types.KustoType.LONG;
import static dev.kustospark.local.types.KustoType.REAL;
import static dev.kustospark.local.types.KustoType.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kustospark.local.engine.Column;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KqlOperatorsTest {
    private static KqlRunner kql;

    @BeforeAll
    static void setUp() {
        kql = new KqlRunner();
        kql.catalog().create("Events", List.of(new Column("Id", LONG), new Column("Name", STRING),
                new Column("Value", REAL), new Column("Ts", DATETIME), new Column("Props", DYNAMIC)),
                "(1, 'alpha', 1.5, TIMESTAMP '2024-01-01 00:00:00', '{\"a\":1,\"tags\":[\"x\",\"y\"]}'),"
                        + "(2, 'Beta', NULL, TIMESTAMP '2024-01-02 12:30:00', '{\"a\":2}'),"
                        + "(3, 'gamma', 3.25, TIMESTAMP '2024-01-03 00:00:00', NULL),"
                        + "(4, 'alpha', -2.0, NULL, '{\"a\":\"text\"}')");
        kql.catalog().create("Names", List.of(new Column("Name", STRING), new Column("Kind", INT)),
                "('alpha', 1), ('Beta', 2), ('delta', 4), ('alpha', 5)");
    }

    @AfterAll
    static void tearDown() {
        kql.close();
    }

    @Test
    void whereProjectSortAndTake() {
        KqlRunner.Result r = kql.run("Events | where Id > 1 and Name != 'gamma' | project Name, Id | sort by Id asc");
        assertEquals(List.of("Name:string", "Id:long"), r.columns());
        assertEquals(List.of(row("Beta", 2L), row("alpha", 4L)), r.rows());
    }

    @Test
    void sortDefaultsToDescendingWithNullsLast() {
        KqlRunner.Result r = kql.run("Events | order by Value | project Id");
        assertEquals(List.of(row(3L), row(1L), row(4L), row(2L)), r.rows());
        r = kql.run("Events | order by Value asc | project Id");
        assertEquals(List.of(row(2L), row(4L), row(1L), row(3L)), r.rows());
        r = kql.run("Events | order by Value asc nulls last | project Id");
        assertEquals(List.of(row(4L), row(1L), row(3L), row(2L)), r.rows());
    }

    @Test
    void orderSurvivesLaterOperators() {
        KqlRunner.Result r = kql.run("Events | sort by Id desc | extend Twice = Id * 2 | where Id != 3 "
                + "| project-away Props, Ts | take 2");
        assertEquals(List.of("Id:long", "Name:string", "Value:real", "Twice:long"), r.columns());
        assertEquals(List.of(row(4L, "alpha", -2.0, 8L), row(2L, "Beta", null, 4L)), r.rows());
    }

    @Test
    void windowFunctionsFollowTheSerializedOrder() {
        KqlRunner.Result r = kql.run("Events | sort by Id asc | extend rn = row_number(), p = prev(Id), "
                + "n = next(Name), p2 = prev(Id, 2, -1) | project Id, rn, p, n, p2");
        assertEquals(List.of("Id:long", "rn:long", "p:long", "n:string", "p2:long"), r.columns());
        assertEquals(List.of(row(1L, 1L, null, "Beta", -1L), row(2L, 2L, 1L, "gamma", -1L),
                row(3L, 3L, 2L, "alpha", 1L), row(4L, 4L, 3L, "", 2L)), r.rows());
        assertEquals(List.of(row(13L)), kql.run("Events | serialize rn = row_number(10) | summarize max(rn)").rows());
        assertEquals(List.of(row(13L)), kql.run("Events | serialize | extend rn = row_number(10) | where rn > 12 "
                + "| project rn").rows());
        KustoAssert.semanticError(() -> kql.compile("Events | extend rn = row_number()"),
                "Function 'row_number' cannot be invoked in current context. Details: the row set must be "
                        + "serialized [line:position=1:22]");
    }

    @Test
    void mvExpandArraysBagsNullsAndEmpties() {
        String data = "datatable(k:string, d:dynamic)['a', dynamic([1, 2]), 'b', dynamic([]), 'c', dynamic(null), "
                + "'e', dynamic({\"x\": 1, \"y\": \"s\"})]";
        KqlRunner.Result r = kql.run(data + " | mv-expand with_itemindex=i d");
        assertEquals(List.of("k:string", "d:dynamic", "i:long"), r.columns());
        assertEquals(List.of(row("a", "1", 0L), row("a", "2", 1L), row("c", null, 0L), row("e", "{\"x\":1}", 0L),
                row("e", "{\"y\":\"s\"}", 1L)), r.rows());
        r = kql.run(data + " | where k == 'e' | mv-expand kind=array v = d | project v");
        assertEquals(List.of(row("[\"x\",1]"), row("[\"y\",\"s\"]")), r.rows());
        r = kql.run(data + " | where k == 'a' | mv-expand d to typeof(long) limit 1");
        assertEquals(List.of("k:string", "d:long"), r.columns());
        assertEquals(List.of(row("a", 1L)), r.rows());
        r = kql.run("print d = dynamic([1, 'x', 2.5]) | mv-expand d to typeof(string)");
        assertEquals(List.of(row(""), row("x"), row("")), r.rows());
        // Several expressions expand in parallel; the shorter is padded with null.
        r = kql.run("print a = dynamic([1, 2, 3]), b = dynamic(['x']) | mv-expand with_itemindex=i a, b limit 2");
        assertEquals(List.of("a:dynamic", "b:dynamic", "i:long"), r.columns());
        assertEquals(List.of(row("1", "\"x\"", 0L), row("2", null, 1L)), r.rows());
    }

    @Test
    void topTakesTheFirstRowsInOrder() {
        KqlRunner.Result r = kql.run("Events | top 2 by Ts asc nulls last | project Id, Ts");
        assertEquals(List.of(row(1L, "2024-01-01T00:00:00.0000000Z"), row(2L, "2024-01-02T12:30:00.0000000Z")),
                r.rows());
    }

    @Test
    void extendNamesUnnamedExpressionsColumn1AndReplacesExistingColumns() {
        KqlRunner.Result r = kql.run("Events | where Id == 1 | extend Id + 1, Value = Value * 2, Name, "
                + "x = Id, y = x + 10 | project-away Ts, Props");
        assertEquals(List.of("Id:long", "Name:string", "Value:real", "Column1:long", "x:long", "y:long"),
                r.columns());
        assertEquals(List.of(row(1L, "alpha", 3.0, 2L, 1L, 11L)), r.rows());
        // default names are numbered across the query
        r = kql.run("Events | extend Id + 1 | project-away Column1 | extend Id + 2 | project Column2");
        assertEquals(List.of("Column2:long"), r.columns());
    }

    @Test
    void projectRenameReorderKeepAndAway() {
        KqlRunner.Result r = kql.run("Events | where Id == 3 | project-rename Key = Id, ['the name'] = Name "
                + "| project-reorder Value, T* | project-away Props");
        assertEquals(List.of("Value:real", "Ts:datetime", "Key:long", "the name:string"), r.columns());
        r = kql.run("Events | project-keep *a* | take 1");
        assertEquals(List.of("Name:string", "Value:real"), r.columns());
    }

    @Test
    void projectReorderSortsWildcardMatches() {
        KqlRunner.Result r = kql.run("Events | take 1 | project-reorder * asc");
        assertEquals(List.of("Id:long", "Name:string", "Props:dynamic", "Ts:datetime", "Value:real"), r.columns());
        r = kql.run("Events | take 1 | project-reorder Ts, * desc");
        assertEquals(List.of("Ts:datetime", "Value:real", "Props:dynamic", "Name:string", "Id:long"), r.columns());
    }

    @Test
    void unionOfTablesByWildcardNamesEachLeg() {
        KqlRunner.Result r = kql.run("union withsource=T Nam* | summarize count() by T");
        assertEquals(List.of(row("Names", 4L)), r.rows());
    }

    @Test
    void emptyDatatableAndRightSemiJoin() {
        KqlRunner.Result r = kql.run("datatable(a:long, b:string)[] | extend c = a + 1");
        assertEquals(List.of("a:long", "b:string", "c:long"), r.columns());
        assertEquals(List.of(), r.rows());
        r = kql.run("Events | project Id, Name | join kind=rightsemi Names on Name | order by Kind asc");
        assertEquals(List.of("Name:string", "Kind:int"), r.columns());
        assertEquals(List.of(row("alpha", 1), row("Beta", 2), row("alpha", 5)), r.rows());
    }

    @Test
    void countAndDistinct() {
        assertEquals(List.of(row(4L)), kql.run("Events | count").rows());
        assertEquals(List.of("Count:long"), kql.run("Events | count").columns());
        assertEquals(List.of("N:long"), kql.run("Events | count as N").columns());
        KqlRunner.Result r = kql.run("Events | distinct Name | sort by Name asc");
        assertEquals(List.of(row("Beta"), row("alpha"), row("gamma")), r.rows());
    }

    @Test
    void summarizeByKeysOnlyAndArgMax() {
        KqlRunner.Result r = kql.run("Events | summarize by Name | order by Name asc");
        assertEquals(List.of("Name:string"), r.columns());
        assertEquals(3, r.rows().size());
        r = kql.run("Events | summarize arg_max(Id, Value) by Name | order by Name asc");
        assertEquals(List.of("Name:string", "Id:long", "Value:real"), r.columns());
        assertEquals(List.of(row("Beta", 2L, null), row("alpha", 4L, -2.0), row("gamma", 3L, 3.25)), r.rows());
        r = kql.run("Events | summarize arg_min(Id, *) by Name | where Name == 'alpha'");
        assertEquals(List.of("Name:string", "Id:long", "Value:real", "Ts:datetime", "Props:dynamic"), r.columns());
        assertEquals(1L, r.rows().get(0).get(1));
    }

    @Test
    void joinKinds() {
        String left = "Events | project Id, Name";
        KqlRunner.Result r = kql.run(left + " | join kind=inner (Names) on Name | order by Id asc, Kind asc");
        assertEquals(List.of("Id:long", "Name:string", "Name1:string", "Kind:int"), r.columns());
        assertEquals(List.of(row(1L, "alpha", "alpha", 1), row(1L, "alpha", "alpha", 5), row(2L, "Beta", "Beta", 2),
                row(4L, "alpha", "alpha", 1), row(4L, "alpha", "alpha", 5)), r.rows());
        // innerunique (the default) keeps one left row per key
        r = kql.run(left + " | join (Names) on Name | summarize by Name, Kind | order by Kind asc");
        assertEquals(List.of(row("alpha", 1), row("Beta", 2), row("alpha", 5)), r.rows());
        r = kql.run(left + " | join kind=innerunique Names on Name | count");
        assertEquals(List.of(row(3L)), r.rows());
        r = kql.run(left + " | join kind=leftouter Names on $left.Name == $right.Name | where Id == 3");
        assertEquals(List.of(row(3L, "gamma", "", null)), r.rows());
        r = kql.run(left + " | join kind=rightouter Names on Name | where Kind == 4");
        assertEquals(List.of(row(null, "", "delta", 4)), r.rows());
        r = kql.run(left + " | join kind=fullouter Names on Name | count");
        assertEquals(List.of(row(7L)), r.rows());
        r = kql.run(left + " | join kind=leftanti Names on Name");
        assertEquals(List.of("Id:long", "Name:string"), r.columns());
        assertEquals(List.of(row(3L, "gamma")), r.rows());
        r = kql.run(left + " | join kind=leftsemi Names on Name | order by Id asc");
        assertEquals(List.of(row(1L, "alpha"), row(2L, "Beta"), row(4L, "alpha")), r.rows());
        r = kql.run(left + " | join kind=rightanti Names on Name");
        assertEquals(List.of(row("delta", 4)), r.rows());
    }

    @Test
    void lookupShowsKeysOnceAndKeepsUnmatchedLeftRows() {
        KqlRunner.Result r = kql.run("Events | project Id, Name | lookup (Names | where Kind < 5) on Name "
                + "| order by Id asc, Kind asc");
        assertEquals(List.of("Id:long", "Name:string", "Kind:int"), r.columns());
        assertEquals(List.of(row(1L, "alpha", 1), row(2L, "Beta", 2), row(3L, "gamma", null), row(4L, "alpha", 1)),
                r.rows());
        r = kql.run("Events | project Id, N = Name | lookup kind=inner Names on $left.N == $right.Name | count");
        assertEquals(List.of(row(5L)), r.rows());
        KustoAssert.error(() -> kql.compile("Events | lookup kind=fullouter Names on Name"),
                "kusto-local does not support lookup kind 'fullouter' [line:position=1:10]");
    }

    @Test
    void sampleAndSampleDistinct() {
        KqlRunner.Result r = kql.run("Events | sample 2");
        assertEquals(5, r.columns().size());
        assertEquals(2, r.rows().size());
        r = kql.run("Events | sample-distinct 5 of Name | order by Name asc");
        assertEquals(List.of("Name:string"), r.columns());
        assertEquals(List.of(row("Beta"), row("alpha"), row("gamma")), r.rows());
    }

    @Test
    void columnIfExistsFallsBackToTheDefault() {
        KqlRunner.Result r = kql.run("Events | where Id == 1 | project column_ifexists('Name', 'none'), "
                + "other = column_ifexists('Missing', 'none')");
        assertEquals(List.of("Name:string", "other:string"), r.columns());
        assertEquals(List.of(row("alpha", "none")), r.rows());
    }

    @Test
    void renderLeavesTheRowsAlone() {
        assertEquals(List.of(row(4L)), kql.run("Events | count | render table with (title='x')").rows());
    }

    @Test
    void unionOuterInnerAndWithSource() {
        KqlRunner.Result r = kql.run("union withsource=Src Names, (Events | where Id == 3 | project Name, Id) "
                + "| where Name in ('gamma', 'delta') | order by Name asc");
        assertEquals(List.of("Src:string", "Name:string", "Kind:int", "Id:long"), r.columns());
        assertEquals(List.of(row("Names", "delta", 4, null), row("union_arg1", "gamma", null, 3L)), r.rows());
        r = kql.run("Names | union kind=inner (Events | project Name, Id) | count");
        assertEquals(List.of(row(8L)), r.rows());
        assertEquals(List.of("Name:string"), kql.run("Names | union kind=inner Events | take 1").columns());
    }

    @Test
    void outerUnionSplitsAColumnWithSeveralTypes() {
        KqlRunner.Result r = kql.run("union (print x = 1, y = 'a'), (print x = 'b') | order by y desc");
        assertEquals(List.of("x_long:long", "y:string", "x_string:string"), r.columns());
        assertEquals(List.of(row(1L, "a", ""), row(null, "", "b")), r.rows());
    }

    @Test
    void commandResultsReadThePipedCommandRows() throws Exception {
        try (var s = kql.catalog().connection().createStatement()) {
            s.execute("CREATE TABLE cmd AS SELECT * FROM (VALUES ('T1', 3), ('T2', 1)) AS v(\"a b\", n)");
        }
        var source = new dev.kustospark.local.storage.TableSource("cmd", List.of("a b", "n"),
                List.of(new Column("TableName", STRING), new Column("Rows", INT)));
        var context = new KqlContext(TestCatalog.DB, kql.catalog(), java.util.Map.of(), KqlRunner.NOW, source);
        var compiled = KqlCompiler.compile("$command_results | where Rows > 2 | project TableName", context);
        try (var s = kql.catalog().connection().createStatement();
                var rs = s.executeQuery(compiled.results().get(0).sql())) {
            rs.next();
            assertEquals("T1", rs.getString(1));
            assertEquals(false, rs.next());
        }
    }

    @Test
    void getschemaDescribesColumns() {
        KqlRunner.Result r = kql.run("Events | project Id, Name, Ts | getschema");
        assertEquals(List.of("ColumnName:string", "ColumnOrdinal:int", "DataType:string", "ColumnType:string"),
                r.columns());
        assertEquals(List.of(row("Id", 0, "System.Int64", "long"), row("Name", 1, "System.String", "string"),
                row("Ts", 2, "System.DateTime", "datetime")), r.rows());
    }

    @Test
    void datatablePrintAndRange() {
        KqlRunner.Result r = kql.run("datatable(a:int, b:string, c:dynamic, d:real)[1, 'x', dynamic({\"k\":[1]}), 2,"
                + " -2, \"y\", 5, int(null)]");
        assertEquals(List.of("a:int", "b:string", "c:dynamic", "d:real"), r.columns());
        assertEquals(List.of(row(1, "x", "{\"k\":[1]}", 2.0), row(-2, "y", "5", null)), r.rows());
        r = kql.run("print 1, x = 'a', 2.5");
        assertEquals(List.of("print_0:long", "x:string", "print_2:real"), r.columns());
        assertEquals(List.of(row(1L, "a", 2.5)), r.rows());
        r = kql.run("range x from 1 to 10 step 4");
        assertEquals(List.of("x:long"), r.columns());
        assertEquals(List.of(row(1L), row(5L), row(9L)), r.rows());
        r = kql.run("range t from datetime(2024-01-01) to datetime(2024-01-02) step 12h");
        assertEquals(List.of(row("2024-01-01T00:00:00.0000000Z"), row("2024-01-01T12:00:00.0000000Z"),
                row("2024-01-02T00:00:00.0000000Z")), r.rows());
    }

    @Test
    void letStatementsAndAs() {
        KqlRunner.Result r = kql.run("let threshold = 2; let T = Events | where Id >= threshold; "
                + "T | project Id | order by Id asc");
        assertEquals(List.of(row(2L), row(3L), row(4L)), r.rows());
        r = kql.run("Names | as N | join kind=inner (N | where Kind > 3) on Kind | project Name, Kind");
        assertEquals(List.of(row("delta", 4), row("alpha", 5)).size(), r.rows().size());
        r = kql.run("let E = Events; E | count");
        assertEquals(List.of(row(4L)), r.rows());
    }

    @Test
    void severalStatementsGiveSeveralResults() {
        List<KqlRunner.Result> results = kql.results("Events | count; Names | count");
        assertEquals(2, results.size());
        assertEquals(List.of(row(4L)), results.get(1).rows());
        assertEquals("PrimaryResult", kql.compile("Names | count").results().get(0).name());
    }

    @Test
    void harmlessSetOptionsAreAcceptedOthersRefused() {
        assertEquals(List.of(row(4L)), kql.run("set notruncation;\nset servertimeout = 1m; Events | count").rows());
        assertEquals(java.util.Map.of("notruncation", "true", "servertimeout", "00:04:00", "truncationmaxrecords", "3"),
                kql.compile("set notruncation; set servertimeout = 00:04:00; set TruncationMaxRecords = 3; print 1")
                        .options());
        KustoAssert.error(() -> kql.compile("set query_take_max_records = 1; Events | count"),
                "kusto-local does not support the request option 'query_take_max_records' [line:position=1:5]");
    }

    @Test
    void storedNullStringsReadAsEmpty() throws Exception {
        kql.catalog().create("WithNullString", List.of(new Column("s", STRING), new Column("n", LONG)),
                "(NULL, 1), ('x', 2)");
        KqlRunner.Result r = kql.run("WithNullString | where s == '' | project s, n");
        assertEquals(List.of(row("", 1L)), r.rows());
    }

    @Test
    void commandResultsNeedACommand() {
        KustoAssert.semanticError(() -> kql.compile("$command_results | count"), "$command_results");
    }
}
