package dev.kustospark.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.shiftrightunsigned;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.xxhash64;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Prints the connector's read throughput: a 10-column table of kusto-local (its own JVM, so its heap
 * is not counted) read into {@code count()} and a checksum computed in Spark, in single mode and in
 * partitioned mode, against Spark reading the same rows from a local Parquet file written once from
 * the same data (equal checksums prove equal data). Also prints the peak used heap of this (driver)
 * JVM, sampled every 5 ms, for each read.
 *
 * <p>Not a test: run it with {@code scripts/bench-spark.sh [rows]}. Arguments: {@code [rows]
 * [runs]}; system properties {@code bench.numPartitions} (default: cores) and
 * {@code bench.serverHeap} (default 2g), {@code bench.serverJavaOpts} (extra JVM options of the server,
 * e.g. a JFR recording).
 */
public final class SparkReadBenchmark {
    private static final String DATABASE = "bench";
    private static final String TABLE = "SparkReadBench";

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int cores = Runtime.getRuntime().availableProcessors();
        int numPartitions = Integer.getInteger("bench.numPartitions", cores);
        String serverHeap = System.getProperty("bench.serverHeap", "2g");

        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xmx" + serverHeap));
        String serverJavaOpts = System.getProperty("bench.serverJavaOpts", "").trim();
        if (!serverJavaOpts.isEmpty()) {
            command.addAll(List.of(serverJavaOpts.split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "dev.kustospark.local.KustoLocalMain", "--port", "0", "--in-memory", "--database", DATABASE));
        Process server = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        File parquet = Files.createTempDirectory("spark-read-bench").toFile();
        HeapSampler heap = new HeapSampler();
        try {
            String url = awaitListening(server);
            System.out.printf("kusto-local %s (own JVM, heap limit %s); driver heap limit %d MB; %d cores;"
                    + " numPartitions %d%n", url, serverHeap, Runtime.getRuntime().maxMemory() >> 20, cores,
                    numPartitions);
            long t0 = System.nanoTime();
            load(url, rows);
            System.out.printf("loaded %,d rows x 10 columns in %.1f s%n", rows, seconds(t0));

            SparkSession spark = SparkSession.builder().master("local[*]").appName("kusto-spark-read-bench")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", Integer.toString(cores))
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            spark.sparkContext().setLogLevel("WARN");

            t0 = System.nanoTime();
            kusto(spark, url, "ForceSingleMode", 1).write().parquet(parquet.getPath() + "/data");
            System.out.printf("wrote the Parquet copy (single-mode read) in %.1f s%n", seconds(t0));

            List<Result> results = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                results.add(measure("parquet", run, heap, spark.read().parquet(parquet.getPath() + "/data")));
                results.add(measure("single", run, heap, kusto(spark, url, "ForceSingleMode", 1)));
                results.add(measure("partitioned", run, heap, kusto(spark, url, "ForcePartitionedMode", numPartitions)));
            }
            summarize(results, rows);
            spark.stop();
        } finally {
            heap.close();
            server.destroy();
            server.waitFor(30, TimeUnit.SECONDS);
            deleteRecursively(parquet);
        }
    }

    private static Dataset<Row> kusto(SparkSession spark, String url, String mode, int numPartitions) {
        DataFrameReader reader = spark.read().format("kusto")
                .option("kustoCluster", url)
                .option("kustoDatabase", DATABASE)
                .option("kustoQuery", TABLE)
                .option("readMode", mode);
        if (mode.equals("ForcePartitionedMode")) {
            reader = reader.option("numPartitions", Integer.toString(numPartitions));
        }
        return reader.load();
    }

    /** count() and a checksum over all columns: the sum of the low 32 bits of xxhash64 of each row. */
    private static Result measure(String name, int run, HeapSampler heap, Dataset<Row> data) {
        Column[] columns = Stream.of(data.columns()).map(c -> col(c)).toArray(Column[]::new);
        Column hash = xxhash64(columns);
        Dataset<Row> agg = data.agg(count(lit(1)), sum(hash.bitwiseAND(lit(0xFFFFFFFFL))), sum(shiftrightunsigned(hash, 32)));
        heap.reset();
        long t0 = System.nanoTime();
        Row row = agg.collectAsList().get(0);
        double secs = seconds(t0);
        long peak = heap.peak();
        Result result = new Result(name, run, row.getLong(0), row.getLong(1) + "/" + row.getLong(2), secs, peak);
        System.out.printf("%-12s run %d: %,d rows in %.2f s = %,.0f rows/s, checksum %s, peak driver heap used %d MB%n",
                name, run, result.count, secs, result.count / secs, result.checksum, peak >> 20);
        return result;
    }

    private static void summarize(List<Result> results, long rows) {
        System.out.println();
        System.out.println("best of runs (rows/s; ratio to the Parquet read):");
        Result parquet = best(results, "parquet");
        for (String name : List.of("parquet", "single", "partitioned")) {
            Result r = best(results, name);
            boolean sameData = results.stream().filter(x -> x.name.equals(name))
                    .allMatch(x -> x.count == rows && x.checksum.equals(parquet.checksum));
            System.out.printf("  %-12s %,12.0f rows/s  ratio %.2f  peak driver heap %d MB  %s%n", name,
                    r.count / r.seconds, parquet.seconds / r.seconds,
                    results.stream().filter(x -> x.name.equals(name)).mapToLong(x -> x.peakHeap).max().orElse(0) >> 20,
                    sameData ? "checksum matches" : "CHECKSUM OR COUNT DIFFERS");
        }
    }

    private static Result best(List<Result> results, String name) {
        return results.stream().filter(r -> r.name.equals(name)).min(Comparator.comparingDouble(r -> r.seconds))
                .orElseThrow();
    }

    private record Result(String name, int run, long count, String checksum, double seconds, long peakHeap) {}

    /** Creates the table and fills it server-side with one management command. */
    private static void load(String url, long rows) throws IOException, InterruptedException {
        mgmt(url, ".create table " + TABLE + " (Id:long, Bucket:int, Ratio:real, Label:string, Stamp:datetime,"
                + " Elapsed:timespan, Even:bool, Amount:decimal, Scaled:long, Code:string)");
        mgmt(url, ".set-or-append " + TABLE + " <| range Id from 1 to " + rows + " step 1"
                + " | extend Bucket = toint(Id % 1000), Ratio = Id * 0.25, Label = strcat('row-', Id),"
                + " Stamp = datetime(2024-01-01) + Id * 1s, Elapsed = Id * 1ms, Even = Id % 2 == 0,"
                + " Amount = todecimal(Id) / 100, Scaled = Id * 7, Code = tostring(Id % 97)");
    }

    private static void mgmt(String url, String command) throws IOException, InterruptedException {
        String body = "{\"db\":\"" + DATABASE + "\",\"csl\":\"" + command.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/v1/rest/mgmt"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("management command failed (" + response.statusCode() + "): " + response.body());
        }
    }

    private static String awaitListening(Process server) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            int at = line.indexOf("kusto-local listening on ");
            if (at >= 0) {
                String url = line.substring(at + "kusto-local listening on ".length()).trim();
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "server-stdout");
                drain.setDaemon(true);
                drain.start();
                return url;
            }
        }
        throw new IOException("kusto-local exited before listening");
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteRecursively(child);
            }
        }
        file.delete();
    }

    /** Samples this JVM's used heap every 5 ms and keeps the peak since the last reset. */
    private static final class HeapSampler implements AutoCloseable {
        private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        HeapSampler() {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void reset() {
            peak.set(memory.getHeapMemoryUsage().getUsed());
        }

        long peak() {
            return Math.max(peak.get(), memory.getHeapMemoryUsage().getUsed());
        }

        @Override
        public void close() {
            running = false;
            thread.interrupt();
        }
    }
}
