package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClient;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import dev.kustospark.local.KustoLocal;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A persistent kusto-local keeps tables, data, extents and policies across a restart on the same directory. */
final class RestartConformanceTest {
    static final String DB = "db1";
    static final String SNAPSHOT_QUERY = "Persisted | sort by Id asc | project Id, Name, At, Payload = tostring(Payload)";

    @TempDir
    Path dataDir;

    static List<List<Object>> snapshot(Client client, String kql) throws Exception {
        var result = kql.startsWith(".") ? client.executeMgmt(DB, kql) : client.executeQuery(DB, kql);
        return new ArrayList<>(result.getPrimaryResults().getData());
    }

    static String schema(Client client) throws Exception {
        KustoResultSetTable result = client.executeMgmt(DB, ".show table Persisted schema as json").getPrimaryResults();
        assertTrue(result.next());
        return result.getString("Schema");
    }

    @Test
    void dataSurvivesCloseAndStartOnTheSameDirectory() throws Exception {
        List<List<Object>> before;
        List<List<Object>> extentsBefore;
        String schemaBefore;
        try (KustoLocal first = KustoLocal.builder().dataDir(dataDir).database(DB).start()) {
            Client client = ClientFactory.createClient(new ConnectionStringBuilder(first.url()));
            client.executeMgmt(DB, ".create table Persisted (Id:long, Name:string, At:datetime, Payload:dynamic)");
            client.executeMgmt(DB, ".alter table Persisted policy streamingingestion enable");
            client.executeMgmt(DB, ".ingest inline into table Persisted with (tags='[\"batch:one\"]') <|\n"
                    + "1,one,2024-01-01T00:00:00Z,\"{\"\"k\"\":1}\"\n2,two,,");
            try (IngestClient ingest = IngestClientFactory.createStreamingIngestClient(
                    new ConnectionStringBuilder(first.url()))) {
                IngestionProperties properties = new IngestionProperties(DB, "Persisted");
                properties.setDataFormat(IngestionProperties.DataFormat.CSV);
                ingest.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(
                        "3,three,2024-03-03T03:03:03Z,[1]\n".getBytes(StandardCharsets.UTF_8))), properties);
            }
            before = snapshot(client, SNAPSHOT_QUERY);
            extentsBefore = snapshot(client, ".show table Persisted extents | project ExtentId, RowCount, Tags");
            schemaBefore = schema(client);
            assertEquals(3, before.size());
        }
        try (KustoLocal second = KustoLocal.builder().dataDir(dataDir).database(DB).start()) {
            Client client = ClientFactory.createClient(new ConnectionStringBuilder(second.url()));
            assertEquals(before, snapshot(client, SNAPSHOT_QUERY));
            assertEquals(schemaBefore, schema(client));
            List<List<Object>> extentsAfter = snapshot(client,
                    ".show table Persisted extents | project ExtentId, RowCount, Tags");
            assertEquals(sorted(extentsBefore), sorted(extentsAfter));
            // The restarted server keeps accepting writes.
            client.executeMgmt(DB, ".ingest inline into table Persisted <| 4,four,,");
            assertEquals(4, snapshot(client, SNAPSHOT_QUERY).size());
        }
    }

    static List<String> sorted(List<List<Object>> rows) {
        List<String> rendered = new ArrayList<>();
        for (List<Object> row : rows) {
            rendered.add(row.toString());
        }
        rendered.sort(null);
        return rendered;
    }
}
