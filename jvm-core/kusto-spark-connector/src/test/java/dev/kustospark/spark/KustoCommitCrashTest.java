package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.local.dm.AzuriteProcess;
import dev.kustospark.local.dm.FaultInjection;
import dev.kustospark.local.dm.StorageEndpoints;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outcome a Transactional write reports is true when the cluster is lost in the middle of the
 * commit. For each management command the driver sends to commit, one run halts kusto-local (its
 * fault injection: {@code Runtime.halt}, as {@code kill -9}) right after it answers that command,
 * and, for the commands that change something, one right after it ran it but before it answers
 * (the driver sees the connection drop); the test then starts kusto-local again on the same {@code --data} directory and port while the
 * driver waits. The write must succeed with exactly N rows in the target (the cluster came back
 * within {@code timeoutLimit}), whatever is left over (attempt tags, the temporary table) must be
 * named by a one-line WARN, and the same write run again must leave exactly 2N.
 *
 * <p>kusto-local runs in a JVM of its own ({@link KustoLocalProcess}); Azurite, which holds the
 * queued blobs and the ingestion status table, runs throughout, as the storage of a real cluster
 * outlives its engine nodes.
 */
class KustoCommitCrashTest {
    private static final String DATABASE = "db1";
    private static final long ROWS = 3000;
    private static final int PARTITIONS = 3;
    private static final String TEMP_TABLE = "\\['sparkTempTable_[^']*'\\]";
    private static final AtomicInteger RUNS = new AtomicInteger();

    @TempDir
    static Path temp;
    private static AzuriteProcess azurite;
    private static String storage;
    private static int port;
    private static volatile KustoLocalProcess kusto;
    private static Client client;
    private static SparkSession spark;

