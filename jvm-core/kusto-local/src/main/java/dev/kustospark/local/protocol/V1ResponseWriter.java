package dev.kustospark.local.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a response in the v1 format, {@code {"Tables":[{"TableName","Columns","Rows"}...]}}, as a
 * stream. Columns carry both the .NET {@code DataType} and the Kusto {@code ColumnType}. The SDKs
 * read one or two tables positionally and otherwise need a table of contents as the last table.
 */
public final class V1ResponseWriter {
    private static final String NO_ID = "00000000-0000-0000-0000-000000000000";

    private final RequestIds ids;
    private final ResultLimits limits;
    private final ExecutionDeadline deadline;
    private final boolean deferPartialFailures;

    public V1ResponseWriter(RequestIds ids, ResultLimits limits, ExecutionDeadline deadline) {
        this(ids, limits, deadline, false);
    }

    /**
     * @param deferPartialFailures report a query's failures after the first row only in its
     *     {@code QueryStatus} table (a command's response has none, so its failures stay inline)
     */
    public V1ResponseWriter(RequestIds ids, ResultLimits limits, ExecutionDeadline deadline,
            boolean deferPartialFailures) {
        this.ids = ids;
        this.limits = limits;
        this.deadline = deadline;
        this.deferPartialFailures = deferPartialFailures;
    }

    /**
     * A query's response: its results, then {@code @ExtendedProperties}, {@code QueryStatus} and the
     * table of contents.
     */
    public void writeQuery(OutputStream out, List<ResultCursor> results) throws IOException {
        write(out, results, true);
    }

    /**
     * A management command's response: its results as {@code Table_0}...; a table of contents
     * follows when there is more than one, so that the second is not taken for query properties.
     */
    public void writeCommand(OutputStream out, List<ResultCursor> results) throws IOException {
        write(out, results, false);
    }

    private void write(OutputStream out, List<ResultCursor> results, boolean query) throws IOException {
        try (JsonGenerator g = ErrorPayload.JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            RowStreamer rows = new RowStreamer(limits, deadline, out);
            List<String[]> contents = new ArrayList<>();
            g.writeStartObject();
            g.writeArrayFieldStart("Tables");
            int index = 0;
            for (ResultCursor result : results) {
                if (rows.failure() != null) {
                    result.close();
                    continue;
                }
                startTable(g, index, result.columns());
                rows.writeRows(g, result);
                if (rows.failure() != null && !(query && deferPartialFailures)) {
                    g.writeStartObject();
                    g.writeArrayFieldStart("OneApiErrors");
                    ErrorPayload.write(g, rows.failure(), ids);
                    g.writeEndArray();
                    g.writeEndObject();
                }
                endTable(g);
                g.flush();
                contents.add(new String[] {"QueryResult", result.name()});
                index++;
            }
            if (index == 0 && rows.failure() == null && !query) {
                // Both SDKs index table 0 unconditionally; a command without results answers an empty table.
                startTable(g, index++, List.of());
                endTable(g);
            }
            if (query) {
                startTable(g, index++, List.of(new Column("Value", KustoType.STRING)));
                g.writeStartArray();
                g.writeString(V2ResponseWriter.NO_VISUALIZATION);
                g.writeEndArray();
                endTable(g);
                contents.add(new String[] {"QueryProperties", "@ExtendedProperties"});
                writeQueryStatus(g, index++, rows.failure(), rows.statistics());
                contents.add(new String[] {"QueryStatus", "QueryStatus"});
            }
            if (query || contents.size() > 1) {
                writeTableOfContents(g, index, contents);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.flush();
    }

    private void writeQueryStatus(JsonGenerator g, int index, KustoException failure,
            List<RowStreamer.TableStatistics> statistics) throws IOException {
        g.writeStartObject();
        g.writeStringField("TableName", "Table_" + index);
        g.writeArrayFieldStart("Columns");
        column(g, "Timestamp", "DateTime", "datetime");
        column(g, "Severity", "Int32", "int");
        column(g, "SeverityName", "String", "string");
        column(g, "StatusCode", "Int32", "int");
        column(g, "StatusDescription", "String", "string");
        column(g, "Count", "Int32", "int");
        column(g, "RequestId", "Guid", "guid");
        column(g, "ActivityId", "Guid", "guid");
        column(g, "SubActivityId", "Guid", "guid");
        column(g, "ClientActivityId", "String", "string");
        g.writeEndArray();
        g.writeArrayFieldStart("Rows");
        String now = KustoValues.formatDateTime(Instant.now());
        String subActivity = UUID.randomUUID().toString();
        writeStatus(g, now, subActivity, failure == null ? 4 : 2, failure == null ? "Info" : "Error",
                failure == null ? 0 : QueryFailures.hresult(failure),
                failure == null ? "Query completed successfully" : failure.getMessage());
        writeStatus(g, now, subActivity, QueryResourceConsumption.LEVEL, QueryResourceConsumption.LEVEL_NAME, 0,
                QueryResourceConsumption.payload(ids.received(), statistics));
        endTable(g);
    }

    private void writeStatus(JsonGenerator g, String now, String subActivity, int severity, String severityName,
            int statusCode, String description) throws IOException {
        g.writeStartArray();
        g.writeString(now);
        g.writeNumber(severity);
        g.writeString(severityName);
        g.writeNumber(statusCode);
        g.writeString(description);
        g.writeNumber(1);
        g.writeString(ids.activityId());
        g.writeString(ids.activityId());
        g.writeString(subActivity);
        g.writeString(ids.clientRequestId());
        g.writeEndArray();
    }

    private static void writeTableOfContents(JsonGenerator g, int index, List<String[]> contents) throws IOException {
        g.writeStartObject();
        g.writeStringField("TableName", "Table_" + index);
        g.writeArrayFieldStart("Columns");
        column(g, "Ordinal", "Int64", "long");
        column(g, "Kind", "String", "string");
        column(g, "Name", "String", "string");
        column(g, "Id", "String", "string");
        column(g, "PrettyName", "String", "string");
        g.writeEndArray();
        g.writeArrayFieldStart("Rows");
        for (int i = 0; i < contents.size(); i++) {
            g.writeStartArray();
            g.writeNumber((long) i);
            g.writeString(contents.get(i)[0]);
            g.writeString(contents.get(i)[1]);
            g.writeString("QueryStatus".equals(contents.get(i)[0]) ? NO_ID : UUID.randomUUID().toString());
            g.writeString("");
            g.writeEndArray();
        }
        endTable(g);
    }

    private static void startTable(JsonGenerator g, int index, List<Column> columns) throws IOException {
        g.writeStartObject();
        g.writeStringField("TableName", "Table_" + index);
        g.writeArrayFieldStart("Columns");
        for (Column c : columns) {
            column(g, c.name(), c.type().dotNetName(), c.type().kqlName());
        }
        g.writeEndArray();
        g.writeArrayFieldStart("Rows");
    }

    private static void column(JsonGenerator g, String name, String dataType, String columnType) throws IOException {
        g.writeStartObject();
        g.writeStringField("ColumnName", name);
        g.writeStringField("DataType", dataType);
        g.writeStringField("ColumnType", columnType);
        g.writeEndObject();
    }

    private static void endTable(JsonGenerator g) throws IOException {
        g.writeEndArray();
        g.writeEndObject();
    }
}
