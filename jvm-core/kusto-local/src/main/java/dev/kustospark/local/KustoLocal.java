package dev.kustospark.local;

import dev.kustospark.local.dm.DataManagement;
import dev.kustospark.local.dm.FaultInjection;
import dev.kustospark.local.http.KustoHttpServer;
import dev.kustospark.local.ingest.Ingestor;
import dev.kustospark.local.mgmt.CommandExecutor;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.DuckDbCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

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
    private final Catalog catalog;
    private final KustoHttpServer server;
    private final DataManagement dataManagement;
    private final AtomicBoolean closed = new AtomicBoolean();

    private KustoLocal(Catalog catalog, KustoHttpServer server, DataManagement dataManagement) {
        this.catalog = catalog;
        this.server = server;
        this.dataManagement = dataManagement;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code http://localhost:PORT} (or https). */
    public String url() {
        return server.url();
    }

    public int port() {
        return server.port();
    }

    public Catalog catalog() {
        return catalog;
    }

    /**
     * An Azure Storage connection string for the Azurite behind queued ingestion and export.
     *
     * @throws IllegalStateException when kusto-local was started without Azurite
     */
    public String storageConnectionString() {
        if (dataManagement == null) {
            throw new IllegalStateException("kusto-local was started without Azurite (Builder.withAzurite())");
        }
        return dataManagement.connectionString();
    }

    /** Stops serving and closes the store; a persistent store is checkpointed first. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                server.close();
            } finally {
                try {
                    if (dataManagement != null) {
                        dataManagement.close();
                    }
                } finally {
                    catalog.close();
                }
            }
        }
    }

    /** Settings of a kusto-local instance; defaults: a free port on 127.0.0.1, in memory. */
    public static final class Builder {
        int port;
        String bind = "127.0.0.1";
        Path dataDir;
        final List<String> databases = new ArrayList<>();
        Path authTokenFile;
        Path keystore;
        String keystorePassword;
        boolean azurite;
        String azuriteUrl;
        Path azuriteHome;
        FaultInjection faults = FaultInjection.NONE;

        private Builder() {}

        /**
         * Serves queued ingestion and export on Azure Storage: starts Azurite as a child process (from
         * the install of {@code scripts/azurite-env.sh}) unless {@link #azuriteUrl} names one. Off by
         * default here (tests choose; it costs a Node.js process and a second or two), on by default on
         * the command line. Without it the commands that need storage fail at once saying so
         * ({@link KustoException#storageOff}).
         */
        public Builder withAzurite() { this.azurite = true; return this; }

        /**
         * Uses a running Azurite: its blob endpoint (queue and table on the next two ports, Azurite's
         * default layout) or a storage connection string with BlobEndpoint, QueueEndpoint and TableEndpoint.
         */
        public Builder azuriteUrl(String url) { this.azurite = true; this.azuriteUrl = url; return this; }

        /** Where Azurite is installed (default: found from the working directory upwards, see scripts/azurite-env.sh). */
        public Builder azuriteHome(Path dir) { this.azurite = true; this.azuriteHome = dir; return this; }

        /** Faults of queued ingestion, for tests; nothing can turn them on later. */
        public Builder faultInjection(FaultInjection faults) { this.faults = faults; return this; }

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

        /**
         * Opens the store, creates the databases and starts serving.
         *
         * @throws java.io.UncheckedIOException when the port, the token file or the keystore cannot be used
         */
        public KustoLocal start() {
            String token = authTokenFile == null ? null : readToken(authTokenFile);
            Catalog catalog = DuckDbCatalog.open(dataDir);
            DataManagement dm = null;
            try {
                for (String database : databases) {
                    catalog.createDatabase(database, true);
                }
                Ingestor ingestor = new Ingestor(catalog);
                dm = azurite ? DataManagement.start(catalog, ingestor, azuriteUrl, azuriteHome, faults) : null;
                CommandExecutor commands = new CommandExecutor(catalog, ingestor,
                        List.of(dm == null ? DataManagement.storageOffCommands() : dm.commands()));
                KustoHttpServer server = KustoHttpServer.start(catalog, commands, ingestor, dm,
                        new KustoHttpServer.Settings(bind, port, token, keystore, keystorePassword, faults.halts()));
                return new KustoLocal(catalog, server, dm);
            } catch (RuntimeException e) {
                if (dm != null) {
                    dm.close();
                }
                catalog.close();
                throw e;
            }
        }

        private static String readToken(Path file) {
            try {
                String token = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (token.isEmpty()) {
                    throw new IllegalArgumentException("the auth token file " + file + " is empty");
                }
                return token;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the auth token file " + file + ": " + e.getMessage(), e);
            }
        }
    }
}
