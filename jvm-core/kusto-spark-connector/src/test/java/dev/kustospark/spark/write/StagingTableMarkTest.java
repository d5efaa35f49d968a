package dev.kustospark.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.local.KustoLocal;
import dev.kustospark.spark.client.OwnerMark;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.config.WriteConfig;
import dev.kustospark.spark.types.KustoColumn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The in-use mark of a temporary table, as Kusto shows it: set at creation, renewed, gone with the table. */
class StagingTableMarkTest {
    private static final String DATABASE = "db1";
    private static KustoLocal kusto;
    private static Client client;
    private static ConnectionConfig connection;

    @BeforeAll
    static void start() throws Exception {
        kusto = KustoLocal.builder().inMemory().database(DATABASE).start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
        connection = WriteConfig.from(Map.of("kustoCluster", kusto.url(), "kustoDatabase", DATABASE, "kustoTable", "T",
                "requestId", "req-7", "timeoutLimit", "3600"), Map.of()).connection();
    }

    @AfterAll
    static void stop() {
        kusto.close();
    }

    private static Optional<OwnerMark> shownMark(String table) throws Exception {
        KustoResultSetTable details = client.executeMgmt(DATABASE, ".show tables details").getPrimaryResults();
        while (details.next()) {
            if (details.getString("TableName").equals(table)) {
                return OwnerMark.parse(details.getString("DocString"), OwnerMark.STAGING);
            }
        }
        return Optional.empty();
    }

    @Test
    void theMarkIsInTheDocstringFromCreationIsRenewedAndLeavesWithTheTable() throws Exception {
        String name = StagingTable.generatedName("app", "T", "req-7");
        StagingTable staging = new StagingTable(connection, name, "T");
        Instant before = Instant.now();
        staging.create(List.of(new KustoColumn("id", "long")), Duration.ofDays(7));

        OwnerMark created = shownMark(name).orElseThrow();
        assertEquals("T", created.target());
        assertEquals("req-7", created.requestId());
        assertFalse(created.createdOn().isBefore(before.minusSeconds(1)));
        // In use for timeoutLimit (an hour here) after each renewal.
        assertEquals(Duration.ofHours(1), Duration.between(created.createdOn(), created.inUseUntil()));

        Instant later = Instant.now().plus(Duration.ofHours(5));
        staging.renewMark(created, later, Duration.ofHours(1));
        OwnerMark renewed = shownMark(name).orElseThrow();
        assertEquals(created.createdOn(), renewed.createdOn());
        assertEquals(later.plus(Duration.ofHours(1)), renewed.inUseUntil());
        assertTrue(StaleStagingTables.drop(connection, Instant.now()).droppedTables().isEmpty());
        assertEquals(List.of(name), StaleStagingTables.drop(connection, later.plus(Duration.ofHours(2))).droppedTables());
        assertEquals(Optional.empty(), shownMark(name));
        staging.drop();
    }
}
