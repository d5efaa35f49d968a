package dev.kustospark.spark.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * A request that never reached its server, in one line: the server (scheme, host and port only: a
 * path or query may hold a SAS), what failed, and the likely fix. {@code client.StreamingHttpClient},
 * which carries every request of the connector, throws it in place of the JDK's exception (kept as the
 * cause). It is not transient: a refused connection, an unknown host or a TLS mismatch stays so, and
 * a retry would only hide the message.
 */
public final class ConnectionFailure extends IOException {
    private static final long serialVersionUID = 1L;
    /** How long the probes that tell plain HTTP from TLS wait; they run only after a failure. */
    private static final int PROBE_TIMEOUT_MILLIS = 2_000;
    private static final String CLUSTER_HINT = "option kustoCluster for the cluster";

    private ConnectionFailure(String message, IOException cause) {
        super(message, cause);
    }

    /** The connection failure in {@code failure}'s chain, if a request could not reach its server. */
    public static Optional<ConnectionFailure> in(Throwable failure) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConnectionFailure connection) {
                return Optional.of(connection);
            }
        }
        return Optional.empty();
    }

    /**
     * {@code failure} of a request to {@code url}, made with {@code connectTimeout}, told as a connection
     * failure, or {@code failure} itself when the connection was made (a reset of a pooled connection, a
     * server that closed mid-answer).
     */
    public static IOException classify(URL url, Duration connectTimeout, IOException failure) {
        boolean https = url.getProtocol().equalsIgnoreCase("https");
        String host = url.getHost();
        int port = url.getPort() >= 0 ? url.getPort() : url.getDefaultPort();
        String origin = url.getProtocol().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
        String cannot = "Cannot connect to " + origin + ": ";
        if (failure instanceof HttpConnectTimeoutException) {
            if (https && probe(host, port) == Probe.PLAIN_HTTP) {
                return plainHttpAtHttps(cannot, host, port, failure);
            }
            return new ConnectionFailure(cannot + "no connection within "
                    + connectTimeout.toSeconds() + " s. Check the host and port (" + CLUSTER_HINT
                    + ") and that the network (firewall, VPN, private endpoint) lets this machine reach it.", failure);
        }
        if (failure instanceof ConnectException) {
            if (causedBy(failure, UnresolvedAddressException.class) || causedBy(failure, UnknownHostException.class)) {
                return new ConnectionFailure(cannot + "unknown host '" + host + "', the DNS does not resolve it. Check the"
                        + " host name (" + CLUSTER_HINT + ", e.g. https://mycluster.westeurope.kusto.windows.net) and this"
                        + " machine's DNS and proxy.", failure);
            }
            return new ConnectionFailure(cannot + "connection refused, nothing listens on port " + port + " of " + host
                    + ". Check the host and port (" + CLUSTER_HINT + ") and that the server runs.", failure);
        }
        if (failure instanceof SSLException) {
            if (causedBy(failure, CertificateException.class)) {
                return new ConnectionFailure(cannot + "the TLS handshake failed: this JVM does not trust the server's"
                        + " certificate. If it is self-signed or from a private authority, add it to the JVM's truststore"
                        + " (javax.net.ssl.trustStore).", failure);
            }
            if (https && probe(host, port) == Probe.PLAIN_HTTP) {
                return plainHttpAtHttps(cannot, host, port, failure);
            }
            return new ConnectionFailure(cannot + "the TLS handshake failed (" + oneLine(failure.getMessage())
                    + "). Check that the URL names the server's TLS port (443 for a Kusto cluster).", failure);
        }
        if (!https && probe(host, port) == Probe.NOT_HTTP) {
            return new ConnectionFailure(cannot + "the server closed the connection without an HTTP answer; it speaks"
                    + " TLS. Use https://" + host + ":" + port + " (Kusto clusters are served over https).", failure);
        }
        return failure;
    }

    private static ConnectionFailure plainHttpAtHttps(String cannot, String host, int port, IOException failure) {
        return new ConnectionFailure(cannot + "the server answers plain HTTP, not TLS. Use http://" + host + ":" + port
                + " if it is a local server such as kusto-local; a Kusto cluster's URL starts with https://.", failure);
    }

    /** What a server says to a plain-HTTP request. */
    private enum Probe { PLAIN_HTTP, NOT_HTTP, UNREACHABLE }

    /** Sends {@code HEAD /} in plain text: an HTTP server answers {@code HTTP/...}, a TLS server closes or alerts. */
    private static Probe probe(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), PROBE_TIMEOUT_MILLIS);
            socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(("HEAD / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(5);
            return new String(start, StandardCharsets.US_ASCII).equals("HTTP/") ? Probe.PLAIN_HTTP : Probe.NOT_HTTP;
        } catch (IOException e) {
            return Probe.UNREACHABLE;
        }
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null && t != t.getCause(); t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String text) {
        return text == null ? "no detail" : text.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim();
    }
}
