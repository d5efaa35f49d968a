package dev.kustospark.local.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.result.IngestionStatus;
import com.microsoft.azure.kusto.ingest.result.OperationStatus;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import dev.kustospark.local.KustoLocal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fault-injection switch: the first ingestion fails, the second message is dropped, each one
 * waits a little; the third succeeds. Also: Azurite does not outlive kusto-local.
 */
class FaultInjectionTest {
    @Test
    void failsTheNthDropsTheMthAndStopsAzurite() throws Exception {
        FaultInjection faults = FaultInjection.failNth(1).withDrop(2).withDelay(Duration.ofMillis(100));
        List<ProcessHandle> before = ProcessHandle.current().children().toList();
        try (KustoLocal kusto = KustoLocal.builder().inMemory().database("db1")
                .azuriteHome(AzuriteSupport.azuriteHome()).faultInjection(faults).start();
                QueuedIngestClient ingest = IngestClientFactory.createClient(new ConnectionStringBuilder(kusto.url()))) {
            assertEquals(before.size() + 1, ProcessHandle.current().children().count(), "one Azurite child");
            Client client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
            client.executeMgmt("db1", ".create table F (a:int)");

            IngestionStatus first = AzuriteSupport.awaitOutcome(ingest.ingestFromStream(source("1\n"), props()));
            assertEquals(OperationStatus.Failed, first.status);
            assertTrue(first.details.contains("Injected fault"), first.details);
            assertEquals("Transient", first.getFailureStatus());

            IngestionResult second = ingest.ingestFromStream(source("2\n"), props());
            QueueClient ready = new QueueClientBuilder().connectionString(kusto.storageConnectionString())
                    .queueName(StorageAccess.READY_QUEUE).buildClient();
            long deadline = System.nanoTime() + AzuriteSupport.DEADLINE.toNanos();
            while (ready.getProperties().getApproximateMessagesCount() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(0, ready.getProperties().getApproximateMessagesCount(), "the dropped message is gone");
            assertEquals(OperationStatus.Pending, second.getIngestionStatusCollection().get(0).status);

            IngestionStatus third = AzuriteSupport.awaitOutcome(ingest.ingestFromStream(source("3\n"), props()));
            assertEquals(OperationStatus.Succeeded, third.status);
            var count = client.executeQuery("db1", "F | count").getPrimaryResults();
            count.next();
            assertEquals(1, count.getLong(0));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (ProcessHandle.current().children().count() > before.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before.size(), ProcessHandle.current().children().count(), "Azurite stopped with kusto-local");
    }

    @Test
    void faultSpecIsParsedStrictly() {
        FaultInjection f = FaultInjection.parse("fail=2+5, drop=3, delay-ms=250, fail-move=1+4");
        assertEquals(java.util.Set.of(2, 5), f.failIngestions());
        assertEquals(java.util.Set.of(1, 4), f.failMoves());
        assertFalse(FaultInjection.parse("fail-move=1").enabled(), "move faults leave queued ingestion alone");
        assertEquals(java.util.Set.of(3), f.dropMessages());
        assertEquals(Duration.ofMillis(250), f.delay());
        assertFalse(FaultInjection.NONE.enabled());
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.parse("explode=1"));
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.parse("fail=0"));
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.parse("fail"));

        FaultInjection halts = FaultInjection.parse("halt-after-answer=2:^\\.move async, halt-before-answer=1:extent tags");
        assertEquals(java.util.List.of(new FaultInjection.Halt(2, java.util.regex.Pattern.compile("^\\.move async"), true),
                new FaultInjection.Halt(1, java.util.regex.Pattern.compile("extent tags"), false)), halts.halts());
        assertFalse(halts.needsDataManagement(), "halts need no Azurite");
        assertTrue(FaultInjection.parse("fail-move=1").needsDataManagement());
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.parse("halt-after-answer=.move"));
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.parse("halt-after-answer=0:.move"));
        assertThrows(IllegalArgumentException.class, () -> FaultInjection.parse("halt-before-answer=1:(unclosed"));
    }

    @Test
    void failedMovesMoveNothingAndAsyncOnesEndFailed() throws Exception {
        try (KustoLocal kusto = KustoLocal.builder().inMemory().database("db1")
                .azuriteHome(AzuriteSupport.azuriteHome()).faultInjection(FaultInjection.NONE.withFailedMoves(1, 2))
                .start()) {
            Client client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
            client.executeMgmt("db1", ".create table A (a:int)");
            client.executeMgmt("db1", ".create table B (a:int)");
            client.executeMgmt("db1", ".ingest inline into table A <| 1");
            var extents = client.executeMgmt("db1", ".show table A extents").getPrimaryResults();
            extents.next();
            String extent = extents.getString("ExtentId");
            String move = ".move async extents from table A to table B (" + extent + ")";

            // Move 1: an operation that ends Failed, nothing moved.
            var failed = client.executeMgmt("db1", move).getPrimaryResults();
            failed.next();
            var state = client.executeMgmt("db1", ".show operations " + failed.getString(0)).getPrimaryResults();
            state.next();
            assertEquals("Failed", state.getString("State"));
            assertTrue(state.getString("Status").contains("fault injection"), state.getString("Status"));
            // Move 2, synchronous: an error.
            assertThrows(Exception.class, () -> client.executeMgmt("db1",
                    ".move extents from table A to table B (" + extent + ")"));
            assertEquals(0, count(client, "B"));

            // Move 3 runs: Completed, with the moved extent in its details.
            var moved = client.executeMgmt("db1", move).getPrimaryResults();
            moved.next();
            String id = moved.getString(0);
            var done = client.executeMgmt("db1", ".show operations " + id).getPrimaryResults();
            done.next();
            assertEquals("Completed", done.getString("State"));
            var details = client.executeMgmt("db1", ".show operation " + id + " details").getPrimaryResults();
            details.next();
            assertEquals(extent, details.getString("OriginalExtentId"));
            assertEquals(1, count(client, "B"));
        }
    }

    private static long count(Client client, String table) throws Exception {
        var rows = client.executeQuery("db1", table + " | count").getPrimaryResults();
        rows.next();
        return rows.getLong(0);
    }

    private static StreamSourceInfo source(String csv) {
        return new StreamSourceInfo(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    private static IngestionProperties props() {
        IngestionProperties p = new IngestionProperties("db1", "F");
        p.setDataFormat(IngestionProperties.DataFormat.CSV);
        p.setReportMethod(IngestionProperties.IngestionReportMethod.TABLE);
        p.setReportLevel(IngestionProperties.IngestionReportLevel.FAILURES_AND_SUCCESSES);
        return p;
    }
}
