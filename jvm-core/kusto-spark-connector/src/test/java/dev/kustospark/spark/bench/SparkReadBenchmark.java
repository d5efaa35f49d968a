package dev.kustospark.spark.bench;

import static dev.kustospark.spark.bench.BenchSupport.countAndChecksum;
import static dev.kustospark.spark.bench.BenchSupport.deleteRecursively;
import static dev.kustospark.spark.bench.BenchSupport.seconds;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
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
        File parquet = Files.createTempDirectory("spark-read-bench").toFile();
        HeapSampler heap = new HeapSampler();
        try (BenchSupport.Server server = new BenchSupport.Server("--database", DATABASE)) {
            String url = server.url;
            System.out.printf("kusto-local %s (own JVM, heap limit %s); driver heap limit %d MB; %d cores;"
                    + " numPartitions %d%n", url, server.heap, Runtime.getRuntime().maxMemory() >> 20, cores,
                    numPartitions);
            long t0 = System.nanoTime();
            load(server, rows);
            System.out.printf("loaded %,d rows x 10 columns in %.1f s%n", rows, seconds(t0));

            SparkSession spark = BenchSupport.spark("kusto-spark-read-bench", cores);

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

    /** count() and a checksum over all columns (see {@link BenchSupport#countAndChecksum}). */
    private static Result measure(String name, int run, HeapSampler heap, Dataset<Row> data) {
        Dataset<Row> agg = countAndChecksum(data);
        heap.reset();
        long t0 = System.nanoTime();
        Row row = agg.collectAsList().get(0);
        double secs = seconds(t0);
        long peak = heap.peak();
        Result result = new Result(name, run, row.getLong(0), BenchSupport.checksum(row), secs, peak);
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
    private static void load(BenchSupport.Server server, long rows) throws IOException, InterruptedException {
        server.mgmt(DATABASE, ".create table " + TABLE + " (Id:long, Bucket:int, Ratio:real, Label:string, Stamp:datetime,"
                + " Elapsed:timespan, Even:bool, Amount:decimal, Scaled:long, Code:string)");
        server.mgmt(DATABASE, ".set-or-append " + TABLE + " <| range Id from 1 to " + rows + " step 1"
                + " | extend Bucket = toint(Id % 1000), Ratio = Id * 0.25, Label = strcat('row-', Id),"
                + " Stamp = datetime(2024-01-01) + Id * 1s, Elapsed = Id * 1ms, Even = Id % 2 == 0,"
                + " Amount = todecimal(Id) / 100, Scaled = Id * 7, Code = tostring(Id % 97)");
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
