package dev.kustospark.spark.client;

import com.azure.core.http.HttpClient;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataClientException;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.http.HttpClientProperties;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import dev.kustospark.spark.config.AuthConfig;
import dev.kustospark.spark.config.ConnectionConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The Kusto SDK clients of a JVM, one per endpoint and credentials, on driver and executors alike.
 * Each use leases its client and closes the lease when done ({@link ClientLease}); a client no lease
 * holds is kept for {@link #KEEP_ALIVE}, so that the tasks and jobs of one application share it and
 * its token cache, and is then closed (queued ingestion clients stop their resource refresh). The
 * cache key holds the credentials themselves (secrets included), so a changed secret gets a new
 * client, and a JVM that sees many credentials does not keep them all.
 */
public final class KustoClients {
    /** Prefix of the client request ids of this connector's requests, as the established connector traces them. */
    static final String REQUEST_ID_PREFIX = "KSC.";
    private static final String CONNECTOR_NAME = "Kusto.Spark.Connector";
    /** Long enough to span the pause between the stages and jobs of one application. */
    static final Duration KEEP_ALIVE = Duration.ofMinutes(5);

    /** Every SDK client here, and their storage clients, talk through {@link StreamingHttpClient}. */
    private static final HttpClientProperties HTTP = HttpClientProperties.builder()
            .provider(StreamingHttpClientProvider.class).build();

    static final ClientCache<Key, Client> QUERY_CLIENTS = new ClientCache<>(key -> create(key,
            k -> ClientFactory.createClient(connectionStringBuilder(k), StreamingHttpClient.shared())), KEEP_ALIVE);
    static final ClientCache<Key, StreamingIngestClient> STREAMING_INGEST_CLIENTS = new ClientCache<>(key -> create(key,
            k -> IngestClientFactory.createStreamingIngestClient(connectionStringBuilder(k), HTTP)), KEEP_ALIVE);
    // The URL is final (see ingestionUrl): the SDK's own correction would prefix an IP address too.
    static final ClientCache<Key, QueuedIngestClient> QUEUED_INGEST_CLIENTS = new ClientCache<>(key -> create(key,
            k -> IngestClientFactory.createClient(connectionStringBuilder(k), HTTP, false)), KEEP_ALIVE);

    private KustoClients() {}

    /**
     * The HTTP client for the connector's own storage clients (exports, user containers): it streams
     * bodies and logs no URL, so no SAS (see {@link StreamingHttpClient}).
     */
    public static HttpClient httpClient() {
        return StreamingHttpClient.shared();
    }

    /**
     * The query and management client for the connection's cluster. Its HTTP client streams response
     * bodies (see {@link StreamingHttpClient}), so a streaming query's rows are parsed as they arrive;
     * hold the lease until the response is read.
     */
    public static ClientLease<Client> queryClient(ConnectionConfig connection) {
        return QUERY_CLIENTS.lease(Key.cluster(connection));
    }

    /**
     * Runs management command {@code command} on the connection's database, tagged with
     * {@code activity} (see {@link #sdkRequestProperties}); the client is leased for the call only, as
     * the SDK reads a command's answer whole.
     */
    public static KustoOperationResult mgmt(ConnectionConfig connection, String command, String activity)
            throws DataServiceException, DataClientException {
        try (ClientLease<Client> lease = queryClient(connection)) {
            return lease.client().executeMgmt(connection.database(), command, sdkRequestProperties(connection, activity));
        }
    }

    /** Runs {@code query} on the connection's database with these request properties, the client leased for the call. */
    public static KustoOperationResult query(ConnectionConfig connection, String query,
            com.microsoft.azure.kusto.data.ClientRequestProperties properties) throws DataServiceException, DataClientException {
        try (ClientLease<Client> lease = queryClient(connection)) {
            return lease.client().executeQuery(connection.database(), query, properties);
        }
    }

    /** The streaming ingestion client for the connection's cluster (streaming goes to the engine endpoint). */
    public static ClientLease<StreamingIngestClient> streamingIngestClient(ConnectionConfig connection) {
        return STREAMING_INGEST_CLIENTS.lease(Key.cluster(connection));
    }

    /**
     * The queued ingestion client for the connection's data-management endpoint: {@code kustoIngestionUri}
     * when given, else the cluster URL with the service's {@code ingest-} host prefix (a loopback or
     * already prefixed URL, as kusto-local serves both roles on one endpoint, is used as it is).
     */
    public static ClientLease<QueuedIngestClient> queuedIngestClient(ConnectionConfig connection) {
        return QUEUED_INGEST_CLIENTS.lease(Key.ingestion(connection));
    }

    /** The management client of the connection's data-management endpoint (for {@code .get ingestion resources}). */
    public static ClientLease<Client> dataManagementClient(ConnectionConfig connection) {
        return QUERY_CLIENTS.lease(Key.ingestion(connection));
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
        ConnectionStringBuilder builder = key.auth.toConnectionStringBuilder(key.url);
        builder.setConnectorDetails(CONNECTOR_NAME, connectorVersion(), null, null, false, null, Map.of());
        return builder;
    }

    private static String connectorVersion() {
        String version = KustoClients.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    /** A factory of the SDK that refuses the key's URL. */
    private interface Factory<C> {
        C create(Key key) throws URISyntaxException;
    }

    private static <C> C create(Key key, Factory<C> factory) {
        try {
            return factory.create(key);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Option " + key.urlOption + ": the URL " + key.url + " is not a valid URI", e);
        }
    }

    /**
     * Endpoint and credentials; equality includes the secret (see the class comment).
     *
     * @param urlOption the option the URL comes from, for the message when the SDK refuses it
     */
    record Key(String url, String urlOption, AuthConfig auth) {
        static Key cluster(ConnectionConfig connection) {
            return new Key(connection.clusterUrl(), "kustoCluster", connection.auth());
        }

        static Key ingestion(ConnectionConfig connection) {
            return new Key(ingestionUrl(connection), "kustoIngestionUri", connection.auth());
        }

        @Override
        public String toString() {
            return url + " " + auth;
        }
    }
}
