package dev.kustospark.spark.bench;

import static dev.kustospark.spark.bench.BenchSupport.checksum;
import static dev.kustospark.spark.bench.BenchSupport.countAndChecksum;
import static dev.kustospark.spark.bench.BenchSupport.deleteRecursively;
import static dev.kustospark.spark.bench.BenchSupport.seconds;
import static org.apache.spark.sql.functions.expr;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Prints the connector's write and distributed-read throughput: {@code rows} x 10 columns generated
 * in Spark are written into kusto-local (its own JVM, started with {@code --with-azurite}) in
 * Transactional mode (the default {@code writeMode}), then read back with
 * {@code readMode=ForceDistributedMode} through the service's own temporary storage into
 * {@code count()} and a checksum. Baselines: DuckDB bulk-loading the same rows from one CSV file
 * ({@code COPY t FROM 'file.csv'} into an in-memory database) for the write, Spark reading the same
 * rows from local Parquet for the read. The COPY runs twice, into a table typed as the Kusto one
 * (Amount DECIMAL(38,18)) and with Amount as DOUBLE, because DuckDB's CSV reader parses such decimals
 * about ten times slower than the other columns, so the typed load alone is a weak baseline. The checksum of the generated rows, of the Parquet copy and
 * of the distributed read must be equal; DuckDB's load is checked by its count and sum of Id.
 *
 * <p>Not a test: run it with {@code scripts/bench-spark-write.sh [rows]}. Argument: {@code [rows]}
 * (default 10 million); system properties {@code bench.serverHeap} (default 2g) and
 * {@code bench.serverJavaOpts} as for {@link SparkReadBenchmark}.
 */
