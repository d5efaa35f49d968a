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
        Client client = KustoClients.queryClient(c);
        KustoResultSetTable rows = client.executeQuery("db1", "print x = 41 + 1",
                KustoClients.sdkRequestProperties(c, "Test")).getPrimaryResults();
        assertTrue(rows.next());
        assertEquals(42, rows.getInt("x"));
        assertSame(client, KustoClients.queryClient(connection(KustoReadOptions.create().kustoCluster(open.url()))),
                "one client per cluster and credentials");
    }

    @Test
    void queriesWithAnAccessTokenAndNeverSharesClientsAcrossTokens() throws Exception {
        // The SDK sends no token to http://localhost, so the address is spelled out.
        String cluster = "http://127.0.0.1:" + secured.port();
        ConnectionConfig right = connection(KustoReadOptions.create().kustoCluster(cluster).accessToken(TOKEN));
        assertEquals(AuthConfig.Method.ACCESS_TOKEN, right.auth().method());
        KustoResultSetTable rows = KustoClients.queryClient(right).executeQuery("db1", "print y = 'ok'").getPrimaryResults();
        assertTrue(rows.next());
        assertEquals("ok", rows.getString("y"));

        ConnectionConfig wrong = connection(KustoReadOptions.create().kustoCluster(cluster).accessToken(TOKEN + "x"));
        assertNotSame(KustoClients.queryClient(right), KustoClients.queryClient(wrong));
        DataServiceException denied = assertThrows(DataServiceException.class,
                () -> KustoClients.queryClient(wrong).executeQuery("db1", "print 1"));
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
            KustoResultSetTable rows = KustoClients.queryClient(c).executeQuery("db1", "print z = 1").getPrimaryResults();
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
                .datetimeParameter("at", Instant.parse("2024-01-02T03:04:05.1234567Z"))
                .truncationMaxRecords(3)
                .build();
        ConnectionConfig c = connection(KustoReadOptions.create().kustoCluster(open.url())
                .clientRequestProperties(properties).requestId("op-7"));
        String query = "declare query_parameters(n:long, label:string, at:datetime);";

        KustoResultSetTable values = KustoClients.queryClient(c).executeQuery("db1",
                query + " print n = n, label = label, at = at", KustoClients.sdkRequestProperties(c, "Test")).getPrimaryResults();
        assertTrue(values.next());
        assertEquals(5L, values.getLong("n"));
        assertEquals("it's \"x\"", values.getString("label"));
        assertEquals("2024-01-02T03:04:05.123", values.getString("at").substring(0, 23));

        // truncationmaxrecords=3 reaches the server: 5 rows are a truncated (failed) result.
        Exception truncated = assertThrows(Exception.class, () -> KustoClients.queryClient(c).executeQuery("db1",
                query + " range i from 1 to n step 1", KustoClients.sdkRequestProperties(c, "Test")).getPrimaryResults());
        assertTrue(String.valueOf(truncated.getMessage()).contains("LimitsExceeded"), truncated.getMessage());
        ConnectionConfig unlimited = c.withClientRequestProperties(properties.toBuilder().truncationMaxRecords(10).build());
        assertEquals(5, KustoClients.queryClient(unlimited).executeQuery("db1", query + " range i from 1 to n step 1",
                KustoClients.sdkRequestProperties(unlimited, "Test")).getPrimaryResults().count());
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
        KustoClients.queryClient(c).executeMgmt("db1", ".create table Streamed (k:string, v:long)");
        IngestionProperties properties = new IngestionProperties("db1", "Streamed");
        properties.setDataFormat(IngestionProperties.DataFormat.CSV);
        KustoClients.streamingIngestClient(c).ingestFromStream(
                new StreamSourceInfo(new ByteArrayInputStream("a,1\nb,2\n".getBytes(StandardCharsets.UTF_8))), properties);
        KustoResultSetTable sum = KustoClients.queryClient(c).executeQuery("db1", "Streamed | summarize s = sum(v)")
                .getPrimaryResults();
        assertTrue(sum.next());
        assertEquals(3L, sum.getLong("s"));
        assertSame(KustoClients.streamingIngestClient(c), KustoClients.streamingIngestClient(c));
    }
}
