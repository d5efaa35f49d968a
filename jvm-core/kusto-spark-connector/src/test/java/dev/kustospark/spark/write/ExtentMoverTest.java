package dev.kustospark.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.local.KustoLocal;
import dev.kustospark.local.dm.FaultInjection;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.config.WriteConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transactional commit's batched {@code .move async extents} against kusto-local, whose fault
 * injection fails chosen move commands (counted from 1 over the whole class, so the steps run in
 * one method, in order).
 */
class ExtentMoverTest {
    private static final String DATABASE = "db1";
    private static KustoLocal kusto;
    private static Client client;
    private static ConnectionConfig connection;

    @BeforeAll
    static void start() throws Exception {
        kusto = KustoLocal.builder().inMemory().database(DATABASE).withAzurite()
                .faultInjection(FaultInjection.NONE.withFailedMoves(1, 3, 7, 8, 9, 11)).start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
        connection = WriteConfig.from(Map.of("kustoCluster", kusto.url(), "kustoDatabase", DATABASE,
                "kustoTable", "Target"), Map.of()).connection();
    }

    @AfterAll
    static void stop() {
        if (kusto != null) {
            kusto.close();
        }
    }

    @Test
    void failedBatchesAreHalvedAndNothingMovesTwice() throws Exception {
        mgmt(".create table Stage (id:long)");
        mgmt(".create table Target (id:long)");
        for (int i = 1; i <= 8; i++) {
            mgmt(".ingest inline into table Stage with (tags='[\"attempt-a\"]') <| " + i);
        }
        mgmt(".ingest inline into table Stage with (tags='[\"attempt-lost\"]') <| 100");
        ExtentMover mover = new ExtentMover(connection, "Stage", "Target", 4, 2, Duration.ofMinutes(1));

        // Moves 1 (4 extents, fails), 2 and 3 (halves; 3 fails), 4 and 5 (single extents), 6 (the second batch).
        assertEquals(8, mover.move(List.of("attempt-a")));
        assertEquals(8, scalar("Target | count"));
        assertEquals(36, scalar("Target | summarize sum(id)"));
        assertEquals(1, scalar("Stage | count"), "the lost attempt's extent stays behind");
        List<String> states = moveStates();
        assertEquals(List.of("Failed", "Completed", "Failed", "Completed", "Completed", "Completed"), states);

        // Run again, as a retried commit would: nothing is left to move, and no command is sent.
        assertEquals(0, mover.move(List.of("attempt-a")));
        assertEquals(8, scalar("Target | count"));
        assertEquals(6, moveStates().size());

        // A single extent that keeps failing (moves 7, 8, 9: the first attempt and maxRetriesOnMoveExtents=2) ends the
        // commit with an error saying so.
        mgmt(".ingest inline into table Stage with (tags='[\"attempt-b\"]') <| 9");
        var e = assertThrows(RuntimeException.class, () -> mover.move(Set.of("attempt-b")));
        assertTrue(e.getMessage().contains("failed 3 times") && e.getMessage().contains("0 extents were moved, 1 were not"),
                e.getMessage());
        assertEquals(8, scalar("Target | count"));
        assertEquals(2, scalar("Stage | count"));

        // The commit retried (move 10 succeeds): only what is left moves, and every row is there once.
        assertEquals(1, mover.move(List.of("attempt-a", "attempt-b")));
        assertEquals(9, scalar("Target | count"));
        assertEquals(9, scalar("Target | summarize dcount(id)"));
        assertEquals(1, scalar("Stage | count"));

        // maxRetriesOnMoveExtents=0: the first failure of a single extent's move (move 11) ends the commit.
        mgmt(".ingest inline into table Stage with (tags='[\"attempt-c\"]') <| 10");
        ExtentMover noRetries = new ExtentMover(connection, "Stage", "Target", 4, 0, Duration.ofMinutes(1));
        e = assertThrows(RuntimeException.class, () -> noRetries.move(Set.of("attempt-c")));
        assertTrue(e.getMessage().contains("failed once (option maxRetriesOnMoveExtents=0"), e.getMessage());
        assertEquals(9, scalar("Target | count"));
        assertEquals(1, noRetries.move(Set.of("attempt-c")), "move 12 succeeds");
        assertEquals(10, scalar("Target | count"));
    }

    private static void mgmt(String command) throws Exception {
        client.executeMgmt(DATABASE, command);
    }

    private static long scalar(String query) throws Exception {
        KustoResultSetTable rows = client.executeQuery(DATABASE, query).getPrimaryResults();
        rows.next();
        return rows.getLong(0);
    }

    private static List<String> moveStates() throws Exception {
        KustoResultSetTable rows = client.executeMgmt(DATABASE, ".show operations").getPrimaryResults();
        List<String> states = new ArrayList<>();
        while (rows.next()) {
            if (rows.getString("Operation").equals("ExtentsMove")) {
                states.add(rows.getString("State"));
            }
        }
        return states;
    }
}
