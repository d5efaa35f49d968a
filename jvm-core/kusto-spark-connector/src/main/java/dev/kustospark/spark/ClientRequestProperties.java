package dev.kustospark.spark;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.spark.internal.AsciiNumbers;
import dev.kustospark.spark.internal.Json;
import dev.kustospark.spark.internal.KustoTimes;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Kusto client request properties: options that shape how the service runs a query, and query
 * parameter values for {@code declare query_parameters}. Immutable; build one with {@link #builder()}
 * or parse the option {@code clientRequestPropertiesJson} with {@link #fromJson(String)}.
 *
 * <p>The canonical JSON is {@code {"Options":{...},"Parameters":{...}}} with no whitespace: the
 * well-known options first in the order of {@link #KNOWN_OPTIONS}, then other options sorted by
 * name, then parameters sorted by name. Timespans print as {@code [-][d.]hh:mm:ss[.fffffff]},
 * instants as {@code 2024-01-02T03:04:05.1234567Z}, parameters as CSL literal strings
 * ({@code long(5)}, {@code datetime(...)}, strings raw), as the SDK's
 * {@code ClientRequestProperties.fromString} and the service read them.
 */
public final class ClientRequestProperties implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final String SERVER_TIMEOUT = "servertimeout";
    public static final String NO_REQUEST_TIMEOUT = "norequesttimeout";
    public static final String NO_TRUNCATION = "notruncation";
    public static final String TRUNCATION_MAX_RECORDS = "truncationmaxrecords";
    public static final String TRUNCATION_MAX_SIZE = "truncationmaxsize";
    public static final String QUERY_DATETIMESCOPE_FROM = "query_datetimescope_from";
    public static final String QUERY_DATETIMESCOPE_TO = "query_datetimescope_to";
    public static final String QUERY_DATETIMESCOPE_COLUMN = "query_datetimescope_column";
    public static final String REQUEST_APP_NAME = "request_app_name";
    public static final String REQUEST_READONLY = "request_readonly";
    public static final String QUERY_LANGUAGE = "query_language";
    public static final String MAX_MEMORY_CONSUMPTION_PER_ITERATOR = "maxmemoryconsumptionperiterator";
    public static final String MAX_MEMORY_CONSUMPTION_PER_QUERY_PER_NODE = "max_memory_consumption_per_query_per_node";
    public static final String QUERY_RESULTS_CACHE_MAX_AGE = "query_results_cache_max_age";
    public static final String CLIENT_REQUEST_ID = "client_request_id";

    /** The options with typed setters, in canonical JSON order. */
    public static final List<String> KNOWN_OPTIONS = List.of(SERVER_TIMEOUT, NO_REQUEST_TIMEOUT, NO_TRUNCATION,
            TRUNCATION_MAX_RECORDS, TRUNCATION_MAX_SIZE, QUERY_DATETIMESCOPE_FROM, QUERY_DATETIMESCOPE_TO,
            QUERY_DATETIMESCOPE_COLUMN, REQUEST_APP_NAME, REQUEST_READONLY, QUERY_LANGUAGE,
            MAX_MEMORY_CONSUMPTION_PER_ITERATOR, MAX_MEMORY_CONSUMPTION_PER_QUERY_PER_NODE,
            QUERY_RESULTS_CACHE_MAX_AGE, CLIENT_REQUEST_ID);

    private static final List<String> QUERY_LANGUAGES = List.of("csl", "kql", "sql");
    private static final ClientRequestProperties EMPTY = new ClientRequestProperties(new LinkedHashMap<>(), new TreeMap<>());

    /** Option values: String (timespans, instants and text in their canonical text), Boolean, Long or BigDecimal. */
    private final Map<String, Object> options;
    /** Parameter values as the CSL literal text the service parses. */
    private final Map<String, String> parameters;

    private ClientRequestProperties(Map<String, Object> options, Map<String, String> parameters) {
        this.options = Collections.unmodifiableMap(options);
        this.parameters = Collections.unmodifiableMap(parameters);
    }

    /** No options and no parameters. */
    public static ClientRequestProperties empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this object's options and parameters, to derive a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.options.putAll(options);
        b.parameters.putAll(parameters);
        return b;
    }

    /** Options in canonical order; values are String, Boolean, Long or BigDecimal. */
    public Map<String, Object> options() {
        return options;
    }

    /** Query parameters by name, values as CSL literal text. */
    public Map<String, String> parameters() {
        return parameters;
    }

    public boolean isEmpty() {
        return options.isEmpty() && parameters.isEmpty();
    }

    /** The value of option {@code name}, or null. */
    public Object option(String name) {
        return options.get(name);
    }

    /** The canonical JSON (see the class comment). */
    public String toJson() {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("Options");
            for (Map.Entry<String, Object> e : options.entrySet()) {
                g.writeFieldName(e.getKey());
                writeScalar(g, e.getValue());
            }
            g.writeEndObject();
            g.writeObjectFieldStart("Parameters");
            for (Map.Entry<String, String> e : parameters.entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeEndObject();
        });
    }

    private static void writeScalar(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Long l) {
            g.writeNumber(l);
        } else if (value instanceof BigDecimal d) {
            g.writeNumber(d);
        } else {
            g.writeString((String) value);
        }
    }

    /**
     * Parses the SDK's form (as {@code ClientRequestProperties.toString()} prints it, and as the
     * established connector's {@code clientRequestPropertiesJson} holds it): an object with optional
     * {@code Options} and {@code Parameters} objects. Well-known options are validated and brought to
     * their canonical form; other options keep their JSON scalar value.
     *
     * @throws IllegalArgumentException naming the field and the value that cannot be used
     */
    public static ClientRequestProperties fromJson(String json) {
        JsonNode root = Json.parse(json, "clientRequestPropertiesJson");
        if (!root.isObject()) {
            throw new IllegalArgumentException("clientRequestPropertiesJson must be a JSON object"
                    + " {\"Options\":{...},\"Parameters\":{...}}, not a " + root.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        Builder b = builder();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "Options" -> {
                    requireObjectOrNull(value, "Options");
                    value.fields().forEachRemaining(o -> b.option(o.getKey(), scalar(o.getValue(), "Options." + o.getKey())));
                }
                case "Parameters" -> {
                    requireObjectOrNull(value, "Parameters");
                    value.fields().forEachRemaining(p -> b.parameters.put(requireName(p.getKey(), "parameter"),
                            parameterText(p.getValue(), p.getKey())));
                }
                default -> throw new IllegalArgumentException("clientRequestPropertiesJson has an unknown field '"
                        + field.getKey() + "'; allowed fields: Options, Parameters");
            }
        }
        return b.build();
    }

    private static void requireObjectOrNull(JsonNode value, String field) {
        if (!value.isObject() && !value.isNull()) {
            throw new IllegalArgumentException("clientRequestPropertiesJson field '" + field + "' must be a JSON object");
        }
    }

    private static Object scalar(JsonNode v, String where) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber()) {
            return v.decimalValue();
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        throw new IllegalArgumentException("clientRequestPropertiesJson " + where
                + " must be a string, number or boolean, not " + v.getNodeType().toString().toLowerCase(Locale.ROOT));
    }

    private static String parameterText(JsonNode v, String name) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isBoolean()) {
            return "bool(" + v.booleanValue() + ")";
        }
        if (v.isIntegralNumber()) {
            return "long(" + v.asText() + ")";
        }
        if (v.isNumber()) {
            return "real(" + v.decimalValue().toPlainString() + ")";
        }
        throw new IllegalArgumentException("clientRequestPropertiesJson parameter '" + name
                + "' must be a string (a CSL literal such as long(5)), number or boolean");
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a client request " + what + " name must not be blank");
        }
        return name;
    }

    /** The SDK's object with the same options and parameters; {@code client_request_id} becomes its request id. */
    public com.microsoft.azure.kusto.data.ClientRequestProperties toSdk() {
        try {
            com.microsoft.azure.kusto.data.ClientRequestProperties sdk =
                    com.microsoft.azure.kusto.data.ClientRequestProperties.fromString(toJson());
            Object id = options.get(CLIENT_REQUEST_ID);
            if (id != null) {
                sdk.removeOption(CLIENT_REQUEST_ID);
                sdk.setClientRequestId(id.toString());
            }
            return sdk;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the SDK could not read canonical client request properties", e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ClientRequestProperties other && options.equals(other.options)
                && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return Objects.hash(options, parameters);
    }

    @Override
    public String toString() {
        return toJson();
    }

    /** Collects options and parameters; {@link #build()} checks them together. */
    public static final class Builder {
        private final Map<String, Object> options = new TreeMap<>();
        private final Map<String, String> parameters = new TreeMap<>();

        private Builder() {}

        /** {@code servertimeout}: how long the service may run the request (positive; the SDK caps it at 1 hour). */
        public Builder serverTimeout(Duration timeout) {
            requirePositive(timeout, SERVER_TIMEOUT);
            return put(SERVER_TIMEOUT, KustoTimes.timespan(timeout, SERVER_TIMEOUT));
        }

        /** {@code norequesttimeout}: lift the request timeout to the service's maximum. */
        public Builder noRequestTimeout(boolean value) {
            return put(NO_REQUEST_TIMEOUT, value);
        }

        /** {@code notruncation}: return all rows instead of failing past the result set limits. */
        public Builder noTruncation(boolean value) {
            return put(NO_TRUNCATION, value);
        }

        /** {@code truncationmaxrecords}: the most rows a result may hold. */
        public Builder truncationMaxRecords(long records) {
            return put(TRUNCATION_MAX_RECORDS, requireNonNegative(records, TRUNCATION_MAX_RECORDS));
        }

        /** {@code truncationmaxsize}: the most bytes a result may hold. */
        public Builder truncationMaxSize(long bytes) {
            return put(TRUNCATION_MAX_SIZE, requireNonNegative(bytes, TRUNCATION_MAX_SIZE));
        }

        /** {@code query_datetimescope_from}: the earliest datetime of the scoped column (UTC). */
        public Builder queryDatetimeScopeFrom(Instant from) {
            return putInstant(QUERY_DATETIMESCOPE_FROM, from);
        }

        /** {@code query_datetimescope_to}: the latest datetime of the scoped column (UTC). */
        public Builder queryDatetimeScopeTo(Instant to) {
            return putInstant(QUERY_DATETIMESCOPE_TO, to);
        }

        /** {@code query_datetimescope_column}: the column the datetime scope applies to. */
        public Builder queryDatetimeScopeColumn(String column) {
            return put(QUERY_DATETIMESCOPE_COLUMN, requireText(column, QUERY_DATETIMESCOPE_COLUMN));
        }

        /** {@code request_app_name}: the application name the service records for the request. */
        public Builder requestAppName(String name) {
            return put(REQUEST_APP_NAME, requireText(name, REQUEST_APP_NAME));
        }

        /** {@code request_readonly}: refuse anything that writes. */
        public Builder requestReadonly(boolean value) {
            return put(REQUEST_READONLY, value);
        }

        /** {@code query_language}: {@code csl} (= {@code kql}) or {@code sql}. */
        public Builder queryLanguage(String language) {
            String l = requireText(language, QUERY_LANGUAGE).toLowerCase(Locale.ROOT);
            if (!QUERY_LANGUAGES.contains(l)) {
                throw new IllegalArgumentException("client request property " + QUERY_LANGUAGE + " has value '" + language
                        + "'; allowed values: " + String.join(", ", QUERY_LANGUAGES));
            }
            return put(QUERY_LANGUAGE, l);
        }

        /** {@code maxmemoryconsumptionperiterator}: bytes one query operator may use. */
        public Builder maxMemoryConsumptionPerIterator(long bytes) {
            return put(MAX_MEMORY_CONSUMPTION_PER_ITERATOR, requirePositive(bytes, MAX_MEMORY_CONSUMPTION_PER_ITERATOR));
        }

        /** {@code max_memory_consumption_per_query_per_node}: bytes the query may use on one node. */
        public Builder maxMemoryConsumptionPerQueryPerNode(long bytes) {
            return put(MAX_MEMORY_CONSUMPTION_PER_QUERY_PER_NODE, requirePositive(bytes, MAX_MEMORY_CONSUMPTION_PER_QUERY_PER_NODE));
        }

        /** {@code query_results_cache_max_age}: the oldest cached result the query accepts. */
        public Builder queryResultsCacheMaxAge(Duration maxAge) {
            Objects.requireNonNull(maxAge, QUERY_RESULTS_CACHE_MAX_AGE);
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("client request property " + QUERY_RESULTS_CACHE_MAX_AGE
                        + " must not be negative, not " + KustoTimes.timespan(maxAge, QUERY_RESULTS_CACHE_MAX_AGE));
            }
            return put(QUERY_RESULTS_CACHE_MAX_AGE, KustoTimes.timespan(maxAge, QUERY_RESULTS_CACHE_MAX_AGE));
        }

        /** {@code client_request_id}: the id the service logs for the request (otherwise the connector makes one). */
        public Builder clientRequestId(String id) {
            return put(CLIENT_REQUEST_ID, requireText(id, CLIENT_REQUEST_ID));
        }

        /**
         * Any option by name; a well-known name is checked as its typed setter checks it. Values are
         * String, Boolean, a whole number or a decimal number.
         */
        public Builder option(String name, Object value) {
            requireName(name, "option");
            Objects.requireNonNull(value, () -> "client request option '" + name + "' has a null value");
            String known = KNOWN_OPTIONS.stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
            if (known == null) {
                Object canonical = value instanceof Integer || value instanceof Short || value instanceof Byte
                        ? Long.valueOf(((Number) value).longValue())
                        : value instanceof Double || value instanceof Float ? new BigDecimal(value.toString()) : value;
                if (!(canonical instanceof String || canonical instanceof Boolean || canonical instanceof Long
                        || canonical instanceof BigDecimal)) {
                    throw new IllegalArgumentException("client request option '" + name
                            + "' must be a string, boolean or number, not " + value.getClass().getSimpleName());
                }
                return put(name, canonical);
            }
            return knownOption(known, value);
        }

        private Builder knownOption(String name, Object value) {
            return switch (name) {
                case SERVER_TIMEOUT -> serverTimeout(timespanValue(name, value));
                case QUERY_RESULTS_CACHE_MAX_AGE -> queryResultsCacheMaxAge(timespanValue(name, value));
                case NO_REQUEST_TIMEOUT -> noRequestTimeout(booleanValue(name, value));
                case NO_TRUNCATION -> noTruncation(booleanValue(name, value));
                case REQUEST_READONLY -> requestReadonly(booleanValue(name, value));
                case TRUNCATION_MAX_RECORDS -> truncationMaxRecords(longValue(name, value));
                case TRUNCATION_MAX_SIZE -> truncationMaxSize(longValue(name, value));
                case MAX_MEMORY_CONSUMPTION_PER_ITERATOR -> maxMemoryConsumptionPerIterator(longValue(name, value));
                case MAX_MEMORY_CONSUMPTION_PER_QUERY_PER_NODE -> maxMemoryConsumptionPerQueryPerNode(longValue(name, value));
                case QUERY_DATETIMESCOPE_FROM -> queryDatetimeScopeFrom(instantValue(name, value));
                case QUERY_DATETIMESCOPE_TO -> queryDatetimeScopeTo(instantValue(name, value));
                case QUERY_DATETIMESCOPE_COLUMN -> queryDatetimeScopeColumn(value.toString());
                case REQUEST_APP_NAME -> requestAppName(value.toString());
                case QUERY_LANGUAGE -> queryLanguage(value.toString());
                default -> clientRequestId(value.toString());
            };
        }

        /** A {@code string} parameter, sent as the raw text. */
        public Builder stringParameter(String name, String value) {
            return parameter(name, Objects.requireNonNull(value, name));
        }

        /** A {@code long} parameter: {@code long(5)}. */
        public Builder longParameter(String name, long value) {
            return parameter(name, "long(" + value + ")");
        }

        /** A {@code real} parameter: {@code real(1.5)}, {@code real(nan)}, {@code real(+inf)}. */
        public Builder realParameter(String name, double value) {
            String text = Double.isNaN(value) ? "nan" : Double.isInfinite(value) ? (value > 0 ? "+inf" : "-inf")
                    : new BigDecimal(Double.toString(value)).toPlainString();
            return parameter(name, "real(" + text + ")");
        }

        /** A {@code bool} parameter: {@code bool(true)}. */
        public Builder boolParameter(String name, boolean value) {
            return parameter(name, "bool(" + value + ")");
        }

        /** A {@code datetime} parameter: {@code datetime(2024-01-02T03:04:05.1234567Z)}. */
        public Builder datetimeParameter(String name, Instant value) {
            return parameter(name, "datetime(" + KustoTimes.instant(Objects.requireNonNull(value, name), "parameter " + name) + ")");
        }

        /** A {@code timespan} parameter: {@code time(1.02:03:04.5000000)}. */
        public Builder timespanParameter(String name, Duration value) {
            return parameter(name, "time(" + KustoTimes.timespan(Objects.requireNonNull(value, name), "parameter " + name) + ")");
        }

        /** A {@code guid} parameter: {@code guid(...)}. */
        public Builder guidParameter(String name, UUID value) {
            return parameter(name, "guid(" + Objects.requireNonNull(value, name) + ")");
        }

        /** A {@code dynamic} parameter from JSON text: {@code dynamic({"a":1})}, re-serialised without whitespace. */
        public Builder dynamicParameter(String name, String json) {
            JsonNode node = Json.parse(Objects.requireNonNull(json, name), "dynamic parameter '" + name + "'");
            return parameter(name, "dynamic(" + node + ")");
        }

        private Builder parameter(String name, String literal) {
            requireName(name, "parameter");
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("query parameter name '" + name
                        + "' is not a valid identifier (letters, digits and '_', not starting with a digit)");
            }
            parameters.put(name, literal);
            return this;
        }

        private Builder putInstant(String name, Instant value) {
            return put(name, KustoTimes.instant(Objects.requireNonNull(value, name), name));
        }

        private Builder put(String name, Object value) {
            options.put(name, value);
            return this;
        }

        /** Checks the options together (a datetime scope needs from before to). */
        public ClientRequestProperties build() {
            Object from = options.get(QUERY_DATETIMESCOPE_FROM);
            Object to = options.get(QUERY_DATETIMESCOPE_TO);
            if (from != null && to != null && Instant.parse((String) from).isAfter(Instant.parse((String) to))) {
                throw new IllegalArgumentException("client request property " + QUERY_DATETIMESCOPE_FROM + " (" + from
                        + ") is after " + QUERY_DATETIMESCOPE_TO + " (" + to + ")");
            }
            Map<String, Object> ordered = new LinkedHashMap<>();
            for (String known : KNOWN_OPTIONS) {
                if (options.containsKey(known)) {
                    ordered.put(known, options.get(known));
                }
            }
            options.forEach(ordered::putIfAbsent);
            return new ClientRequestProperties(ordered, new TreeMap<>(parameters));
        }

        private static Duration timespanValue(String name, Object value) {
            if (value instanceof Duration d) {
                return d;
            }
            if (value instanceof Number n) {
                // The SDK and the service read a bare number of servertimeout as milliseconds.
                return Duration.ofMillis(n.longValue());
            }
            Duration d = KustoTimes.parseTimespanOrNull(value.toString());
            if (d == null) {
                throw new IllegalArgumentException("client request property " + name + " has value '" + value
                        + "'; expected a timespan such as 00:10:00, 1.02:03:04.5 or 10m");
            }
            return d;
        }

        private static boolean booleanValue(String name, Object value) {
            if (value instanceof Boolean b) {
                return b;
            }
            String text = value.toString().trim();
            if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(text);
            }
            throw new IllegalArgumentException("client request property " + name + " has value '" + value
                    + "'; allowed values: true, false");
        }

        private static long longValue(String name, Object value) {
            try {
                if (value instanceof BigDecimal d) {
                    return d.longValueExact();
                }
                return value instanceof Number n ? n.longValue() : AsciiNumbers.parseLong(value.toString().trim());
            } catch (ArithmeticException | NumberFormatException e) {
                throw new IllegalArgumentException("client request property " + name + " has value '" + value
                        + "'; expected a whole number");
            }
        }

        private static Instant instantValue(String name, Object value) {
            if (value instanceof Instant i) {
                return i;
            }
            Instant i = KustoTimes.parseInstantOrNull(value.toString());
            if (i == null) {
                throw new IllegalArgumentException("client request property " + name + " has value '" + value
                        + "'; expected an ISO-8601 instant such as 2024-01-02T03:04:05.1234567Z");
            }
            return i;
        }

        private static void requirePositive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("client request property " + name + " must be positive, not "
                        + KustoTimes.timespan(d, name));
            }
        }

        private static long requirePositive(long v, String name) {
            if (v <= 0) {
                throw new IllegalArgumentException("client request property " + name + " must be positive, not " + v);
            }
            return v;
        }

        private static long requireNonNegative(long v, String name) {
            if (v < 0) {
                throw new IllegalArgumentException("client request property " + name + " must not be negative, not " + v);
            }
            return v;
        }

        private static String requireText(String v, String name) {
            if (v == null || v.isBlank()) {
                throw new IllegalArgumentException("client request property " + name + " must not be blank");
            }
            return v;
        }
    }
}
