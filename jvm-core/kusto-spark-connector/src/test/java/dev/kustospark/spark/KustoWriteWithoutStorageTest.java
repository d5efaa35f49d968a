package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A queued write to a cluster that hands out no ingestion resources (kusto-local without storage)
 * fails on the driver before anything changes, with the cluster's own message, instead of a task's
 * timeout of the SDK's background refresh of those resources.
 */
class KustoWriteWithoutStorageTest {
    private static KustoSparkTestSupport env;

    @BeforeAll
    static void start() throws Exception {
        env = new KustoSparkTestSupport();
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }

    private static String expected(String table) {
        return "Reading the ingestion queue for queued ingestion into table '" + table + "' from the cluster's"
                + " ingestion resources failed: kusto-local runs without storage, so it cannot serve '.get ingestion"
                + " resources' (queued ingestion and export need Azure Storage). To turn storage on, start kusto-local"
                + " without --no-storage, with Azurite installed by scripts/azurite-env.sh, or with --azurite-url URL"
                + " (in Java: KustoLocal.builder().withAzurite()).";
    }

    /** The cluster's message as it is, after what the connector was doing; the SDK adds the request's activity id. */
    private static void assertShowsAsIs(String table, String message) {
        assertTrue(message.matches(Pattern.quote(expected(table)) + ", ActivityId='[0-9a-f-]{36}'"), message);
    }

    private List<String> tables() throws Exception {
        List<String> names = new ArrayList<>();
        KustoResultSetTable tables = env.mgmt(".show tables").getPrimaryResults();
        while (tables.next()) {
            names.add(tables.getString("TableName"));
        }
        return names;
    }

    @Test
    void aTransactionalWriteFailsWithTheClustersMessageAndCreatesNothing() throws Exception {
        // Transactional is the default write mode.
        KustoConnectorException e = assertThrows(KustoConnectorException.class, () -> env.allTypesFrame().write()
                .format("kusto").options(env.connectionOptions()).option("kustoTable", "NoStorage")
                .option("tableCreateOptions", "CreateIfNotExist").mode(SaveMode.Append).save());
        assertShowsAsIs("NoStorage", e.getMessage());
        assertEquals(List.of(), tables(), "neither the target nor a temporary table was created");
    }

    @Test
    void aQueuedWriteFailsTheSameWay() throws Exception {
        KustoConnectorException e = assertThrows(KustoConnectorException.class, () -> env.allTypesFrame().write()
                .format("kusto").options(env.connectionOptions()).option("kustoTable", "NoStorageQueued")
                .option("writeMode", "Queued").option("tableCreateOptions", "CreateIfNotExist").mode(SaveMode.Append)
                .save());
        assertShowsAsIs("NoStorageQueued", e.getMessage());
        assertEquals(List.of(), tables());
    }
}
