package dev.kustospark.spark.config;

import dev.kustospark.spark.ClientRequestProperties;
import dev.kustospark.spark.KustoOption;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where and how to reach Kusto: cluster, database, credentials, request properties and the
 * operation's correlation id. Shipped to executors, which query and ingest with it.
 */
public final class ConnectionConfig implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String clusterUrl;
    private final String database;
    private final AuthConfig auth;
    private final String requestId;
    private final Duration timeout;
    private final ClientRequestProperties clientRequestProperties;
    private final String ingestionUri;

    private ConnectionConfig(String clusterUrl, String database, AuthConfig auth, String requestId, Duration timeout,
            ClientRequestProperties clientRequestProperties, String ingestionUri) {
        this.clusterUrl = clusterUrl;
        this.database = database;
        this.auth = auth;
        this.requestId = requestId;
        this.timeout = timeout;
        this.clientRequestProperties = clientRequestProperties;
        this.ingestionUri = ingestionUri;
    }

    static ConnectionConfig from(ParsedOptions options) {
        // Parsed options are canonical: kustoCluster is the cluster's URL already.
        String clusterUrl = options.required(KustoOption.KUSTO_CLUSTER, "https://mycluster.westeurope.kusto.windows.net");
        String database = options.required(KustoOption.KUSTO_DATABASE, "mydatabase");
        AuthConfig auth = AuthConfig.from(options, clusterUrl);
        String requestId = options.get(KustoOption.REQUEST_ID).orElseGet(() -> UUID.randomUUID().toString());
        Duration timeout = Duration.ofSeconds(options.seconds(KustoOption.TIMEOUT_LIMIT));
        ClientRequestProperties properties = options.get(KustoOption.CLIENT_REQUEST_PROPERTIES_JSON)
                .map(ClientRequestProperties::fromJson).orElse(ClientRequestProperties.empty());
        return new ConnectionConfig(clusterUrl, database, auth, requestId, timeout, properties,
                options.get(KustoOption.KUSTO_INGESTION_URI).orElse(null));
    }

    /** The cluster's URL without a trailing slash, e.g. {@code https://name.region.kusto.windows.net}. */
    public String clusterUrl() {
        return clusterUrl;
    }

    public String database() {
        return database;
    }

    public AuthConfig auth() {
        return auth;
    }

    /** The operation's correlation id (option {@code requestId}, else a random UUID chosen on the driver). */
    public String requestId() {
        return requestId;
    }

    /** How long a whole operation may take (option {@code timeoutLimit}). */
    public Duration timeout() {
        return timeout;
    }

    /** The user's client request properties (option {@code clientRequestPropertiesJson}); empty, never null. */
    public ClientRequestProperties clientRequestProperties() {
        return clientRequestProperties;
    }

    /** The data-management endpoint, when the option {@code kustoIngestionUri} gives one. */
    public Optional<String> ingestionUri() {
        return Optional.ofNullable(ingestionUri);
    }

    /** A copy with other client request properties. */
    public ConnectionConfig withClientRequestProperties(ClientRequestProperties properties) {
        return new ConnectionConfig(clusterUrl, database, auth, requestId, timeout,
                Objects.requireNonNull(properties, "properties"), ingestionUri);
    }

    /** A copy with another database (e.g. for a table in another database of the same cluster). */
    public ConnectionConfig withDatabase(String otherDatabase) {
        return new ConnectionConfig(clusterUrl, Objects.requireNonNull(otherDatabase, "database"), auth, requestId,
                timeout, clientRequestProperties, ingestionUri);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ConnectionConfig c && clusterUrl.equals(c.clusterUrl) && database.equals(c.database)
                && auth.equals(c.auth) && requestId.equals(c.requestId) && timeout.equals(c.timeout)
                && clientRequestProperties.equals(c.clientRequestProperties) && Objects.equals(ingestionUri, c.ingestionUri);
    }

    @Override
    public int hashCode() {
        return Objects.hash(clusterUrl, database, auth, requestId, timeout, clientRequestProperties, ingestionUri);
    }

    @Override
    public String toString() {
        return "ConnectionConfig{cluster=" + clusterUrl + ", database=" + database + ", auth=" + auth
                + ", requestId=" + requestId + ", timeout=" + timeout.toSeconds() + "s"
                + (clientRequestProperties.isEmpty() ? "" : ", clientRequestProperties=" + clientRequestProperties)
                + (ingestionUri == null ? "" : ", ingestionUri=" + ingestionUri) + "}";
    }
}
