package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector's packages form layers, each importing only its own layer and those below:
 * {@code internal} and {@code compat}; the root package (what users build and catch); {@code config};
 * {@code client}; {@code read}, {@code write} and {@code types}; {@code source} and {@code actions}
 * (the entry points Spark and users call). The dependencies are those of the compiled main classes,
 * as {@code jdeps} reads them, so an import in a method body or a fully qualified name counts too.
 */
class PackageDependenciesTest {
    private static final String CONNECTOR = "dev.kustospark.spark";
    private static final List<List<String>> LAYERS = List.of(
            List.of("internal", "compat"),
            List.of(""),
            List.of("config"),
            List.of("client"),
            List.of("read", "write", "types"),
            List.of("source", "actions"));

    /** Class-level dependencies between the connector's packages, as "from -> to" by package. */
    private static Map<String, Map<String, Set<String>>> dependencies;

    @BeforeAll
    static void readDependencies() throws Exception {
        Path classes = Path.of(KustoOption.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        ToolProvider jdeps = ToolProvider.findFirst("jdeps")
                .orElseThrow(() -> new IllegalStateException("jdeps is missing: run the tests on a JDK"));
        StringWriter out = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out, true), new PrintWriter(out, true), "-verbose:class", classes.toString());
        assertEquals(0, exit, out.toString());
        dependencies = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            // "   dev.kustospark.spark.source.KustoTable   -> dev.kustospark.spark.config.ReadConfig   classes"
            String[] fields = line.trim().split("\\s+");
            if (fields.length >= 3 && fields[1].equals("->") && fields[0].startsWith(CONNECTOR + ".")
                    && fields[2].startsWith(CONNECTOR + ".")) {
                String from = packageOf(fields[0]);
                String to = packageOf(fields[2]);
                if (!from.equals(to)) {
                    dependencies.computeIfAbsent(from, k -> new TreeMap<>()).computeIfAbsent(to, k -> new TreeSet<>())
                            .add(fields[0] + " -> " + fields[2]);
                }
            }
        }
        assertTrue(dependencies.containsKey(CONNECTOR + ".source"), "jdeps read the connector's classes: " + out);
    }

    @Test
    void noPackageDependsOnOneThatDependsOnIt() {
        List<String> cycles = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String start : dependencies.keySet()) {
            if (seen.contains(start)) {
                continue;
            }
            Set<String> cycle = reachable(start).stream().filter(p -> reachable(p).contains(start))
                    .collect(Collectors.toCollection(TreeSet::new));
            seen.addAll(cycle);
            if (cycle.size() > 1) {
                cycles.add("A cycle between " + cycle + ":\n" + edgesWithin(cycle));
            }
        }
        assertTrue(cycles.isEmpty(), () -> String.join("\n", cycles));
    }

    @Test
    void everyPackageImportsOnlyItsLayerAndTheOnesBelow() {
        List<String> wrong = new ArrayList<>();
        dependencies.forEach((from, targets) -> targets.forEach((to, edges) -> {
            if (layer(from) < layer(to)) {
                wrong.add(from + " imports " + to + ", a layer above it: " + shown(edges));
            }
        }));
        assertTrue(wrong.isEmpty(), () -> String.join("\n", wrong));
    }

    private static Set<String> reachable(String from) {
        Set<String> found = new TreeSet<>(Set.of(from));
        List<String> pending = new ArrayList<>(List.of(from));
        while (!pending.isEmpty()) {
            for (String next : dependencies.getOrDefault(pending.remove(pending.size() - 1), Map.of()).keySet()) {
                if (found.add(next)) {
                    pending.add(next);
                }
            }
        }
        return found;
    }

    /** The dependencies between packages of {@code cycle}, one line per pair of packages. */
    private static String edgesWithin(Set<String> cycle) {
        List<String> lines = new ArrayList<>();
        for (String from : cycle) {
            dependencies.getOrDefault(from, Map.of()).forEach((to, edges) -> {
                if (cycle.contains(to)) {
                    lines.add("  " + from + " -> " + to + ": " + shown(edges));
                }
            });
        }
        return String.join("\n", lines);
    }

    /** A few class dependencies, so that a message fits on a screen. */
    private static String shown(Set<String> edges) {
        String few = edges.stream().limit(3).collect(Collectors.joining(", "));
        return edges.size() > 3 ? few + " (and " + (edges.size() - 3) + " more)" : few;
    }

    private static int layer(String pkg) {
        String name = pkg.equals(CONNECTOR) ? "" : pkg.substring(CONNECTOR.length() + 1);
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(name)) {
                return i;
            }
        }
        throw new AssertionError("Package " + pkg + " is in no layer of " + PackageDependenciesTest.class.getSimpleName()
                + ": add it to the layer it belongs to");
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }
}
