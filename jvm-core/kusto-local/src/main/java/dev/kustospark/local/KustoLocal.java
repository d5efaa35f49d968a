package dev.kustospark.local;

import dev.kustospark.local.storage.Catalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * kusto-local embedded in a JVM, for tests:
 * <pre>{@code
 * try (KustoLocal kusto = KustoLocal.builder().inMemory().database("db1").start()) {
 *     Client client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
 * }
 * }</pre>
 * The URL is {@code http://localhost:PORT}: the Java SDK derives a broken ingestion endpoint from
 * {@code http://127.0.0.1:PORT}.
 */
public final class KustoLocal implements AutoCloseable {
    private KustoLocal() {}

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://localhost:PORT} (or https). */
    public String url() {
        throw new UnsupportedOperationException();
    }

    public int port() {
        throw new UnsupportedOperationException();
    }

    public Catalog catalog() {
        throw new UnsupportedOperationException();
    }

    /** Stops serving and closes the store; a persistent store is checkpointed first. */
    @Override
    public void close() {}

    /** Settings of a kusto-local instance; defaults: a free port on 127.0.0.1, in memory. */
    public static final class Builder {
        int port;
        String bind = "127.0.0.1";
        Path dataDir;
        final List<String> databases = new ArrayList<>();
        Path authTokenFile;
        Path keystore;
        String keystorePassword;

        private Builder() {}

        /** TCP port; 0 (the default) picks a free one. */
        public Builder port(int port) { this.port = port; return this; }

        public Builder bind(String address) { this.bind = address; return this; }

        /** Persist in this directory (created if missing); survives restarts. */
        public Builder dataDir(Path dir) { this.dataDir = dir; return this; }

        public Builder inMemory() { this.dataDir = null; return this; }

        /** Creates this database at start if it does not exist. */
        public Builder database(String name) { databases.add(name); return this; }

        /** Require {@code Authorization: Bearer <token>} with the token in this file. */
        public Builder authTokenFile(Path file) { this.authTokenFile = file; return this; }

        /** Serve HTTPS with this PKCS12 keystore. */
        public Builder https(Path keystoreFile, String password) { this.keystore = keystoreFile; this.keystorePassword = password; return this; }

        public KustoLocal start() {
            throw new UnsupportedOperationException("server not yet wired");
        }
    }
}
