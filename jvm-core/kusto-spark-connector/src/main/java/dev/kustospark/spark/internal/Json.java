package dev.kustospark.spark.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The connector's JSON reading and canonical writing. Parse errors never quote the input: the JSON
 * may hold secrets (SAS tokens, keys), so only the line and column of the problem are reported.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            // Text after the document is a mistake in the option's value, not something to drop.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    // Decimal numbers as written: a double cannot hold epoch seconds to 100 ns (near 2024 its steps
    // are 238 ns), so a creationTime read through one would land on the wrong tick.
    private static final ObjectMapper EXACT_MAPPER = MAPPER.copy()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);
    private static final JsonFactory FACTORY = MAPPER.getFactory();

    private Json() {}

    /** Parses {@code text}, or throws IllegalArgumentException saying where it is malformed (not what it holds). */
    public static JsonNode parse(String text, String what) {
        return parse(MAPPER, text, what);
    }

    /** As {@link #parse(String, String)}, with decimal numbers kept exactly as written (BigDecimal). */
    public static JsonNode parseExactNumbers(String text, String what) {
        return parse(EXACT_MAPPER, text, what);
    }

    private static JsonNode parse(ObjectMapper mapper, String text, String what) {
        try {
            JsonNode node = mapper.readTree(text);
            if (node == null || node.isMissingNode()) {
                throw new IllegalArgumentException(what + " is empty; expected a JSON document");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new IllegalArgumentException(what + " is not valid JSON" + where + ": "
                    // Jackson quotes the offending token, which may be part of a secret.
                    + e.getOriginalMessage().replaceAll("\\s*\\(start marker at \\[Source:[^\\]]*\\]\\)", "")
                            .replaceAll("'[^']*'", "'...'").replaceAll("\"[^\"]*\"", "\"...\""));
        }
    }

    /** Writes JSON with no insignificant whitespace through {@code body}. */
    public static String write(JsonBody body) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            body.writeTo(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @FunctionalInterface
    public interface JsonBody {
        void writeTo(JsonGenerator g) throws IOException;
    }
}
