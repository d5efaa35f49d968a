package dev.kustospark.local.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.kql.KqlCompiler;
import dev.kustospark.local.kql.KqlContext;
import dev.kustospark.local.storage.ExtentWriter;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.testing.InMemoryCommandTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands piped into KQL and commands fed by KQL queries; they need the KQL compiler. */
class PipedCommandTest extends InMemoryCommandTest {
    @BeforeEach
    void createTables() {
        boolean compilerWired;
        try {
            KqlCompiler.compile("print 1", new KqlContext("db1", catalog, Map.of(), NOW, null));
            compilerWired = true;
        } catch (KustoException e) {
            compilerWired = !e.getMessage().contains("not yet wired");
        }
        Assumptions.assumeTrue(compilerWired, "the KQL compiler is not part of this build yet");
        execute(".create table xa (a:long, s:string)");
        execute(".create table xb (a:long, s:string)");
        execute(".create table other (a:long, s:string)");
        TableInfo xa = catalog.table("db1", "xa");
        for (long i = 0; i < 3; i++) {
            try (ExtentWriter w = catalog.openExtent(xa, List.of("drop-by:" + i), null, null)) {
                w.appendRow(new Object[] {i, "v" + i});
                w.commit();
            }
        }
    }

    /** Runs a command; skips the test while the compiler lacks an operator the command needs. */
    private List<TabularResult> executeOrSkip(String command) {
        try {
            return execute(command);
        } catch (KustoException e) {
            if (e.getMessage().contains("does not support the 'mv-")) {
                Assumptions.abort("the KQL compiler does not support this yet: " + e.getMessage());
            }
            throw e;
        }
    }

    private RowsResult query(String kql) {
        SqlResult sql = KqlCompiler.compile(kql, new KqlContext("db1", catalog, Map.of(), NOW, null)).results().get(0);
        return CommandResultsTable.read(connection, sql);
    }

    private RowsResult rows(String command) {
        List<TabularResult> results = executeOrSkip(command);
        assertEquals(1, results.size());
        SqlResult sql = assertInstanceOf(SqlResult.class, results.get(0));
        return CommandResultsTable.read(connection, sql);
    }

    @Test
    void showTablesPipedIntoWhereAndCount() {
        RowsResult counted = rows(".show tables | where TableName startswith 'x' | count");
        assertEquals(List.of(List.of(2L)), counted.rows());
        RowsResult projected = rows(".show tables with (IncludeHiddenTables=true) | where TableName startswith 'x'"
                + " | project TableName");
        assertEquals(List.of(List.of("xa"), List.of("xb")), projected.rows());
        assertEquals(List.of(List.of(3L)), rows(".show table xa extents | count").rows());
    }

    @Test
    void semicolonQueryReadsCommandResults() {
        RowsResult r = rows(".show table xa extents; $command_results | where Tags has 'drop-by:1' | project RowCount");
        assertEquals(List.of(List.of(1L)), r.rows());
    }

    @Test
    void setOrAppendFromAQuery() {
        List<TabularResult> appended =
                execute(".set-or-append xc with (tags='[\"drop-by:q\"]') <| xa | where a >= 1 | project a, s");
        RowsResult result = assertInstanceOf(RowsResult.class, appended.get(0));
        assertEquals(2L, result.rows().get(0).get(5));
        assertEquals(List.of(List.of(2L)), rows(".show table xc extents | project RowCount").rows());
        execute(".append xb <| xa | project a, s");
        // Widening conversions are allowed; narrowing ones would round silently and are refused.
        execute(".append xb <| print a=int(5), s='w'");
        KustoException narrowing = assertThrows(KustoException.class,
                () -> execute(".append xb <| print a=1.5, s='n'"));
        assertTrue(narrowing.getMessage().contains("'real'"), narrowing.getMessage());
        // A long literal fits an int column; one that overflows it fails instead of wrapping.
        execute(".create table xi (i:int)");
        execute(".append xi <| print i = 7");
        assertEquals(List.of(List.of(7)), query("xi | project i").rows());
        assertThrows(KustoException.class, () -> execute(".append xi <| print i = 3000000000"));
        assertEquals(1, catalog.extents("db1", "xi").size());
        assertEquals(List.of(List.of(4L)), rows(".show table xb extents | summarize sum(RowCount)").rows());
    }

