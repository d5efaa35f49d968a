package dev.kustospark.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command line as scripts use it: exit codes and messages, run in a separate JVM. */
class KustoLocalMainTest {
    record Outcome(int exitCode, String stdout, String stderr) {}

    static Outcome run(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.kustospark.local.KustoLocalMain"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the process ends on its own");
        return new Outcome(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void badArgumentsExitWith2AndSayWhy() throws Exception {
        Outcome unknown = run("--frobnicate");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.stderr().contains("unknown argument '--frobnicate'"), unknown.stderr());
        assertTrue(unknown.stderr().contains("Usage: kusto-local"), unknown.stderr());
        assertEquals("", unknown.stdout());

        Outcome port = run("--port", "eighty");
        assertEquals(2, port.exitCode());
        assertTrue(port.stderr().contains("--port must be a number from 0 to 65535, not 'eighty'"), port.stderr());

        Outcome missing = run("--database");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.stderr().contains("--database needs a value"), missing.stderr());

        Outcome both = run("--in-memory", "--data", "/tmp/x");
        assertEquals(2, both.exitCode());
        assertTrue(both.stderr().contains("exclude each other"), both.stderr());

        Outcome noFile = run("--auth-token-file", "/nonexistent/token");
        assertEquals(2, noFile.exitCode());
        assertTrue(noFile.stderr().contains("no such file '/nonexistent/token'"), noFile.stderr());
    }

    @Test
    void helpPrintsUsageAndExits0() throws Exception {
        Outcome help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("--auth-token-file"), help.stdout());
    }
}
