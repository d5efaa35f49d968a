package dev.kustospark.local.dm;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Where Azurite is installed for kusto-local to start it, and its installation on first use.
 *
 * <p>{@code scripts/azurite-env.sh} installs the pinned npm package at {@code <project>/.azurite}. An
 * install is looked for in {@code KUSTO_LOCAL_AZURITE_HOME}, else in the first {@code .azurite} from
 * the working directory upwards or from kusto-local's own jar (or classes) upwards. When there is none
 * and kusto-local runs from the project's tree, the project's script installs it (needs npm and the
 * npm registry); a jar run from elsewhere has no script to run.
 */
public final class AzuriteInstall {
    private static final String ENV = "KUSTO_LOCAL_AZURITE_HOME";
    private static final String SCRIPT = "scripts/azurite-env.sh";
    /** Marks the project's tree: the pinned package the script installs. */
    private static final String PINNED_PACKAGE = "jvm-core/kusto-local/azurite/package.json";
    /** npm downloads about 40 MB on a first install. */
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private AzuriteInstall() {}

    /** The working directory and the directory of kusto-local's jar or classes: where the search starts. */
    public static List<Path> searchStarts() {
        Set<Path> starts = new LinkedHashSet<>();
        starts.add(Path.of("").toAbsolutePath());
        CodeSource code = AzuriteInstall.class.getProtectionDomain().getCodeSource();
        if (code != null) {
            try {
                Path location = Path.of(code.getLocation().toURI()).toAbsolutePath();
                starts.add(Files.isDirectory(location) ? location : location.getParent());
            } catch (URISyntaxException | RuntimeException e) {
                // not a file (a nested or remote jar): the working directory alone
            }
        }
        return List.copyOf(starts);
    }

    /** The install named by {@code KUSTO_LOCAL_AZURITE_HOME}, else the first {@code .azurite} holding Azurite above {@code starts}. */
    static Optional<Path> find(List<Path> starts) {
        return find(System.getenv(ENV), starts);
    }

    /** {@link #find(List)} with {@code envHome} as the value of {@code KUSTO_LOCAL_AZURITE_HOME} (null: unset). */
    static Optional<Path> find(String envHome, List<Path> starts) {
        if (envHome != null && !envHome.isBlank()) {
            return Optional.of(Path.of(envHome));
        }
        return firstAbove(starts, dir -> Files.isRegularFile(dir.resolve(".azurite/node_modules/azurite/package.json")))
                .map(dir -> dir.resolve(".azurite"));
    }

    /**
     * The install {@link #find} finds, else the one the project's {@code scripts/azurite-env.sh} makes
     * (its progress and errors go to this process's standard error).
     *
     * @throws IllegalStateException when there is none and none can be made, saying why
     */
    public static Path findOrInstall(List<Path> starts) {
        return findOrInstall(System.getenv(ENV), starts);
    }

    /** {@link #findOrInstall(List)} with {@code envHome} as the value of {@code KUSTO_LOCAL_AZURITE_HOME}. */
    static Path findOrInstall(String envHome, List<Path> starts) {
        Optional<Path> found = find(envHome, starts);
        if (found.isPresent()) {
            return found.get();
        }
        Path project = projectTree(starts).orElseThrow(() -> new IllegalStateException("Azurite is not installed,"
                + " and no project tree with " + SCRIPT + " holds "
                + starts.stream().map(Path::toString).collect(Collectors.joining(" or "))));
        return install(project);
    }

    /** The first directory above {@code starts} that is the project's tree: it has the script and the pinned package. */
    static Optional<Path> projectTree(List<Path> starts) {
        return firstAbove(starts, dir -> Files.isRegularFile(dir.resolve(SCRIPT))
                && Files.isRegularFile(dir.resolve(PINNED_PACKAGE)));
    }

    /** Runs the project's {@code scripts/azurite-env.sh} (idempotent) and returns the install it reports. */
    static Path install(Path project) {
        Path script = project.resolve(SCRIPT);
        String failed = "installing Azurite with " + script + " failed";
        try {
            Process process = new ProcessBuilder("bash", script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(INSTALL_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(failed + ": no end within " + INSTALL_TIMEOUT.toMinutes() + " minutes");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(failed + " (exit " + process.exitValue() + ", its message is above)");
            }
            List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
            // The script prints the install directory as its last line.
            Path home = Path.of(lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip());
            if (!Files.isRegularFile(home.resolve("node_modules/azurite/package.json"))) {
                throw new IllegalStateException(failed + ": no Azurite in '" + home + "' afterwards");
            }
            return home;
        } catch (IOException e) {
            throw new IllegalStateException(failed + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(failed + ": interrupted", e);
        }
    }

    private static Optional<Path> firstAbove(List<Path> starts, Predicate<Path> test) {
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (test.test(dir)) {
                    return Optional.of(dir);
                }
            }
        }
        return Optional.empty();
    }
}
