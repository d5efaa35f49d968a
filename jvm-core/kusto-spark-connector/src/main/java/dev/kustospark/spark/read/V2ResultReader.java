package dev.kustospark.spark.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.spark.KustoConnectorException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a Kusto v2 query response (a JSON array of frames) as a stream: the rows of the first
 * {@code PrimaryResult} table become InternalRows one at a time, so memory does not grow with the
 * result. Frames after the rows are still read, because the service reports late failures
 * (truncation, timeouts, runtime errors) there, after it has sent some rows.
 */
final class V2ResultReader implements Closeable {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final JsonParser parser;
    private final StructType schema;
    private final JsonValueConverter[] converters;
    private boolean inPrimaryRows;
    private boolean primaryDone;
    private boolean finished;
    private InternalRow current;

    V2ResultReader(InputStream body, StructType schema) throws IOException {
        this.parser = FACTORY.createParser(body);
        this.schema = schema;
        this.converters = new JsonValueConverter[schema.size()];
        for (int i = 0; i < converters.length; i++) {
            converters[i] = JsonValueConverter.forType(schema.fields()[i].dataType(), schema.fields()[i].name());
        }
        if (parser.nextToken() != JsonToken.START_ARRAY) {
            throw new KustoResponseException("the v2 query response is not a JSON array of frames");
        }
    }

    /** Advances to the next row of the primary result; false at the end of the response. */
    boolean next() throws IOException {
        while (!finished) {
            if (inPrimaryRows) {
                JsonToken token = parser.nextToken();
                if (token == JsonToken.START_ARRAY) {
                    current = readRow();
                    return true;
                }
                if (token == JsonToken.START_OBJECT) {
                    throw inlineError(MAPPER.readTree(parser));
                }
                inPrimaryRows = false;
                primaryDone = true;
                finishFrame();
                continue;
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                finished = true;
                if (!primaryDone) {
                    throw new KustoResponseException("the response has no PrimaryResult table");
                }
                return false;
            }
            if (token != JsonToken.START_OBJECT) {
                throw new KustoResponseException("unexpected " + token + " between frames of the v2 response");
            }
            readFrame();
        }
        return false;
    }

    InternalRow current() {
        return current;
    }

