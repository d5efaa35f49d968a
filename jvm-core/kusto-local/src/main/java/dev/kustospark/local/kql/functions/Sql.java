package dev.kustospark.local.kql.functions;

import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/** SQL text building blocks shared by the function translators. */
final class Sql {
    /** Ticks from 0001-01-01 (where .NET and Kusto count datetime ticks from) to the Unix epoch. */
    static final long EPOCH_TICKS_FROM_YEAR_ONE = 621_355_968_000_000_000L;

    private static final DateTimeFormatter TIMESTAMP_LITERAL =
            DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS", Locale.ROOT);

    /** Column references and literals, which cost nothing to repeat. */
    private static final Pattern SIMPLE = Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?|\"[^\"]+\"(\\.\"[^\"]+\")?"
                    + "|-?[0-9]+(\\.[0-9]+)?|'(?:[^']++|'')*+'|NULL"
                    + "|CAST\\((-?[0-9.]+|'(?:[^']++|'')*+'|NULL) AS [A-Z]+(\\([0-9]+,[0-9]+\\))?\\)"
                    + "|make_timestamp\\(CAST\\(-?[0-9]+ AS BIGINT\\)\\)|TIMESTAMP '[0-9 :.-]+'");

    private Sql() {}

    /** A SQL string literal holding {@code text} exactly. */
    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /** A DuckDB TIMESTAMP literal for an instant, truncated to the microseconds storage keeps. */
    static String timestampLiteral(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return "TIMESTAMP '" + TIMESTAMP_LITERAL.format(utc) + "'";
    }

    /**
     * Evaluates {@code value} once and hands it to {@code body} under a fresh name, so that an
     * expression needing its argument several times does not repeat (and re-evaluate) it.
     */
    static String let(String value, Function<String, String> body) {
        if (isSimple(value)) {
            return body.apply(value);
        }
        // The name depends only on the value's text, so translating the same expression twice (as a
        // group key and as its output column) yields identical SQL.
        String name = "__kv" + Long.toHexString(fnv64(value));
        return "list_transform([" + value + "], lambda " + name + ": " + body.apply(name) + ")[1]";
    }

    private static long fnv64(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static boolean isSimple(String sql) {
        return SIMPLE.matcher(sql).matches();
    }

    /** The SQL value of a datetime plus a timespan given in ticks (truncated to microseconds). */
    static String addTicks(String datetime, String ticks) {
        return "(" + datetime + " + to_microseconds(CAST((" + ticks + ") AS BIGINT) // 10))";
    }

    /** Floor of {@code a / b} for BIGINT operands, as an integer (DuckDB's // truncates toward zero). */
    static String floorMultiple(String a, String b) {
        // repeated rather than bound once: cheap arithmetic, and it keeps per-row list building off hot paths
        return "((" + a + ") - ((((" + a + ") % (" + b + ")) + (" + b + ")) % (" + b + ")))";
    }

    // ---- Kusto text forms -------------------------------------------------------------------

    /**
     * SQL producing Kusto's {@code tostring()} of {@code arg}: never NULL (a null converts to the
     * empty string, since Kusto strings cannot be null).
     */
    static String toStringSql(TypedSql arg) {
        String v = arg.sql();
        switch (arg.type()) {
            case STRING:
                return arg.constant() && arg.value() != null ? v : "coalesce(" + v + ", '')";
            case BOOL:
                return let(v, x -> "(CASE WHEN " + x + " THEN 'true' WHEN NOT " + x + " THEN 'false' ELSE '' END)");
            case INT:
            case LONG:
                return "coalesce(CAST(" + v + " AS VARCHAR), '')";
            case REAL:
                return "coalesce(" + realText(v) + ", '')";
            case DECIMAL:
                return "coalesce(" + decimalText(v) + ", '')";
            case DATETIME:
                return "coalesce(" + datetimeText(v) + ", '')";
            case TIMESPAN:
                return "coalesce(" + timespanText(v) + ", '')";
            case GUID:
                return "coalesce(CAST(" + v + " AS VARCHAR), '')";
            case DYNAMIC:
                return "coalesce(" + dynamicText(v) + ", '')";
            default:
                throw new IllegalStateException("unknown type " + arg.type());
        }
    }

    /** Kusto's text of a datetime: ISO 8601 in UTC, fraction to 7 digits without trailing zeros. */
    static String datetimeText(String ts) {
        return let(ts, x -> "(strftime(" + x + ", '%Y-%m-%dT%H:%M:%S') || "
                + "CASE WHEN rtrim(strftime(" + x + ", '%f'), '0') = '' THEN '' "
                + "ELSE '.' || rtrim(strftime(" + x + ", '%f') || '0', '0') END || 'Z')");
    }

    /** .NET's constant TimeSpan form {@code [-][d.]hh:mm:ss[.fffffff]} of a tick count. */
    static String timespanText(String ticks) {
        return let(ticks, t -> let("abs(CAST(" + t + " AS HUGEINT))", a ->
                "(CASE WHEN " + t + " < 0 THEN '-' ELSE '' END"
                        + " || CASE WHEN " + a + " >= " + KustoValues.TICKS_PER_DAY + " THEN CAST(" + a + " // "
                        + KustoValues.TICKS_PER_DAY + " AS VARCHAR) || '.' ELSE '' END"
                        + " || lpad(CAST((" + a + " % " + KustoValues.TICKS_PER_DAY + ") // " + KustoValues.TICKS_PER_HOUR
                        + " AS VARCHAR), 2, '0')"
                        + " || ':' || lpad(CAST((" + a + " % " + KustoValues.TICKS_PER_HOUR + ") // "
                        + KustoValues.TICKS_PER_MINUTE + " AS VARCHAR), 2, '0')"
                        + " || ':' || lpad(CAST((" + a + " % " + KustoValues.TICKS_PER_MINUTE + ") // "
                        + KustoValues.TICKS_PER_SECOND + " AS VARCHAR), 2, '0')"
                        + " || CASE WHEN " + a + " % " + KustoValues.TICKS_PER_SECOND + " = 0 THEN '' ELSE '.' || lpad(CAST("
                        + a + " % " + KustoValues.TICKS_PER_SECOND + " AS VARCHAR), 7, '0') END"
                        + ")"));
    }

    /**
     * .NET's shortest round-trip text of a double: fixed notation for magnitudes in [1e-5, 1e15),
     * otherwise {@code 1.5E+20}; {@code NaN}, {@code Infinity}, {@code -Infinity}.
     */
    static String realText(String value) {
        return let(value, v -> let("CAST(" + v + " AS VARCHAR)", s ->
                "(CASE WHEN isnan(" + v + ") THEN 'NaN'"
                        + " WHEN " + v + " = 'inf'::DOUBLE THEN 'Infinity'"
                        + " WHEN " + v + " = '-inf'::DOUBLE THEN '-Infinity'"
                        + " WHEN abs(" + v + ") >= 1e15 AND abs(" + v + ") < 1e16 THEN "
                        + fixedToScientific(s)
                        + " WHEN contains(" + s + ", 'e') THEN upper(" + s + ")"
                        + " WHEN ends_with(" + s + ", '.0') THEN left(" + s + ", length(" + s + ") - 2)"
                        + " ELSE " + s + " END)"));
    }

    /** {@code 1500000000000000.0} to {@code 1.5E+15} (the band where DuckDB and .NET disagree). */
    private static String fixedToScientific(String s) {
        String sign = "CASE WHEN starts_with(" + s + ", '-') THEN '-' ELSE '' END";
        String intPart = "split_part(ltrim(" + s + ", '-'), '.', 1)";
        String digits = "rtrim(" + intPart + ", '0')";
        return "(" + sign + " || left(" + digits + ", 1) || CASE WHEN length(" + digits + ") > 1 THEN '.' || substr("
                + digits + ", 2) ELSE '' END || 'E+' || lpad(CAST(length(" + intPart + ") - 1 AS VARCHAR), 2, '0'))";
    }

    /** A decimal's text without insignificant trailing zeros: {@code 1.5}, {@code 2}. */
    static String decimalText(String value) {
        return let("CAST(" + value + " AS VARCHAR)", s ->
                "(CASE WHEN contains(" + s + ", '.') THEN rtrim(rtrim(" + s + ", '0'), '.') ELSE " + s + " END)");
    }

    /**
     * Text of a dynamic value as tostring() gives it: a JSON string's content unquoted, any
     * other value as compact JSON, JSON null as null.
     */
    static String dynamicText(String json) {
        return let(json, j -> "(CASE json_type(" + j + ") WHEN 'VARCHAR' THEN " + j + " ->> '$' WHEN 'NULL' THEN NULL"
                + " ELSE CAST(json(" + j + ") AS VARCHAR) END)");
    }

    /**
     * The JSON element that stands for a value of {@code type} inside a dynamic array or bag:
     * numbers and bools as JSON scalars, datetimes, timespans, guids and strings as JSON strings
     * in Kusto's text forms, dynamic values as they are. NULL for a null value (strings are never null).
     */
    static String toJsonElement(String value, KustoType type) {
        switch (type) {
            case DYNAMIC:
                return "json(" + value + ")";
            case BOOL:
            case INT:
            case LONG:
                return "to_json(" + value + ")";
            case REAL:
                return let(value, v -> "(CASE WHEN isnan(" + v + ") OR isinf(" + v + ") THEN to_json(" + realText(v)
                        + ") ELSE to_json(" + v + ") END)");
            case DECIMAL:
                return "CAST(" + decimalText(value) + " AS JSON)";
            case DATETIME:
                return "to_json(" + datetimeText(value) + ")";
            case TIMESPAN:
                return "to_json(" + timespanText(value) + ")";
            case GUID:
                return "to_json(CAST(" + value + " AS VARCHAR))";
            case STRING:
                // a stored NULL string is the empty string
                return "to_json(coalesce(" + value + ", ''))";
            default:
                throw new IllegalStateException("unknown type " + type);
        }
    }

    /** An RE2 pattern matching {@code text} literally. */
    static String regexLiteral(String text) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("\\.^$|?*+()[]{}".indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** SQL escaping regex metacharacters of a non-constant string at run time. */
    static String regexEscapeSql(String sql) {
        return "regexp_replace(" + sql + ", '([\\\\.^$|?*+()\\[\\]{}])', '\\\\\\1', 'g')";
    }

    // ---- argument checks ---------------------------------------------------------------------

    static void arity(CallSite site, List<TypedSql> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            String expected = min == max ? Integer.toString(min)
                    : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw site.error("expects " + expected + " argument" + (max == 1 && min == 1 ? "" : "s")
                    + ", got " + args.size());
        }
    }

    static String constantString(CallSite site, TypedSql arg, String what) {
        if (!arg.constant() || arg.type() != KustoType.STRING || arg.value() == null) {
            throw site.error(what + " must be a constant string");
        }
        return (String) arg.value();
    }

    /**
     * A constant regular expression, checked when the query is translated so that a malformed one is
     * a semantic error naming the function rather than a failure while rows are read. The check uses
     * Java's syntax, which accepts what RE2 accepts apart from named groups spelled {@code (?P<..>)}.
     */
    static String constantRegex(CallSite site, TypedSql arg) {
        String regex = constantString(site, arg, "the regular expression");
        try {
            Pattern.compile(regex.replace("(?P<", "(?<"));
        } catch (java.util.regex.PatternSyntaxException e) {
            throw site.error("invalid regular expression '" + regex + "': " + e.getDescription());
        }
        return regex;
    }

    static long constantLong(CallSite site, TypedSql arg, String what) {
        if (!arg.constant() || !(arg.type() == KustoType.INT || arg.type() == KustoType.LONG) || arg.value() == null) {
            throw site.error(what + " must be a constant integer");
        }
        return ((Number) arg.value()).longValue();
    }

    static double constantNumber(CallSite site, TypedSql arg, String what) {
        if (!arg.constant() || !arg.type().isNumeric() || arg.value() == null) {
            throw site.error(what + " must be a constant number");
        }
        Object v = arg.value();
        return v instanceof BigDecimal ? ((BigDecimal) v).doubleValue() : ((Number) v).doubleValue();
    }

    static void requireType(CallSite site, TypedSql arg, String what, KustoType... allowed) {
        for (KustoType t : allowed) {
            if (arg.type() == t) {
                return;
            }
        }
        StringBuilder names = new StringBuilder();
        for (KustoType t : allowed) {
            names.append(names.length() == 0 ? "" : " or ").append(t.kqlName());
        }
        throw site.error(what + " must be of type " + names + ", got " + arg.type().kqlName());
    }

    static void requireNumeric(CallSite site, TypedSql arg, String what) {
        if (!arg.type().isNumeric()) {
            throw site.error(what + " must be numeric, got " + arg.type().kqlName());
        }
    }

    /**
     * The common type of values in branches (iff, case, coalesce, min, max): equal types, or
     * numeric types promoted int to long to decimal/real as Kusto does; null when incompatible.
     */
    static KustoType commonType(List<TypedSql> values) {
        KustoType result = null;
        for (TypedSql v : values) {
            if (v.constant() && v.value() == null && v.sql().trim().equalsIgnoreCase("NULL")) {
                continue; // an untyped null literal fits any type
            }
            result = result == null ? v.type() : promote(result, v.type());
            if (result == null) {
                return null;
            }
        }
        return result == null ? values.get(0).type() : result;
    }

    static KustoType promote(KustoType a, KustoType b) {
        if (a == b) {
            return a;
        }
        if (a.isNumeric() && b.isNumeric()) {
            if (a == KustoType.REAL || b == KustoType.REAL) {
                return KustoType.REAL;
            }
            if (a == KustoType.DECIMAL || b == KustoType.DECIMAL) {
                return KustoType.DECIMAL;
            }
            return KustoType.LONG;
        }
        return null;
    }

    /** {@code sql} converted to the storage type of {@code to} when {@code from} differs. */
    static String castTo(String sql, KustoType from, KustoType to) {
        return from == to ? sql : "CAST(" + sql + " AS " + to.duckDbType() + ")";
    }
}
