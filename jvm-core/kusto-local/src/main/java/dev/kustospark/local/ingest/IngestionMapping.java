package dev.kustospark.local.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.types.KustoType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A parsed ingestion mapping: for each mapped column, where its value comes from. Accepts the
 * service's current shape ({@code {"column":..., "Properties":{"Ordinal":"0"}}}) and the legacy
 * flat one ({@code {"Name":..., "Ordinal":0}}, {@code {"column":..., "path":"$.a"}}); property
 * names are matched case-insensitively, property values may be strings or numbers.
 */
public final class IngestionMapping {
    /** Mapping text as the service reads it: a trailing comma in an array or object is allowed. */
    private static final ObjectMapper MAPPING_JSON = ValueConverter.JSON_DOCUMENT.copy()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA.mappedFeature());

    /** One element of the mapping array. Exactly one of ordinal, path, constValue or transform is the source. */
    record Entry(String column, KustoType dataType, Integer ordinal, JsonPath path, String constValue,
            Transform transform) {}

    private final List<Entry> entries;

    private IngestionMapping(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    List<Entry> entries() {
        return entries;
    }

    /**
     * Parses mapping JSON for a mapping kind ({@code csv}, {@code json} or {@code parquet}).
     *
     * @throws KustoException (400) naming what is wrong
     */
    static IngestionMapping parse(String mappingJson, String kind) {
        JsonNode root;
        try {
            root = readJson(mappingJson);
        } catch (JsonProcessingException e) {
            throw KustoException.badRequest("The ingestion mapping is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw KustoException.badRequest("The ingestion mapping must be a JSON array of column mappings.");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode element : root) {
            if (!element.isObject()) {
                throw KustoException.badRequest("Each element of the ingestion mapping must be a JSON object; got: "
                        + element);
            }
            entries.add(parseEntry(element, kind));
        }
        return new IngestionMapping(entries);
    }

    /** The JSON of a mapping, read as the service reads it (see {@link #MAPPING_JSON}). */
    public static JsonNode readJson(String mappingJson) throws JsonProcessingException {
        return MAPPING_JSON.readTree(mappingJson);
    }

    private static Entry parseEntry(JsonNode element, String kind) {
        String column = text(element, "column", "name", "columnname");
        if (column == null || column.isEmpty()) {
            throw KustoException.badRequest("An ingestion mapping element has no column name: " + element);
        }
        String dataTypeName = text(element, "datatype", "columntype");
        KustoType dataType = dataTypeName == null || dataTypeName.isBlank() ? null : KustoType.fromName(dataTypeName);
        if (dataTypeName != null && !dataTypeName.isBlank() && dataType == null) {
            throw KustoException.badRequest("Ingestion mapping of column '" + column + "' has unknown data type '"
                    + dataTypeName + "'.");
        }
        JsonNode properties = property(element, "properties");
        if (properties != null && properties.isTextual()) {
            // Some clients send Properties as serialized JSON text.
            try {
                properties = ValueConverter.JSON_DOCUMENT.readTree(properties.textValue());
            } catch (JsonProcessingException e) {
                throw KustoException.badRequest("Ingestion mapping of column '" + column
                        + "' has Properties that are not a JSON object.");
            }
        }
        String ordinalText = firstOf(properties, element, "ordinal");
        String pathText = firstOf(properties, element, "path");
        String field = firstOf(properties, element, "field");
        String constValue = firstOf(properties, element, "constvalue");
        String transformText = firstOf(properties, element, "transform");
        Transform transform = Transform.parse(transformText, column);

        Integer ordinal = null;
        JsonPath path = null;
        if (kind.equals("csv")) {
            if (ordinalText != null && !ordinalText.isBlank()) {
                try {
                    ordinal = Integer.valueOf(ordinalText.trim());
                } catch (NumberFormatException e) {
                    throw KustoException.badRequest("Ingestion mapping of column '" + column + "' has Ordinal '"
                            + ordinalText + "', which is not a number.");
                }
                if (ordinal < 0) {
                    throw KustoException.badRequest("Ingestion mapping of column '" + column
                            + "' has a negative Ordinal.");
                }
            }
        } else {
            if (field != null && !field.isEmpty()) {
                path = JsonPath.property(field);
            } else if (pathText != null && !pathText.isBlank()) {
                if (pathText.trim().startsWith("$")) {
                    path = JsonPath.parse(pathText);
                } else if (constValue == null) {
                    // The service reads a Path that does not start with '$' as a constant.
                    constValue = pathText;
                }
            }
        }
        boolean hasSource = ordinal != null || path != null || constValue != null
                || (transform != null && transform.needsNoInput());
        if (!hasSource) {
            throw KustoException.badRequest("Ingestion mapping of column '" + column + "' has no "
                    + (kind.equals("csv") ? "Ordinal" : "Path") + " and no ConstValue.");
        }
        return new Entry(column, dataType, ordinal, path, constValue, transform);
    }

    private static String firstOf(JsonNode properties, JsonNode element, String name) {
        String fromProperties = properties == null ? null : text(properties, name);
        return fromProperties != null ? fromProperties : text(element, name);
    }

    private static String text(JsonNode object, String... names) {
        for (String name : names) {
            JsonNode value = property(object, name);
            if (value != null && !value.isNull()) {
                return value.isValueNode() ? value.asText() : value.toString();
            }
        }
        return null;
    }

    private static JsonNode property(JsonNode object, String lowerName) {
        if (object == null || !object.isObject()) {
            return null;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getKey().toLowerCase(Locale.ROOT).equals(lowerName)) {
                return f.getValue();
            }
        }
        return null;
    }
}
