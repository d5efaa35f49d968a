package dev.kustospark.local.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.types.KustoValues;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes a query response in the v2 frame format as a stream: DataSetHeader, QueryProperties, one
 * DataTable per result, QueryCompletionInformation, DataSetCompletion. {@code FrameType} is the first
 * property of every frame and {@code Rows} follows {@code Columns}, as the Python streaming reader
 * requires. A failure after the stream began is reported as an inline {@code OneApiErrors} row (the
 * Python reader only sees that) and as {@code HasErrors:true} (the Java reader's signal); with
 * {@code deferpartialqueryfailures} it is reported only in the QueryCompletionInformation, so that
 * both SDKs return the rows that were sent and leave the check of that table to the caller.
 */
public final class V2ResponseWriter {
    /** The visualization properties of a query without a {@code render} operator. */
    static final String NO_VISUALIZATION = "{\"Visualization\":null,\"Title\":null,\"XColumn\":null,\"Series\":null,"
            + "\"YColumns\":null,\"AnomalyColumns\":null,\"XTitle\":null,\"YTitle\":null,\"XAxis\":null,\"YAxis\":null,"
            + "\"Legend\":null,\"YSplit\":null,\"Accumulate\":false,\"IsQuerySorted\":false,\"Kind\":null,"
            + "\"Ymin\":\"NaN\",\"Ymax\":\"NaN\",\"Xmin\":null,\"Xmax\":null}";

    private static final String[][] COMPLETION_COLUMNS = {
        {"Timestamp", "datetime"}, {"ClientRequestId", "string"}, {"ActivityId", "guid"}, {"SubActivityId", "guid"},
        {"ParentActivityId", "guid"}, {"Level", "int"}, {"LevelName", "string"}, {"StatusCode", "int"},
        {"StatusCodeName", "string"}, {"EventType", "int"}, {"EventTypeName", "string"}, {"Payload", "string"}};

    private final RequestIds ids;
    private final ResultLimits limits;
    private final ExecutionDeadline deadline;
    private final boolean deferPartialFailures;

    public V2ResponseWriter(RequestIds ids, ResultLimits limits, ExecutionDeadline deadline) {
        this(ids, limits, deadline, false);
    }

    /** @param deferPartialFailures report failures after the first row only in the completion information */
    public V2ResponseWriter(RequestIds ids, ResultLimits limits, ExecutionDeadline deadline,
            boolean deferPartialFailures) {
        this.ids = ids;
        this.limits = limits;
        this.deadline = deadline;
        this.deferPartialFailures = deferPartialFailures;
    }

    /**
     * Streams the response for {@code results} into {@code out}; after the first failure no further
     * result is run. Does not close {@code out}.
     *
     * @throws IOException only when the client went away
     */
    public void write(OutputStream out, List<ResultCursor> results) throws IOException {
        try (JsonGenerator g = ErrorPayload.JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            RowStreamer rows = new RowStreamer(limits, deadline, out);
            g.writeStartArray();

            g.writeStartObject();
            g.writeStringField("FrameType", "DataSetHeader");
            g.writeBooleanField("IsProgressive", false);
            g.writeStringField("Version", "v2.0");
            g.writeEndObject();

            int tableId = 0;
            startTable(g, tableId++, "QueryProperties", "@ExtendedProperties",
                    List.of(new String[] {"TableId", "int"}, new String[] {"Key", "string"},
                            new String[] {"Value", "dynamic"}));
            g.writeStartArray();
            g.writeNumber(1);
            g.writeString("Visualization");
            g.writeString(NO_VISUALIZATION);
            g.writeEndArray();
            endTable(g);

            for (ResultCursor result : results) {
                if (rows.failure() != null) {
                    result.close();
                    continue;
                }
                startTable(g, tableId++, "PrimaryResult", result.name(), columnsOf(result.columns()));
                rows.writeRows(g, result);
                if (rows.failure() != null && !deferPartialFailures) {
                    writeErrorRow(g, rows.failure());
                }
                endTable(g);
                g.flush();
            }

            KustoException failure = rows.failure();
            writeCompletionInformation(g, tableId, failure, rows.statistics());

            g.writeStartObject();
            g.writeStringField("FrameType", "DataSetCompletion");
            boolean reported = failure != null && !deferPartialFailures;
            g.writeBooleanField("HasErrors", reported);
            g.writeBooleanField("Cancelled", false);
            if (reported) {
                g.writeArrayFieldStart("OneApiErrors");
                ErrorPayload.write(g, failure, ids);
                g.writeEndArray();
            }
            g.writeEndObject();

            g.writeEndArray();
        }
        out.flush();
    }

    /** An inline error row; both SDKs raise on a row that is an object instead of an array. */
    private void writeErrorRow(JsonGenerator g, KustoException failure) throws IOException {
        g.writeStartObject();
        g.writeArrayFieldStart("OneApiErrors");
        ErrorPayload.write(g, failure, ids);
        g.writeEndArray();
        g.writeEndObject();
    }

    private void writeCompletionInformation(JsonGenerator g, int tableId, KustoException failure,
            List<RowStreamer.TableStatistics> statistics) throws IOException {
        startTable(g, tableId, "QueryCompletionInformation", "QueryCompletionInformation", List.of(COMPLETION_COLUMNS));
        String subActivity = UUID.randomUUID().toString();
        String now = KustoValues.formatDateTime(Instant.now());
        // The service's first event is the outcome: the error, or that the query completed.
        if (failure != null) {
            QueryFailures.CompletionEvent event = QueryFailures.completionEvent(failure);
            writeEvent(g, now, subActivity, 2, "Error", QueryFailures.hresult(failure), event.statusCodeName(),
                    event.eventType(), event.eventTypeName(), eventPayload(failure.getMessage()));
        } else {
            writeEvent(g, now, subActivity, 4, "Info", 0, "S_OK (0)", 4, "QueryInfo",
                    eventPayload("Query completed successfully"));
        }
        writeEvent(g, now, subActivity, QueryResourceConsumption.LEVEL, QueryResourceConsumption.LEVEL_NAME, 0,
                "S_OK (0)", 0, QueryResourceConsumption.EVENT_TYPE_NAME,
                QueryResourceConsumption.payload(ids.received(), statistics));
        endTable(g);
    }

    private void writeEvent(JsonGenerator g, String now, String subActivity, int level, String levelName,
            int statusCode, String statusCodeName, int eventType, String eventTypeName, String payload)
            throws IOException {
        g.writeStartArray();
        g.writeString(now);
        g.writeString(ids.clientRequestId());
        g.writeString(ids.activityId());
        g.writeString(subActivity);
        g.writeString(ids.activityId());
        g.writeNumber(level);
        g.writeString(levelName);
        g.writeNumber(statusCode);
        g.writeString(statusCodeName);
        g.writeNumber(eventType);
        g.writeString(eventTypeName);
        g.writeString(payload);
        g.writeEndArray();
    }

    /** An event's payload, {@code {"Count":1,"Text":...}}. */
    private static String eventPayload(String text) {
        return "{\"Count\":1,\"Text\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"}";
    }

    private static List<String[]> columnsOf(List<Column> columns) {
        return columns.stream().map(c -> new String[] {c.name(), c.type().kqlName()}).toList();
    }

    /** Opens a DataTable frame up to and including the start of its {@code Rows} array. */
    private static void startTable(JsonGenerator g, int tableId, String kind, String name, List<String[]> columns)
            throws IOException {
        g.writeStartObject();
        g.writeStringField("FrameType", "DataTable");
        g.writeNumberField("TableId", tableId);
        g.writeStringField("TableKind", kind);
        g.writeStringField("TableName", name);
        g.writeArrayFieldStart("Columns");
        for (String[] column : columns) {
            g.writeStartObject();
            g.writeStringField("ColumnName", column[0]);
            g.writeStringField("ColumnType", column[1]);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("Rows");
    }

    private static void endTable(JsonGenerator g) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
    }
}
