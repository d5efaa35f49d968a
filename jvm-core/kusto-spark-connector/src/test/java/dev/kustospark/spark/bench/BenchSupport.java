package dev.kustospark.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import dev.kustospark.spark.KustoLocalProcess;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/** What the Spark benchmarks share: kusto-local in its own JVM, the local session, the checksum. */
final class BenchSupport {
    private BenchSupport() {}

    /**
     * kusto-local started as a child JVM on this classpath, on a free port, with system properties
     * {@code bench.serverHeap} (default 2g) and {@code bench.serverJavaOpts} (extra JVM options).
     */
    static final class Server implements AutoCloseable {
        final KustoLocalProcess process;
        final String url;
        final String heap;

        Server(String... args) throws IOException {
            heap = System.getProperty("bench.serverHeap", "2g");
            List<String> jvmOptions = new ArrayList<>(List.of("-Xmx" + heap));
            String javaOpts = System.getProperty("bench.serverJavaOpts", "").trim();
            if (!javaOpts.isEmpty()) {
                jvmOptions.addAll(List.of(javaOpts.split("\\s+")));
            }
            List<String> command = new ArrayList<>(List.of("--port", "0", "--in-memory"));
            command.addAll(List.of(args));
            process = KustoLocalProcess.start(jvmOptions, null, command);
            url = process.url();
        }

        /** Runs a management command in {@code database}; fails unless the answer is 200. */
        void mgmt(String database, String command) throws IOException, InterruptedException {
            process.mgmt(database, command);
        }

        @Override
        public void close() throws InterruptedException {
            process.close();
        }
    }

    /** A local[*] session with one shuffle partition per core, UTC, no UI, WARN logging. */
    static SparkSession spark(String appName, int cores) {
        SparkSession spark = SparkSession.builder().master("local[*]").appName(appName)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", Integer.toString(cores))
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        return spark;
    }

    /**
     * {@code count()} and a checksum over all columns (the sum of the low and of the high 32 bits of
     * xxhash64 of each row) as one aggregation; its row is (count, low sum, high sum).
     */
    static Dataset<Row> countAndChecksum(Dataset<Row> data) {
        Column[] columns = Stream.of(data.columns()).map(c -> col(c)).toArray(Column[]::new);
        Column hash = xxhash64(columns);
        return data.agg(count(lit(1)), sum(hash.bitwiseAND(lit(0xFFFFFFFFL))), sum(shiftrightunsigned(hash, 32)));
    }

    /** The checksum of a row of {@link #countAndChecksum}, as printed. */
    static String checksum(Row row) {
        return row.getLong(1) + "/" + row.getLong(2);
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void deleteRecursively(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        file.delete();
    }
}
