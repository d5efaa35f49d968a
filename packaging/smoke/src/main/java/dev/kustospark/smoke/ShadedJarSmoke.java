package dev.kustospark.smoke;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a table to a Kusto cluster through the {@code kusto} format and reads it back, with nothing
 * but Spark and one connector jar on the classpath: run against a shaded jar, it shows the jar is
 * complete (its relocated SDKs, service files and data source registration all work) and that the
 * Kusto SDK is not visible under its own names. Arguments: cluster URL, database, table to create,
 * the Spark line the jar is for (as {@code 3.5}).
 * Prints one line per check and exits non-zero on the first failure.
 */
public final class ShadedJarSmoke {
    private ShadedJarSmoke() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: ShadedJarSmoke <cluster url> <database> <table> <spark line>");
        }
        String cluster = args[0];
        String database = args[1];
        String table = args[2];
        String sparkLine = args[3];

        String connectorJar = codeSource("dev.kustospark.spark.source.KustoTableProvider");
        check(connectorJar.contains("kusto-spark_"), "the connector comes from the shaded jar: " + connectorJar);
        check(!loadable("com.microsoft.azure.kusto.data.Client") && !loadable("com.azure.core.http.HttpClient"),
                "the Kusto and Azure SDKs are only there relocated");

        SparkSession spark = SparkSession.builder().appName("kusto-shaded-jar-smoke").master("local[2]")
                .config("spark.sql.session.timeZone", "UTC").config("spark.ui.enabled", "false").getOrCreate();
        try {
            check(spark.version().startsWith(sparkLine + "."), "runs on Spark " + spark.version());
            Dataset<Row> rows = spark.range(1, 101).selectExpr("id AS x", "concat('v', CAST(id AS STRING)) AS s");
            rows.write().format("kusto").option("kustoCluster", cluster).option("kustoDatabase", database)
                    .option("kustoTable", table).option("tableCreateOptions", "CreateIfNotExist")
                    .mode(SaveMode.Append).save();
            System.out.println("wrote 100 rows to " + table);

            Dataset<Row> back = spark.read().format("kusto").option("kustoCluster", cluster)
                    .option("kustoDatabase", database).option("kustoQuery", table).load()
                    .filter(col("x").gt(90)).orderBy("x");
            List<String> values = back.collectAsList().stream()
                    .map(row -> row.getLong(0) + ":" + row.getString(1)).collect(Collectors.toList());
            check(values.size() == 10 && values.get(0).equals("91:v91") && values.get(9).equals("100:v100"),
                    "read back x > 90: " + values);
        } finally {
            spark.stop();
        }
        System.out.println("shaded jar smoke test passed");
    }

    private static String codeSource(String className) throws ClassNotFoundException {
        return Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toString();
    }

    private static boolean loadable(String className) {
        try {
            Class.forName(className);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("FAILED: " + what);
            System.exit(1);
        }
        System.out.println("ok: " + what);
    }
}
