package dev.kustospark.matrix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Java column of the test matrix: runs every scenario of test-matrix/scenarios in one Spark
 * session and writes the results file. A failing scenario is recorded, never fatal, so the table
 * shows every cell. Argument: the path of checksum.sql. Exit status 0 when every scenario passed.
 */
public final class MatrixMain {
    private MatrixMain() {}

    static List<Scenario> scenarios() {
        return Stream.of(ReadScenarios.all(), WriteScenarios.all(), ErrorScenarios.all())
                .flatMap(List::stream)
                .sorted(java.util.Comparator.comparing(Scenario::id))
                .toList();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: MatrixMain <path of test-matrix/scenarios/checksum.sql>");
            System.exit(2);
        }
        MatrixEnv env = MatrixEnv.from(System.getenv(), Files.readString(Path.of(args[0])).trim());
        List<ScenarioResult> results = new ArrayList<>();
        MatrixSession session;
        try {
            session = new MatrixSession(env);
        } catch (Exception | LinkageError e) {
            // Every cell fails with the reason, so the table says why instead of showing the column missing.
            for (Scenario scenario : scenarios()) {
                results.add(ScenarioResult.fail(scenario.id(), "the Spark session did not start: " + e));
            }
            ScenarioResult.writeAll(env.out(), results);
            throw e;
        }
        try (session) {
            for (Scenario scenario : scenarios()) {
                results.add(run(scenario, session));
            }
        }
        ScenarioResult.writeAll(env.out(), results);
        System.exit(results.stream().allMatch(ScenarioResult::passed) ? 0 : 1);
    }

    private static ScenarioResult run(Scenario scenario, MatrixSession session) {
        long start = System.nanoTime();
        ScenarioResult result;
        try {
            result = ScenarioResult.pass(scenario.id(), scenario.body().run(session));
        } catch (ScenarioFailure e) {
            result = ScenarioResult.fail(scenario.id(), e.getMessage());
        } catch (Exception | LinkageError e) {
            // A LinkageError is a connector built for another Spark line than the one running it.
            result = ScenarioResult.fail(scenario.id(), "unexpected " + e);
        }
        System.err.printf("[java %s] %s %s (%d ms)%s%n", session.env.lang(), scenario.id(), result.passed() ? "pass" : "FAIL",
                (System.nanoTime() - start) / 1_000_000, result.passed() ? "" : ": " + result.detail());
        return result;
    }
}
