package dev.kustospark.spark;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Turns the option {@code kustoCluster} into the cluster's URL. */
final class ClusterUrl {
    /** {@code name} or {@code name.region}: letters, digits and hyphens, as Azure names clusters. */
    private static final Pattern SHORT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*(\\.[A-Za-z0-9][A-Za-z0-9-]*)?");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+(:\\d+)?");
    private static final Pattern LOCAL_HOST = Pattern.compile("(localhost|127\\.0\\.0\\.1)(:\\d+)?");

    private ClusterUrl() {}

    static String normalize(String value) {
        String v = value.trim();
        String url;
        if (v.contains("://")) {
            url = v;
        } else if (LOCAL_HOST.matcher(v).matches()) {
            url = "http://" + v;
        } else if (SHORT_NAME.matcher(v).matches()) {
            url = "https://" + v + ".kusto.windows.net";
        } else if (HOST.matcher(v).matches()) {
            url = "https://" + v;
        } else {
            throw invalid(value);
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                throw invalid(value);
            }
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            if (!path.isEmpty() && !path.equals("/")) {
                throw new KustoOptionException("Option kustoCluster has value '" + value + "': a cluster URL has no path ('"
                        + path + "'); give the cluster as " + scheme + "://" + uri.getRawAuthority()
                        + " and the database with the option kustoDatabase.");
            }
            return scheme + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
        } catch (URISyntaxException e) {
            throw invalid(value);
        }
    }

    private static KustoOptionException invalid(String value) {
        return new KustoOptionException("Option kustoCluster has value '" + value + "': expected a cluster URL such as"
                + " https://mycluster.westeurope.kusto.windows.net or http://localhost:8080, or a cluster name such as"
                + " mycluster.westeurope.");
    }
}
