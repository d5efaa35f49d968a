package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.StreamingClient;
import com.microsoft.azure.kusto.data.WellKnownDataSet;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Query parameters, request options and the streaming query endpoint. */
final class RequestPropertiesConformanceTest extends ConformanceBase {
    /** The request property, as the Kusto documentation and the Python SDK name it (the Java SDK has no constant). */
    private static final String DEFER_PARTIAL_QUERY_FAILURES = "deferpartialqueryfailures";

    @Test
    void typedParameterSettersBindDeclaredParameters() throws Exception {
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setParameter("pInt", 42);
        properties.setParameter("pLong", 9_000_000_000L);
        properties.setParameter("pReal", 2.5);
        properties.setParameter("pBool", true);
        properties.setParameter("pString", "it's \"quoted\"; | take 0");
        properties.setParameter("pDate", LocalDateTime.parse("2024-01-02T03:04:05"));
        properties.setParameter("pSpan", Duration.ofHours(26).plusMinutes(3));
        UUID guid = UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642");
        properties.setParameter("pGuid", guid);
        KustoResultSetTable row = query("declare query_parameters(pInt:int, pLong:long, pReal:real, pBool:bool, "
                + "pString:string, pDate:datetime, pSpan:timespan, pGuid:guid);\n"
                + "print pInt, pLong, pReal, pBool, pString, pDate, pSpan, pGuid", properties);
        assertEquals(List.of("int", "long", "real", "bool", "string", "datetime", "timespan", "guid"), columnTypes(row));
        assertTrue(row.next());
        assertEquals(42, row.getInt(0));
        assertEquals(9_000_000_000L, row.getLong(1));
        assertEquals(2.5, row.getDouble(2));
        assertTrue(row.getBoolean(3));
        // A string parameter is a value, never query text.
        assertEquals("it's \"quoted\"; | take 0", row.getString(4));
        assertEquals(Instant.parse("2024-01-02T03:04:05Z"), Instant.parse(row.getString(5)));
        assertEquals("1.02:03:00", row.getString(6));
        assertEquals(guid, row.getUUID(7));
    }

    @Test
    void parametersFilterRowsAndDefaultsApplyWhenAbsent() throws Exception {
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setParameter("lo", 3L);
        List<String> values = new ArrayList<>();
        for (List<Object> row : query("declare query_parameters(lo:long, hi:long = 5);\n"
                + "range x from 1 to 10 step 1 | where x between (lo .. hi)", properties).getData()) {
            values.add(row.get(0).toString());
        }
        assertEquals(List.of("3", "4", "5"), values);
    }

    @Test
    void serverTimeoutAsMillisecondsOrTimespanIsAccepted() throws Exception {
        ClientRequestProperties millis = new ClientRequestProperties();
        millis.setTimeoutInMilliSec(90_000L);
        assertEquals(3, query("range x from 1 to 3 step 1", millis).count());
        ClientRequestProperties timespan = new ClientRequestProperties();
        timespan.setOption(ClientRequestProperties.OPTION_SERVER_TIMEOUT, "00:02:00");
        assertEquals(3, query("range x from 1 to 3 step 1", timespan).count());
        // The SDK reuses a properties object after writing the timeout into it as a number.
        assertEquals(3, query("range x from 1 to 3 step 1", timespan).count());
    }

    @Test
    void truncationMaxRecordsFailsAnOversizedResult() throws Exception {
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setOption("truncationmaxrecords", 3);
        DataServiceException error = assertThrows(DataServiceException.class,
                () -> query("range x from 1 to 10 step 1", properties));
        // A partial query failure: the Java SDK shows "code: message" of each error (the detail stays in @message).
        assertTrue(error.getMessage().contains("LimitsExceeded"), error.getMessage());
        // A result within the limit is unaffected.
        assertEquals(3, query("range x from 1 to 3 step 1", properties).count());
        // The service marks a partial failure as not permanent.
        assertFalse(error.isPermanent(), error.getMessage());
    }

    /**
     * With deferpartialqueryfailures the SDK returns the rows that were sent, and the failure is in
     * the completion information (v2) or the query status (v1), as the service reports it.
     */
    @Test
    void deferredPartialFailureReturnsTheRowsAndReportsTheFailureInTheCompletionInformation() throws Exception {
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setOption("truncationmaxrecords", 3);
        properties.setOption(DEFER_PARTIAL_QUERY_FAILURES, true);
        KustoOperationResult v2 = client.executeQuery(DB, "range x from 1 to 10 step 1", properties);
        assertEquals(List.of(List.of("1"), List.of("2"), List.of("3")), rows(v2.getPrimaryResults()));
        List<Object> error = onlyErrorEvent(v2, "Level", "LevelName");
        assertEquals(List.of(-2133196797, "Query result set too large (E_QUERY_RESULT_SET_TOO_LARGE). (-2133196797)",
                1, "QueryLimitsExceeded"), error.subList(7, 11));
        assertTrue(error.get(11).toString().contains("exceed the set limit of 3 records"), error.toString());

        KustoOperationResult v1 = client.executeMgmt(DB, "range x from 1 to 10 step 1", properties);
        assertEquals(3, v1.getPrimaryResults().count());
        List<Object> status = onlyErrorEvent(v1, "Severity", "SeverityName");
        assertTrue(status.get(4).toString().contains("E_QUERY_RESULT_SET_TOO_LARGE"), status.toString());

        // Without the option the same request fails, as before.
        properties.setOption(DEFER_PARTIAL_QUERY_FAILURES, false);
        assertThrows(DataServiceException.class, () -> query("range x from 1 to 10 step 1", properties));
    }

