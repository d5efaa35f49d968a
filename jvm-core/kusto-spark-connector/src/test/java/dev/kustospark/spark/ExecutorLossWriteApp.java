package dev.kustospark.spark;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.TaskContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;

/**
 * The Spark application of {@link KustoExecutorLossWriteTest}, run in its own JVM because a
 * {@code local-cluster} master needs {@code SPARK_HOME} in its environment. Writes
 * {@value #ROWS} rows in two partitions into a Kusto table; the first attempt of the task that holds
 * row {@value #HALT_AT} halts its executor's JVM at that row, after it has queued blobs of 1 MB.
 * Prints {@code executors lost: N} at the end.
 *
 * <p>Arguments: cluster URL, database, table, the class path executors need.
 */
public final class ExecutorLossWriteApp {
    static final long ROWS = 8000;
    static final long HALT_AT = 7500;

    private ExecutorLossWriteApp() {}

    public static void main(String[] args) {
        SparkSession spark = SparkSession.builder().master("local-cluster[2,1,1024]").appName("kusto-executor-loss")
                .config("spark.executor.extraClassPath", args[3])
                .config("spark.ui.enabled", "false")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        AtomicInteger lost = new AtomicInteger();
        spark.sparkContext().addSparkListener(new SparkListener() {
            @Override
            public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
                lost.incrementAndGet();
            }
        });
        spark.udf().register("haltFirstAttempt", (UDF1<Long, Long>) id -> {
            if (id == HALT_AT && TaskContext.get().attemptNumber() == 0) {
                // No shutdown hooks, no task failure report: the executor vanishes as a crashed one does.
                Runtime.getRuntime().halt(137);
            }
            return id;
        }, DataTypes.LongType);
        spark.range(0, ROWS, 1, 2).selectExpr("haltFirstAttempt(id) AS id", "repeat('x', 1000) AS pad")
                .write().format("kusto")
                .option("kustoCluster", args[0])
                .option("kustoDatabase", args[1])
                .option("kustoTable", args[2])
                .option("clientBatchingLimit", "1")
                .mode(SaveMode.Append)
                .save();
        System.out.println("executors lost: " + lost.get());
        spark.stop();
    }
}
