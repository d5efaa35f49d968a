package dev.kustospark.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.StreamingClient;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.ManagedStreamingIngestClient;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.exceptions.IngestionServiceException;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import dev.kustospark.local.KustoLocal;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.types.KustoType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Queries, commands and streaming ingestion through KustoLocal with the official Java SDKs. */
class EndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KustoLocal kusto;
    private static Client client;

    @BeforeAll
    static void start() throws Exception {
        kusto = KustoLocal.builder().inMemory().database("db1").start();
        kusto.catalog().createTable("db1", "Events", List.of(new Column("Id", KustoType.LONG),
                new Column("Name", KustoType.STRING), new Column("At", KustoType.DATETIME),
                new Column("Score", KustoType.REAL)), null, null);
        client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
        try (StreamingIngestClient ingest = IngestClientFactory.createStreamingIngestClient(new ConnectionStringBuilder(kusto.url()))) {
            IngestionProperties properties = new IngestionProperties("db1", "Events");
            properties.setDataFormat(IngestionProperties.DataFormat.CSV);
            String csv = "1,alpha,2024-01-01T00:00:00Z,1.5\n2,beta,2024-01-02T00:00:00Z,2\n3,,2024-01-03T00:00:00Z,\n";
            ingest.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))),
                    properties);
        }
    }

    @AfterAll
    static void stop() {
        kusto.close();
    }

    @Test
    void queryReturnsTypedRowsThroughV2() throws Exception {
        KustoResultSetTable rows = client.executeQuery("db1", "Events | order by Id asc").getPrimaryResults();
        assertEquals(3, rows.count());
        assertTrue(rows.next());
        assertEquals(1L, rows.getLong("Id"));
        assertEquals("alpha", rows.getString("Name"));
        assertEquals("2024-01-01T00:00:00.0000000Z", rows.getString("At"));
        assertEquals(1.5, rows.getDouble("Score"));
        assertTrue(rows.next());
        assertEquals(2.0, rows.getDouble("Score"), "a whole real still reads as a double");
        assertTrue(rows.next());
        assertEquals("", rows.getString("Name"));
        assertEquals(null, rows.getObject("Score"));
    }

    @Test
    void defaultDatabaseOfTheSdkResolves() throws Exception {
        // Without a database the Java SDK sends NetDefaultDb, which is the first database.
        KustoResultSetTable count = client.executeQuery("Events | count").getPrimaryResults();
        assertTrue(count.next());
        assertEquals(3L, count.getLong(0));
    }

    @Test
    void truncationReportsTheServicesPartialFailure() {
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setOption("truncationmaxrecords", 2);
        DataServiceException e = assertThrows(DataServiceException.class,
                () -> client.executeQuery("db1", "Events", properties));
        assertTrue(e.getMessage().contains("LimitsExceeded"), e.getMessage());
        properties.setOption("notruncation", true);
        assertDoesNotFail(() -> client.executeQuery("db1", "Events", properties));
    }

    @Test
    void managementCommandsAnswerV1TablesWithBothTypeNames() throws Exception {
        client.executeMgmt("db1", ".create table Made (a:int, b:dynamic)");
        KustoResultSetTable tables = client.executeMgmt("db1", ".show tables").getPrimaryResults();
        List<String> names = new java.util.ArrayList<>();
        while (tables.next()) {
            names.add(tables.getString("TableName"));
        }
        assertTrue(names.containsAll(List.of("Events", "Made")), names.toString());

        HttpURLConnection c = (HttpURLConnection) new URL(kusto.url() + "/v1/rest/mgmt").openConnection();
        ServerFixture.Reply reply = ServerFixture.exchange(c, "POST", Map.of("Content-Type", "application/json"),
                "{\"db\":\"db1\",\"csl\":\".show table Made schema as json\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply.body());
        JsonNode table = JSON.readTree(reply.body()).get("Tables").get(0);
        assertEquals("Table_0", table.get("TableName").asText());
        for (JsonNode column : table.get("Columns")) {
            assertTrue(column.has("DataType") && column.has("ColumnType"), column.toString());
        }
        DataServiceException e = assertThrows(DataServiceException.class,
                () -> client.executeMgmt("db1", ".drop table NoSuchTable"));
        assertEquals(400, e.getStatusCode());
    }

    @Test
    void queryThroughTheMgmtEndpointComesBackInV1Form() throws Exception {
        KustoOperationResult result = client.executeMgmt("db1", "Events | where Id >= 2 | project Id");
        KustoResultSetTable rows = result.getPrimaryResults();
        assertEquals(2, rows.count());
        rows.next();
        assertEquals(2L, rows.getLong(0));
    }

    @Test
    void v1QueryEndpointEndsWithTheTableOfContents() throws Exception {
        HttpURLConnection c = (HttpURLConnection) new URL(kusto.url() + "/v1/rest/query").openConnection();
        ServerFixture.Reply reply = ServerFixture.exchange(c, "POST", Map.of("Content-Type", "application/json"),
                "{\"db\":\"db1\",\"csl\":\"Events | project Id, Name | order by Id asc\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply.body());
        JsonNode tables = JSON.readTree(reply.body()).get("Tables");
        assertEquals(4, tables.size());
        assertEquals("Int64", tables.get(0).get("Columns").get(0).get("DataType").asText());
        assertEquals("long", tables.get(0).get("Columns").get(0).get("ColumnType").asText());
        JsonNode toc = tables.get(3).get("Rows");
        assertEquals("QueryResult", toc.get(0).get(1).asText());
        assertEquals("QueryProperties", toc.get(1).get(1).asText());
        assertEquals("QueryStatus", toc.get(2).get(1).asText());
        KustoResultSetTable primary = new KustoOperationResult(reply.body(), "v1").getPrimaryResults();
        assertEquals(3, primary.count());
    }

    @Test
    void gzipStreamingIngestIsSniffedAndAnUnknownTableIsNamed() throws Exception {
        kusto.catalog().createTable("db1", "Zipped", List.of(new Column("x", KustoType.INT)), null, null);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("7\n8\n".getBytes(StandardCharsets.UTF_8));
        }
        HttpURLConnection c = (HttpURLConnection) new URL(kusto.url() + "/v1/rest/ingest/db1/Zipped?streamFormat=Csv").openConnection();
        ServerFixture.Reply reply = ServerFixture.exchange(c, "POST", Map.of("Content-Type", "application/octet-stream"),
                gz.toByteArray());
        assertEquals(200, reply.status(), reply.body());
        assertEquals(2, JSON.readTree(reply.body()).get("Tables").get(0).get("Rows").get(0).get(0).asInt());
        assertEquals(2, client.executeQuery("db1", "Zipped").getPrimaryResults().count());

        try (StreamingIngestClient ingest = IngestClientFactory.createStreamingIngestClient(new ConnectionStringBuilder(kusto.url()))) {
            IngestionProperties properties = new IngestionProperties("db1", "NoSuchTable");
            properties.setDataFormat(IngestionProperties.DataFormat.CSV);
            IngestionServiceException e = assertThrows(IngestionServiceException.class, () -> ingest.ingestFromStream(
                    new StreamSourceInfo(new ByteArrayInputStream("1\n".getBytes(StandardCharsets.UTF_8))), properties));
            assertTrue(String.valueOf(e.getMessage()).contains("NoSuchTable")
                    || String.valueOf(e.getCause()).contains("NoSuchTable"), String.valueOf(e.getCause()));
        }
    }

    @Test
    void managedStreamingIngestionSucceedsOnTheStreamingPath() throws Exception {
        client.executeMgmt("db1", ".create table Managed (k:string, v:long)");
        try (ManagedStreamingIngestClient ingest = IngestClientFactory.createManagedStreamingIngestClient(
                new ConnectionStringBuilder(kusto.url()))) {
            IngestionProperties properties = new IngestionProperties("db1", "Managed");
            properties.setDataFormat(IngestionProperties.DataFormat.CSV);
            ingest.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream("a,1\nb,2\n".getBytes(StandardCharsets.UTF_8))),
                    properties);
        }
        KustoResultSetTable sum = client.executeQuery("db1", "Managed | summarize s = sum(v)").getPrimaryResults();
        assertTrue(sum.next());
        assertEquals(3L, sum.getLong("s"));
    }

    @Test
    void streamingQueryClientReadsTheGzippedFrames() throws Exception {
        StreamingClient streaming = ClientFactory.createStreamingClient(new ConnectionStringBuilder(kusto.url()));
        JsonNode frames;
        try (InputStream in = streaming.executeStreamingQuery("db1", "Events | project Id | order by Id asc",
                new ClientRequestProperties())) {
            frames = JSON.readTree(in);
        }
        assertEquals("[[1],[2],[3]]", frames.get(2).get("Rows").toString());
        DataServiceException e = assertThrows(DataServiceException.class,
                () -> streaming.executeStreamingQuery("db1", "NoSuchTable", new ClientRequestProperties()));
        assertTrue(e.getMessage().contains("NoSuchTable"), e.getMessage());
    }

    @Test
    void serverTimeoutCancelsTheQueryWithTheServicesTimeoutError() {
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setTimeoutInMilliSec(500L);
        long started = System.nanoTime();
        DataServiceException e = assertThrows(DataServiceException.class, () -> client.executeQuery("db1",
                "range x from 1 to 50000000000 step 1 | summarize sum(x * x % 7)", properties));
        assertEquals(504, e.getStatusCode(), e.getMessage());
        assertFalse(e.isPermanent());
        assertTrue(e.getMessage().contains("servertimeout"), e.getMessage());
        assertTrue(System.nanoTime() - started < 30_000_000_000L);
    }

    @Test
    void queryErrorsBeforeStreamingAreHttpErrors() {
        DataServiceException e = assertThrows(DataServiceException.class,
                () -> client.executeQuery("db1", "NoSuchTable | take 1"));
        assertEquals(400, e.getStatusCode());
        assertTrue(e.getMessage().contains("NoSuchTable"), e.getMessage());
        assertFalse(e.getMessage().contains("t1"), "physical names stay inside: " + e.getMessage());
    }

    private interface Call {
        void run() throws Exception;
    }

    private static void assertDoesNotFail(Call call) {
        try {
            call.run();
        } catch (Exception e) {
            throw new AssertionError("unexpected failure: " + e.getMessage(), e);
        }
    }
}
