package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The hand-written Java builders against {@code options/kusto-options.json}, from which the registry
 * and the Python and C# builders are generated: every described setter exists here with the
 * parameter type its kind or type implies, and the builders' field lists are the described ones, in
 * order. (That the generated files are current is {@code scripts/generate-options.py --check}.)
 */
class OptionDescriptionTest {
    private static final Path DESCRIPTION = Path.of("../../options/kusto-options.json");
    private static final Map<String, Class<?>> OPTION_TYPES = Map.of("boolean", boolean.class, "integer", int.class,
            "seconds", Duration.class, "clientRequestProperties", ClientRequestProperties.class,
            "sparkIngestionProperties", SparkIngestionProperties.class);
    private static final Map<String, Class<?>> FIELD_TYPES = Map.of("timespan", Duration.class, "boolean", boolean.class,
            "long", long.class, "instant", Instant.class, "text", String.class, "enum", String.class, "tags", List.class,
            "csvMapping", List.class);

    private static final Map<String, Class<?>> PARAMETER_TYPES = Map.of("text", String.class, "long", long.class,
            "real", double.class, "boolean", boolean.class, "instant", Instant.class, "timespan", Duration.class,
            "guid", java.util.UUID.class, "json", String.class);

    private static JsonNode description() throws Exception {
        return new ObjectMapper().readTree(Files.readString(DESCRIPTION));
    }

    @Test
    void everyDescribedOptionSetterExistsWithItsType() throws Exception {
        List<String> missing = new ArrayList<>();
        for (JsonNode option : description().get("options")) {
            JsonNode setter = option.path("setter");
            if (!setter.isObject()) {
                continue;
            }
            String name = setter.path("name").asText(option.get("key").asText());
            String kind = option.path("kind").asText("text");
            Class<?> type = option.has("enum") ? Class.forName("dev.kustospark.spark." + option.get("enum").asText())
                    : OPTION_TYPES.getOrDefault(kind, String.class);
            String side = option.get("side").asText();
            for (Class<?> builder : side.equals("read") ? List.of(KustoReadOptions.class)
                    : side.equals("write") ? List.of(KustoWriteOptions.class)
                    : List.of(KustoReadOptions.class, KustoWriteOptions.class)) {
                if (!hasSetter(builder, name, type)) {
                    missing.add(builder.getSimpleName() + "." + name + "(" + type.getSimpleName() + ")");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void builderFieldsAreTheDescribedOnesInOrder() throws Exception {
        JsonNode description = description();
        assertEquals(keys(description.get("clientRequestProperties")), ClientRequestProperties.KNOWN_OPTIONS);
        assertEquals(keys(description.get("sparkIngestionProperties")), SparkIngestionProperties.FIELDS);
        List<String> missing = new ArrayList<>();
        for (String group : List.of("clientRequestProperties", "sparkIngestionProperties")) {
            Class<?> builder = group.equals("clientRequestProperties") ? ClientRequestProperties.Builder.class
                    : SparkIngestionProperties.Builder.class;
            for (JsonNode field : description.get(group)) {
                Class<?> type = FIELD_TYPES.get(field.get("type").asText());
                if (!hasSetter(builder, field.get("name").asText(), type)) {
                    missing.add(builder.getName() + "." + field.get("name").asText() + "(" + type.getSimpleName() + ")");
                }
            }
        }
        for (JsonNode parameter : description.get("queryParameters")) {
            String name = parameter.get("name").asText();
            Class<?> type = PARAMETER_TYPES.get(parameter.get("type").asText());
            try {
                ClientRequestProperties.Builder.class.getMethod(name, String.class, type);
            } catch (NoSuchMethodException e) {
                missing.add("ClientRequestProperties.Builder." + name + "(String, " + type.getSimpleName() + ")");
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void enumsHaveTheDescribedValuesInOrder() throws Exception {
        for (JsonNode e : description().get("enums")) {
            Class<?> type = Class.forName("dev.kustospark.spark." + e.get("name").asText());
            List<String> values = new ArrayList<>();
            e.get("values").forEach(v -> values.add(v.get("name").asText()));
            assertEquals(values, Arrays.stream(type.getEnumConstants()).map(Object::toString).toList(), type.getName());
        }
    }

    private static List<String> keys(JsonNode fields) {
        List<String> keys = new ArrayList<>();
        fields.forEach(f -> keys.add(f.get("key").asText()));
        return keys;
    }

    private static boolean hasSetter(Class<?> builder, String name, Class<?> type) {
        for (Method m : builder.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 1 && m.getParameterTypes()[0] == type) {
                return true;
            }
        }
        return false;
    }
}
