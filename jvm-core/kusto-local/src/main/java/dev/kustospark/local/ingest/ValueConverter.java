package dev.kustospark.local.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Converts ingested values to the Java value conventions of {@link KustoType}, as the service
 * converts ingested data: an empty field is null except for strings (empty string), and a value
 * that does not convert becomes null rather than failing the record.
 */
final class ValueConverter {
    /** Reads JSON records from a stream, one value at a time. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    /** Reads one whole JSON document, rejecting anything after it. */
    static final ObjectMapper JSON_DOCUMENT = JSON.copy()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** DECIMAL(38,18) holds at most 20 digits before the point. */
    private static final BigDecimal DECIMAL_LIMIT = BigDecimal.TEN.pow(20);

    private ValueConverter() {}

    /** Converts a text field ({@code null}: the record has no such field). */
    static Object fromText(String text, KustoType type) {
        if (text == null) {
            return null;
        }
        if (type == KustoType.STRING) {
            return text;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        switch (type) {
            case BOOL: return parseBool(s);
            case INT: return parseInt(s);
            case LONG: return parseLong(s);
            case REAL: return parseReal(s);
            case DECIMAL: return parseDecimal(s);
            case DATETIME: return parseDateTime(s);
            case TIMESPAN: return parseTimespan(s);
            case GUID: return parseGuid(s);
            case DYNAMIC: return dynamicFromText(text);
            default: throw new IllegalStateException("unhandled type " + type);
        }
    }

    /** Converts a JSON value ({@code null} or a JSON null: a Kusto null). */
    static Object fromJson(JsonNode node, KustoType type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (type == KustoType.DYNAMIC) {
            return node.toString();
        }
        if (node.isTextual()) {
            return fromText(node.textValue(), type);
        }
        switch (type) {
            case STRING:
                return node.isValueNode() ? node.asText() : node.toString();
            case BOOL:
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                return node.isIntegralNumber() ? parseBool(node.asText()) : null;
            case INT:
                if (node.isInt()) {
                    return node.intValue();
                }
                // Integral columns take numbers whose value is a whole number (5, 5.0, 5e2), never rounding.
                return node.isNumber() ? fromNumber(node.numberValue(), type) : null;
            case LONG:
                if (node.isInt() || node.isLong()) {
                    return node.longValue();
                }
                return node.isNumber() ? fromNumber(node.numberValue(), type) : null;
            case REAL:
                return node.isNumber() ? node.doubleValue() : null;
            case DECIMAL:
                return node.isNumber() ? fromNumber(node.numberValue(), type) : null;
            default:
                // datetime, timespan and guid come only from text (or a mapping transform).
                return null;
        }
    }

    /** Converts a value read from a Parquet file through JDBC. */
    static Object fromObject(Object value, KustoType type) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return fromText(s, type);
        }
        if (value instanceof Instant instant) {
            return switch (type) {
                case DATETIME -> instant;
                case STRING -> KustoValues.formatDateTime(instant);
                case DYNAMIC -> TextNode.valueOf(KustoValues.formatDateTime(instant)).toString();
                default -> null;
            };
        }
        if (value instanceof Boolean b) {
            return switch (type) {
                case BOOL -> b;
                case STRING -> b.toString();
                case DYNAMIC -> b.toString();
                case INT -> b ? 1 : 0;
                case LONG -> b ? 1L : 0L;
                default -> null;
            };
        }
        if (value instanceof Number n) {
            return fromNumber(n, type);
        }
        if (value instanceof UUID uuid) {
            return switch (type) {
                case GUID -> uuid;
                case STRING -> uuid.toString();
                case DYNAMIC -> TextNode.valueOf(uuid.toString()).toString();
                default -> null;
            };
        }
        return fromText(value.toString(), type);
    }

    private static Object fromNumber(Number n, KustoType type) {
        BigDecimal exact = n instanceof Double || n instanceof Float
                ? (Double.isFinite(n.doubleValue()) ? BigDecimal.valueOf(n.doubleValue()) : null)
                : n instanceof BigDecimal d ? d
                : n instanceof BigInteger i ? new BigDecimal(i) : BigDecimal.valueOf(n.longValue());
        switch (type) {
            case REAL: return n.doubleValue();
            case STRING: return exact == null ? Double.toString(n.doubleValue()) : n.toString();
            case DYNAMIC: return exact == null ? TextNode.valueOf(Double.toString(n.doubleValue())).toString()
                    : exact.toString();
            case DECIMAL: return exact == null ? null : toDecimal(exact);
            case INT:
            case LONG:
                if (exact == null) {
                    return null;
                }
                try {
                    BigInteger whole = exact.toBigIntegerExact();
                    return type == KustoType.INT ? (Object) whole.intValueExact() : (Object) whole.longValueExact();
                } catch (ArithmeticException e) {
                    return null;
                }
            case BOOL:
                return exact == null ? null : parseBool(exact.toPlainString());
            default:
                return null;
        }
    }

    static Boolean parseBool(String s) {
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
            return Boolean.FALSE;
        }
        return null;
    }

    private static Integer parseInt(String s) {
        if (!isInteger(s)) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long parseLong(String s) {
        if (!isInteger(s)) {
            return null;
        }
        try {
            return Long.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isInteger(String s) {
        int start = s.charAt(0) == '-' || s.charAt(0) == '+' ? 1 : 0;
        if (start == s.length()) {
            return false;
        }
        for (int i = start; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static Double parseReal(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "nan": return Double.NaN;
            case "inf": case "+inf": case "infinity": case "+infinity": return Double.POSITIVE_INFINITY;
            case "-inf": case "-infinity": return Double.NEGATIVE_INFINITY;
            default: break;
        }
        if (!isDecimalNumber(s)) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Plain decimal or scientific notation only: Java's parsers also take hex and type suffixes. */
    private static boolean isDecimalNumber(String s) {
        boolean digits = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits = true;
            } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
                return false;
            }
        }
        return digits;
    }

    private static BigDecimal parseDecimal(String s) {
        if (!isDecimalNumber(s)) {
            return null;
        }
        try {
            return toDecimal(new BigDecimal(s));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The service's decimal holds 38 digits at any scale; kusto-local stores DECIMAL(38,18), 20 digits
     * before the point and 18 after. A number beyond 38 digits is no decimal (null, as the service has
     * it); one that the service keeps but DECIMAL(38,18) cannot hold exactly fails the ingestion, since
     * rounding or dropping it would change the data without a word.
     */
    private static BigDecimal toDecimal(BigDecimal d) {
        BigDecimal stripped = d.stripTrailingZeros();
        int whole = Math.max(stripped.precision() - stripped.scale(), 0);
        int fraction = Math.max(stripped.scale(), 0);
        if (whole + fraction > 38) {
            return null;
        }
        if (fraction > 18 || stripped.abs().compareTo(DECIMAL_LIMIT) >= 0) {
            throw KustoException.badRequest("kusto-local stores decimal values as DECIMAL(38,18) (20 digits before the"
                    + " point, 18 after) and cannot hold " + stripped.toPlainString() + " exactly, which the service"
                    + " would keep; write it into a string or real column for tests against kusto-local");
        }
        return d.setScale(18, RoundingMode.UNNECESSARY);
    }

    private static Instant parseDateTime(String s) {
        Instant fast = parseIsoDateTime(s);
        if (fast != null) {
            return fast;
        }
        try {
            return KustoValues.parseDateTime(s);
        } catch (IllegalArgumentException | DateTimeException e) {
            return parseRfcDateTime(s);
        }
    }

    private static final String MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec";
    /** RFC 822 ({@code Sat, 8 Nov 14 15:05:02 GMT}) and RFC 850 ({@code Saturday, 08-Nov-14 15:05:02 GMT}). */
    private static final Pattern RFC_DATETIME = Pattern.compile(
            "^(?:[a-z]{3,9},\\s*)?(\\d{1,2})(?:\\s+|-)(" + MONTHS + ")(?:\\s+|-)(\\d{2}|\\d{4})\\s+(\\d{1,2}):(\\d{2})"
                    + "(?::(\\d{2}))?(?:\\s+(?:gmt|utc|z))?$",
            Pattern.CASE_INSENSITIVE);

    /** The RFC 822 and RFC 850 forms the service lists among its datetime formats; always UTC. */
    static Instant parseRfcDateTime(String s) {
        Matcher m = RFC_DATETIME.matcher(s);
        if (!m.matches()) {
            return null;
        }
        int year = Integer.parseInt(m.group(3));
        if (m.group(3).length() == 2) {
            // .NET's two-digit year window: 00-29 is 20xx, 30-99 is 19xx.
            year += year <= 29 ? 2000 : 1900;
        }
        int month = MONTHS.indexOf(m.group(2).toLowerCase(Locale.ROOT)) / 4 + 1;
        try {
            return LocalDateTime.of(year, month, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)), m.group(6) == null ? 0 : Integer.parseInt(m.group(6)))
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * The common shape {@code yyyy-MM-dd[T ]HH:mm:ss[.fffffff][Z]} without the general parser's
     * cost; null for anything else, which then goes to {@link KustoValues#parseDateTime}.
     */
    static Instant parseIsoDateTime(String s) {
        int n = s.length();
        if (n < 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != ' ')
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59) {
            return null;
        }
        int i = 19;
        long nanos = 0;
        if (i < n && s.charAt(i) == '.') {
            int start = ++i;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            int count = i - start;
            if (count == 0 || count > 9) {
                return null;
            }
            nanos = digits(s, start, i);
            for (int k = count; k < 9; k++) {
                nanos *= 10;
            }
        }
        if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
            i++;
        }
        if (i != n || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The non-negative number in {@code s[from, to)}, or -1 when it holds a non-digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static Duration parseTimespan(String s) {
        try {
            return KustoValues.fromTicks(KustoValues.parseTimespan(s));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    /** The forms .NET's Guid parser takes: 36 characters with dashes, 32 hex digits, or either in braces. */
    static UUID parseGuid(String s) {
        String g = s;
        if (g.length() >= 2 && (g.charAt(0) == '{' && g.charAt(g.length() - 1) == '}'
                || g.charAt(0) == '(' && g.charAt(g.length() - 1) == ')')) {
            g = g.substring(1, g.length() - 1);
        }
        if (g.length() == 32 && isHex(g, 0, 32)) {
            g = g.substring(0, 8) + "-" + g.substring(8, 12) + "-" + g.substring(12, 16) + "-"
                    + g.substring(16, 20) + "-" + g.substring(20);
        }
        if (g.length() != 36 || g.charAt(8) != '-' || g.charAt(13) != '-' || g.charAt(18) != '-'
                || g.charAt(23) != '-' || !isHex(g, 0, 8) || !isHex(g, 9, 13) || !isHex(g, 14, 18)
                || !isHex(g, 19, 23) || !isHex(g, 24, 36)) {
            return null;
        }
        return UUID.fromString(g);
    }

    private static boolean isHex(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Valid JSON is kept (compacted); any other text becomes a JSON string. */
    static String dynamicFromText(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        char first = s.charAt(0);
        if (first == '{' || first == '[' || first == '"' || first == '-' || (first >= '0' && first <= '9')
                || s.equals("true") || s.equals("false") || s.equals("null")) {
            try {
                JsonNode node = JSON_DOCUMENT.readTree(s);
                return node == null || node.isNull() ? null : node.toString();
            } catch (JsonProcessingException e) {
                // not JSON: kept as a string below
            }
        }
        return TextNode.valueOf(text).toString();
    }
}
