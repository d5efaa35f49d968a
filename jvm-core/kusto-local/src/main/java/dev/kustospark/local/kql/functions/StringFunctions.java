package dev.kustospark.local.kql.functions;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * String functions. Arguments that are not strings are converted as {@code tostring()} would, a null
 * string reads as empty, and string results are never null.
 */
final class StringFunctions {
    private static final Set<String> NAMES = Set.of(
            "strlen", "tolower", "toupper", "reverse", "substring", "strcat", "strcat_delim", "indexof", "split",
            "trim", "trim_start", "trim_end", "replace_string", "replace_regex", "extract", "countof", "strrep",
            "tohex", "base64_encode_tostring", "base64_decode_tostring");

    private StringFunctions() {}

    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    static TypedSql call(CallSite site, List<TypedSql> args) {
        switch (site.name()) {
            case "strlen":
                Sql.arity(site, args, 1, 1);
                return TypedSql.of("CAST(length(" + Sql.toStringSql(args.get(0)) + ") AS BIGINT)", KustoType.LONG);
            case "tolower":
                Sql.arity(site, args, 1, 1);
                return string("lower(" + Sql.toStringSql(args.get(0)) + ")");
            case "toupper":
                Sql.arity(site, args, 1, 1);
                return string("upper(" + Sql.toStringSql(args.get(0)) + ")");
            case "reverse":
                Sql.arity(site, args, 1, 1);
                return string("reverse(" + Sql.toStringSql(args.get(0)) + ")");
            case "substring":
                return substring(site, args);
            case "strcat":
                return strcat(site, args);
            case "strcat_delim":
                return strcatDelim(site, args);
            case "indexof":
                return indexOf(site, args);
            case "split":
                return split(site, args);
            case "trim":
                return trim(site, args, true, true);
            case "trim_start":
                return trim(site, args, true, false);
            case "trim_end":
                return trim(site, args, false, true);
            case "replace_string":
                Sql.arity(site, args, 3, 3);
                return string(Sql.let(Sql.toStringSql(args.get(1)), lookup -> "(CASE WHEN " + lookup + " = '' THEN "
                        + Sql.toStringSql(args.get(0)) + " ELSE replace(" + Sql.toStringSql(args.get(0)) + ", " + lookup
                        + ", " + Sql.toStringSql(args.get(2)) + ") END)"));
            case "replace_regex":
                Sql.arity(site, args, 3, 3);
                return string("regexp_replace(" + Sql.toStringSql(args.get(0)) + ", "
                        + Sql.quote(Sql.constantRegex(site, args.get(1))) + ", "
                        + Sql.toStringSql(args.get(2)) + ", 'g')");
            case "extract":
                return extract(site, args);
            case "countof":
                return countOf(site, args);
            case "strrep":
                return strrep(site, args);
            case "tohex":
                return toHex(site, args);
            case "base64_encode_tostring":
                Sql.arity(site, args, 1, 1);
                return string("to_base64(encode(" + Sql.toStringSql(args.get(0)) + "))");
            case "base64_decode_tostring":
                Sql.arity(site, args, 1, 1);
                // not base64, or not UTF-8 once decoded: null, as documented
                return string("try(decode(from_base64(" + Sql.toStringSql(args.get(0)) + ")))");
            default:
                throw site.error("unknown string function");
        }
    }

    private static TypedSql string(String sql) {
        return TypedSql.of(sql, KustoType.STRING);
    }

