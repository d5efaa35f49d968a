package dev.kustospark.local.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script with the official Python SDK ({@code azure-kusto-data}) against a server. The
 * interpreter is {@code $KUSTO_LOCAL_PYTHON}, else the project's {@code .venv} (scripts/python-env.sh).
 */
final class PythonSdk {
    private PythonSdk() {}

    /** The interpreter, or null when no Python with the SDK is installed. */
    static Path interpreter() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("KUSTO_LOCAL_PYTHON");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        Path dir = Path.of("").toAbsolutePath();
        for (int i = 0; i < 4 && dir != null; i++, dir = dir.getParent()) {
            candidates.add(dir.resolve(".venv/bin/python"));
        }
        for (Path p : candidates) {
            if (Files.isExecutable(p) && hasSdk(p)) {
                return p;
            }
        }
        return null;
    }

    private static boolean hasSdk(Path python) {
        try {
            Process p = new ProcessBuilder(python.toString(), "-c", "import azure.kusto.data").start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (Exception e) {
            return false;
        }
    }

    /** Runs {@code script} with the server's URL as its argument; returns standard output, failing on a non-zero exit. */
    static String run(Path python, String script, String url) throws Exception {
        Path file = Files.createTempFile("kusto-local-sdk", ".py");
        try {
            Files.writeString(file, script, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(python.toString(), file.toString(), url).start();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new AssertionError("python failed: " + new String(err, StandardCharsets.UTF_8)
                        + "\n" + new String(out, StandardCharsets.UTF_8));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
