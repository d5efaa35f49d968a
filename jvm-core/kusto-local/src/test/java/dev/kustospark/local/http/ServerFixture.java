package dev.kustospark.local.http;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.ingest.Ingestor;
import dev.kustospark.local.mgmt.CommandExecutor;
import dev.kustospark.local.storage.Catalog;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.storage.ExtentWriter;
import dev.kustospark.local.storage.TableInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A server over a store that knows one database, {@code db1}, and nothing else: enough for the
 * protocol paths (routing, authentication, errors) that do not depend on stored tables.
 */
final class ServerFixture implements AutoCloseable {
    final KustoHttpServer server;

    private ServerFixture(KustoHttpServer server) {
        this.server = server;
    }

    static ServerFixture start(String authToken, Path keystore, String password) {
        Catalog catalog = new OneDatabaseCatalog();
        Ingestor ingestor = new Ingestor(catalog);
        return new ServerFixture(KustoHttpServer.start(catalog, new CommandExecutor(catalog, ingestor), ingestor,
                new KustoHttpServer.Settings("127.0.0.1", 0, authToken, keystore, password)));
    }

    static ServerFixture start() {
        return start(null, null, null);
    }

    String url() {
        return server.url();
    }

    /** A plain HTTP exchange, for what the SDKs do not expose (headers, raw bodies). */
    record Reply(int status, Map<String, List<String>> headers, String body) {
        String header(String name) {
            for (Map.Entry<String, List<String>> e : headers.entrySet()) {
                if (e.getKey() != null && e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue().get(0);
                }
            }
            return null;
        }
    }

    Reply send(String method, String path, Map<String, String> headers, byte[] body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) new URL(url() + path).openConnection();
        return exchange(c, method, headers, body);
    }

    static Reply exchange(HttpURLConnection c, String method, Map<String, String> headers, byte[] body)
            throws IOException {
        c.setRequestMethod(method);
        headers.forEach(c::setRequestProperty);
        if (body != null) {
            c.setDoOutput(true);
            try (OutputStream out = c.getOutputStream()) {
                out.write(body);
            }
        }
        int status = c.getResponseCode();
        InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
        String text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return new Reply(status, c.getHeaderFields(), text);
    }

    Reply postJson(String path, String json, Map<String, String> headers) throws IOException {
        java.util.HashMap<String, String> all = new java.util.HashMap<>(headers);
        all.put("Content-Type", "application/json; charset=utf-8");
        return send("POST", path, all, json.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        server.close();
    }

    private static final class OneDatabaseCatalog implements Catalog {
        @Override
        public String resolveDatabase(String requested) {
            if (requested == null || requested.equals("db1") || requested.equalsIgnoreCase("NetDefaultDb")) {
                return "db1";
            }
            throw KustoException.entityNotFound("Database", requested);
        }

        @Override
        public Connection connect() {
            try {
                return DriverManager.getConnection("jdbc:duckdb:");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override public List<String> databases() { return List.of("db1"); }
        @Override public void createDatabase(String name, boolean ifNotExists) { throw unavailable(); }
        @Override public Optional<TableInfo> findTable(String database, String table) { return Optional.empty(); }
        @Override public TableInfo table(String database, String table) { throw KustoException.entityNotFound("Table", table); }
        @Override public List<TableInfo> tables(String database) { return List.of(); }
        @Override public TableInfo createTable(String d, String t, List<Column> c, String f, String s) { throw unavailable(); }
        @Override public TableInfo createMergeTable(String d, String t, List<Column> c, String f, String s) { throw unavailable(); }
        @Override public ExtentWriter openExtent(TableInfo t, List<String> tags, Instant created, Connection c) { throw unavailable(); }
        @Override public List<ExtentInfo> extents(String database, String table) { return List.of(); }
        @Override public boolean hasExtentTag(String database, String table, String tag) { return false; }
        @Override public Optional<String> ingestionMapping(String d, String t, String k, String n) { return Optional.empty(); }
        @Override public void createIngestionMapping(String d, String t, String k, String n, String m) { throw unavailable(); }
        @Override public void close() {}

        private static UnsupportedOperationException unavailable() {
            return new UnsupportedOperationException("this store holds no tables");
        }
    }
}
