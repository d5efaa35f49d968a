package dev.kustospark.local.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where kusto-local finds Azurite, and when it installs it: with the project's script when it runs from
 * the project's tree, never from elsewhere.
 */
class AzuriteInstallTest {
    private static Path file(Path path, String text) throws Exception {
        Files.createDirectories(path.getParent());
        return Files.writeString(path, text);
    }

    /** A tree that looks like the project's: the pinned package and an install script of the given body. */
    private static Path project(Path root, String scriptBody) throws Exception {
        file(root.resolve("jvm-core/kusto-local/azurite/package.json"), "{}");
        file(root.resolve("scripts/azurite-env.sh"), scriptBody);
        return root;
    }

    @Test
    void anInstallAboveTheStartIsFoundAndTheEnvironmentWins(@TempDir Path dir) throws Exception {
        file(dir.resolve(".azurite/node_modules/azurite/package.json"), "{}");
        Path below = Files.createDirectories(dir.resolve("a/b"));
        assertEquals(dir.resolve(".azurite"), AzuriteInstall.findOrInstall(null, List.of(below)));
        assertEquals(Path.of("/opt/azurite"), AzuriteInstall.findOrInstall("/opt/azurite", List.of(below)));
    }

    @Test
    void outsideTheProjectNothingIsInstalledAndTheReasonNamesWhereItLooked(@TempDir Path dir) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AzuriteInstall.findOrInstall(null, List.of(dir)));
        assertEquals("Azurite is not installed, and no project tree with scripts/azurite-env.sh holds " + dir,
                e.getMessage());
    }

    @Test
    void inTheProjectTheScriptInstallsItAndReportsWhere(@TempDir Path dir) throws Exception {
        // The script's contract: progress on stderr, the install directory as the last line of stdout.
        Path root = project(dir.resolve("project"), """
                home="$(cd "$(dirname "$0")/.." && pwd)/.azurite"
                mkdir -p "$home/node_modules/azurite" && echo '{}' > "$home/node_modules/azurite/package.json"
                echo "installing Azurite into $home" >&2
                echo run >> "$home/runs"
                echo "$home"
                """);
        Path home = AzuriteInstall.findOrInstall(null, List.of(Files.createDirectories(root.resolve("jvm-core"))));
        assertEquals(root.resolve(".azurite").toRealPath(), home.toRealPath());
        assertEquals(home.toRealPath(), AzuriteInstall.findOrInstall(null, List.of(root)).toRealPath());
        assertEquals(List.of("run"), Files.readAllLines(home.resolve("runs")), "found the second time, not installed again");
    }

    @Test
    void aFailedInstallSaysSo(@TempDir Path dir) throws Exception {
        Path root = project(dir, "echo 'azurite-env: npm (Node.js 18 or later) is required' >&2; exit 1\n");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> AzuriteInstall.findOrInstall(null, List.of(root)));
        assertTrue(e.getMessage().startsWith("installing Azurite with " + root.resolve("scripts/azurite-env.sh")
                + " failed (exit 1"), e.getMessage());
    }
}