    /**
     * The completion information (v2) and the query status (v1) end with the service's
     * QueryResourceConsumption event: the execution time and the rows of each result table.
     */
    @Test
    void completionInformationEndsWithTheQueryResourceConsumption() throws Exception {
        String twoTables = "range x from 1 to 5 step 1; print y = 'a'";
        List<Object> v2 = lastRow(completionTable(client.executeQuery(DB, twoTables)));
        assertEquals(List.of(6, "Stats", 0, "S_OK (0)", 0, "QueryResourceConsumption"), v2.subList(5, 11));
        assertResourceConsumption(v2.get(11).toString());

        List<Object> v1 = lastRow(completionTable(client.executeMgmt(DB, twoTables)));
        assertEquals(List.of(6, "Stats", 0), v1.subList(1, 4));
        assertResourceConsumption(v1.get(4).toString());
    }

    private static List<Object> lastRow(KustoResultSetTable table) {
        List<Object> last = null;
        while (table.next()) {
            last = table.getCurrentRow();
        }
        assertTrue(last != null, "the table has rows");
        return last;
    }

    private static void assertResourceConsumption(String payload) throws Exception {
        JsonNode consumption = new ObjectMapper().readTree(payload);
        assertTrue(consumption.get("ExecutionTime").isDouble(), payload);
        assertTrue(consumption.get("ExecutionTime").asDouble() >= 0, payload);
        assertEquals(0, consumption.at("/resource_usage/cache/memory/hits").asInt(-1), payload);
        JsonNode tables = consumption.get("dataset_statistics");
        assertEquals(2, tables.size(), payload);
        assertEquals(5, tables.get(0).get("table_row_count").asInt(), payload);
        assertEquals(1, tables.get(1).get("table_row_count").asInt(), payload);
        assertTrue(tables.get(0).get("table_size").asLong() > 0, payload);
    }

    private static KustoResultSetTable completionTable(KustoOperationResult result) {
        return result.getResultTables().stream()
                .filter(t -> t.getTableKind() == WellKnownDataSet.QueryCompletionInformation).findFirst().orElseThrow();
    }

    /** The one row of the completion table whose level (column {@code level}) is an error (2). */
    private static List<Object> onlyErrorEvent(KustoOperationResult result, String level, String levelName) {
        KustoResultSetTable completion = completionTable(result);
        List<List<Object>> errors = new ArrayList<>();
        while (completion.next()) {
            if (completion.getInt(level) < 4) {
                assertEquals("Error", completion.getString(levelName));
                errors.add(completion.getCurrentRow());
            }
        }
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    @Test
    void noTruncationLiftsTheLimit() throws Exception {
        ClientRequestProperties properties = new ClientRequestProperties();
        properties.setOption("truncationmaxrecords", 3);
        properties.setOption("notruncation", true);
        assertEquals(10, query("range x from 1 to 10 step 1", properties).count());
    }

    @Test
    void setStatementsApplyOptionsInTheQueryText() throws Exception {
        assertEquals(10, query("set notruncation; range x from 1 to 10 step 1").count());
        assertThrows(DataServiceException.class, () -> query("set truncationmaxrecords = 3; range x from 1 to 10 step 1"));
    }

    @Test
    void largeResultArrivesComplete() throws Exception {
        KustoResultSetTable result = query("range x from 1 to 200000 step 1 | extend s = strcat('row-', x)");
        assertEquals(200_000, result.count());
        long sum = 0;
        while (result.next()) {
            sum += result.getLong(0);
        }
        assertEquals(200_000L * 200_001L / 2, sum);
        assertTrue(result.isAfterLast() || !result.hasNext());
    }

    @Test
    void concurrentQueriesFromOneClientAreIndependent() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Long>> futures = new ArrayList<>();
            for (int i = 1; i <= 24; i++) {
                final long n = i * 1000L;
                futures.add(pool.submit(() -> {
                    KustoResultSetTable sum = query("range x from 1 to " + n + " step 1 | summarize sum(x)");
                    sum.next();
                    return sum.getLong(0);
                }));
            }
            for (int i = 1; i <= 24; i++) {
                long n = i * 1000L;
                assertEquals(n * (n + 1) / 2, futures.get(i - 1).get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void streamingQueryReturnsTheV2FramesOfTheResult() throws Exception {
        StreamingClient streaming = ClientFactory.createStreamingClient(new ConnectionStringBuilder(kusto.url()));
        JsonNode frames;
        try (InputStream stream = streaming.executeStreamingQuery(DB, "range x from 1 to 3 step 1 | extend y = x * 2",
                new ClientRequestProperties())) {
            frames = new ObjectMapper().readTree(stream);
        }
        assertTrue(frames.isArray());
        JsonNode primary = null;
        for (JsonNode frame : frames) {
            if ("PrimaryResult".equals(frame.path("TableKind").asText())) {
                primary = frame;
            }
        }
        assertTrue(primary != null, frames::toString);
        assertEquals("x", primary.get("Columns").get(0).get("ColumnName").asText());
        assertEquals("long", primary.get("Columns").get(1).get("ColumnType").asText());
        assertEquals("[[1,2],[2,4],[3,6]]", primary.get("Rows").toString());
    }
}
