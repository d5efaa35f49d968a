package dev.kustospark.local.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.ingest.Ingestor;
import dev.kustospark.local.kql.KqlCompiler;
import dev.kustospark.local.kql.KqlContext;
import dev.kustospark.local.storage.DuckDbCatalog;
import dev.kustospark.local.storage.ExtentWriter;
import dev.kustospark.local.storage.TableInfo;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Commands piped into KQL and commands fed by KQL queries; they need the KQL compiler. */
class PipedCommandTest {
    private static final Instant NOW = Instant.parse("2024-05-06T07:08:09Z");

    private DuckDbCatalog catalog;
    private CommandExecutor executor;
    private Connection connection;

    @BeforeEach
    void open() {
        catalog = DuckDbCatalog.open(null);
        catalog.createDatabase("db1", false);
        executor = new CommandExecutor(catalog, new Ingestor(catalog));
        connection = catalog.connect();
        boolean compilerWired;
        try {
            KqlCompiler.compile("print 1", new KqlContext("db1", catalog, Map.of(), NOW, null));
            compilerWired = true;
        } catch (KustoException e) {
            compilerWired = !e.getMessage().contains("not yet wired");
        }
        Assumptions.assumeTrue(compilerWired, "the KQL compiler is not part of this build yet");
        executor.execute(connection, "db1", ".create table xa (a:long, s:string)", Map.of(), NOW);
        executor.execute(connection, "db1", ".create table xb (a:long)", Map.of(), NOW);
        executor.execute(connection, "db1", ".create table other (a:long)", Map.of(), NOW);
        TableInfo xa = catalog.table("db1", "xa");
        for (long i = 0; i < 3; i++) {
            try (ExtentWriter w = catalog.openExtent(xa, List.of("drop-by:" + i), null, null)) {
                w.appendRow(new Object[] {i, "v" + i});
                w.commit();
            }
        }
    }

    @AfterEach
    void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
        catalog.close();
    }

    private RowsResult rows(String command) {
        List<TabularResult> results = executor.execute(connection, "db1", command, Map.of(), NOW);
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
        List<TabularResult> appended = executor.execute(connection, "db1",
                ".set-or-append xc with (tags='[\"drop-by:q\"]') <| xa | where a >= 1 | project a, s", Map.of(), NOW);
        RowsResult result = assertInstanceOf(RowsResult.class, appended.get(0));
        assertEquals(2L, result.rows().get(0).get(5));
        assertEquals(List.of(List.of(2L)), rows(".show table xc extents | project RowCount").rows());
        executor.execute(connection, "db1", ".append xb <| xa | project a", Map.of(), NOW);
        assertEquals(List.of(List.of(3L)), rows(".show table xb extents | summarize sum(RowCount)").rows());
    }

    @Test
    void dropAndMoveExtentsChosenByAPipedQuery() {
        RowsResult dropped = assertInstanceOf(RowsResult.class, executor.execute(connection, "db1",
                ".drop extents <| .show table xa extents | where Tags has 'drop-by:0'", Map.of(), NOW).get(0));
        assertEquals(1, dropped.rows().size());
        assertEquals(2, catalog.extents("db1", "xa").size());
        executor.execute(connection, "db1",
                ".move extents to table xb <| .show table xa extents | where Tags has 'drop-by:1'", Map.of(), NOW);
        assertEquals(1, catalog.extents("db1", "xb").size());
        assertEquals(1, catalog.extents("db1", "xa").size());
    }

    @Test
    void pipeErrorsComeFromTheCompiler() {
        KustoException e = assertThrows(KustoException.class, () -> executor.execute(connection, "db1",
                ".show tables | where NoSuchColumn == 1", Map.of(), NOW));
        assertEquals(400, e.httpStatus());
        assertTrue(e.getMessage().contains("NoSuchColumn"), e.getMessage());
    }
}
