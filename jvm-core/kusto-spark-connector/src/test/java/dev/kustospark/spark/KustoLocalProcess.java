package dev.kustospark.spark;

import dev.kustospark.local.KustoLocalMain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * kusto-local in a JVM of its own ({@link KustoLocalMain}) on a given port and {@code --data}
 * directory, so that a test can lose it as a cluster is lost (its fault injection halts it like
 * {@code kill -9}) and start it again on the same data and port.
 */
final class KustoLocalProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final String LISTENING = "kusto-local listening on ";

    private final Process process;
    private final Path log;

    private KustoLocalProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts kusto-local and waits until it accepts requests.
     *
     * @param azurite a storage connection string naming a running Azurite's three endpoints
     * @param faults  a {@code --fault-injection} spec, or null
     * @param log     where the process's output goes (appended)
     */
    static KustoLocalProcess start(int port, Path data, String database, String azurite, String faults, Path log)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                KustoLocalMain.class.getName(), "--port", Integer.toString(port), "--data", data.toString(),
                "--database", database, "--azurite-url", azurite));
        if (faults != null) {
            command.addAll(List.of("--fault-injection", faults));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread copier = new Thread(() -> copy(process, log, listening), "kusto-local-output-" + process.pid());
        copier.setDaemon(true);
        copier.start();
        KustoLocalProcess started = new KustoLocalProcess(process, log);
        try {
            listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            started.close();
            throw new IllegalStateException("kusto-local did not start on port " + port + ":\n" + started.logTail(), e);
        }
        return started;
    }

    private static void copy(Process process, Path log, CompletableFuture<String> listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = Files.newBufferedWriter(log, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line + "\n");
                out.flush();
                if (line.startsWith(LISTENING)) {
                    listening.complete(line.substring(LISTENING.length()));
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("kusto-local exited"));
    }

    /** Waits until the process ends by itself; its exit status, or -1 if it still runs after {@code timeout}. */
    int awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    String logTail() {
        try {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
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
