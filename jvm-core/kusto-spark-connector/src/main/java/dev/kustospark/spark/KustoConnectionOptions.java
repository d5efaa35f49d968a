package dev.kustospark.spark;

import dev.kustospark.spark.internal.KustoTimes;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The connection options shared by {@link KustoReadOptions} and {@link KustoWriteOptions}. Immutable:
 * each setter returns a new object. Values are checked as they are set, by the same registry that
 * checks the options of a read or write, so a value these setters accept is accepted there.
 *
 * @param <T> the concrete options type, returned by the setters
 */
public abstract class KustoConnectionOptions<T extends KustoConnectionOptions<T>> {
    private final Map<KustoOption, String> values;

    KustoConnectionOptions(Map<KustoOption, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    abstract T copy(Map<KustoOption, String> newValues);

    final T with(KustoOption option, String value) {
        Objects.requireNonNull(value, () -> "option " + option.key() + " must not be null");
        Map<KustoOption, String> next = new LinkedHashMap<>(values);
        next.put(option, option.validate(value));
        return copy(next);
    }

    final Map<KustoOption, String> values() {
        return values;
    }

    /** The options as {@code DataFrameReader.options(Map)} / {@code DataFrameWriter.options(Map)} take them. */
    public final Map<String, String> toOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        // Registry order keeps the map's iteration order stable whatever order the setters ran in.
        for (KustoOption option : KustoOption.values()) {
            String v = values.get(option);
            if (v != null) {
                options.put(option.key(), v);
            }
        }
        return Collections.unmodifiableMap(options);
    }

    /** The cluster URL, or a cluster name / {@code name.region}. */
    public final T kustoCluster(String cluster) {
        return with(KustoOption.KUSTO_CLUSTER, cluster);
    }

    public final T kustoDatabase(String database) {
        return with(KustoOption.KUSTO_DATABASE, database);
    }

    /** Entra ID application authentication with a secret. */
    public final T kustoAadAppId(String applicationId) {
        return with(KustoOption.KUSTO_AAD_APP_ID, applicationId);
    }

    public final T kustoAadAppSecret(String secret) {
        return with(KustoOption.KUSTO_AAD_APP_SECRET, secret);
    }

    public final T kustoAadAuthorityID(String tenant) {
        return with(KustoOption.KUSTO_AAD_AUTHORITY_ID, tenant);
    }

    /** Entra ID application authentication with a PKCS#12 certificate (option names {@code kutoAadAppCert*}). */
    public final T aadAppCertificate(String pfxPath, String password) {
        T withPath = with(KustoOption.KUTO_AAD_APP_CERT_PATH, pfxPath);
        return password == null ? withPath : withPath.with(KustoOption.KUTO_AAD_APP_CERT_PASSWORD, password);
    }

    public final T accessToken(String token) {
        return with(KustoOption.ACCESS_TOKEN, token);
    }

    public final T managedIdentityAuth(boolean enabled) {
        return with(KustoOption.MANAGED_IDENTITY_AUTH, Boolean.toString(enabled));
    }

    public final T managedIdentityClientId(String clientId) {
        return with(KustoOption.MANAGED_IDENTITY_CLIENT_ID, clientId);
    }

    /** A class implementing {@link TokenProvider} or {@code Callable<String>}, by name. */
    public final T tokenProviderCallbackClasspath(String className) {
        return with(KustoOption.TOKEN_PROVIDER_CALLBACK_CLASSPATH, className);
    }

    /** Interactive browser sign-in on the driver's machine (local use only). */
    public final T userPrompt(boolean enabled) {
        return with(KustoOption.USER_PROMPT, Boolean.toString(enabled));
    }

    /** {@code default} (DefaultAzureCredential), {@code azureCli} or {@code none}. */
    public final T kustoAuthMethod(String method) {
        return with(KustoOption.KUSTO_AUTH_METHOD, method);
    }

    public final T kustoIngestionUri(String url) {
        return with(KustoOption.KUSTO_INGESTION_URI, url);
    }

    /** How long a whole operation may take; whole seconds. */
    public final T timeoutLimit(Duration timeout) {
        return with(KustoOption.TIMEOUT_LIMIT, wholeSeconds(timeout, KustoOption.TIMEOUT_LIMIT));
    }

    /** Client request properties for every request (option {@code clientRequestPropertiesJson}). */
    public final T clientRequestProperties(ClientRequestProperties properties) {
        return with(KustoOption.CLIENT_REQUEST_PROPERTIES_JSON, Objects.requireNonNull(properties, "properties").toJson());
    }

    public final T requestId(String requestId) {
        return with(KustoOption.REQUEST_ID, requestId);
    }

    /** A connection profile of the Spark conf (option {@code spark.synapse.linkedService}). */
    public final T linkedService(String profile) {
        return with(KustoOption.LINKED_SERVICE, profile);
    }

    /** The option's value in seconds; messages show the timespan in Kusto's form, as every binding takes it. */
    static String wholeSeconds(Duration d, KustoOption option) {
        Objects.requireNonNull(d, option.key());
        String text = KustoTimes.timespan(d, option.key());
        if (d.isNegative() || d.isZero()) {
            throw new KustoOptionException("Option " + option.key() + " has value " + text
                    + ": expected a positive timespan of whole seconds.");
        }
        if (d.getNano() != 0) {
            throw new KustoOptionException("Option " + option.key() + " is in whole seconds; " + text
                    + " has a fraction of a second.");
        }
        return Long.toString(d.getSeconds());
    }

    /** The options with secrets shown as {@code <hidden>}. */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + toOptions().entrySet().stream()
                .map(e -> e.getKey() + "=" + (KustoOption.forKey(e.getKey()).orElseThrow().secret() ? "<hidden>" : e.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && values.equals(((KustoConnectionOptions<?>) o).values);
    }

    @Override
    public final int hashCode() {
        return values.hashCode();
    }
}
