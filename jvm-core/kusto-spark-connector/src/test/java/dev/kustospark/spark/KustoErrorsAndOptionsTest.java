package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.config.SparkRedaction;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Kusto's errors and bad options surface from spark.read in one line; options and aliases reach the server. */
class KustoErrorsAndOptionsTest {
    private static KustoSparkTestSupport env;

    @BeforeAll
    static void start() throws Exception {
        env = new KustoSparkTestSupport();
        env.mgmt(".set-or-append Numbers <| range x from 1 to 100 step 1");
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }

    private static Throwable cause(Throwable e, Class<?> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " in the chain of " + e, e);
    }

    @Test
    void badKqlReportsKustosMessageWithTheQueryInOneLine() {
        var e = assertThrows(Exception.class, () -> env.read("Numbers\n| wher x > 1").load());
        String message = cause(e, KustoConnectorException.class).getMessage();
        assertTrue(message.contains("kustoQuery 'Numbers | wher x > 1'"), message);
        assertFalse(message.contains("\n"), message);
        assertTrue(message.toLowerCase().contains("wher"), message);
    }

    @Test
    void unknownTableReportsKustosMessage() {
        var e = assertThrows(Exception.class, () -> env.read("NoSuchTable").load());
        String message = cause(e, KustoConnectorException.class).getMessage();
        assertTrue(message.contains("NoSuchTable") && message.contains("failed:"), message);
    }

    /**
     * A task's connector failure reaches the caller as it is on Spark 4, whose scheduler passes on a
     * SparkThrowable with a non-internal condition; Spark 3.5 wraps every task failure in a SparkException.
     */
    private static KustoConnectorException taskFailure(Throwable e) {
        if (env.spark.version().startsWith("3.")) {
            assertInstanceOf(org.apache.spark.SparkException.class, e);
            return (KustoConnectorException) cause(e, KustoConnectorException.class);
        }
        return assertInstanceOf(KustoConnectorException.class, e);
    }

    @Test
    void aQueryThatFailsInATaskIsThrownAsTheConnectorsException() {
        var e = assertThrows(Exception.class, () -> env.read("Numbers").option("readMode", "ForceSingleMode")
                .option("customSchema", "x long, missing long").load().collectAsList());

        String message = taskFailure(e).getMessage();
        assertTrue(message.startsWith("Query 'Numbers | ") && message.contains("'missing'"), message);
    }

    @Test
    void aDataWriterFailureIsThrownAsTheConnectorsException() throws Exception {
        // The driver checks the types; only the task sees that a string written into a guid column is no guid.
        env.mgmt(".create table Guids (g: guid)");

        var e = assertThrows(Exception.class, () -> env.spark.sql("select 'order-17' as g").write().format("kusto")
                .options(env.connectionOptions()).option("kustoTable", "Guids").option("writeMode", "KustoStreaming")
                .mode("append").save());

        String message = taskFailure(e).getMessage();
        assertTrue(message.startsWith("DataFrame column 'g' holds 'order-17', which is not a guid"), message);
    }

    @Test
    void badOptionValuesFailFromSparkRead() {
        var badMode = assertThrows(Exception.class, () -> env.read("Numbers").option("readMode", "Fastest").load().count());
        String message = cause(badMode, KustoOptionException.class).getMessage();
        assertTrue(message.contains("readMode") && message.contains("Fastest"), message);

        var misspelled = assertThrows(Exception.class, () -> env.read("Numbers").option("readMod", "ForceSingleMode").load());
        String misspelledMessage = cause(misspelled, KustoOptionException.class).getMessage();
        assertTrue(misspelledMessage.contains("readMod") && misspelledMessage.contains("readMode"), misspelledMessage);

        var noQuery = assertThrows(Exception.class, () -> env.spark.read().format("kusto").options(env.connectionOptions()).load());
        assertTrue(cause(noQuery, KustoOptionException.class).getMessage().contains("kustoQuery"));

        var distributed = assertThrows(Exception.class, () -> env.read("Numbers").option("readMode", "ForceDistributedMode")
                .load().count());
        String distributedMessage = cause(distributed, IllegalArgumentException.class).getMessage();
        assertTrue(distributedMessage.contains("transientStorage") && distributedMessage.contains("ForcePartitionedMode"),
                distributedMessage);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "readMode|Fastest", "numPartitions|many", "queryFilterPushDown|maybe", "timeoutLimit|-5",
        "clientRequestPropertiesJson|{not json", "customSchema|a INTEGR", "requestId|''", "numPartitions|1001",
        "keyVaultUri|https://v.vault.azure.net"
    })
    void eachBadReadOptionIsNamedFromSparkRead(String option, String value) {
        var e = assertThrows(Exception.class, () -> env.read("Numbers").option(option, value).load().collectAsList());
        String message = cause(e, KustoOptionException.class).getMessage();
        assertTrue(message.contains(option), option + ": " + message);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "writeMode|Fast", "tableCreateOptions|Sometimes", "adjustSchema|Bogus", "streamingIngestSizeInMB|0",
        "streamingIngestSizeInMB|100", "addSourceLocationTransform|true",
        "sparkIngestionPropertiesJson|{\"flushImmediatly\":true}", "writeEnableAsync|yes"
    })
    void eachBadWriteOptionIsNamedFromDfWrite(String option, String value) {
        var e = assertThrows(Exception.class, () -> env.spark.range(3).write().format("kusto").options(env.connectionOptions())
                .option("kustoTable", "Target").option("writeMode", "KustoStreaming").option(option, value)
                .mode("append").save());
        String message = cause(e, KustoOptionException.class).getMessage();
        assertTrue(message.contains(option), option + ": " + message);
    }

    @Test
    void badOptionValuesFailFromDfWrite() {
        var e = assertThrows(Exception.class, () -> env.spark.range(3).write().format("kusto").options(env.connectionOptions())
                .option("writeMode", "KustoStreaming").mode("append").save());
        assertTrue(cause(e, KustoOptionException.class).getMessage().contains("kustoTable"));
    }

    @Test
    void theEstablishedConnectorsFormatNamesWork() {
        for (String format : List.of("com.microsoft.kusto.spark.datasource", "com.microsoft.kusto.spark.synapse.datasource")) {
            long count = env.spark.read().format(format).options(env.connectionOptions()).option("kustoQuery", "Numbers")
                    .load().count();
            assertEquals(100, count, format);
        }
    }

    @Test
    void secretsStayOutOfPlansAndErrors() {
        String token = "SECRET-TOKEN-0123456789";
        // customSchema: planning needs no call to Kusto, so the plans are inspected without one.
        var df = env.read("Numbers | where x > 95").option("accessToken", token).option("customSchema", "x long").load()
                .where("x < 100");
        String plans = df.queryExecution().toString() + df.queryExecution().executedPlan().toString();
        assertTrue(plans.contains("KustoScan[mode=ForceSingleMode"), plans);
        assertFalse(plans.contains(token), plans);
        // Options printed by Spark itself (write plans, the SQL tab) are redacted by key, SAS-bearing JSON included.
        String redaction = env.spark.conf().get(SparkRedaction.OPTIONS_REGEX_CONF);
        assertTrue(redaction.contains("transientStorage") && redaction.contains("kustoIngestionStorageContainer"), redaction);
        var e = assertThrows(Exception.class, () -> env.read("Numbers").option("accessToken", token)
                .option("readMode", "Fastest").load().count());
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertFalse(String.valueOf(t.getMessage()).contains(token), t.toString());
        }
    }

    @Test
    void resolvingATableWidensTheRedactionPatternOnceAndKeepsTheUsersOwn() {
        String key = SparkRedaction.OPTIONS_REGEX_CONF;
        String before = env.spark.conf().get(key);
        env.spark.conf().set(key, "(?i)url|mykey");
        try {
            env.read("Numbers").option("customSchema", "x long").load();
            String widened = env.spark.conf().get(key);
            assertTrue(widened.startsWith("(?i)url|mykey|") && widened.contains("transientStorage"), widened);
            env.read("Numbers").option("customSchema", "x long").load();
            assertEquals(widened, env.spark.conf().get(key));
        } finally {
            env.spark.conf().set(key, before);
        }
    }

    @Test
    void theSynapseSnippetRunsWithALinkedServiceProfileInTheSparkConf() {
        env.spark.conf().set("spark.kusto.linkedService.LocalKusto.cluster", env.kusto.url());
        env.spark.conf().set("spark.kusto.linkedService.LocalKusto.database", KustoSparkTestSupport.DATABASE);
        try {
            long count = env.spark.read().format("com.microsoft.kusto.spark.synapse.datasource")
                    .option("spark.synapse.linkedService", "LocalKusto")
                    .option("kustoQuery", "Numbers | where x > 90").load().count();
            assertEquals(10, count);
        } finally {
            env.spark.conf().unset("spark.kusto.linkedService.LocalKusto.cluster");
            env.spark.conf().unset("spark.kusto.linkedService.LocalKusto.database");
        }
    }

    @Test
    void requestPropertiesReachTheSchemaProbeAndTheQuery() {
        // The declared parameter has no default: both the schema probe and the query fail without it.
        String query = "declare query_parameters(upTo:long);\nNumbers | where x <= upTo";
        String properties = "{\"Options\":{\"servertimeout\":\"00:01:00\"},\"Parameters\":{\"upTo\":\"long(3)\"}}";
        List<Row> rows = env.read(query).option("clientRequestPropertiesJson", properties).load().collectAsList();
        assertEquals(3, rows.size());

        String truncating = "{\"Options\":{\"truncationmaxrecords\":10}}";
        var e = assertThrows(Exception.class, () -> env.read("Numbers").option("clientRequestPropertiesJson", truncating)
                .load().collectAsList());
        String message = cause(e, KustoConnectorException.class).getMessage();
        assertTrue(message.toLowerCase().contains("trunc") || message.contains("limit"), message);
    }

    @Test
    void requestIdIsTracedInEveryClientRequestId() {
        List<String> seen = env.serverRequestsDuring(
                () -> env.read("Numbers | take 5").option("requestId", "trace-me-42").load().collectAsList());
        // The automatic mode choice's row estimates are left out: they are traced the same way.
        List<String> queries = seen.stream().filter(line -> line.contains("/v2/rest/query")
                && !line.contains("KSC.EstimateRows;")).toList();
        assertEquals(2, queries.size(), "schema probe and query: " + seen);
        assertTrue(queries.stream().allMatch(line -> line.contains(";trace-me-42;")), queries.toString());
    }

    @Test
    void withoutRequestIdTheProbeAndTheQueryShareAGeneratedOne() {
        List<String> seen = env.serverRequestsDuring(() -> env.read("Numbers | take 5").load().collectAsList());
        List<String> requestIds = seen.stream().filter(line -> line.contains("/v2/rest/query"))
                .map(line -> line.substring(line.indexOf("KSC.")).split(";")[1]).distinct().toList();
        assertEquals(1, requestIds.size(), seen.toString());
    }

    @Test
    void unknownPartitionColumnIsNamed() {
        var e = assertThrows(Exception.class, () -> env.read("Numbers").option("readMode", "ForcePartitionedMode")
                .option("partitionColumn", "nope").load().count());
        String message = cause(e, KustoOptionException.class).getMessage();
        assertTrue(message.contains("partitionColumn") && message.contains("'nope'") && message.contains("x"), message);
    }
}
