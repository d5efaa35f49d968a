package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoLocal;
import dev.kustospark.spark.client.QueryRetry;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that cannot be reached fails at once (no retry) with one line naming the server, what
 * failed and what to do: refused, unknown host, an https URL at a plain-HTTP server, an http URL at a
 * TLS server, an untrusted certificate.
 */
class KustoConnectionErrorsTest {
    private static final String RETRY_LOGGER = QueryRetry.class.getName();

    private static KustoSparkTestSupport env;
    private static KustoLocal tls;
    private static int closedPort;

    private final List<String> retries = new CopyOnWriteArrayList<>();
    private AbstractAppender retryAppender;

    @BeforeAll
    static void start(@TempDir Path temp) throws Exception {
        env = new KustoSparkTestSupport();
        tls = KustoLocal.builder().inMemory().database(KustoSparkTestSupport.DATABASE)
                .https(SelfSignedKeyStore.create(temp.resolve("server.p12"), "changeit"), "changeit").start();
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        tls.close();
        env.close();
    }

    /** Records the retries the connector announces: a connection that cannot be made is not retried. */
    @BeforeEach
    void recordRetries() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        retryAppender = new AbstractAppender("retries", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                retries.add(event.getMessage().getFormattedMessage());
            }
        };
        retryAppender.start();
        context.getConfiguration().addLoggerAppender(context.getLogger(RETRY_LOGGER), retryAppender);
    }

    @AfterEach
    void stopRecording() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getLoggerConfig(RETRY_LOGGER).removeAppender(retryAppender.getName());
        retryAppender.stop();
    }

    private static Map<String, String> cluster(String url, String... more) {
        Map<String, String> options = new HashMap<>(Map.of("kustoCluster", url, "kustoDatabase", KustoSparkTestSupport.DATABASE));
        for (int i = 0; i < more.length; i += 2) {
            options.put(more[i], more[i + 1]);
        }
        return options;
    }

    private static Executable read(Map<String, String> options) {
        return () -> env.spark.read().format("kusto").options(options).option("kustoQuery", "T").load();
    }

    /** The connector's message of {@code action}'s failure, checked to be one line that nobody retried. */
    private String message(Executable action) {
        Throwable e = assertThrows(Exception.class, action);
        Throwable connector = e;
        while (connector != null && !(connector instanceof KustoConnectorException)) {
            connector = connector.getCause();
        }
        assertTrue(connector != null, () -> "no KustoConnectorException in " + e);
        String message = connector.getMessage();
        assertFalse(message.contains("\n"), message);
        assertEquals(List.of(), retries, "a connection that cannot be made is not retried");
        return message;
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' is not in: " + message);
        }
    }

    @Test
    void aClosedPortIsRefused() {
        String url = "http://127.0.0.1:" + closedPort;
        String message = message(read(cluster(url)));
        assertContains(message, "Reading the schema of kustoQuery 'T' failed: Cannot connect to " + url
                + ": connection refused, nothing listens on port " + closedPort, "option kustoCluster", "the server runs");
    }

    @Test
    void aClosedPortIsRefusedWhenTheCredentialFirstAsksTheClusterForItsCloud() {
        // An application credential first asks the cluster for its cloud (login endpoint): that request fails first.
        String url = "http://127.0.0.1:" + closedPort;
        String message = message(read(cluster(url, "kustoAadAppId", "app", "kustoAadAppSecret", "secret",
                "kustoAadAuthorityID", "tenant")));
        assertContains(message, "Cannot connect to " + url + ": connection refused, nothing listens on port " + closedPort);
    }

    @Test
    void aWriteToAClosedPortIsRefusedToo() {
        String url = "http://127.0.0.1:" + closedPort;
        String message = message(() -> env.spark.range(3).write().format("kusto").options(cluster(url))
                .option("kustoTable", "Target").mode("append").save());
        assertContains(message, "Cannot connect to " + url + ": connection refused");
    }

    @Test
    void anUnknownHostIsNamed() {
        String message = message(read(cluster("https://nosuch-cluster.invalid", "accessToken", "t")));
        assertContains(message, "Cannot connect to https://nosuch-cluster.invalid:443: unknown host 'nosuch-cluster.invalid'",
                "DNS", "option kustoCluster");
    }

    @Test
    void anHttpsUrlAtAPlainHttpServerSaysUseHttp() {
        String https = env.kusto.url().replace("http://", "https://");
        String message = message(read(cluster(https, "accessToken", "t")));
        String hostPort = https.substring("https://".length());
        assertContains(message, "Cannot connect to " + https + ": the server answers plain HTTP, not TLS. Use http://"
                + hostPort);
    }

    @Test
    void anHttpUrlAtATlsServerSaysUseHttps() {
        String http = tls.url().replace("https://", "http://");
        String message = message(read(cluster(http)));
        String hostPort = http.substring("http://".length());
        assertContains(message, "Cannot connect to " + http + ": the server closed the connection without an HTTP answer;"
                + " it speaks TLS. Use https://" + hostPort);
    }

    @Test
    void anUntrustedCertificateNamesTheTruststore() {
        String message = message(read(cluster(tls.url(), "accessToken", "t")));
        assertContains(message, "Cannot connect to " + tls.url() + ": the TLS handshake failed: this JVM does not trust"
                + " the server's certificate", "javax.net.ssl.trustStore");
    }
}