    /**
     * Reads a frame's fields in order. The primary table's {@code Rows} are left open for
     * {@link #next()}; any other frame is read whole (they are small) and checked for errors.
     */
    private void readFrame() throws IOException {
        String frameType = null;
        String tableKind = null;
        JsonNode columns = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "FrameType" -> {
                    frameType = parser.getText();
                    if ("TableHeader".equals(frameType) || "TableFragment".equals(frameType)) {
                        // Progressive fragments may replace rows already sent, which a streaming read cannot undo.
                        throw new KustoResponseException("Kusto sent progressive results, which this connector does not"
                                + " read; remove results_progressive_enabled from clientRequestPropertiesJson");
                    }
                }
                case "TableKind" -> tableKind = parser.getText();
                case "Columns" -> columns = MAPPER.readTree(parser);
                case "Rows" -> {
                    if (!primaryDone && "DataTable".equals(frameType) && isPrimary(tableKind) && value == JsonToken.START_ARRAY) {
                        checkColumns(columns);
                        inPrimaryRows = true;
                        return;
                    }
                    JsonNode rows = MAPPER.readTree(parser);
                    for (JsonNode row : rows) {
                        if (row.isObject()) {
                            throw inlineError(row);
                        }
                    }
                    if ("QueryCompletionInformation".equals(tableKind)) {
                        requireNoErrorEvent(columns, rows);
                    }
                }
                case "HasErrors" -> {
                    if (value == JsonToken.VALUE_TRUE && "DataSetCompletion".equals(frameType)) {
                        // The error list follows; read the rest of the frame for it.
                        JsonNode rest = readRestOfObject();
                        throw inlineError(rest);
                    }
                }
                case "OneApiErrors" -> throw inlineError(MAPPER.createObjectNode().set("OneApiErrors", MAPPER.readTree(parser)));
                default -> parser.skipChildren();
            }
        }
    }

    /**
     * With {@code deferpartialqueryfailures} the service reports a failure that cut the result short
     * only as an event of level Error (2) or Critical (1) here, after the rows it did send; the rows
     * read so far are then not the query's result.
     */
    private void requireNoErrorEvent(JsonNode columns, JsonNode rows) {
        int level = columnIndex(columns, "Level");
        int payload = columnIndex(columns, "Payload");
        if (level < 0) {
            return;
        }
        for (JsonNode row : rows) {
            JsonNode value = row.get(level);
            if (value != null && value.isNumber() && value.asInt() <= 2) {
                String text = payload < 0 ? "" : row.path(payload).asText("");
                try {
                    text = MAPPER.readTree(text).path("Text").asText(text);
                } catch (IOException notJson) {
                    // The payload is shown as it came.
                }
                throw new KustoResponseException("Kusto failed the query after sending part of its result (it was"
                        + " run with deferpartialqueryfailures, so the failure came only in the completion"
                        + " information): " + text);
            }
        }
    }

    private static int columnIndex(JsonNode columns, String name) {
        if (columns != null) {
            for (int i = 0; i < columns.size(); i++) {
                if (name.equals(columns.get(i).path("ColumnName").asText())) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static boolean isPrimary(String tableKind) {
        return tableKind == null || "PrimaryResult".equals(tableKind);
    }

    private void checkColumns(JsonNode columns) {
        if (columns == null || columns.size() != schema.size()) {
            throw new KustoResponseException("the query returned " + (columns == null ? 0 : columns.size())
                    + " columns where the read schema has " + schema.size() + " (" + String.join(", ", schema.fieldNames())
                    + "): the query's result columns changed since the schema was taken, or customSchema does not"
                    + " name the query's columns");
        }
    }

    private InternalRow readRow() throws IOException {
        Object[] values = new Object[converters.length];
        int i = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (i >= values.length) {
                throw new KustoResponseException("a row has more values than the " + values.length + " columns");
            }
            if (token != JsonToken.VALUE_NULL) {
                try {
                    values[i] = converters[i].convert(parser);
                } catch (KustoConnectorException e) {
                    throw e;
                } catch (RuntimeException e) {
                    throw new KustoResponseException("cannot read column '" + schema.fields()[i].name() + "' as "
                            + schema.fields()[i].dataType().simpleString() + ": " + e.getMessage());
                }
            }
            i++;
        }
        return new GenericInternalRow(values);
    }

    /** Skips the rest of the current object, for the frames after the primary table's rows. */
    private void finishFrame() throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            parser.nextToken();
            parser.skipChildren();
        }
    }

    private JsonNode readRestOfObject() throws IOException {
        var node = MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            node.set(field, MAPPER.readTree(parser));
        }
        return node;
    }

    private KustoResponseException inlineError(JsonNode error) {
        List<String> messages = new ArrayList<>();
        collectMessages(error, messages);
        String message = messages.isEmpty() ? error.toString() : String.join("; ", messages);
        return new KustoResponseException("Kusto failed the query while streaming its results: " + message);
    }

    /** The human messages of a OneApiErrors or legacy Exceptions payload. */
    private static void collectMessages(JsonNode node, List<String> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            JsonNode error = node.get("error");
            if (error != null && error.isObject()) {
                JsonNode message = error.has("@message") ? error.get("@message") : error.get("message");
                if (message != null) {
                    out.add(message.asText());
                    return;
                }
            }
            node.elements().forEachRemaining(child -> collectMessages(child, out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectMessages(child, out));
        } else if (node.isTextual() && !node.asText().isBlank()) {
            out.add(node.asText());
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** A response that does not carry the expected rows, with the service's own words when it sent some. */
    static final class KustoResponseException extends RuntimeException {
        KustoResponseException(String message) {
            super(message);
        }
    }
}