    /**
     * {@code substring(s, start[, length])}: zero-based; a negative start counts from the end
     * (and is clamped to the beginning); a start past the end or a non-positive length gives "".
     */
    private static TypedSql substring(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 2, 3);
        Sql.requireType(site, args.get(1), "the starting index", KustoType.INT, KustoType.LONG);
        String s = Sql.toStringSql(args.get(0));
        String start = "CAST(" + args.get(1).sql() + " AS BIGINT)";
        String sql = Sql.let(s, str -> Sql.let(
                "(CASE WHEN " + start + " < 0 THEN greatest(length(" + str + ") + " + start + ", 0) ELSE " + start + " END)",
                from -> {
                    if (args.size() == 2) {
                        return "substr(" + str + ", " + from + " + 1)";
                    }
                    Sql.requireType(site, args.get(2), "the length", KustoType.INT, KustoType.LONG);
                    String len = "CAST(" + args.get(2).sql() + " AS BIGINT)";
                    return "(CASE WHEN " + len + " <= 0 THEN '' ELSE substr(" + str + ", " + from + " + 1, " + len
                            + ") END)";
                }));
        return string("coalesce(" + sql + ", '')");
    }

    private static TypedSql strcat(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 1, 64);
        List<String> parts = new ArrayList<>();
        for (TypedSql a : args) {
            parts.add(Sql.toStringSql(a));
        }
        return string("(" + String.join(" || ", parts) + ")");
    }

    private static TypedSql strcatDelim(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 3, 65);
        List<String> parts = new ArrayList<>();
        for (TypedSql a : args.subList(1, args.size())) {
            parts.add(Sql.toStringSql(a));
        }
        return string("(" + String.join(" || " + Sql.toStringSql(args.get(0)) + " || ", parts) + ")");
    }

    /** {@code indexof(s, lookup)}: zero-based position of the first occurrence, -1 if absent. */
    private static TypedSql indexOf(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 2, 5);
        if (args.size() > 2) {
            throw KustoException.unsupported("'indexof' with a start index, length or occurrence", site.line(),
                    site.column());
        }
        return TypedSql.of("CAST(strpos(" + Sql.toStringSql(args.get(0)) + ", " + Sql.toStringSql(args.get(1))
                + ") - 1 AS BIGINT)", KustoType.LONG);
    }

    /**
     * {@code split(s, delimiter[, index])}: a dynamic array of the parts; with an index, an array of
     * that one part, or an empty array when the index is out of range.
     */
    private static TypedSql split(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 2, 3);
        String parts = "string_split(" + Sql.toStringSql(args.get(0)) + ", " + Sql.toStringSql(args.get(1)) + ")";
        if (args.size() == 2) {
            return TypedSql.of("CAST(to_json(" + parts + ") AS JSON)", KustoType.DYNAMIC);
        }
        Sql.requireType(site, args.get(2), "the index", KustoType.INT, KustoType.LONG);
        String index = "CAST(" + args.get(2).sql() + " AS BIGINT)";
        String sql = Sql.let(parts, p -> "(CASE WHEN " + index + " >= 0 AND " + index + " < len(" + p
                + ") THEN to_json([" + p + "[" + index + " + 1]]) WHEN " + index + " IS NOT NULL THEN '[]'::JSON END)");
        return TypedSql.of(sql, KustoType.DYNAMIC);
    }

    /** trim(regex, s): removes leading and/or trailing runs of matches of the regular expression. */
    private static TypedSql trim(CallSite site, List<TypedSql> args, boolean start, boolean end) {
        Sql.arity(site, args, 2, 2);
        String regex = args.get(0).constant()
                ? Sql.quote("(?:" + Sql.constantRegex(site, args.get(0)) + ")+")
                : "'(?:' || " + Sql.toStringSql(args.get(0)) + " || ')+'";
        String sql = Sql.toStringSql(args.get(1));
        if (start) {
            sql = "regexp_replace(" + sql + ", '^' || " + regex + ", '')";
        }
        if (end) {
            sql = "regexp_replace(" + sql + ", " + regex + " || '$', '')";
        }
        return string(sql);
    }

    /**
     * {@code extract(regex, group, text[, typeof(T)])}: the group's text of the first match, converted
     * to T when given; no match gives "" for string and null for other types.
     */
    private static TypedSql extract(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 3, 4);
        String regex = Sql.constantRegex(site, args.get(0));
        long group = Sql.constantLong(site, args.get(1), "the capture group");
        if (group < 0) {
            throw site.error("the capture group must not be negative");
        }
        KustoType target = KustoType.STRING;
        if (args.size() == 4) {
            TypedSql t = args.get(3);
            KustoType named = t.constant() && t.value() instanceof String ? KustoType.fromName((String) t.value()) : null;
            target = named != null ? named : t.type();
        }
        String subject = Sql.toStringSql(args.get(2));
        String matched = Sql.let(subject, s -> "(CASE WHEN regexp_matches(" + s + ", " + Sql.quote(regex)
                + ") THEN regexp_extract(" + s + ", " + Sql.quote(regex) + ", " + group + ") END)");
        if (target == KustoType.STRING) {
            return string("coalesce(" + matched + ", '')");
        }
        return Conversions.convert(TypedSql.of(matched, KustoType.STRING), target);
    }

    /**
     * countof(text, search[, kind]): non-overlapping occurrences of plain text ({@code "normal"}), or
     * matches of a regular expression ({@code "regex"}).
     */
    private static TypedSql countOf(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 2, 3);
        String kind = args.size() == 3 ? Sql.constantString(site, args.get(2), "the kind") : "normal";
        String text = Sql.toStringSql(args.get(0));
        if (kind.equals("regex")) {
            String regex = Sql.constantRegex(site, args.get(1));
            return TypedSql.of("CAST(len(regexp_extract_all(" + text + ", " + Sql.quote(regex) + ")) AS BIGINT)",
                    KustoType.LONG);
        }
        if (!kind.equals("normal")) {
            throw site.error("the kind must be 'normal' or 'regex'");
        }
        String search = Sql.toStringSql(args.get(1));
        return TypedSql.of(Sql.let(search, s -> "(CASE WHEN length(" + s + ") = 0 THEN 0 ELSE CAST((length(" + text
                + ") - length(replace(" + text + ", " + s + ", ''))) // length(" + s + ") AS BIGINT) END)"),
                KustoType.LONG);
    }

    /** strrep(s, n[, delimiter]): s repeated n times, joined by the delimiter. */
    private static TypedSql strrep(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 2, 3);
        Sql.requireType(site, args.get(1), "the multiplier", KustoType.INT, KustoType.LONG);
        String s = Sql.toStringSql(args.get(0));
        String n = "greatest(CAST(" + args.get(1).sql() + " AS BIGINT), 0)";
        if (args.size() == 2) {
            return string("coalesce(repeat(" + s + ", " + n + "), '')");
        }
        String delimiter = Sql.toStringSql(args.get(2));
        return string("coalesce(array_to_string(list_transform(range(" + n + "), lambda __kr: " + s + "), " + delimiter
                + "), '')");
    }

    /**
     * tohex(n[, minLength]): lower-case hexadecimal, negative numbers in two's complement of their
     * own width (64 bits for long, 32 for int), left-padded with zeros to the minimum length.
     */
    private static TypedSql toHex(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 1, 2);
        TypedSql n = args.get(0);
        Sql.requireType(site, n, "the value", KustoType.INT, KustoType.LONG);
        String hex = "lower(hex(CAST(" + n.sql() + " AS BIGINT)))";
        if (n.type() == KustoType.INT) {
            hex = "right(" + hex + ", CASE WHEN " + n.sql() + " < 0 THEN 8 ELSE 16 END)";
        }
        if (args.size() == 2) {
            Sql.requireType(site, args.get(1), "the minimum length", KustoType.INT, KustoType.LONG);
            String width = "CAST(" + args.get(1).sql() + " AS INTEGER)";
            hex = Sql.let(hex, h -> "(CASE WHEN length(" + h + ") < " + width + " THEN lpad(" + h + ", " + width
                    + ", '0') ELSE " + h + " END)");
        }
        return string(hex);
    }
}
