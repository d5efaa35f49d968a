package dev.kustospark.local.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.types.KustoType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;

/** The ingestion mapping transformations kusto-local applies. */
enum Transform {
    /** The source's location; streamed payloads have none, so null. */
    SOURCE_LOCATION("SourceLocation", true),
    /** The 1-based number of the record within the payload. */
    SOURCE_LINE_NUMBER("SourceLineNumber", true),
    DATETIME_FROM_UNIX_SECONDS("DateTimeFromUnixSeconds", false),
    DATETIME_FROM_UNIX_MILLISECONDS("DateTimeFromUnixMilliseconds", false),
    DATETIME_FROM_UNIX_MICROSECONDS("DateTimeFromUnixMicroseconds", false),
    DATETIME_FROM_UNIX_NANOSECONDS("DateTimeFromUnixNanoseconds", false),
    /** {@code [{"Key":k,"Value":v},...]} becomes {@code {k:v,...}}. */
    PROPERTY_BAG_ARRAY_TO_DICTIONARY("PropertyBagArrayToDictionary", false);

    private final String serviceName;
    private final boolean needsNoInput;

    Transform(String serviceName, boolean needsNoInput) {
        this.serviceName = serviceName;
        this.needsNoInput = needsNoInput;
    }

    /** True when the transform produces its value without reading a field. */
    boolean needsNoInput() {
        return needsNoInput;
    }

    static Transform parse(String name, String column) {
        if (name == null || name.isBlank() || name.equalsIgnoreCase("None")) {
            return null;
        }
        for (Transform t : values()) {
            if (t.serviceName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw KustoException.badRequest("kusto-local does not support the ingestion mapping transformation '" + name
                + "' (column '" + column + "'); supported: SourceLocation, SourceLineNumber, DateTimeFromUnixSeconds, "
                + "DateTimeFromUnixMilliseconds, DateTimeFromUnixMicroseconds, DateTimeFromUnixNanoseconds, "
                + "PropertyBagArrayToDictionary.");
    }

    /** The column value this transform makes of a JSON value. */
    Object apply(JsonNode value, KustoType type) {
        if (this == PROPERTY_BAG_ARRAY_TO_DICTIONARY) {
            return ValueConverter.fromJson(toDictionary(value), type);
        }
        return ValueConverter.fromObject(toDateTime(number(value)), type);
    }

    /** The column value this transform makes of a text field. */
    Object apply(String text, KustoType type) {
        if (this == PROPERTY_BAG_ARRAY_TO_DICTIONARY) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return apply(ValueConverter.JSON_DOCUMENT.readTree(text), type);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return null;
            }
        }
        return ValueConverter.fromObject(toDateTime(number(text)), type);
    }

    private static JsonNode toDictionary(JsonNode value) {
        if (value == null || !value.isArray()) {
            return null;
        }
        ObjectNode dictionary = JsonNodeFactory.instance.objectNode();
        for (JsonNode element : value) {
            JsonNode key = element.get("Key");
            if (key == null || !key.isValueNode() || key.isNull()) {
                return null;
            }
            JsonNode entry = element.get("Value");
            dictionary.set(key.asText(), entry == null ? JsonNodeFactory.instance.nullNode() : entry);
        }
        return dictionary;
    }

    /** Applies a DateTimeFromUnix* transform to a number or numeric text; null when it is neither. */
    private Instant toDateTime(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal nanos = switch (this) {
            case DATETIME_FROM_UNIX_SECONDS -> amount.movePointRight(9);
            case DATETIME_FROM_UNIX_MILLISECONDS -> amount.movePointRight(6);
            case DATETIME_FROM_UNIX_MICROSECONDS -> amount.movePointRight(3);
            default -> amount;
        };
        try {
            BigInteger[] secondsAndNanos = nanos.toBigInteger().divideAndRemainder(BigInteger.valueOf(1_000_000_000L));
            long seconds = secondsAndNanos[0].longValueExact();
            long rest = secondsAndNanos[1].longValue();
            // Kusto datetimes have 100ns ticks.
            return Instant.ofEpochSecond(seconds, rest - rest % 100);
        } catch (ArithmeticException | java.time.DateTimeException e) {
            return null;
        }
    }

    private static BigDecimal number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.isTextual() ? number(node.textValue()) : null;
    }

    private static BigDecimal number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
