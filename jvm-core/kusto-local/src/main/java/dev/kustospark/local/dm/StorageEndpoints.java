package dev.kustospark.local.dm;

import java.net.URI;

/**
 * The blob, queue and table endpoints of the emulated storage account, path-style as Azurite serves
 * them ({@code http://127.0.0.1:PORT/devstoreaccount1}), with the account's well-known key.
 */
public record StorageEndpoints(String blob, String queue, String table) {
    /** Azurite's single account, and its key that every Azure Storage tool publishes. */
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    static StorageEndpoints onLoopback(String host, int blobPort, int queuePort, int tablePort) {
        return new StorageEndpoints(base(host, blobPort), base(host, queuePort), base(host, tablePort));
    }

    private static String base(String host, int port) {
        return "http://" + host + ":" + port + "/" + ACCOUNT;
    }

    /**
     * An Azurite started elsewhere, given by its blob endpoint ({@code http://host:10000}, with or
     * without the account path); the queue and table services listen on the next two ports, as in
     * Azurite's default layout.
     */
    public static StorageEndpoints fromBlobUrl(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getHost() == null || uri.getPort() <= 0) {
            throw new IllegalArgumentException("the Azurite URL must name a host and a port: " + url);
        }
        String host = uri.getHost();
        int port = uri.getPort();
        return onLoopback(host, port, port + 1, port + 2);
    }

    /**
     * An Azurite started elsewhere: either its blob endpoint ({@link #fromBlobUrl}) or an Azure
     * Storage connection string naming {@code BlobEndpoint}, {@code QueueEndpoint} and
     * {@code TableEndpoint} (path-style, account {@code devstoreaccount1}).
     */
    public static StorageEndpoints parse(String text) {
        if (!text.contains("=")) {
            return fromBlobUrl(text);
        }
        java.util.Map<String, String> parts = new java.util.HashMap<>();
        for (String part : text.split(";")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                parts.put(part.substring(0, eq).strip().toLowerCase(java.util.Locale.ROOT), part.substring(eq + 1).strip());
            }
        }
        String blob = parts.get("blobendpoint");
        String queue = parts.get("queueendpoint");
        String table = parts.get("tableendpoint");
        if (blob == null || queue == null || table == null) {
            throw new IllegalArgumentException("an Azurite connection string needs BlobEndpoint, QueueEndpoint and "
                    + "TableEndpoint");
        }
        return new StorageEndpoints(trim(blob), trim(queue), trim(table));
    }

    private static String trim(String url) {
        return url.replaceAll("/+$", "");
    }
}
