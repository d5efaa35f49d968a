package dev.kustospark.local.dm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustospark.local.ingest.IngestionRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * One message of the ready-for-aggregation queue, as the SDKs' queued ingest clients write it:
 * Base64 of UTF-8 JSON, camelCase keys from Java and PascalCase from Python (so keys are matched
 * case-insensitively), enums as names or as numbers.
 */
record IngestionMessage(UUID id, String blobPath, String database, String table, boolean retainBlobOnSuccess,
        ReportLevel reportLevel, ReportMethod reportMethod, String statusTable, String partitionKey, String rowKey,
        IngestionRequest request) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INGEST_BY = "ingest-by:";
    private static final String DROP_BY = "drop-by:";

    enum ReportLevel { FAILURES_ONLY, NONE, FAILURES_AND_SUCCESSES }

    enum ReportMethod { QUEUE, TABLE, QUEUE_AND_TABLE }

    boolean reportsSuccesses() {
        return reportLevel == ReportLevel.FAILURES_AND_SUCCESSES;
    }

    boolean reportsFailures() {
        return reportLevel != ReportLevel.NONE;
    }

    boolean toTable() {
        return reportMethod != ReportMethod.QUEUE && statusTable != null;
    }

    boolean toQueue() {
        return reportMethod != ReportMethod.TABLE;
    }

    /** Decodes a queue message's text. */
    static IngestionMessage decode(String messageText) {
        String text = messageText.strip();
        byte[] json;
        try {
            json = Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            // Some clients put the JSON in the queue as it is.
            json = text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return parse(lowerKeys(JSON.readTree(json)));
        } catch (IOException e) {
            // Not the parser's message: it quotes the text, SAS included.
            throw new IllegalArgumentException("the ingestion message is not JSON");
        }
    }

    private static IngestionMessage parse(JsonNode m) {
        if (m == null || !m.isObject()) {
            throw new IllegalArgumentException("the ingestion message is not a JSON object");
        }
        String blobPath = text(m, "blobpath");
        String database = text(m, "databasename");
        String table = text(m, "tablename");
        if (blobPath == null || database == null || table == null) {
            throw new IllegalArgumentException("the ingestion message lacks blobPath, databaseName or tableName");
        }
        String idText = text(m, "id");
        UUID id = idText == null ? UUID.randomUUID() : UUID.fromString(idText);
        JsonNode status = m.path("ingestionstatusintable");
        String statusTable = status.isObject() ? text(status, "tableconnectionstring") : null;
        JsonNode props = m.path("additionalproperties");
        if (props.isTextual()) {
            try {
                props = lowerKeys(JSON.readTree(props.asText()));
            } catch (IOException e) {
                throw new IllegalArgumentException("additionalProperties is not JSON");
            }
        }
        List<String> tags = new ArrayList<>(strings(props.get("tags")));
        for (String t : strings(props.get("ingestbytags"))) {
            tags.add(INGEST_BY + t);
        }
        for (String t : strings(props.get("dropbytags"))) {
            tags.add(DROP_BY + t);
        }
        String format = text(props, "format");
        if (format == null) {
            format = formatFromPath(blobPath);
        }
        String mappingJson = firstText(props, "ingestionmapping", "csvmapping", "jsonmapping", "avromapping");
        String mappingName = firstText(props, "ingestionmappingreference", "csvmappingreference",
                "jsonmappingreference", "avromappingreference");
        IngestionRequest request = new IngestionRequest(format, mappingName, mappingJson, tags,
                strings(props.get("ingestifnotexists")), instant(text(props, "creationtime")),
                bool(props.get("ignorefirstrecord")));
        return new IngestionMessage(id, blobPath, database, table, bool(m.get("retainblobonsuccess")),
                reportLevel(m.get("reportlevel")), reportMethod(m.get("reportmethod")), statusTable,
                status.isObject() ? text(status, "partitionkey") : null,
                status.isObject() ? text(status, "rowkey") : null, request);
    }

    /** A copy of an object with every key lower-cased, one level deep inside nested objects too. */
    private static JsonNode lowerKeys(JsonNode node) {
        if (node == null || !node.isObject()) {
            return node;
        }
        ObjectNode out = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> e = fields.next();
            out.set(e.getKey().toLowerCase(Locale.ROOT), lowerKeys(e.getValue()));
        }
        return out;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = n == null ? null : n.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String firstText(JsonNode n, String... keys) {
        for (String k : keys) {
            String v = text(n, k);
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    /** A JSON array of strings, or a string holding one (Java sends tags that way), or one string. */
    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            return out;
        }
        JsonNode array = v;
        if (v.isTextual()) {
            String s = v.asText().strip();
            if (s.isEmpty()) {
                return out;
            }
            if (!s.startsWith("[")) {
                out.add(s);
                return out;
            }
            try {
                array = JSON.readTree(s);
            } catch (IOException e) {
                throw new IllegalArgumentException("a tag list is not a JSON array");
            }
        }
        for (JsonNode e : array) {
            out.add(e.asText());
        }
        return out;
    }

    private static boolean bool(JsonNode v) {
        return v != null && (v.isBoolean() ? v.asBoolean() : "true".equalsIgnoreCase(v.asText()));
    }

    /** Creation times arrive as ISO 8601 with or without an offset (then UTC). */
    private static Instant instant(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("creationTime '" + s + "' is not an ISO 8601 date and time");
            }
        }
    }

    private static ReportLevel reportLevel(JsonNode v) {
        if (v == null || v.isNull()) {
            return ReportLevel.FAILURES_ONLY;
        }
        if (v.isNumber()) {
            return switch (v.asInt()) {
                case 1 -> ReportLevel.NONE;
                case 2 -> ReportLevel.FAILURES_AND_SUCCESSES;
                default -> ReportLevel.FAILURES_ONLY;
            };
        }
        return switch (v.asText().toLowerCase(Locale.ROOT)) {
            case "none", "donotreport" -> ReportLevel.NONE;
            case "failuresandsuccesses" -> ReportLevel.FAILURES_AND_SUCCESSES;
            default -> ReportLevel.FAILURES_ONLY;
        };
    }

    private static ReportMethod reportMethod(JsonNode v) {
        if (v == null || v.isNull()) {
            return ReportMethod.QUEUE;
        }
        if (v.isNumber()) {
            return switch (v.asInt()) {
                case 1 -> ReportMethod.TABLE;
                case 2 -> ReportMethod.QUEUE_AND_TABLE;
                default -> ReportMethod.QUEUE;
            };
        }
        return switch (v.asText().toLowerCase(Locale.ROOT)) {
            case "table" -> ReportMethod.TABLE;
            case "queueandtable" -> ReportMethod.QUEUE_AND_TABLE;
            default -> ReportMethod.QUEUE;
        };
    }

    /** {@code db__T__name__uuid.csv.gz}: the format is the extension before a compression one. */
    private static String formatFromPath(String url) {
        String path = StorageAccess.withoutSecrets(url).toLowerCase(Locale.ROOT);
        path = path.substring(path.lastIndexOf('/') + 1);
        for (String compression : new String[] {".gz", ".zip"}) {
            if (path.endsWith(compression)) {
                path = path.substring(0, path.length() - compression.length());
            }
        }
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "csv" : path.substring(dot + 1);
    }
}
