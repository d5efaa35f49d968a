package dev.kustospark.spark;

import dev.kustospark.local.KustoLocalMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * kusto-local in a JVM of its own ({@link KustoLocalMain}) on this classpath: for tests that lose it
 * as a cluster is lost (its fault injection halts it like {@code kill -9}) and start it again on the
 * same data and port, and for tests and benchmarks that keep the server's work and logs out of the
 * JVM that runs Spark.
 */
public final class KustoLocalProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String LISTENING = "kusto-local listening on ";

    private final Process process;
    private final Path log;
    private volatile String url;

    private KustoLocalProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts kusto-local and waits until it accepts requests.
     *
     * @param jvmOptions options of the server's JVM, e.g. {@code -Xmx2g}
     * @param log        where the process's output (standard output and error) is appended; null: this JVM's standard error
     * @param args       kusto-local's command line, e.g. {@code --port 0 --in-memory}
     */
    public static KustoLocalProcess start(List<String> jvmOptions, Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                KustoLocalMain.class.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        KustoLocalProcess started = new KustoLocalProcess(process, log);
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread copier = new Thread(() -> started.copyOutput(listening), "kusto-local-output-" + process.pid());
        copier.setDaemon(true);
        copier.start();
        try {
            started.url = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            try {
                started.close();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("kusto-local did not start (" + String.join(" ", args) + ")"
                    + (log == null ? "" : ":\n" + started.logTail()), e);
        }
        return started;
    }

    /**
     * kusto-local on {@code port} with a persistent store in {@code data} and queued ingestion on a running Azurite.
     *
     * @param azurite a storage connection string naming a running Azurite's three endpoints
     * @param faults  a {@code --fault-injection} spec, or null
     */
    static KustoLocalProcess start(int port, Path data, String database, String azurite, String faults, Path log)
            throws IOException {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port), "--data", data.toString(),
                "--database", database, "--azurite-url", azurite));
        if (faults != null) {
            args.addAll(List.of("--fault-injection", faults));
        }
        return start(List.of("-Xmx512m"), log, args);
    }

    private void copyOutput(CompletableFuture<String> listening) {
        // System.err is written to but never closed; the log file is.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                OutputStream file = log == null ? null
                        : Files.newOutputStream(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            OutputStream out = file == null ? System.err : file;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                out.flush();
                int at = line.indexOf(LISTENING);
                if (at >= 0) {
                    listening.complete(line.substring(at + LISTENING.length()).trim());
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("kusto-local exited"));
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

    /** Waits until the process ends by itself; its exit status, or -1 if it still runs after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** The last 60 lines of the log file. */
    String logTail() {
        try {
            List<String> lines = log != null && Files.exists(log) ? Files.readAllLines(log) : List.of();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process as an operator would (SIGTERM: kusto-local closes its store), forcibly if it hangs. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