    @BeforeAll
    static void start() throws Exception {
        azurite = AzuriteProcess.start(AzuriteProcess.locateHome());
        StorageEndpoints e = azurite.endpoints();
        storage = "BlobEndpoint=" + e.blob() + ";QueueEndpoint=" + e.queue() + ";TableEndpoint=" + e.table();
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        client = ClientFactory.createClient(new ConnectionStringBuilder("http://localhost:" + port));
        spark = SparkSession.builder().master("local[2]").appName("kusto-commit-crash-test")
                .config("spark.ui.enabled", "false").getOrCreate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.stop();
        }
        if (kusto != null) {
            kusto.close();
        }
        if (azurite != null) {
            azurite.close();
        }
    }

    /**
     * The commands of the commit, in the order the driver sends them, each with the how-many-th it
     * is. Listings change nothing: a halt before answering one is, to the driver, a listing that
     * fails, which the halt after the preceding command gives too; every other command gets both.
     */
    static Stream<Arguments> commitCommands() {
        String listing = "^\\.show table " + TEMP_TABLE + " extents$";
        return Stream.of(
                "halt-after-answer=1:" + listing,
                "halt-after-answer=1:^\\.move async extents from table " + TEMP_TABLE,
                "halt-before-answer=1:^\\.move async extents from table " + TEMP_TABLE,
                "halt-after-answer=1:^\\.show operations ",
                "halt-before-answer=1:^\\.show operations ",
                "halt-after-answer=2:" + listing,
                "halt-after-answer=1:^\\.drop table \\['Crash\\d+'\\] extent tags ",
                "halt-before-answer=1:^\\.drop table \\['Crash\\d+'\\] extent tags ",
                "halt-after-answer=1:^\\.drop table " + TEMP_TABLE + " ifexists$",
                "halt-before-answer=1:^\\.drop table " + TEMP_TABLE + " ifexists$").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commitCommands")
    void killedAtACommitCommandTheWriteSucceedsOnce(String halt) throws Exception {
        String table = "Crash" + RUNS.incrementAndGet();
        restartKusto(halt);
        mgmt(".create table " + table + " (id:long)");

        KustoLocalProcess halting = kusto;
        CompletableFuture<Integer> restarted = CompletableFuture.supplyAsync(() -> {
            try {
                int status = halting.awaitExit(Duration.ofMinutes(3));
                if (status == FaultInjection.Halt.EXIT_STATUS) {
                    kusto = KustoLocalProcess.start(port, temp.resolve("data"), DATABASE, storage, null, log());
                }
                return status;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<String> warnings = new CopyOnWriteArrayList<>();
        String failure = write(table, warnings);
        int status = restarted.get(3, TimeUnit.MINUTES);
        assertEquals(FaultInjection.Halt.EXIT_STATUS, status, "kusto-local did not halt at " + halt + ":\n"
                + halting.logTail());

        long rows = count(table);
        assertEquals(failure == null ? ROWS : 0, rows, "the write reported " + (failure == null ? "success" : failure)
                + " and the table holds " + rows + " rows");
        assertNull(failure, "the cluster came back within timeoutLimit, so the commit must complete");
        assertLeftoversAreNamed(table, warnings);

        assertNull(write(table, new CopyOnWriteArrayList<>()), "the write run again");
        assertEquals(2 * ROWS, count(table));
        assertEquals(ROWS, scalar(table + " | summarize dcount(id)"));
    }

    /**
     * The third partition's extent keeps failing to move after the first one moved (moves 1, 3-6
     * fail: all three extents, then the last two, then the second one three times): the moved extent
     * is taken out of the target again, and the write fails saying the table is unchanged.
     */
    @Test
    void aMoveThatCannotCompleteIsUndone() throws Exception {
        String table = "Crash" + RUNS.incrementAndGet();
        restartKusto("fail-move=1+3+4+5+6");
        mgmt(".create table " + table + " (id:long)");

        List<String> warnings = new CopyOnWriteArrayList<>();
        String failure = write(table, warnings);
        assertTrue(failure != null && failure.startsWith("Transactional write into table '" + table + "' (option"
                + " kustoTable) failed and the table is unchanged (the extent it had moved into it was dropped"
                + " again): Moving extent "), String.valueOf(failure));
        assertFalse(failure.contains("\n"), failure);
        assertEquals(0, count(table));
        assertTrue(warnings.stream().anyMatch(w -> w.contains("dropped") && w.contains(table)), warnings.toString());
        assertEquals(List.of(), tempTables(table), "the temporary table is dropped");

        assertNull(write(table, new CopyOnWriteArrayList<>()), "the write run again");
        assertEquals(ROWS, count(table));
    }

    private static void restartKusto(String faults) throws Exception {
        if (kusto != null) {
            kusto.close();
        }
        kusto = KustoLocalProcess.start(port, temp.resolve("data"), DATABASE, storage, faults, log());
    }

    private static Path log() {
        return temp.resolve("kusto-local.log");
    }

    /** Writes the N rows; null when the write succeeded, else the connector's message. Collects the connector's warnings. */
    private static String write(String table, List<String> warnings) {
        Dataset<Row> frame = spark.range(0, ROWS, 1, PARTITIONS).toDF("id");
        Map<String, String> options = Map.of("kustoCluster", "http://localhost:" + port, "kustoDatabase", DATABASE,
                "kustoTable", table, "timeoutLimit", "120");
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        AbstractAppender appender = new AbstractAppender("commitWarnings", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel().isMoreSpecificThan(Level.WARN)) {
                    warnings.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        String connector = "dev.kustospark.spark";
        context.getConfiguration().addLoggerAppender(context.getLogger(connector), appender);
        try {
            frame.write().format("kusto").options(options).mode(SaveMode.Append).save();
            return null;
        } catch (Exception e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof KustoConnectorException) {
                    return t.getMessage();
                }
            }
            throw new AssertionError("the write failed without the connector's error", e);
        } finally {
            context.getConfiguration().getLoggerConfig(connector).removeAppender("commitWarnings");
        }
    }

    /** A temporary table or attempt tags left behind are named by a one-line warning; then they are removed. */
    private static void assertLeftoversAreNamed(String table, List<String> warnings) throws Exception {
        for (String warning : warnings) {
            assertFalse(warning.contains("\n"), "a warning of one line: " + warning);
        }
        for (String leftover : tempTables(table)) {
            assertTrue(warnings.stream().anyMatch(w -> w.contains(leftover)), "temporary table " + leftover
                    + " is left without a warning naming it: " + warnings);
            mgmt(".drop table ['" + leftover + "']");
        }
        KustoResultSetTable extents = client.executeMgmt(DATABASE, ".show table " + table + " extents where tags"
                + " contains 'KSC.attempt:'").getPrimaryResults();
        if (extents.next()) {
            assertTrue(warnings.stream().anyMatch(w -> w.contains("KSC.attempt:") && w.contains(table)),
                    "attempt tags are left on table " + table + " without a warning naming them: " + warnings);
        }
    }

    /** The temporary tables of the writes into {@code table}. */
    private static List<String> tempTables(String table) throws Exception {
        KustoResultSetTable tables = client.executeMgmt(DATABASE, ".show tables").getPrimaryResults();
        List<String> names = new ArrayList<>();
        while (tables.next()) {
            if (tables.getString("TableName").startsWith("sparkTempTable_kusto_commit_crash_test_" + table + "_")) {
                names.add(tables.getString("TableName"));
            }
        }
        return names;
    }

    private static void mgmt(String command) throws Exception {
        client.executeMgmt(DATABASE, command);
    }

    private static long count(String table) throws Exception {
        return scalar(table + " | count");
    }

    private static long scalar(String query) throws Exception {
        KustoResultSetTable rows = client.executeQuery(DATABASE, query).getPrimaryResults();
        rows.next();
        return rows.getLong(0);
    }
}
