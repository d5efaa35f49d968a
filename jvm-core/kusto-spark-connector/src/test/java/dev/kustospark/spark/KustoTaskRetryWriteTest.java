package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A task attempt that fails after it already queued blobs, then succeeds when Spark retries it:
 * the rows land once, because only the committed attempt's extents are moved into the target.
 */
class KustoTaskRetryWriteTest {
    private static KustoSparkTestSupport env;

    @BeforeAll
    static void start() throws Exception {
        env = new KustoSparkTestSupport(b -> b.withAzurite(), "local[2,2]");
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }

    @Test
    void aRetriedTaskLandsItsRowsOnce() throws Exception {
        env.mgmt(".create table Retried (id:long, pad:string)");
        // The first attempt fails at row 3500, after about 3.5 MB of CSV: with 1 MB blobs it has queued
        // at least three of them by then.
        env.spark.udf().register("failFirstAttemptAt3500", (UDF1<Long, Long>) id -> {
            if (id == 3500 && TaskContext.get().attemptNumber() == 0) {
                throw new IllegalStateException("injected failure of the first attempt");
            }
            return id;
        }, DataTypes.LongType);
        Map<String, String> options = env.connectionOptions();
        options.put("kustoTable", "Retried");
        env.spark.range(0, 4000, 1, 1).selectExpr("failFirstAttemptAt3500(id) as id", "repeat('x', 1000) as pad")
                .write().format("kusto").options(options).option("clientBatchingLimit", "1").mode(SaveMode.Append).save();
        Row totals = env.read("Retried | summarize n = count(), d = dcount(id), s = sum(id)").load().collectAsList().get(0);
        assertEquals(4000L, totals.getLong(0));
        assertEquals(4000L, totals.getLong(1));
        assertEquals(4000L * 3999 / 2, totals.getLong(2));
        KustoQueuedWriteTest.assertNoTempTable(env);
    }
}