    @Test
    void dropAndMoveExtentsChosenByAPipedQuery() {
        RowsResult dropped = assertInstanceOf(RowsResult.class,
                execute(".drop extents <| .show table xa extents | where Tags has 'drop-by:0'").get(0));
        assertEquals(1, dropped.rows().size());
        assertEquals(2, catalog.extents("db1", "xa").size());
        execute(".move extents to table xb <| .show table xa extents | where Tags has 'drop-by:1'");
        assertEquals(1, catalog.extents("db1", "xb").size());
        assertEquals(1, catalog.extents("db1", "xa").size());
    }

    @Test
    void connectorSchemaAsRows() {
        RowsResult columns = rows(".show table xa schema as json | project ColumnsJson=todynamic(Schema).OrderedColumns"
                + "| mv-expand ColumnsJson ");
        assertEquals(2, columns.rows().size());
        assertTrue(columns.rows().get(0).get(0).toString().contains("\"CslType\":\"long\""));
    }

    @Test
    void connectorCountCommands() {
        assertEquals(List.of(List.of(0L)), rows(".show materialized-views | where SourceTable == 'xa' | count").rows());
        assertEquals(List.of(List.of(1L)), rows(".show cluster | count").rows());
        assertEquals(List.of(List.of(1L)), rows(".show tables | where TableName == 'xa' | count").rows());
    }

    @Test
    void connectorIngestByTagsQuery() {
        TableInfo xb = catalog.table("db1", "xb");
        try (ExtentWriter w = catalog.openExtent(xb, List.of("ingest-by:batch1", "drop-by:z"), null, null)) {
            w.appendRow(new Object[] {9L, "x"});
            w.commit();
        }
        RowsResult tags = rows(".show table xb  extents;\n       $command_results\n"
                + "       | mv-apply split(Tags, \"\\r\\n\") on (\n"
                + "         where Tags startswith \"ingest-by\" | project Tags = substring(Tags,10)\n         )\n"
                + "       | summarize make_set(Tags)");
        assertEquals(1, tags.rows().size());
        assertTrue(tags.rows().get(0).get(0).toString().contains("batch1"), tags.rows().toString());
    }

    @Test
    void connectorExtentTagsDropByPrefix() {
        TableInfo xb = catalog.table("db1", "xb");
        try (ExtentWriter w = catalog.openExtent(xb, List.of("ingest-by:pfx-1", "keep"), null, null)) {
            w.appendRow(new Object[] {9L, "x"});
            w.commit();
        }
        executeOrSkip(".drop async extent tags <|\n         .show table xb extents\n"
                + "         | where isnotempty(Tags)\n         | extend Tags = split(Tags, '\\r\\n')\n"
                + "         | mv-expand Tags to typeof(string)\n         | where Tags startswith 'ingest-by:pfx'\n");
        assertEquals(List.of("keep"), catalog.extents("db1", "xb").get(0).tags());
    }

    @Test
    void connectorMoveExtentsWithDistinctExtentIds() {
        execute(".move extents to table other  with(extentCreatedOnFrom='2000-01-01T00:00:00Z',"
                + " extentCreatedOnTo='2999-01-01T00:00:00Z') <|\n"
                + "       .show table xa extents with(extentsShowFilteringRuntimePolicy='{\"MaximumResultsCount\":2}');\n"
                + "        $command_results\n       |  distinct ExtentId");
        assertEquals(0, catalog.extents("db1", "xa").size());
        assertEquals(3, catalog.extents("db1", "other").size());
    }

    @Test
    void pipeErrorsComeFromTheCompiler() {
        KustoException e = assertThrows(KustoException.class,
                () -> execute(".show tables | where NoSuchColumn == 1"));
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("NoSuchColumn"), e.getMessage());
        // Positions point into the whole command text: the bad token starts at column 28 of line 2.
        KustoException syntax = assertThrows(KustoException.class,
                () -> execute(".show tables\n| where TableName == 'x' | frobnicate"));
        assertTrue(syntax.getMessage().contains("[line:position=2:"), syntax.getMessage());
        assertTrue(syntax.getMessage().contains(":28]"), syntax.getMessage());
    }
}
