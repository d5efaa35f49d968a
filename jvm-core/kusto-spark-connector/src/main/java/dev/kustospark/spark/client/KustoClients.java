package dev.kustospark.spark.client;

import com.azure.core.http.HttpClient;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.http.HttpClientProperties;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import dev.kustospark.spark.config.AuthConfig;
import dev.kustospark.spark.config.ConnectionConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kusto SDK clients of a JVM, one per cluster and credentials: creating a client costs a
 * connection pool and, for Entra ID, a token cache, so tasks of the same job share them. The cache
 * key holds the credentials themselves (secrets included), so a changed secret gets a new client.
 */
public final class KustoClients {
    /** Prefix of the client request ids of this connector's requests, as the established connector traces them. */
    static final String REQUEST_ID_PREFIX = "KSC.";
    private static final String CONNECTOR_NAME = "Kusto.Spark.Connector";

    private static final Map<Key, Client> QUERY_CLIENTS = new ConcurrentHashMap<>();
    private static final Map<Key, StreamingIngestClient> STREAMING_INGEST_CLIENTS = new ConcurrentHashMap<>();
    private static final Map<Key, QueuedIngestClient> QUEUED_INGEST_CLIENTS = new ConcurrentHashMap<>();

    private KustoClients() {}

    /** Every SDK client here, and their storage clients, talk through {@link StreamingHttpClient}. */
    private static final HttpClientProperties HTTP = HttpClientProperties.builder()
            .provider(StreamingHttpClientProvider.class).build();

    /**
     * The HTTP client for the connector's own storage clients (exports, user containers): it streams
     * bodies and logs no URL, so no SAS (see {@link StreamingHttpClient}).
     */
    public static HttpClient httpClient() {
        return StreamingHttpClient.shared();
    }

    /**
     * The query and management client for the connection's cluster. Its HTTP client streams response
     * bodies (see {@link StreamingHttpClient}), so a streaming query's rows are parsed as they arrive.
     */
    public static Client queryClient(ConnectionConfig connection) {
        return QUERY_CLIENTS.computeIfAbsent(Key.of(connection), key -> {
            try {
                return ClientFactory.createClient(connectionStringBuilder(key), StreamingHttpClient.shared());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Option kustoCluster: the cluster URL " + key.clusterUrl
                        + " is not a valid URI", e);
            }
        });
    }

    /** The streaming ingestion client for the connection's cluster (streaming goes to the engine endpoint). */
    public static StreamingIngestClient streamingIngestClient(ConnectionConfig connection) {
        return STREAMING_INGEST_CLIENTS.computeIfAbsent(Key.of(connection), key -> {
            try {
                return IngestClientFactory.createStreamingIngestClient(connectionStringBuilder(key), HTTP);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Option kustoCluster: the cluster URL " + key.clusterUrl
                        + " is not a valid URI", e);
            }
        });
    }

    /**
     * The queued ingestion client for the connection's data-management endpoint: {@code kustoIngestionUri}
     * when given, else the cluster URL with the service's {@code ingest-} host prefix (a loopback or
     * already prefixed URL, as kusto-local serves both roles on one endpoint, is used as it is).
     */
    public static QueuedIngestClient queuedIngestClient(ConnectionConfig connection) {
        Key key = new Key(ingestionUrl(connection), connection.auth());
        return QUEUED_INGEST_CLIENTS.computeIfAbsent(key, k -> {
            try {
                // The URL is final (see ingestionUrl): the SDK's own correction would prefix an IP address too.
                return IngestClientFactory.createClient(connectionStringBuilder(k), HTTP, false);
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Option kustoIngestionUri: the ingestion URL " + k.clusterUrl
                        + " is not a valid URI", e);
            }
        });
    }

    /** The management client of the connection's data-management endpoint (for {@code .get ingestion resources}). */
    public static Client dataManagementClient(ConnectionConfig connection) {
        return QUERY_CLIENTS.computeIfAbsent(new Key(ingestionUrl(connection), connection.auth()), key -> {
            try {
                return ClientFactory.createClient(connectionStringBuilder(key), StreamingHttpClient.shared());
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Option kustoIngestionUri: the ingestion URL " + key.clusterUrl
                        + " is not a valid URI", e);
            }
        });
    }

    static String ingestionUrl(ConnectionConfig connection) {
        if (connection.ingestionUri().isPresent()) {
            return connection.ingestionUri().get();
        }
        String cluster = connection.clusterUrl();
        URI uri = URI.create(cluster);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean local = host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
        if (local || host.startsWith("ingest-")) {
            return cluster;
        }
        return cluster.replaceFirst("://", "://ingest-");
    }

    /**
     * The SDK request properties for one request of {@code activity} (e.g. {@code ReadSchema},
     * {@code Query}, {@code StreamingIngest}): the user's options and parameters, and a client request
     * id {@code KSC.<activity>;<requestId>;<uuid>} that ties every request of an operation to its
     * {@code requestId}, unless the user set {@code client_request_id} themselves.
     */
    public static com.microsoft.azure.kusto.data.ClientRequestProperties sdkRequestProperties(ConnectionConfig connection,
            String activity) {
        com.microsoft.azure.kusto.data.ClientRequestProperties properties = connection.clientRequestProperties().toSdk();
        if (properties.getClientRequestId() == null) {
            properties.setClientRequestId(clientRequestId(activity, connection.requestId()));
        }
        return properties;
    }

    static String clientRequestId(String activity, String requestId) {
        return REQUEST_ID_PREFIX + Objects.requireNonNull(activity, "activity") + ";" + requestId + ";" + UUID.randomUUID();
    }

    private static ConnectionStringBuilder connectionStringBuilder(Key key) {
        ConnectionStringBuilder builder = key.auth.toConnectionStringBuilder(key.clusterUrl);
        builder.setConnectorDetails(CONNECTOR_NAME, connectorVersion(), null, null, false, null, Map.of());
        return builder;
    }

    private static String connectorVersion() {
        String version = KustoClients.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** Cluster and credentials; equality includes the secret (see the class comment). */
    private record Key(String clusterUrl, AuthConfig auth) {
        static Key of(ConnectionConfig connection) {
            return new Key(connection.clusterUrl(), connection.auth());
        }

        @Override
        public String toString() {
            return clusterUrl + " " + auth;
        }
    }
}
