package dev.kustospark.local.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.kustospark.local.dm.DataManagement;
import dev.kustospark.local.dm.FaultInjection;
import dev.kustospark.local.ingest.Ingestor;
import dev.kustospark.local.mgmt.CommandExecutor;
import dev.kustospark.local.storage.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** The REST endpoints of kusto-local on the JDK's HTTP(S) server, with a bounded pool of workers. */
public final class KustoHttpServer implements AutoCloseable {
    /** Concurrent requests; more wait in a bounded queue, then the accepting thread runs them itself. */
    static final int WORKERS = 16;
    static final int QUEUED = 256;

    /**
     * How to serve.
     *
     * @param bind             address to listen on
     * @param port             TCP port, 0 for a free one
     * @param authToken        the bearer token every request must carry, or null
     * @param keystore         a PKCS12 keystore to serve HTTPS with, or null for HTTP
     * @param keystorePassword its password
     * @param halts            the fault injection's halts of the process at chosen management commands
     */
    public record Settings(String bind, int port, String authToken, Path keystore, String keystorePassword,
            List<FaultInjection.Halt> halts) {
        public Settings(String bind, int port, String authToken, Path keystore, String keystorePassword) {
            this(bind, port, authToken, keystore, keystorePassword, List.of());
        }
    }

    private final HttpServer server;
    private final ThreadPoolExecutor workers;
    private final boolean https;

    private KustoHttpServer(HttpServer server, ThreadPoolExecutor workers, boolean https) {
        this.server = server;
        this.workers = workers;
        this.https = https;
    }

    public static KustoHttpServer start(Catalog catalog, CommandExecutor commands, Ingestor ingestor, Settings settings) {
        return start(catalog, commands, ingestor, null, settings);
    }

    /** @param dataManagement the storage that streaming ingestion from a blob reads, or null without Azurite */
    public static KustoHttpServer start(Catalog catalog, CommandExecutor commands, Ingestor ingestor,
            DataManagement dataManagement, Settings settings) {
        InetSocketAddress address = new InetSocketAddress(settings.bind(), settings.port());
        HttpServer server;
        try {
            if (settings.keystore() != null) {
                HttpsServer secure = HttpsServer.create(address, 128);
                secure.setHttpsConfigurator(new HttpsConfigurator(sslContext(settings.keystore(), settings.keystorePassword())));
                server = secure;
            } else {
                server = HttpServer.create(address, 128);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.bind() + ":" + settings.port(), e);
        }
        AtomicInteger threads = new AtomicInteger();
        ThreadPoolExecutor workers = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUED), r -> {
                    Thread t = new Thread(r, "kusto-local-http-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        workers.allowCoreThreadTimeOut(true);
        server.setExecutor(workers);
        server.createContext("/", new RequestDispatcher(new QueryEndpoints(catalog, commands,
                new CommandHalts(settings.halts())),
                new IngestEndpoint(catalog, ingestor, dataManagement), settings.authToken()));
        server.start();
        return new KustoHttpServer(server, workers, settings.keystore() != null);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public boolean https() {
        return https;
    }

    /** The URL clients use: {@code localhost} unless bound to one specific non-loopback address. */
    public String url() {
        InetAddress address = server.getAddress().getAddress();
        String host = address.isAnyLocalAddress() || address.isLoopbackAddress() ? "localhost"
                : address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
        return (https ? "https" : "http") + "://" + host + ":" + port();
    }

    /** Stops accepting, gives running requests a moment to finish, then stops the workers. */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(5, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static SSLContext sslContext(Path keystore, String password) {
        char[] secret = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the keystore " + keystore + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use the keystore " + keystore + ": " + e.getMessage(), e);
        }
    }
}
