package dev.kustospark.local.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.local.KustoException;
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
    DATETIME_FROM_UNIX_NANOSECONDS("DateTimeFromUnixNanoseconds", false);

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
                + "DateTimeFromUnixMilliseconds, DateTimeFromUnixMicroseconds, DateTimeFromUnixNanoseconds.");
    }

    /** Applies a DateTimeFromUnix* transform to a number or numeric text; null when it is neither. */
    Instant toDateTime(BigDecimal amount) {
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

    static BigDecimal number(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        return node.isTextual() ? number(node.textValue()) : null;
    }

    static BigDecimal number(String text) {
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
