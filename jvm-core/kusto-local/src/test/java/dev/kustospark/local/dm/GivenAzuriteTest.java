package dev.kustospark.local.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.result.OperationStatus;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import dev.kustospark.local.KustoLocal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** kusto-local on an Azurite it did not start (--azurite-url), which it leaves running. */
class GivenAzuriteTest {
    @Test
    void usesTheGivenAzuriteAndLeavesItRunning() throws Exception {
        try (AzuriteProcess azurite = AzuriteProcess.start(AzuriteSupport.azuriteHome())) {
            StorageEndpoints e = azurite.endpoints();
            String connection = "BlobEndpoint=" + e.blob() + ";QueueEndpoint=" + e.queue() + ";TableEndpoint=" + e.table();
            try (KustoLocal kusto = KustoLocal.builder().inMemory().database("db1").azuriteUrl(connection).start();
                    QueuedIngestClient ingest = IngestClientFactory.createClient(new ConnectionStringBuilder(kusto.url()))) {
                Client client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
                KustoResultSetTable resources = client.executeMgmt("db1", ".get ingestion resources").getPrimaryResults();
                while (resources.next()) {
                    String root = resources.getString(1);
                    assertTrue(root.startsWith(e.blob()) || root.startsWith(e.queue()) || root.startsWith(e.table()),
                            resources.getString(0));
                }
                client.executeMgmt("db1", ".create table G (a:int)");
                IngestionProperties p = new IngestionProperties("db1", "G");
                p.setDataFormat(IngestionProperties.DataFormat.CSV);
                p.setReportMethod(IngestionProperties.IngestionReportMethod.TABLE);
                p.setReportLevel(IngestionProperties.IngestionReportLevel.FAILURES_AND_SUCCESSES);
                assertEquals(OperationStatus.Succeeded, AzuriteSupport.awaitOutcome(ingest.ingestFromStream(
                        new StreamSourceInfo(new ByteArrayInputStream("7\n".getBytes(StandardCharsets.UTF_8))), p)).status);
            }
            AzuriteProcess.awaitHttp(e);
        }
    }

    @Test
    void parsesBlobUrlsAndConnectionStrings() {
        StorageEndpoints byUrl = StorageEndpoints.parse("http://127.0.0.1:10000");
        assertEquals("http://127.0.0.1:10001/devstoreaccount1", byUrl.queue());
        assertEquals("http://127.0.0.1:10002/devstoreaccount1", byUrl.table());
        StorageEndpoints byConnection = StorageEndpoints.parse("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
                + "BlobEndpoint=http://h:1/devstoreaccount1/;QueueEndpoint=http://h:5/devstoreaccount1;"
                + "TableEndpoint=http://h:9/devstoreaccount1");
        assertEquals("http://h:1/devstoreaccount1", byConnection.blob());
        assertEquals("http://h:9/devstoreaccount1", byConnection.table());
    }
}
