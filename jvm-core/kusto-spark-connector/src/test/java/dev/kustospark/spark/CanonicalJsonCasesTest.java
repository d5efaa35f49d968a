package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The shared cases in testdata/canonical-json, which the Python and C# builders are held to as well. */
class CanonicalJsonCasesTest {
    private static final Path CASES = Path.of("../../testdata/canonical-json");

    private static void check(String file, UnaryOperator<String> canonicalize) throws Exception {
        JsonNode cases = new ObjectMapper().readTree(Files.readString(CASES.resolve(file)));
        assertFalse(cases.isEmpty(), file);
        for (JsonNode c : cases) {
            String name = file + ": " + c.get("name").asText();
            String canonical = c.get("canonical").asText();
            assertEquals(canonical, canonicalize.apply(c.get("input").asText()), name);
            assertEquals(canonical, canonicalize.apply(canonical), name + " (canonical is a fixed point)");
        }
    }

    @Test
    void clientRequestProperties() throws Exception {
        check("client-request-properties.json", json -> ClientRequestProperties.fromJson(json).toJson());
    }

    @Test
    void sparkIngestionProperties() throws Exception {
        check("spark-ingestion-properties.json", json -> SparkIngestionProperties.fromJson(json).toJson());
    }
}
