package dev.kustospark.matrix;

import dev.kustospark.spark.KustoReadOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** The one Spark session of the Java column, with the environment and the checksums every scenario uses. */
final class MatrixSession implements AutoCloseable {
    static final String LINKED_SERVICE = "matrix";

    final SparkSession spark;
    final MatrixEnv env;

    MatrixSession(MatrixEnv env) {
        this.env = env;
        this.spark = SparkSession.builder().master("local[2]").appName("kusto-spark-matrix-" + env.lang())
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.kusto.linkedService." + LINKED_SERVICE + ".cluster", env.url())
                .config("spark.kusto.linkedService." + LINKED_SERVICE + ".database", MatrixEnv.DATABASE)
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
    }

    /** Typed read options for the main server's database. */
    KustoReadOptions readOptions(String query) {
        return KustoReadOptions.create().kustoCluster(env.url()).kustoDatabase(MatrixEnv.DATABASE).kustoQuery(query);
    }

    Dataset<Row> read(KustoReadOptions options) {
        return spark.read().format("kusto").options(options.toOptions()).load();
    }

    Dataset<Row> read(Map<String, String> options) {
        return spark.read().format("kusto").options(options).load();
    }

    /** checksum.sql over {@code result}, registered as {@code matrix_result}: Spark computes it the same in every language. */
    String checksum(Dataset<Row> result) {
        result.createOrReplaceTempView("matrix_result");
        return spark.sql(env.checksumSql()).first().getString(0);
    }

    /** The checksum of a scenario whose outcome is an error: SHA-256 of {@code error:<name>}. */
    static String errorChecksum(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("error:" + name).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The messages of {@code action}'s exception and all its causes, or a failure if it did not throw. */
    static String failureMessages(String what, Callable<?> action) {
        Object result;
        try {
            result = action.call();
        } catch (Exception e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                messages.append(t.getClass().getName()).append(": ").append(t.getMessage()).append('\n');
            }
            return messages.toString();
        }
        throw new ScenarioFailure(what + " should have failed but returned " + result);
    }

    @Override
    public void close() {
        spark.stop();
    }
}
