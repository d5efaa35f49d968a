package dev.kustospark.local.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The payload of the {@code QueryResourceConsumption} row that ends the completion information (v2)
 * and the query status (v1): {@code ExecutionTime} in seconds, {@code resource_usage} and
 * {@code dataset_statistics} (rows and size of each result table), as the service writes them.
 *
 * <p>Only what kusto-local measures is reported. Its cache counters are zero because it has no
 * cache; the service's CPU, memory, network and input-extent figures are left out rather than
 * written as zeros that would read as measurements.
 */
final class QueryResourceConsumption {
    static final int LEVEL = 6;
    static final String LEVEL_NAME = "Stats";
    static final String EVENT_TYPE_NAME = "QueryResourceConsumption";

    private QueryResourceConsumption() {}

    static String payload(Instant received, List<RowStreamer.TableStatistics> tables) {
        StringWriter text = new StringWriter();
        try (JsonGenerator g = ErrorPayload.JSON.createGenerator(text)) {
            g.writeStartObject();
            g.writeNumberField("ExecutionTime", Duration.between(received, Instant.now()).toNanos() / 1e9);
            g.writeObjectFieldStart("resource_usage");
            g.writeObjectFieldStart("cache");
            for (String tier : List.of("memory", "disk")) {
                g.writeObjectFieldStart(tier);
                g.writeNumberField("hits", 0);
                g.writeNumberField("misses", 0);
                g.writeNumberField("total", 0);
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
            g.writeArrayFieldStart("dataset_statistics");
            for (RowStreamer.TableStatistics table : tables) {
                g.writeStartObject();
                g.writeNumberField("table_row_count", table.rowCount());
                g.writeNumberField("table_size", table.size());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
