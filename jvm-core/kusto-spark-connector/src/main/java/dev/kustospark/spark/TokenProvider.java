package dev.kustospark.spark;

/**
 * Supplies Entra ID access tokens for a cluster; named by the option
 * {@code tokenProviderCallbackClasspath}. Implementations need a public no-argument constructor and
 * are created on the driver and on each executor; {@link #accessToken(String)} is called whenever a
 * request needs a token, so it should cache and refresh tokens itself.
 */
@FunctionalInterface
public interface TokenProvider {
    /**
     * A valid access token for {@code clusterUrl} (without the {@code Bearer } prefix).
     *
     * @param clusterUrl the cluster's URL, e.g. {@code https://name.region.kusto.windows.net}
     */
    String accessToken(String clusterUrl) throws Exception;
}
