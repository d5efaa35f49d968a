package dev.kustospark.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
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

    /** A kusto-local process that printed its ready line; standard error goes to {@code stderr}. */
    record Running(Process process, String url) implements AutoCloseable {
        static Running start(Path stderr, String... args) throws Exception {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "dev.kustospark.local.KustoLocalMain"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            if (line == null || !line.matches("kusto-local listening on http://localhost:\\d+")) {
                p.destroyForcibly();
                throw new AssertionError("no ready line but '" + line + "'; stderr: " + Files.readString(stderr));
            }
            return new Running(p, line.substring(line.lastIndexOf(' ') + 1));
        }

        Client client() throws Exception {
            return ClientFactory.createClient(new ConnectionStringBuilder(url));
        }

        @Override
        public void close() throws Exception {
            process.destroy();
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the server");
        }
    }

    @Test
    void storageIsOnByDefault(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr");
        try (Running kusto = Running.start(stderr, "--port", "0", "--database", "db1")) {
            KustoResultSetTable storage = kusto.client().executeMgmt("db1", ".create tempstorage").getPrimaryResults();
            assertTrue(storage.next());
            assertTrue(storage.getString("StorageRoot").matches("http://127\\.0\\.0\\.1:\\d+/devstoreaccount1/tempstorage\\?.+"),
                    storage.getString("StorageRoot"));
        }
        assertFalse(Files.readString(stderr).contains("storage is off"), Files.readString(stderr));
    }

    @Test
    void withNoStorageTheCommandsThatNeedItSayHowToTurnItOn(@TempDir Path dir) throws Exception {
        Path stderr = dir.resolve("stderr");
        try (Running kusto = Running.start(stderr, "--port", "0", "--database", "db1", "--no-storage")) {
            DataServiceException e = assertThrows(DataServiceException.class,
                    () -> kusto.client().executeMgmt("db1", ".get ingestion resources"));
            assertTrue(e.isPermanent());
            assertTrue(e.getMessage().contains("kusto-local runs without storage, so it cannot serve '.get ingestion"
                    + " resources' (queued ingestion and export need Azure Storage). To turn storage on, start"
                    + " kusto-local without --no-storage"), e.getMessage());
        }
        assertFalse(Files.readString(stderr).contains("storage is off"), Files.readString(stderr));
    }

    @Test
    void startsPrintsTheOneReadyLineServesAndStopsCleanlyOnSigterm(@TempDir Path dir) throws Exception {
        Path token = dir.resolve("token");
        Files.writeString(token, "tok-123\n");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.kustospark.local.KustoLocalMain",
                "--port", "0", "--data", dir.resolve("data").toString(), "--database", "db1", "--database", "db2",
                "--auth-token-file", token.toString(), "--no-storage");
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            assertTrue(line != null && line.matches("kusto-local listening on http://localhost:\\d+"), String.valueOf(line));
            String url = line.substring(line.lastIndexOf(' ') + 1);
            HttpURLConnection c = (HttpURLConnection) new URL(url + "/v1/rest/mgmt").openConnection();
            ServerFixture.Reply denied = ServerFixture.exchange(c, "POST", Map.of("Content-Type", "application/json"),
                    "{\"db\":\"db2\",\"csl\":\"print 1\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(401, denied.status());
            c = (HttpURLConnection) new URL(url + "/v1/rest/mgmt").openConnection();
            ServerFixture.Reply ok = ServerFixture.exchange(c, "POST",
                    Map.of("Content-Type", "application/json", "Authorization", "Bearer tok-123"),
                    "{\"db\":\"db2\",\"csl\":\"print 1\"}".getBytes(StandardCharsets.UTF_8));
            assertEquals(200, ok.status(), ok.body());
            p.destroy();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "SIGTERM stops the server");
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void helpPrintsUsageAndExits0() throws Exception {
        Outcome help = run("--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.stdout().contains("--auth-token-file"), help.stdout());
        assertTrue(help.stdout().contains("--no-storage") && help.stdout().contains("Storage (Azurite, for queued"
                + " ingestion, export and temporary storage) is on by default"), help.stdout());
    }
}
