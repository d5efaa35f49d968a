package dev.kustospark.local.kql.functions;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.util.List;
import java.util.Map;

/**
 * The {@code to*()} conversions. Input that does not convert gives null (an empty string for
 * {@code tostring}), never an error, as in Kusto.
 */
final class Conversions {
    private static final Map<String, KustoType> TARGETS = Map.ofEntries(
            Map.entry("tostring", KustoType.STRING),
            Map.entry("toint", KustoType.INT),
            Map.entry("tolong", KustoType.LONG),
            Map.entry("toreal", KustoType.REAL),
            Map.entry("todouble", KustoType.REAL),
            Map.entry("todecimal", KustoType.DECIMAL),
            Map.entry("tobool", KustoType.BOOL),
            Map.entry("toboolean", KustoType.BOOL),
            Map.entry("todatetime", KustoType.DATETIME),
            Map.entry("totimespan", KustoType.TIMESPAN),
            Map.entry("totime", KustoType.TIMESPAN),
            Map.entry("toguid", KustoType.GUID),
            Map.entry("todynamic", KustoType.DYNAMIC),
            Map.entry("toobject", KustoType.DYNAMIC),
            Map.entry("parse_json", KustoType.DYNAMIC),
            Map.entry("parsejson", KustoType.DYNAMIC));

    /** An integer in text, as .NET's integer parsing accepts it (no fraction, no exponent). */
    private static final String INTEGER_TEXT = "'^\\s*[+-]?[0-9]+\\s*$'";
    private static final String TIMESPAN_TEXT =
            "'^\\s*(-)?(?:([0-9]+)\\.)?([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:\\.([0-9]{1,7}))?)?\\s*$'";

    /** The RFC 822 and RFC 850 forms Kusto also parses, in UTC (GMT) or without a zone. */
    private static final String RFC_FORMATS = rfcFormats();

    private Conversions() {}

    static boolean isKnown(String name) {
        return TARGETS.containsKey(name);
    }

