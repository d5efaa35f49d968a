package dev.kustospark.spark.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import dev.kustospark.local.KustoLocal;
import dev.kustospark.spark.ClientRequestProperties;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.KustoReadOptions;
import dev.kustospark.spark.TokenProvider;
import dev.kustospark.spark.config.AuthConfig;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.config.ReadConfig;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KustoClients against a real kusto-local over HTTP, through the SDK. */
class KustoClientsTest {
    private static final String TOKEN = "local-test-token";
    private static KustoLocal open;
    private static KustoLocal secured;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        open = KustoLocal.builder().inMemory().database("db1").start();
        Path tokenFile = Files.writeString(dir.resolve("token"), TOKEN);
        secured = KustoLocal.builder().inMemory().database("db1").authTokenFile(tokenFile).start();
    }

    @AfterAll
    static void stop() {
        open.close();
        secured.close();
    }

    private static ConnectionConfig connection(KustoReadOptions options) {
        return ReadConfig.from(options.kustoDatabase("db1").kustoQuery("print 1").toOptions(), Map.of()).connection();
    }

    @Test
    void queriesWithoutAuthenticationAndSharesTheClient() throws Exception {
        ConnectionConfig c = connection(KustoReadOptions.create().kustoCluster(open.url()));
        assertEquals(AuthConfig.Method.NONE, c.auth().method());
        KustoClients.Key key = KustoClients.Key.cluster(c);
        try (ClientLease<Client> lease = KustoClients.queryClient(c);
                ClientLease<Client> same = KustoClients.queryClient(connection(KustoReadOptions.create().kustoCluster(open.url())))) {
            KustoResultSetTable rows = lease.client().executeQuery("db1", "print x = 41 + 1",
                    KustoClients.sdkRequestProperties(c, "Test")).getPrimaryResults();
            assertTrue(rows.next());
            assertEquals(42, rows.getInt("x"));
            assertSame(lease.client(), same.client(), "one client per cluster and credentials");
            assertEquals(2, KustoClients.QUERY_CLIENTS.leases(key));
        }
        assertEquals(0, KustoClients.QUERY_CLIENTS.leases(key), "released, and kept for the next use");
        KustoClients.mgmt(c, ".show tables", "Test");
        KustoClients.query(c, "print 1", KustoClients.sdkRequestProperties(c, "Test"));
        assertThrows(DataServiceException.class, () -> KustoClients.query(c, "NoSuchTable", KustoClients.sdkRequestProperties(c, "Test")));
        assertEquals(0, KustoClients.QUERY_CLIENTS.leases(key), "a call holds its client only while it runs, failed or not");
    }

    @Test
    void queriesWithAnAccessTokenAndNeverSharesClientsAcrossTokens() throws Exception {
        // The SDK sends no token to http://localhost, so the address is spelled out.
        String cluster = "http://127.0.0.1:" + secured.port();
        ConnectionConfig right = connection(KustoReadOptions.create().kustoCluster(cluster).accessToken(TOKEN));
        assertEquals(AuthConfig.Method.ACCESS_TOKEN, right.auth().method());
        KustoResultSetTable rows = query(right, "print y = 'ok'");
        assertTrue(rows.next());
        assertEquals("ok", rows.getString("y"));

        ConnectionConfig wrong = connection(KustoReadOptions.create().kustoCluster(cluster).accessToken(TOKEN + "x"));
        try (ClientLease<Client> r = KustoClients.queryClient(right); ClientLease<Client> w = KustoClients.queryClient(wrong)) {
            assertNotSame(r.client(), w.client());
        }
        DataServiceException denied = assertThrows(DataServiceException.class, () -> query(wrong, "print 1"));
        assertEquals(401, denied.getStatusCode());
        assertTrue(!String.valueOf(denied.getMessage()).contains(TOKEN), "the token is not echoed");
        String message = KustoConnectorException.of("Query 'print 1'", denied).getMessage();
        assertTrue(message.contains("(HTTP 401 Unauthorized: check the authentication options"), message);
        assertTrue(!message.contains(TOKEN), message);
    }

    @Test
    void tokenProviderClassesSupplyTheToken() throws Exception {
        String cluster = "http://127.0.0.1:" + secured.port();
        for (Class<?> provider : new Class<?>[] {LocalTokenProvider.class, LocalTokenCallable.class}) {
            ConnectionConfig c = connection(KustoReadOptions.create().kustoCluster(cluster)
                    .tokenProviderCallbackClasspath(provider.getName()));
            assertEquals(AuthConfig.Method.TOKEN_PROVIDER, c.auth().method());
            KustoResultSetTable rows = query(c, "print z = 1");
            assertTrue(rows.next(), provider.getName());
            assertEquals(1, rows.getInt("z"));
        }
        assertTrue(LocalTokenProvider.askedFor.startsWith("http://127.0.0.1:"), LocalTokenProvider.askedFor);
    }

    /** A TokenProvider as users write one: asked for each request's token. */
    public static final class LocalTokenProvider implements TokenProvider {
        static volatile String askedFor = "";

        @Override
        public String accessToken(String clusterUrl) {
            askedFor = clusterUrl;
            return TOKEN;
        }
    }

    /** The established connector's callback shape. */
    public static final class LocalTokenCallable implements Callable<String> {
        @Override
        public String call() {
            return TOKEN;
        }
    }

    @Test
    void requestPropertiesOptionsAndParametersReachTheServer() throws Exception {
        ClientRequestProperties properties = ClientRequestProperties.builder()
                .longParameter("n", 5)
                .stringParameter("label", "it's \"x\"")
                .datetimeParameter("at", Instant.parse("2024-01-02T03:04:05.123456Z"))
                .truncationMaxRecords(3)
                .build();
        ConnectionConfig c = connection(KustoReadOptions.create().kustoCluster(open.url())
                .clientRequestProperties(properties).requestId("op-7"));
        String query = "declare query_parameters(n:long, label:string, at:datetime);";

        KustoResultSetTable values = query(c, query + " print n = n, label = label, at = at");
        assertTrue(values.next());
        assertEquals(5L, values.getLong("n"));
        assertEquals("it's \"x\"", values.getString("label"));
        assertEquals("2024-01-02T03:04:05.123456", values.getString("at").substring(0, 26));

        // truncationmaxrecords=3 reaches the server: 5 rows are a truncated (failed) result.
        Exception truncated = assertThrows(Exception.class, () -> query(c, query + " range i from 1 to n step 1"));
        assertTrue(String.valueOf(truncated.getMessage()).contains("LimitsExceeded"), truncated.getMessage());
        ConnectionConfig unlimited = c.withClientRequestProperties(properties.toBuilder().truncationMaxRecords(10).build());
        assertEquals(5, query(unlimited, query + " range i from 1 to n step 1").count());
    }

    @Test
    void requestIdsTraceTheOperation() {
        ConnectionConfig c = connection(KustoReadOptions.create().kustoCluster(open.url()).requestId("op-9"));
        String id = KustoClients.sdkRequestProperties(c, "ReadSchema").getClientRequestId();
        assertTrue(id.matches("KSC\\.ReadSchema;op-9;[0-9a-f-]{36}"), id);
        ConnectionConfig own = c.withClientRequestProperties(ClientRequestProperties.builder().clientRequestId("mine").build());
        assertEquals("mine", KustoClients.sdkRequestProperties(own, "Query").getClientRequestId());
    }

    @Test
    void streamingIngestionReachesTheTable() throws Exception {
        ConnectionConfig c = connection(KustoReadOptions.create().kustoCluster(open.url()));
        KustoClients.mgmt(c, ".create table Streamed (k:string, v:long)", "Test");
        IngestionProperties properties = new IngestionProperties("db1", "Streamed");
        properties.setDataFormat(IngestionProperties.DataFormat.CSV);
        StreamingIngestClient used;
        try (ClientLease<StreamingIngestClient> lease = KustoClients.streamingIngestClient(c)) {
            used = lease.client();
            used.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream("a,1\nb,2\n".getBytes(StandardCharsets.UTF_8))),
                    properties);
        }
        KustoResultSetTable sum = query(c, "Streamed | summarize s = sum(v)");
        assertTrue(sum.next());
        assertEquals(3L, sum.getLong("s"));
        try (ClientLease<StreamingIngestClient> again = KustoClients.streamingIngestClient(c)) {
            assertSame(used, again.client(), "a released client is reused within the keep-alive");
        }
        assertEquals(0, KustoClients.STREAMING_INGEST_CLIENTS.leases(KustoClients.Key.cluster(c)));
    }

    private static KustoResultSetTable query(ConnectionConfig c, String query) throws Exception {
        return KustoClients.query(c, query, KustoClients.sdkRequestProperties(c, "Test")).getPrimaryResults();
    }
}
