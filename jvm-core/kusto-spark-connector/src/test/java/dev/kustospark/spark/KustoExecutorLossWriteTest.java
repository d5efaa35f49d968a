package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.local.KustoLocal;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An executor that dies mid-write: a multi-process Spark ({@code local-cluster[2,1,1024]}, in its own
 * JVM, see {@link ExecutorLossWriteApp}) writes in Transactional mode while one task attempt halts
 * its executor's JVM after it queued blobs. Spark reruns the task on another executor; the target
 * holds every row exactly once and no temporary table is left.
 *
 * <p>Needs a Spark distribution of the Spark the tests run on to launch executors from:
 * {@code SPARK_HOME}, or else the PySpark of the project's virtualenv ({@code scripts/python-env.sh});
 * skipped when neither is there, or when it is another Spark line.
 */
class KustoExecutorLossWriteTest {
    private static final long TIMEOUT_MINUTES = 8;

    @Test
    void killedExecutorsTaskIsRerunAndItsRowsLandOnce(@TempDir Path temp) throws Exception {
        Optional<Path> sparkHome = sparkHome();
        Assumptions.assumeTrue(sparkHome.isPresent(), "No Spark distribution: set SPARK_HOME, or create the project's"
                + " virtualenv with scripts/python-env.sh (its PySpark is one); local-cluster executors need it");
        // Executors start from the distribution's jars: it must be the Spark (and Scala) these tests run on.
        String sparkCore = Path.of(org.apache.spark.SparkContext.class.getProtectionDomain().getCodeSource().getLocation()
                .toURI()).getFileName().toString();
        Assumptions.assumeTrue(Files.exists(sparkHome.get().resolve("jars").resolve(sparkCore)), "SPARK_HOME "
                + sparkHome.get() + " is another Spark line than the tests run on (no jars/" + sparkCore + ");"
                + " local-cluster executors need the same one");
        try (KustoLocal kusto = KustoLocal.builder().inMemory().database("db1").withAzurite().start()) {
            Client client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
            client.executeMgmt("db1", ".create table Survivor (id:long, pad:string)");

            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.add("-Xmx1g");
            // The module openings Spark needs on Java 17, as this JVM got them.
            ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                    .filter(a -> a.startsWith("--add-opens") || a.startsWith("-Djdk.reflect") || a.startsWith("-Dio.netty"))
                    .forEach(command::add);
            command.addAll(List.of("-cp", classPath, ExecutorLossWriteApp.class.getName(), kusto.url(), "db1", "Survivor",
                    classPath));
            Path log = temp.resolve("spark-app.log");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("SPARK_HOME", sparkHome.get().toString());
            // What bin/load-spark-env.sh sets; Spark's launcher needs it to build an executor's class path.
            String scalaVersion = scala.util.Properties.versionNumberString();
            builder.environment().put("SPARK_SCALA_VERSION", scalaVersion.substring(0, scalaVersion.lastIndexOf('.')));
            Process app = builder.start();
            try {
                boolean ended = app.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
                assertTrue(ended, "the Spark application did not end within " + TIMEOUT_MINUTES + " minutes:\n" + tail(log));
            } finally {
                app.destroyForcibly();
            }
            String output = Files.readString(log);
            assertEquals(0, app.exitValue(), "the Spark application failed:\n" + tail(log));
            Matcher lost = Pattern.compile("executors lost: (\\d+)").matcher(output);
            assertTrue(lost.find() && Integer.parseInt(lost.group(1)) >= 1, "no executor was lost:\n" + tail(log));

            KustoResultSetTable totals = client.executeQuery("db1", "Survivor | summarize n = count(), d = dcount(id),"
                    + " s = sum(id)").getPrimaryResults();
            totals.next();
            long rows = ExecutorLossWriteApp.ROWS;
            assertEquals(rows, totals.getLong(0));
            assertEquals(rows, totals.getLong(1));
            assertEquals(rows * (rows - 1) / 2, totals.getLong(2));
            KustoResultSetTable tables = client.executeMgmt("db1", ".show tables").getPrimaryResults();
            List<String> names = new ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("TableName"));
            }
            assertEquals(List.of("Survivor"), names, "only the target table is left");
        }
    }

    /** {@code SPARK_HOME}, or the PySpark distribution in the project's virtualenv. */
    static Optional<Path> sparkHome() throws IOException {
        String env = System.getenv("SPARK_HOME");
        if (env != null && !env.isBlank() && Files.isRegularFile(Path.of(env, "bin", "spark-class"))) {
            return Optional.of(Path.of(env));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path lib = dir.resolve(".venv").resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> pythons = Files.list(lib)) {
                    Optional<Path> pyspark = pythons.map(p -> p.resolve("site-packages").resolve("pyspark"))
                            .filter(p -> Files.isRegularFile(p.resolve("bin").resolve("spark-class"))).findFirst();
                    if (pyspark.isPresent()) {
                        return pyspark;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static String tail(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 200), lines.size()));
    }
}
