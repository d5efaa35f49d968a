package dev.kustospark.examples;

import dev.kustospark.spark.ClientRequestProperties;
import dev.kustospark.spark.KustoReadOptions;
import dev.kustospark.spark.KustoWriteOptions;
import dev.kustospark.spark.ReadMode;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.TableCreationMode;
import dev.kustospark.spark.WriteMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The Java half of the demo: writes a DataFrame into a Kusto table with the typed write options, then
 * reads it back twice with the typed read options (a KQL aggregation in single mode, the whole table
 * through an export in distributed mode) and prints what it did.
 *
 * <p>Run with {@code spark-submit --jars <the connector's shaded jar> --class dev.kustospark.examples.SparkDemo
 * <this jar> <cluster-url> [database]}.
 */
public final class SparkDemo {
    private static final String TABLE = "JavaDemoReadings";

    private SparkDemo() {}

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: SparkDemo <cluster-url> [database]");
            System.exit(2);
        }
        String cluster = args[0];
        String database = args.length > 1 ? args[1] : "demo";
        SparkSession spark = SparkSession.builder().appName("kusto-spark Java demo")
                .master(System.getProperty("spark.master", "local[2]"))
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.ui.enabled", "false")
                .getOrCreate();
        spark.sparkContext().setLogLevel("WARN");
        try {
            run(spark, cluster, database);
        } finally {
            spark.stop();
        }
    }

    private static void run(SparkSession spark, String cluster, String database) {
        Dataset<Row> readings = spark.sql("SELECT CAST(id AS INT) AS Reading, "
                + "concat('sensor-', CAST(id % 3 AS STRING)) AS Device, "
                + "CAST(20.0 + (id % 7) * 0.5 AS DOUBLE) AS Temperature, "
                + "TIMESTAMP '2026-01-01 00:00:00' + make_interval(0, 0, 0, 0, 0, CAST(id AS INT), 0) AS Timestamp "
                + "FROM range(0, 1000, 1, 4)");

        KustoWriteOptions write = KustoWriteOptions.create()
                .kustoCluster(cluster).kustoDatabase(database).kustoTable(TABLE)
                .writeMode(WriteMode.Transactional)
                .tableCreateOptions(TableCreationMode.CreateIfNotExist)
                .sparkIngestionProperties(SparkIngestionProperties.builder()
                        .additionalTags(List.of("demo", "java"))
                        .creationTime(Instant.parse("2026-01-01T00:00:00Z"))
                        .build());
        step("write 1000 rows in 4 partitions to " + TABLE + " (Transactional, CreateIfNotExist)");
        readings.write().format("kusto").options(write.toOptions()).mode(SaveMode.Append).save();

        KustoReadOptions read = KustoReadOptions.create().kustoCluster(cluster).kustoDatabase(database);
        String query = TABLE + " | summarize Readings = count(), AvgTemperature = round(avg(Temperature), 2) by Device"
                + " | order by Device asc";
        step("read back in single mode: " + query);
        spark.read().format("kusto")
                .options(read.kustoQuery(query).readMode(ReadMode.ForceSingleMode)
                        .clientRequestProperties(ClientRequestProperties.builder()
                                .serverTimeout(Duration.ofMinutes(5)).requestAppName("kusto-spark demo").build())
                        .toOptions())
                .load().show(false);

        step("read the whole table back in distributed mode (export to Parquet, then Spark's reader)");
        Dataset<Row> all = spark.read().format("kusto")
                .options(read.kustoQuery(TABLE).readMode(ReadMode.ForceDistributedMode).toOptions()).load();
        long rows = all.count();
        System.out.println(rows + " rows; " + all.schema().simpleString());
        if (rows != 1000) {
            throw new IllegalStateException("expected 1000 rows back, read " + rows);
        }
    }

    private static void step(String what) {
        System.out.println("==> " + what);
    }
}
