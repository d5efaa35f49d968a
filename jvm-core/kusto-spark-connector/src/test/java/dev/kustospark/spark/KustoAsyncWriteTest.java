package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.dm.FaultInjection;
import dev.kustospark.spark.actions.KustoAsyncWrites;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writes with {@code writeEnableAsync=true}: {@code save()} returns early, and the job learns the
 * outcome from {@link KustoAsyncWrites}; a failure is also one ERROR line naming the table and why.
 */
class KustoAsyncWriteTest {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static KustoSparkTestSupport env;

    @BeforeAll
    static void start() throws Exception {
        // The first blob kusto-local ingests fails: the first write below fails, the second succeeds.
        env = new KustoSparkTestSupport(b -> b.withAzurite().faultInjection(FaultInjection.failNth(1)));
        env.mgmt(".create table Async (id:long)");
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }

    private static void writeAsync(long rows, String requestId) {
        Map<String, String> options = env.connectionOptions();
        options.put("kustoTable", "Async");
        options.put("writeEnableAsync", "true");
        options.put("requestId", requestId);
        env.spark.range(0, rows, 1, 1).toDF("id").write().format("kusto").options(options).mode(SaveMode.Append).save();
    }

    @Test
    void aFailedAsyncWriteSaysWhyInOneErrorLineAndItsOutcomeAndASucceededOneIsAwaited() throws Exception {
        List<LogEvent> errors = new CopyOnWriteArrayList<>();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        AbstractAppender appender = new AbstractAppender("asyncErrors", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.ERROR)) {
                    errors.add(event.toImmutable());
                }
            }
        };
        appender.start();
        context.getRootLogger().addAppender(appender);
        try {
            writeAsync(30, "async-failing");
            KustoAsyncWriteOutcome failed = KustoAsyncWrites.await("async-failing", WAIT);

            assertEquals(KustoAsyncWriteOutcome.State.FAILED, failed.state(), failed.toString());
            assertEquals("Async", failed.table());
            assertTrue(failed.error().matches("Transactional write into table 'Async' \\(option kustoTable\\) failed and the"
                    + " table is unchanged: queued ingestion failed for partition 0 blob 1: Failed .*"), failed.error());
            var thrown = assertThrows(KustoConnectorException.class, failed::orThrow);
            assertTrue(thrown.getMessage().startsWith("Asynchronous write into table 'Async' (requestId async-failing)"
                    + " failed: Transactional write into table 'Async'"), thrown.getMessage());
            assertEquals(0, env.read("Async | count").load().collectAsList().get(0).getLong(0));

            List<String> lines = errors.stream().map(e -> e.getMessage().getFormattedMessage()).toList();
            assertEquals(1, lines.size(), lines.toString());
            String line = lines.get(0);
            assertEquals("Asynchronous Kusto write into table 'Async' of database 'db1' failed (writeEnableAsync=true,"
                    + " requestId async-failing): " + failed.error(), line);
            assertTrue(!line.contains("\n") && errors.get(0).getThrown() == null, line);

            writeAsync(40, "async-succeeding");
            KustoAsyncWriteOutcome succeeded = KustoAsyncWrites.await("async-succeeding", WAIT).orThrow();
            assertEquals(new KustoAsyncWriteOutcome("async-succeeding", "db1", "Async", KustoAsyncWriteOutcome.State.SUCCEEDED,
                    40, null), succeeded);
            assertEquals(40, env.read("Async | count").load().collectAsList().get(0).getLong(0));
            assertEquals(1, errors.size());
        } finally {
            context.getRootLogger().removeAppender(appender);
        }

        // Other test classes in this JVM write asynchronously too: only this class's request ids are compared.
        assertEquals(List.of("async-failing", "async-succeeding"), KustoAsyncWrites.awaitAll(WAIT).stream()
                .map(KustoAsyncWriteOutcome::requestId).filter(id -> id.startsWith("async-")).toList());
        // The data source PySpark and C# wait through.
        List<Row> rows = env.spark.read().format("kusto-async-writes").option("requestId", "async-succeeding")
                .option("timeoutLimit", "60").load().collectAsList();
        assertEquals(List.of(org.apache.spark.sql.RowFactory.create("async-succeeding", "db1", "Async", "SUCCEEDED", 40L,
                null)), rows);
        // Without requestId, the data source lists every asynchronous write of this JVM, other classes' too.
        List<Row> all = env.spark.read().format("kusto-async-writes").load().collectAsList();
        Row failedRow = all.stream().filter(r -> r.getString(0).equals("async-failing")).findFirst().orElseThrow();
        assertEquals("FAILED", failedRow.getString(3));
        assertTrue(all.stream().anyMatch(r -> r.getString(0).equals("async-succeeding")), all.toString());
        assertNull(KustoAsyncWrites.status("no-such-write").orElse(null));
        var unknown = assertThrows(dev.kustospark.spark.KustoOptionException.class,
                () -> KustoAsyncWrites.await("no-such-write", WAIT));
        assertTrue(unknown.getMessage().startsWith("Option requestId has value 'no-such-write', which names no"
                + " asynchronous write"), unknown.getMessage());
    }
}
