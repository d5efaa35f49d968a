package dev.kustospark.local.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.protocol.ResultLimits;
import dev.kustospark.local.types.KustoValues;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The body of a query or management request, {@code {"db","csl","properties"}}, with the
 * ClientRequestProperties that kusto-local honours. {@code deferPartialFailures}
 * ({@code deferpartialqueryfailures}) reports a failure after rows were sent only in the completion
 * information, not inside the result's rows. {@code properties} arrives as a JSON-encoded
 * string from both SDKs and as an object in the documentation's examples; both are accepted.
 */
record QueryRequest(String database, String csl, ObjectNode options, Duration serverTimeout,
        ResultLimits limits, boolean deferPartialFailures, Map<String, Object> parameters) {
    /** The timeout to apply: the requested one, else the service's default for the kind of request. */
    Duration timeout() {
        if (serverTimeout != null) {
            return serverTimeout;
        }
        return isCommand(csl) ? COMMAND_TIMEOUT : QUERY_TIMEOUT;
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** The service's default timeouts: 4 minutes for queries, 10 for commands. */
    static final Duration QUERY_TIMEOUT = Duration.ofMinutes(4);
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(10);
    /** The service never runs a request longer than an hour. */
    static final Duration MAX_TIMEOUT = Duration.ofHours(1);

    static QueryRequest parse(InputStream body) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw KustoException.badRequest("The request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw KustoException.badRequest("The request body must be a JSON object with 'db' and 'csl'.");
        }
        JsonNode csl = root.get("csl");
        if (csl == null || !csl.isTextual() || csl.asText().isBlank()) {
            throw KustoException.badRequest("The request has no query or command text ('csl').");
        }
        JsonNode db = root.get("db");
        String database = db == null || db.isNull() ? null : db.asText();

        JsonNode properties = root.get("properties");
        if (properties != null && properties.isTextual()) {
            String text = properties.asText();
            try {
                properties = text.isBlank() ? null : JSON.readTree(text);
            } catch (JsonProcessingException e) {
                throw KustoException.badRequest("The request 'properties' are not valid JSON: " + e.getOriginalMessage());
            }
        }
        JsonNode options = properties == null ? null : field(properties, "Options");
        JsonNode params = properties == null ? null : field(properties, "Parameters");
        ObjectNode optionsCopy = options != null && options.isObject() ? ((ObjectNode) options).deepCopy()
                : JSON.createObjectNode();
        return fromOptions(database, csl.asText().strip(), optionsCopy, parameters(params));
    }

    /**
     * This request with the options of the query's {@code set} statements applied over its own
     * (a statement in the query text wins over a client request property).
     */
    QueryRequest withSetOptions(Map<String, String> setOptions) {
        if (setOptions.isEmpty()) {
            return this;
        }
        ObjectNode merged = options.deepCopy();
        setOptions.forEach((name, value) -> {
            Iterator<String> names = merged.fieldNames();
            List<String> sameName = new ArrayList<>();
            names.forEachRemaining(n -> {
                if (n.equalsIgnoreCase(name)) {
                    sameName.add(n);
                }
            });
            merged.remove(sameName);
            merged.put(name, value);
        });
        return fromOptions(database, csl, merged, parameters);
    }

    private static QueryRequest fromOptions(String database, String csl, ObjectNode options,
            Map<String, Object> parameters) {
        Duration timeout = null;
        ResultLimits limits = ResultLimits.DEFAULT;
        JsonNode t = field(options, "servertimeout");
        if (t != null && !t.isNull()) {
            timeout = parseTimeout(t);
        }
        if (flag(options, "norequesttimeout")) {
            timeout = MAX_TIMEOUT;
        }
        if (flag(options, "notruncation")) {
            limits = ResultLimits.NONE;
        } else {
            long records = count(options, "truncationmaxrecords", limits.maxRecords());
            long bytes = count(options, "truncationmaxsize", limits.maxBytes());
            limits = new ResultLimits(records, bytes);
        }
        return new QueryRequest(database, csl, options, timeout, limits, flag(options, "deferpartialqueryfailures"),
                parameters);
    }

    /** A servertimeout as a timespan ({@code 00:04:00}, {@code 50m}) or a number of milliseconds. */
    static Duration parseTimeout(JsonNode value) {
        Duration timeout;
        try {
            if (value.isNumber()) {
                timeout = Duration.ofMillis(value.asLong());
            } else if (value.asText().trim().matches("\\d+")) {
                timeout = Duration.ofMillis(Long.parseLong(value.asText().trim()));
            } else {
                timeout = KustoValues.fromTicks(KustoValues.parseTimespan(value.asText()));
            }
        } catch (IllegalArgumentException e) {
            throw KustoException.badRequest("The request property 'servertimeout' has an invalid value '"
                    + value.asText() + "': expected a timespan such as '00:04:00' or a number of milliseconds.");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw KustoException.badRequest("The request property 'servertimeout' must be positive, not '"
                    + value.asText() + "'.");
        }
        return timeout.compareTo(MAX_TIMEOUT) > 0 ? MAX_TIMEOUT : timeout;
    }

    private static boolean flag(JsonNode options, String name) {
        JsonNode v = field(options, name);
        if (v == null || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        String text = v.asText().trim().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return text.equals("true");
        }
        throw KustoException.badRequest("The request property '" + name + "' must be true or false, not '"
                + v.asText() + "'.");
    }

    private static long count(JsonNode options, String name, long defaultValue) {
        JsonNode v = field(options, name);
        if (v == null || v.isNull()) {
            return defaultValue;
        }
        try {
            long n = v.isNumber() ? v.asLong() : Long.parseLong(v.asText().trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw KustoException.badRequest("The request property '" + name
                    + "' must be a non-negative whole number, not '" + v.asText() + "'.");
        }
    }

    /**
     * Query parameter values as they arrive: strings (raw, or CSL literals such as {@code int(5)}
     * from the Java SDK), JSON numbers and booleans (Python SDK). Objects and arrays stay JSON text;
     * a JSON null is left out, so that the declared default applies.
     */
    private static Map<String, Object> parameters(JsonNode params) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (params == null || !params.isObject()) {
            return values;
        }
        Iterator<Map.Entry<String, JsonNode>> it = params.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            Object value = switch (v.getNodeType()) {
                case STRING -> v.asText();
                case BOOLEAN -> v.asBoolean();
                case NUMBER -> v.isIntegralNumber() ? (v.canConvertToLong() ? (Object) v.asLong() : v.decimalValue())
                        : (Object) v.asDouble();
                case NULL, MISSING -> null;
                default -> v.toString();
            };
            if (value != null) {
                values.put(e.getKey(), value);
            }
        }
        return values;
    }

    /** A property by name, ignoring case: the SDKs and the documentation spell them differently. */
    private static JsonNode field(JsonNode object, String name) {
        if (!object.isObject()) {
            return null;
        }
        JsonNode exact = object.get(name);
        if (exact != null) {
            return exact;
        }
        Iterator<String> names = object.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (n.equalsIgnoreCase(name)) {
                return object.get(n);
            }
        }
        return null;
    }

    static boolean isCommand(String csl) {
        return csl.startsWith(".");
    }
}