    static TypedSql call(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 1, 1);
        TypedSql result = convert(args.get(0), TARGETS.get(site.name()));
        if (result == null) {
            throw KustoException.unsupported("'" + site.name() + "' of a " + args.get(0).type().kqlName() + " value",
                    site.line(), site.column());
        }
        return result;
    }

    /**
     * {@code value} converted to {@code target} with Kusto's conversion rules; null when kusto-local
     * knows no conversion between the two types (strings and dynamic values convert to every type).
     */
    static TypedSql convert(TypedSql value, KustoType target) {
        String v = value.sql();
        KustoType from = value.type();
        if (from == target && target != KustoType.STRING) {
            return TypedSql.of(v, target);
        }
        switch (target) {
            case STRING:
                return TypedSql.of(Sql.toStringSql(value), KustoType.STRING);
            case INT:
            case LONG:
                return typed(toInteger(v, from, target), target);
            case REAL:
                return typed(toReal(v, from), target);
            case DECIMAL:
                return typed(toDecimal(v, from), target);
            case BOOL:
                return typed(toBool(v, from), target);
            case DATETIME:
                return typed(toDatetime(v, from), target);
            case TIMESPAN:
                return typed(toTimespan(v, from), target);
            case GUID:
                return from == KustoType.STRING || from == KustoType.DYNAMIC
                        ? TypedSql.of("TRY_CAST(trim(" + textOf(v, from) + ") AS UUID)", target) : null;
            case DYNAMIC:
                return TypedSql.of(toDynamic(v, from), target);
            default:
                throw new IllegalStateException("unknown type " + target);
        }
    }

    private static TypedSql typed(String sql, KustoType type) {
        return sql == null ? null : TypedSql.of(sql, type);
    }

    /** Text of a string or a dynamic value, for parsing. */
    private static String textOf(String v, KustoType from) {
        return from == KustoType.DYNAMIC ? Sql.dynamicText(v) : v;
    }

    private static String toInteger(String v, KustoType from, KustoType target) {
        String type = target.duckDbType();
        switch (from) {
            case INT:
            case LONG:
                return "TRY_CAST(" + v + " AS " + type + ")";
            case REAL:
            case DECIMAL:
                // Kusto truncates toward zero where DuckDB's cast rounds.
                return "TRY_CAST(trunc(" + v + ") AS " + type + ")";
            case BOOL:
                return "CAST(" + v + " AS " + type + ")";
            case DATETIME:
                // ticks since 0001-01-01, as Kusto converts a datetime to a number
                return "TRY_CAST(epoch_us(" + v + ") * 10 + " + Sql.EPOCH_TICKS_FROM_YEAR_ONE + " AS " + type + ")";
            case TIMESPAN:
                return "TRY_CAST(" + v + " AS " + type + ")";
            case STRING:
            case DYNAMIC:
                // whole numbers exactly; other numeric text truncated toward zero, as documented
                return Sql.let(textOf(v, from), s -> "(CASE WHEN regexp_matches(" + s + ", " + INTEGER_TEXT
                        + ") THEN TRY_CAST(trim(" + s + ") AS " + type + ") ELSE TRY_CAST(trunc(TRY_CAST(trim(" + s
                        + ") AS DOUBLE)) AS " + type + ") END)");
            default:
                return null;
        }
    }

    private static String toReal(String v, KustoType from) {
        switch (from) {
            case INT:
            case LONG:
            case DECIMAL:
            case BOOL:
            case TIMESPAN:
                return "CAST(" + v + " AS DOUBLE)";
            case DATETIME:
                return "CAST(epoch_us(" + v + ") * 10 + " + Sql.EPOCH_TICKS_FROM_YEAR_ONE + " AS DOUBLE)";
            case STRING:
            case DYNAMIC:
                return "TRY_CAST(trim(" + textOf(v, from) + ") AS DOUBLE)";
            default:
                return null;
        }
    }

    private static String toDecimal(String v, KustoType from) {
        switch (from) {
            case INT:
            case LONG:
            case REAL:
            case BOOL:
            case TIMESPAN:
                return "TRY_CAST(" + v + " AS DECIMAL(38,18))";
            case STRING:
            case DYNAMIC:
                return "TRY_CAST(trim(" + textOf(v, from) + ") AS DECIMAL(38,18))";
            default:
                return null;
        }
    }

    private static String toBool(String v, KustoType from) {
        switch (from) {
            case INT:
            case LONG:
            case REAL:
            case DECIMAL:
                return "(" + v + " <> 0)";
            case STRING:
            case DYNAMIC:
                return Sql.let("lower(trim(" + textOf(v, from) + "))", s -> "(CASE WHEN " + s + " IN ('true', '1') THEN true"
                        + " WHEN " + s + " IN ('false', '0') THEN false END)");
            default:
                return null;
        }
    }

    private static String toDatetime(String v, KustoType from) {
        switch (from) {
            case STRING:
            case DYNAMIC:
                return parseDatetime(textOf(v, from));
            default:
                return null;
        }
    }

    /**
     * Parses ISO 8601 text (zone optional, UTC assumed; a space for T; a date alone) and the RFC 822
     * and RFC 850 forms; more than six fraction digits are cut to the microseconds storage keeps.
     */
    static String parseDatetime(String text) {
        return Sql.let("regexp_replace(trim(" + text + "), '(\\.[0-9]{6})[0-9]+', '\\1')", s ->
                "(CASE WHEN regexp_matches(" + s + ", '([zZ]|[+-][0-9]{2}:?[0-9]{2})$') AND length(" + s + ") > 10"
                        + " THEN timezone('UTC', TRY_CAST(" + s + " AS TIMESTAMPTZ))"
                        + " ELSE coalesce(TRY_CAST(" + s + " AS TIMESTAMP), try_strptime(" + s + ", " + RFC_FORMATS
                        + ")) END)");
    }

    private static String rfcFormats() {
        StringBuilder sb = new StringBuilder("[");
        for (String date : new String[] {"%a, %d %b %y", "%d %b %y", "%A, %d-%b-%y", "%d-%b-%y"}) {
            for (String time : new String[] {"%H:%M:%S", "%H:%M"}) {
                for (String zone : new String[] {"", " GMT", " UTC"}) {
                    sb.append(sb.length() == 1 ? "" : ", ").append(Sql.quote(date + " " + time + zone));
                }
            }
        }
        return sb.append(']').toString();
    }

    private static String toTimespan(String v, KustoType from) {
        switch (from) {
            case STRING:
            case DYNAMIC:
                return parseTimespan(textOf(v, from));
            default:
                return null;
        }
    }

    /** Parses .NET's {@code [-][d.]hh:mm[:ss[.fffffff]]} into ticks. */
    static String parseTimespan(String text) {
        return Sql.let("regexp_extract(" + text + ", " + TIMESPAN_TEXT
                + ", ['sign', 'd', 'h', 'm', 's', 'f'])", p ->
                "(CASE WHEN regexp_matches(" + text + ", " + TIMESPAN_TEXT + ") THEN"
                        + " (CASE WHEN " + p + ".sign = '-' THEN -1 ELSE 1 END) * ("
                        + "coalesce(TRY_CAST(" + p + ".d AS BIGINT), 0) * " + KustoValues.TICKS_PER_DAY
                        + " + CAST(" + p + ".h AS BIGINT) * " + KustoValues.TICKS_PER_HOUR
                        + " + CAST(" + p + ".m AS BIGINT) * " + KustoValues.TICKS_PER_MINUTE
                        + " + coalesce(TRY_CAST(" + p + ".s AS BIGINT), 0) * " + KustoValues.TICKS_PER_SECOND
                        + " + coalesce(TRY_CAST(rpad(" + p + ".f, 7, '0') AS BIGINT), 0)) END)");
    }

    private static String toDynamic(String v, KustoType from) {
        if (from == KustoType.STRING) {
            // text that is not JSON becomes a dynamic string, as parse_json does
            return Sql.let(v, s -> "(CASE WHEN " + s + " IS NULL OR " + s + " = '' THEN NULL WHEN json_valid(" + s
                    + ") THEN json(" + s + ") ELSE to_json(" + s + ") END)");
        }
        return Sql.toJsonElement(v, from);
    }
}