public final class SparkWriteBenchmark {
    private static final String DATABASE = "bench";
    private static final String TABLE = "SparkWriteBench";
    private static final String KUSTO_COLUMNS = "Id:long, Bucket:int, Ratio:real, Label:string, Stamp:datetime,"
            + " Even:bool, Amount:decimal, Scaled:long, Code:string, Score:real";
    private static final String DUCKDB_COLUMNS = "Id BIGINT, Bucket INTEGER, Ratio DOUBLE, Label VARCHAR,"
            + " Stamp TIMESTAMP, Even BOOLEAN, Amount DECIMAL(38,18), Scaled BIGINT, Code VARCHAR, Score DOUBLE";
    /** The same with Amount as DOUBLE: DuckDB parses DECIMAL(38,18) from CSV far slower than the rest. */
    private static final String DUCKDB_COLUMNS_DOUBLE = DUCKDB_COLUMNS.replace("DECIMAL(38,18)", "DOUBLE");

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int cores = Runtime.getRuntime().availableProcessors();
        File temp = Files.createTempDirectory("spark-write-bench").toFile();
        try (BenchSupport.Server server = new BenchSupport.Server("--database", DATABASE, "--with-azurite")) {
            System.out.printf("kusto-local %s (own JVM, heap limit %s, with Azurite); driver heap limit %d MB;"
                    + " %d cores; %,d rows x 10 columns%n", server.url, server.heap,
                    Runtime.getRuntime().maxMemory() >> 20, cores, rows);
            SparkSession spark = BenchSupport.spark("kusto-spark-write-bench", cores);
            Dataset<Row> source = source(spark, rows);
            String expected = checksum(countAndChecksum(source).collectAsList().get(0));
            System.out.printf("generated rows: checksum %s%n", expected);

            // Write baseline: one CSV file of the same rows, bulk-loaded by DuckDB.
            long t0 = System.nanoTime();
            File csv = csv(source, new File(temp, "csv"));
            System.out.printf("wrote the CSV copy (%,d MB) in %.1f s%n", csv.length() >> 20, seconds(t0));
            double duckdb = duckdbLoad(csv, rows, DUCKDB_COLUMNS);
            System.out.printf("duckdb COPY:  %,d rows in %.2f s = %,.0f rows/s (Amount DECIMAL(38,18), as Kusto's"
                    + " decimal)%n", rows, duckdb, rows / duckdb);
            double duckdbDouble = duckdbLoad(csv, rows, DUCKDB_COLUMNS_DOUBLE);
            System.out.printf("duckdb COPY:  %,d rows in %.2f s = %,.0f rows/s (Amount DOUBLE)%n", rows, duckdbDouble,
                    rows / duckdbDouble);

            // Connector write, Transactional (the default writeMode).
            server.mgmt(DATABASE, ".create table " + TABLE + " (" + KUSTO_COLUMNS + ")");
            t0 = System.nanoTime();
            source.write().format("kusto")
                    .option("kustoCluster", server.url)
                    .option("kustoDatabase", DATABASE)
                    .option("kustoTable", TABLE)
                    .mode("append")
                    .save();
            double write = seconds(t0);
            System.out.printf("kusto write:  %,d rows in %.2f s = %,.0f rows/s (Transactional)%n", rows, write,
                    rows / write);

            // Read baseline: the same rows from local Parquet.
            String parquetPath = new File(temp, "parquet").getPath();
            source.write().parquet(parquetPath);
            Measured parquet = measure("parquet read", spark.read().parquet(parquetPath));
            Measured distributed = measure("kusto read", spark.read().format("kusto")
                    .option("kustoCluster", server.url)
                    .option("kustoDatabase", DATABASE)
                    .option("kustoQuery", TABLE)
                    .option("readMode", "ForceDistributedMode")
                    .load());

            boolean same = parquet.count == rows && distributed.count == rows
                    && parquet.checksum.equals(expected) && distributed.checksum.equals(expected);
            System.out.println();
            System.out.printf("write: %,12.0f rows/s  ratio to DuckDB COPY %.2f (target >= 0.3); %.2f to the COPY with"
                    + " Amount as DOUBLE%n", rows / write, duckdb / write, duckdbDouble / write);
            System.out.printf("read:  %,12.0f rows/s  ratio to Parquet read %.2f (target >= 0.7)%n",
                    rows / distributed.seconds, parquet.seconds / distributed.seconds);
            System.out.printf("checksum %s: %s%n", expected, same ? "generated, Parquet and Kusto rows match"
                    : "COUNT OR CHECKSUM DIFFERS");
            spark.stop();
        } finally {
            deleteRecursively(temp);
        }
    }

    /** Ten columns of the types Kusto stores, computed from the row number (one partition per core). */
    private static Dataset<Row> source(SparkSession spark, long rows) {
        return spark.range(1, rows + 1).toDF("Id").select(
                expr("Id"),
                expr("CAST(Id % 1000 AS INT) AS Bucket"),
                expr("CAST(Id AS DOUBLE) * 0.25 AS Ratio"),
                expr("concat('row-', Id) AS Label"),
                expr("timestamp_seconds(1704067200 + Id) AS Stamp"),
                expr("Id % 2 = 0 AS Even"),
                expr("CAST(CAST(Id AS DECIMAL(20,0)) / 100 AS DECIMAL(38,18)) AS Amount"),
                expr("Id * 7 AS Scaled"),
                expr("CAST(Id % 97 AS STRING) AS Code"),
                expr("CAST(Id AS DOUBLE) / 8 AS Score"));
    }

    /** Writes the rows as one headerless CSV file and returns it. */
    private static File csv(Dataset<Row> source, File dir) throws IOException {
        source.coalesce(1).write().option("timestampFormat", "yyyy-MM-dd HH:mm:ss").csv(dir.getPath());
        try (Stream<java.nio.file.Path> files = Files.list(dir.toPath())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst()
                    .orElseThrow(() -> new IOException("Spark wrote no CSV file in " + dir)).toFile();
        }
    }

    /** Seconds DuckDB (in memory, all cores) takes to {@code COPY} the CSV file into a new table. */
    private static double duckdbLoad(File csv, long rows, String columns) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE t (" + columns + ")");
            long t0 = System.nanoTime();
            statement.execute("COPY t FROM '" + csv.getPath().replace("'", "''") + "' (HEADER false)");
            double secs = seconds(t0);
            try (ResultSet rs = statement.executeQuery("SELECT count(*), sum(Id) FROM t")) {
                rs.next();
                long count = rs.getLong(1);
                String sum = rs.getBigDecimal(2).toBigInteger().toString();
                String expectedSum = java.math.BigInteger.valueOf(rows).multiply(java.math.BigInteger.valueOf(rows + 1))
                        .shiftRight(1).toString();
                if (count != rows || !sum.equals(expectedSum)) {
                    throw new IllegalStateException("DuckDB loaded " + count + " rows, sum(Id) " + sum);
                }
            }
            return secs;
        }
    }

    private record Measured(long count, String checksum, double seconds) {}

    private static Measured measure(String name, Dataset<Row> data) {
        Dataset<Row> agg = countAndChecksum(data);
        long t0 = System.nanoTime();
        Row row = agg.collectAsList().get(0);
        double secs = seconds(t0);
        Measured m = new Measured(row.getLong(0), checksum(row), secs);
        System.out.printf("%-12s  %,d rows in %.2f s = %,.0f rows/s, checksum %s%n", name, m.count, secs,
                m.count / secs, m.checksum);
        return m;
    }
}
