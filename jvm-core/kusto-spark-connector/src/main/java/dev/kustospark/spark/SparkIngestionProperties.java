package dev.kustospark.spark;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.spark.internal.Json;
import dev.kustospark.spark.internal.KustoTimes;
import java.io.IOException;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Ingestion properties of a write (the option {@code sparkIngestionPropertiesJson}): extent tags,
 * deduplication tags, the extents' creation time and a CSV mapping. Immutable; build one with
 * {@link #builder()} or parse existing JSON with {@link #fromJson(String)}.
 *
 * <p>Canonical JSON: the fields that are set, in the order flushImmediately, dropByTags,
 * ingestByTags, additionalTags, ingestIfNotExists, creationTime, csvMapping,
 * csvMappingNameReference, with no whitespace. An empty tag list ({@code []}) is kept distinct from
 * an absent one (field omitted); {@code flushImmediately} is written only when true;
 * {@code creationTime} prints as {@code 2024-01-02T03:04:05.1234567Z}; {@code csvMapping} is a
 * string holding the mapping array, as the established connector reads it.
 */
public final class SparkIngestionProperties implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final List<String> FIELDS = List.of("flushImmediately", "dropByTags", "ingestByTags",
            "additionalTags", "ingestIfNotExists", "creationTime", "csvMapping", "csvMappingNameReference");
    private static final SparkIngestionProperties EMPTY = builder().build();

    private final boolean flushImmediately;
    private final List<String> dropByTags;
    private final List<String> ingestByTags;
    private final List<String> additionalTags;
    private final List<String> ingestIfNotExists;
    private final Instant creationTime;
    private final List<CsvColumnMapping> csvMapping;
    private final String csvMappingNameReference;

    private SparkIngestionProperties(Builder b) {
        this.flushImmediately = b.flushImmediately;
        this.dropByTags = b.dropByTags == null ? null : List.copyOf(b.dropByTags);
        this.ingestByTags = b.ingestByTags == null ? null : List.copyOf(b.ingestByTags);
        this.additionalTags = b.additionalTags == null ? null : List.copyOf(b.additionalTags);
        this.ingestIfNotExists = b.ingestIfNotExists == null ? null : List.copyOf(b.ingestIfNotExists);
        this.creationTime = b.creationTime;
        this.csvMapping = b.csvMapping == null ? null : List.copyOf(b.csvMapping);
        this.csvMappingNameReference = b.csvMappingNameReference;
    }

    /** No properties set. */
    public static SparkIngestionProperties empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.flushImmediately = flushImmediately;
        b.dropByTags = dropByTags;
        b.ingestByTags = ingestByTags;
        b.additionalTags = additionalTags;
        b.ingestIfNotExists = ingestIfNotExists;
        b.creationTime = creationTime;
        b.csvMapping = csvMapping;
        b.csvMappingNameReference = csvMappingNameReference;
        return b;
    }

    public boolean flushImmediately() {
        return flushImmediately;
    }

    /** {@code drop-by:} tags for the ingested extents; empty when absent (an empty list is a set, empty value). */
    public Optional<List<String>> dropByTags() {
        return Optional.ofNullable(dropByTags);
    }

    public Optional<List<String>> ingestByTags() {
        return Optional.ofNullable(ingestByTags);
    }

    public Optional<List<String>> additionalTags() {
        return Optional.ofNullable(additionalTags);
    }

    public Optional<List<String>> ingestIfNotExists() {
        return Optional.ofNullable(ingestIfNotExists);
    }

    public Optional<Instant> creationTime() {
        return Optional.ofNullable(creationTime);
    }

    public Optional<List<CsvColumnMapping>> csvMapping() {
        return Optional.ofNullable(csvMapping);
    }

    public Optional<String> csvMappingNameReference() {
        return Optional.ofNullable(csvMappingNameReference);
    }

    /** The mapping array's JSON, as the ingestion property {@code ingestionMapping} takes it. */
    public Optional<String> csvMappingJson() {
        return csvMapping == null ? Optional.empty() : Optional.of(mappingJson(csvMapping));
    }

    /**
     * Whether anything is set that streaming ingestion cannot honour (tags, deduplication,
     * creation time, a mapping): the service takes none of these on a streaming request.
     */
    public List<String> fieldsUnsupportedByStreaming() {
        List<String> fields = new ArrayList<>();
        if (dropByTags != null && !dropByTags.isEmpty()) fields.add("dropByTags");
        if (ingestByTags != null && !ingestByTags.isEmpty()) fields.add("ingestByTags");
        if (additionalTags != null && !additionalTags.isEmpty()) fields.add("additionalTags");
        if (ingestIfNotExists != null && !ingestIfNotExists.isEmpty()) fields.add("ingestIfNotExists");
        if (creationTime != null) fields.add("creationTime");
        if (csvMapping != null) fields.add("csvMapping");
        return fields;
    }

    public String toJson() {
        return Json.write(g -> {
            g.writeStartObject();
            if (flushImmediately) {
                g.writeBooleanField("flushImmediately", true);
            }
            writeList(g, "dropByTags", dropByTags);
            writeList(g, "ingestByTags", ingestByTags);
            writeList(g, "additionalTags", additionalTags);
            writeList(g, "ingestIfNotExists", ingestIfNotExists);
            if (creationTime != null) {
                g.writeStringField("creationTime", KustoTimes.instant(creationTime, "creationTime"));
            }
            if (csvMapping != null) {
                g.writeStringField("csvMapping", mappingJson(csvMapping));
            }
            if (csvMappingNameReference != null) {
                g.writeStringField("csvMappingNameReference", csvMappingNameReference);
            }
            g.writeEndObject();
        });
    }

    private static String mappingJson(List<CsvColumnMapping> mapping) {
        return Json.write(g -> {
            g.writeStartArray();
            for (CsvColumnMapping m : mapping) {
                m.writeTo(g);
            }
            g.writeEndArray();
        });
    }

    private static void writeList(JsonGenerator g, String field, List<String> values) throws IOException {
        if (values != null) {
            g.writeArrayFieldStart(field);
            for (String v : values) {
                g.writeString(v);
            }
            g.writeEndArray();
        }
    }

    /**
     * Parses the established connector's {@code sparkIngestionPropertiesJson} (pretty-printed or not,
     * nulls for absent fields, {@code creationTime} as decimal epoch seconds or ISO-8601,
     * {@code csvMapping} as a string holding the mapping array, or the array itself).
     *
     * @throws IllegalArgumentException for unknown fields (named, with the allowed ones) and bad values
     */
    public static SparkIngestionProperties fromJson(String json) {
        JsonNode root = Json.parseExactNumbers(json, "sparkIngestionPropertiesJson");
        if (!root.isObject()) {
            throw new IllegalArgumentException("sparkIngestionPropertiesJson must be a JSON object such as"
                    + " {\"ingestByTags\":[\"tag1\"]}");
        }
        Builder b = builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            String field = f.getKey();
            if (v.isNull()) {
                if (!FIELDS.contains(field)) {
                    throw unknownField(field);
                }
                continue;
            }
            switch (field) {
                case "flushImmediately" -> {
                    if (!v.isBoolean()) {
                        throw new IllegalArgumentException("sparkIngestionPropertiesJson field flushImmediately has value "
                                + v + "; allowed values: true, false");
                    }
                    b.flushImmediately(v.booleanValue());
                }
                case "dropByTags" -> b.dropByTags(strings(v, field));
                case "ingestByTags" -> b.ingestByTags(strings(v, field));
                case "additionalTags" -> b.additionalTags(strings(v, field));
                case "ingestIfNotExists" -> b.ingestIfNotExists(strings(v, field));
                case "creationTime" -> {
                    Instant t = v.isNumber() ? KustoTimes.parseInstantOrNull(v.decimalValue().toPlainString())
                            : v.isTextual() ? KustoTimes.parseInstantOrNull(v.textValue()) : null;
                    if (t == null) {
                        throw new IllegalArgumentException("sparkIngestionPropertiesJson field creationTime has value "
                                + v + "; expected an ISO-8601 instant such as 2024-01-02T03:04:05.1234567Z"
                                + " or decimal epoch seconds such as 1704164645.123000000");
                    }
                    try {
                        b.creationTime(t);
                    } catch (IllegalArgumentException tooFine) {
                        // Name the value as the JSON holds it, not as the instant it was converted to.
                        throw new IllegalArgumentException("sparkIngestionPropertiesJson field creationTime has value "
                                + v + ": " + tooFine.getMessage(), tooFine);
                    }
                }
                case "csvMapping" -> {
                    JsonNode array = v.isTextual() ? Json.parse(v.textValue(), "sparkIngestionPropertiesJson field csvMapping") : v;
                    if (!array.isArray()) {
                        throw new IllegalArgumentException("sparkIngestionPropertiesJson field csvMapping must hold a JSON"
                                + " array such as [{\"Name\":\"ColA\",\"Ordinal\":0}]");
                    }
                    List<CsvColumnMapping> mapping = new ArrayList<>();
                    for (int i = 0; i < array.size(); i++) {
                        mapping.add(CsvColumnMapping.fromJson(array.get(i), i));
                    }
                    b.csvMapping(mapping);
                }
                case "csvMappingNameReference" -> {
                    if (!v.isTextual()) {
                        throw new IllegalArgumentException("sparkIngestionPropertiesJson field csvMappingNameReference must be a string");
                    }
                    b.csvMappingNameReference(v.textValue());
                }
                default -> throw unknownField(field);
            }
        }
        return b.build();
    }

    private static IllegalArgumentException unknownField(String field) {
        return new IllegalArgumentException("sparkIngestionPropertiesJson has an unknown field '" + field
                + "'; allowed fields: " + String.join(", ", FIELDS));
    }

    private static List<String> strings(JsonNode v, String field) {
        if (!v.isArray()) {
            throw new IllegalArgumentException("sparkIngestionPropertiesJson field " + field
                    + " must be a JSON array of strings such as [\"tag1\"], not " + v.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        List<String> values = new ArrayList<>();
        for (JsonNode e : v) {
            if (!e.isTextual()) {
                throw new IllegalArgumentException("sparkIngestionPropertiesJson field " + field + " holds " + e
                        + "; every element must be a string");
            }
            values.add(e.textValue());
        }
        return values;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparkIngestionProperties p && flushImmediately == p.flushImmediately
                && Objects.equals(dropByTags, p.dropByTags) && Objects.equals(ingestByTags, p.ingestByTags)
                && Objects.equals(additionalTags, p.additionalTags) && Objects.equals(ingestIfNotExists, p.ingestIfNotExists)
                && Objects.equals(creationTime, p.creationTime) && Objects.equals(csvMapping, p.csvMapping)
                && Objects.equals(csvMappingNameReference, p.csvMappingNameReference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flushImmediately, dropByTags, ingestByTags, additionalTags, ingestIfNotExists,
                creationTime, csvMapping, csvMappingNameReference);
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Setters for each field; {@link #build()} checks them together. */
    public static final class Builder {
        private boolean flushImmediately;
        private List<String> dropByTags;
        private List<String> ingestByTags;
        private List<String> additionalTags;
        private List<String> ingestIfNotExists;
        private Instant creationTime;
        private List<CsvColumnMapping> csvMapping;
        private String csvMappingNameReference;

        private Builder() {}

        /** Seal the ingested data into extents at once instead of waiting for the batching policy. */
        public Builder flushImmediately(boolean value) {
            this.flushImmediately = value;
            return this;
        }

        /** {@code drop-by:} tags on the ingested extents (null for absent, empty for an explicit empty list). */
        public Builder dropByTags(List<String> tags) {
            this.dropByTags = tags(tags, "dropByTags");
            return this;
        }

        /** {@code ingest-by:} tags on the ingested extents. */
        public Builder ingestByTags(List<String> tags) {
            this.ingestByTags = tags(tags, "ingestByTags");
            return this;
        }

        /** Other tags on the ingested extents. */
        public Builder additionalTags(List<String> tags) {
            this.additionalTags = tags(tags, "additionalTags");
            return this;
        }

        /** Skip the ingestion if an extent already has one of these {@code ingest-by:} tags. */
        public Builder ingestIfNotExists(List<String> tags) {
            this.ingestIfNotExists = tags(tags, "ingestIfNotExists");
            return this;
        }

        /** The creation time of the ingested extents (for retention of back-filled data); 100-ns precision. */
        public Builder creationTime(Instant time) {
            if (time != null) {
                KustoTimes.instant(time, "creationTime");
            }
            this.creationTime = time;
            return this;
        }

        /** A CSV mapping from the written columns to the table's (null for none). */
        public Builder csvMapping(List<CsvColumnMapping> mapping) {
            if (mapping != null) {
                mapping.forEach(m -> Objects.requireNonNull(m, "csvMapping holds a null entry"));
            }
            this.csvMapping = mapping == null ? null : List.copyOf(mapping);
            return this;
        }

        /** The name of a CSV ingestion mapping already defined on the table. */
        public Builder csvMappingNameReference(String name) {
            if (name != null && name.isBlank()) {
                throw new IllegalArgumentException("csvMappingNameReference must not be blank");
            }
            this.csvMappingNameReference = name;
            return this;
        }

        public SparkIngestionProperties build() {
            if (csvMapping != null && csvMappingNameReference != null) {
                throw new IllegalArgumentException("sparkIngestionProperties: set csvMapping or csvMappingNameReference,"
                        + " not both");
            }
            if (csvMapping != null) {
                java.util.Set<String> names = new java.util.HashSet<>();
                for (CsvColumnMapping m : csvMapping) {
                    if (!names.add(m.name())) {
                        throw new IllegalArgumentException("csvMapping maps column '" + m.name() + "' twice");
                    }
                }
            }
            return new SparkIngestionProperties(this);
        }

        private static List<String> tags(List<String> tags, String field) {
            if (tags == null) {
                return null;
            }
            for (String t : tags) {
                if (t == null) {
                    throw new IllegalArgumentException(field + " holds a null tag");
                }
            }
            return List.copyOf(tags);
        }
    }
}
