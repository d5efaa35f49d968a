package dev.kustospark.local.ingest;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.local.KustoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Rows of json (objects one after another, as JSON Lines), multijson (objects or arrays of objects
 * separated by any whitespace) and singlejson (one object) payloads, parsed as a stream.
 */
final class JsonRowReader implements RowReader {
    private final DataFormat format;
    private final JsonParser parser;
    private final ColumnPlan plan;
    private boolean inArray;
    private long records;

    JsonRowReader(DataFormat format, InputStream body, ColumnPlan plan) {
        this.format = format;
        this.plan = plan;
        try {
            this.parser = ValueConverter.JSON.getFactory().createParser(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Object[] next() {
        JsonNode record = nextRecord();
        return record == null ? null : plan.rowFromJson(record, records);
    }

    private JsonNode nextRecord() {
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                if (inArray) {
                    if (token == JsonToken.END_ARRAY) {
                        inArray = false;
                        continue;
                    }
                    if (token != JsonToken.START_OBJECT) {
                        throw notARecord(token);
                    }
                    return readObject();
                }
                if (token == null) {
                    return null;
                }
                if (format == DataFormat.SINGLEJSON && records > 0) {
                    throw KustoException.badRequest("The singlejson data holds more than one JSON value; the "
                            + "second starts at " + where(parser.currentTokenLocation()) + ".");
                }
                if (token == JsonToken.START_ARRAY) {
                    if (format != DataFormat.MULTIJSON) {
                        throw KustoException.badRequest("The " + format.displayName() + " data holds a JSON array at "
                                + where(parser.currentTokenLocation())
                                + "; records must be JSON objects (arrays of objects need format multijson).");
                    }
                    inArray = true;
                    continue;
                }
                if (token != JsonToken.START_OBJECT) {
                    throw notARecord(token);
                }
                return readObject();
            }
        } catch (JsonProcessingException e) {
            throw KustoException.badRequest("The " + format.displayName() + " data is not valid JSON at "
                    + where(e.getLocation()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode readObject() throws IOException {
        records++;
        return ValueConverter.JSON.readTree(parser);
    }

    private KustoException notARecord(JsonToken token) {
        String text;
        try {
            text = token == null ? "the end of the data" : "'" + parser.getText() + "'";
        } catch (IOException e) {
            text = String.valueOf(token);
        }
        return KustoException.badRequest("The " + format.displayName() + " data holds " + text
                + " at " + where(parser.currentTokenLocation()) + " where a JSON object (a record) was expected.");
    }

    private static String where(JsonLocation location) {
        return location == null ? "an unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
