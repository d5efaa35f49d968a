package dev.kustospark.local.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import dev.kustospark.local.KustoLocal;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Without storage, every command that needs it fails at once, permanently (so clients do not retry),
 * naming the command and how to turn storage on; the other commands are unaffected.
 */
class StorageOffTest {
    private static KustoLocal kusto;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        kusto = KustoLocal.builder().inMemory().database("db1").start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
    }

    @AfterAll
    static void stop() {
        kusto.close();
    }

    @Test
    void commandsThatNeedStorageFailAtOnceSayingHowToTurnItOn() {
        List<String> commands = List.of(".get ingestion resources", ".show ingestion resources", ".create tempstorage",
                ".show export containers", ".get kusto identity token", ".show ingestion failures",
                ".export to csv (h@\"http://127.0.0.1:1/devstoreaccount1/c?sig=secret\") <| print 1");
        for (String command : commands) {
            DataServiceException e = assertThrows(DataServiceException.class, () -> client.executeMgmt("db1", command));
            assertEquals(400, e.getStatusCode(), command);
            assertTrue(e.isPermanent(), command);
            String named = command.startsWith(".export") ? ".export" : command;
            assertTrue(e.getMessage().contains("kusto-local runs without storage, so it cannot serve '" + named
                    + "' (queued ingestion and export need Azure Storage). To turn storage on, start kusto-local"
                    + " without --no-storage, with Azurite installed by scripts/azurite-env.sh, or with --azurite-url"
                    + " URL (in Java: KustoLocal.builder().withAzurite())."), e.getMessage());
            assertTrue(!e.getMessage().contains("secret"), e.getMessage());
        }
    }

    @Test
    void otherCommandsRunAsUsual() throws Exception {
        client.executeMgmt("db1", ".create table Kept (a:long)");
        client.executeMgmt("db1", ".ingest inline into table Kept <| 7");
        assertEquals("7", client.executeQuery("db1", "Kept").getPrimaryResults().getData().get(0).get(0).toString());
    }
}
