package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.dm.FaultInjection;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A transactional write whose ingestion fails for one partition leaves the target unchanged and no
 * temporary table; written again, the rows land exactly once. kusto-local fails the 2nd and the 5th
 * queued ingestion it processes.
 */
class KustoTransactionalFaultTest {
    private static KustoSparkTestSupport env;

    @BeforeAll
    static void start() throws Exception {
        env = new KustoSparkTestSupport(b -> b.withAzurite().faultInjection(FaultInjection.failNth(2, 5)));
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }

    private static long count() {
        return env.read("Faulty | count").load().collectAsList().get(0).getLong(0);
    }

    @Test
    void failedPartitionLeavesTargetUnchangedAndRetryLandsOnce() throws Exception {
        env.mgmt(".create table Faulty (id:long)");
        env.mgmt(".ingest inline into table Faulty <| -1\n-2\n-3");
        Map<String, String> options = env.connectionOptions();
        options.put("kustoTable", "Faulty");
        Dataset<Row> frame = env.spark.range(0, 100, 1, 2).toDF("id");

        // Ingestions 1 and 2: one partition's fails, seen by its task.
        var e = assertThrows(Exception.class, () -> frame.write().format("kusto").options(options)
                .mode(SaveMode.Append).save());
        String message = KustoWriteTest.rootMessage(e);
        assertTrue(message.matches("(?s).*partition \\d blob 1: Failed.*"), message);
        assertEquals(3, count());
        KustoQueuedWriteTest.assertNoTempTable(env);

        // Ingestions 3 and 4: the retry lands every row once.
        frame.write().format("kusto").options(options).mode(SaveMode.Append).save();
        assertEquals(103, count());
        assertEquals(100, env.read("Faulty | where id >= 0 | summarize dcount(id)").load().collectAsList().get(0).getLong(0));
        KustoQueuedWriteTest.assertNoTempTable(env);

        // Ingestions 5 and 6: a failure seen by the driver's polling leaves the table as it was, too.
        var onDriver = assertThrows(Exception.class, () -> frame.write().format("kusto").options(options)
                .option("pollingOnDriver", "true").mode(SaveMode.Append).save());
        String driverMessage = KustoWriteTest.rootMessage(onDriver);
        assertTrue(driverMessage.contains("table 'Faulty' (option kustoTable) failed and the table is unchanged") && driverMessage.matches("(?s).*partition \\d blob 1: Failed.*"),
                driverMessage);
        assertEquals(103, count());
        KustoQueuedWriteTest.assertNoTempTable(env);
    }
}
