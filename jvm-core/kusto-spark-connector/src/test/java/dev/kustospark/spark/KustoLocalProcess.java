package dev.kustospark.spark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * kusto-local started as a child JVM on this classpath, on a free port: for tests and benchmarks that
 * must keep the server's work (and its logs) out of the JVM that runs Spark. Its standard error goes
 * where {@code stderr} says; standard output is drained.
 */
public final class KustoLocalProcess implements AutoCloseable {
    private final Process process;
    private final String url;

    /**
     * @param jvmOptions options of the server's JVM, e.g. {@code -Xmx2g}
     * @param stderr     where the server's standard error goes
     * @param args       kusto-local's command line arguments beyond {@code --port 0 --in-memory}
     */
    public KustoLocalProcess(List<String> jvmOptions, ProcessBuilder.Redirect stderr, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(javaBin()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.kustospark.local.KustoLocalMain",
                "--port", "0", "--in-memory"));
        command.addAll(List.of(args));
        process = new ProcessBuilder(command).redirectError(stderr).start();
        try {
            url = awaitListening(process);
        } catch (IOException | RuntimeException e) {
            process.destroy();
            throw e;
        }
    }

    /** {@code http://localhost:PORT} (or https), as the server printed it. */
    public String url() {
        return url;
    }

    /** Runs a management command in {@code database} over plain HTTP (no SDK); fails unless the answer is 200. */
    public String mgmt(String database, String command) throws IOException, InterruptedException {
        return mgmt(database, command, Map.of());
    }

    /** {@link #mgmt(String, String)} with extra request headers, e.g. {@code Authorization}. */
    public String mgmt(String database, String command, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = "{\"db\":\"" + database + "\",\"csl\":\""
                + command.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/v1/rest/mgmt"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("management command failed (" + response.statusCode() + "): " + response.body());
        }
        return response.body();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private static String awaitListening(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf("kusto-local listening on ");
            if (at >= 0) {
                String url = line.substring(at + "kusto-local listening on ".length()).trim();
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "server-stdout");
                drain.setDaemon(true);
                drain.start();
                return url;
            }
        }
        throw new IOException("kusto-local exited before listening");
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
