package dev.kustospark.local.dm;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Azurite run as a child process: blob, queue and table services on free loopback ports (Azurite
 * binds port 0 and prints the port it got), data in a temporary workspace that is deleted on close.
 *
 * <p>No orphans: Node is started with a small launcher that exits when its standard input closes,
 * which happens when this JVM exits however it exits; {@link #close()} also stops it explicitly.
 */
public final class AzuriteProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AzuriteProcess.class);
    private static final Pattern LISTENING =
            Pattern.compile("Azurite (Blob|Queue|Table) service is successfully listening at http://[^:]+:(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    /** Exits with the parent: standard input ends when the JVM that holds its other end goes away. */
    private static final String LAUNCHER = "process.stdin.on('end',()=>process.exit(0));process.stdin.on('error',"
            + "()=>process.exit(0));process.stdin.resume();process.argv.splice(1,1);require(process.argv[1]);";

    private final Process process;
    private final Path workspace;
    private final StorageEndpoints endpoints;

    private AzuriteProcess(Process process, Path workspace, StorageEndpoints endpoints) {
        this.process = process;
        this.workspace = workspace;
        this.endpoints = endpoints;
    }

    public StorageEndpoints endpoints() {
        return endpoints;
    }

    /**
     * Starts Azurite from an install made by {@code scripts/azurite-env.sh} and waits until its three
     * services answer HTTP.
     *
     * @param home the install directory (holding {@code node_modules/azurite}); see {@link #locateHome}
     */
    public static AzuriteProcess start(Path home) {
        Path main = home.resolve("node_modules/azurite/dist/src/azurite.js");
        if (!Files.isRegularFile(main)) {
            throw new IllegalStateException("Azurite is not installed in " + home
                    + "; run scripts/azurite-env.sh (it installs the pinned npm package there)");
        }
        Path workspace;
        try {
            workspace = Files.createTempDirectory("kusto-local-azurite");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create Azurite's workspace: " + e.getMessage(), e);
        }
        List<String> command = List.of("node", "-e", LAUNCHER, "launcher", main.toString(),
                "--blobHost", "127.0.0.1", "--blobPort", "0", "--queueHost", "127.0.0.1", "--queuePort", "0",
                "--tableHost", "127.0.0.1", "--tablePort", "0", "--location", workspace.toString(),
                "--disableTelemetry", "--skipApiVersionCheck", "--loose");
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            deleteTree(workspace);
            throw new UncheckedIOException("cannot start Azurite (is Node.js on the PATH?): " + e.getMessage(), e);
        }
        try {
            StorageEndpoints endpoints = awaitPorts(process);
            awaitHttp(endpoints);
            LOG.info("Azurite listening: blob {}, queue {}, table {}", endpoints.blob(), endpoints.queue(),
                    endpoints.table());
            return new AzuriteProcess(process, workspace, endpoints);
        } catch (RuntimeException e) {
            stop(process);
            deleteTree(workspace);
            throw e;
        }
    }

    /** Reads Azurite's output until it has printed the three ports; keeps draining it afterwards. */
    private static StorageEndpoints awaitPorts(Process process) {
        CompletableFuture<StorageEndpoints> ports = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            int blob = 0;
            int queue = 0;
            int table = 0;
            List<String> seen = new ArrayList<>();
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    LOG.debug("azurite: {}", line);
                    if (ports.isDone()) {
                        continue;
                    }
                    seen.add(line);
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        int port = Integer.parseInt(m.group(2));
                        switch (m.group(1)) {
                            case "Blob" -> blob = port;
                            case "Queue" -> queue = port;
                            default -> table = port;
                        }
                        if (blob > 0 && queue > 0 && table > 0) {
                            ports.complete(StorageEndpoints.onLoopback("127.0.0.1", blob, queue, table));
                        }
                    }
                }
            } catch (IOException e) {
                // the process ended; reported below
            }
            ports.completeExceptionally(new IllegalStateException("Azurite exited before listening: "
                    + String.join(" | ", seen)));
        }, "azurite-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return ports.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (RuntimeException) e.getCause();
        } catch (TimeoutException e) {
            throw new IllegalStateException("Azurite did not report its ports within " + START_TIMEOUT.toSeconds() + "s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting Azurite");
        }
    }

    /** Probes each service until it answers any HTTP status (listening is not the same as serving). */
    static void awaitHttp(StorageEndpoints endpoints) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        for (String url : List.of(endpoints.blob(), endpoints.queue(), endpoints.table())) {
            while (true) {
                try {
                    HttpURLConnection c = (HttpURLConnection) URI.create(url + "?comp=list").toURL().openConnection();
                    c.setConnectTimeout(1000);
                    c.setReadTimeout(2000);
                    c.getResponseCode();
                    c.disconnect();
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("Azurite does not answer at " + url);
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while waiting for Azurite");
                    }
                }
            }
        }
    }

    /**
     * The Azurite install {@link AzuriteInstall} finds ({@code KUSTO_LOCAL_AZURITE_HOME}, or a
     * {@code .azurite} above the working directory or kusto-local's jar); installs none.
     */
    public static Path locateHome() {
        return AzuriteInstall.find(AzuriteInstall.searchStarts()).orElseThrow(() -> new IllegalStateException(
                "Azurite is not installed: run scripts/azurite-env.sh, or set KUSTO_LOCAL_AZURITE_HOME, or pass"
                        + " --azurite-url"));
    }

    @Override
    public void close() {
        stop(process);
        deleteTree(workspace);
    }

    private static void stop(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // destroy below
        }
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary directory; the OS cleans it eventually
        }
    }
}
