package dev.kustospark.local.kql.functions;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * KQL scalar functions ({@code strlen}, {@code bin}, {@code iff}...) and the string operators
 * ({@code has}, {@code contains}, {@code =~}, {@code matches regex}...), translated to DuckDB SQL
 * with Kusto's semantics.
 *
 * <p>String results are never NULL: Kusto strings cannot be null, so a null input yields the empty
 * string where Kusto would.
 */
public final class ScalarFunctions {
    private static final Set<String> GENERAL = Set.of("isnull", "isnotnull", "isempty", "isnotempty", "iff", "iif",
            "case", "coalesce", "strlen", "tolower", "toupper", "substring", "strcat", "strcat_delim", "split",
            "trim", "trim_start", "trim_end", "replace_string", "replace_regex", "extract", "gettype", "not",
            "indexof", "reverse", "isnan", "isinf", "isfinite", "min_of", "max_of", "countof", "strrep",
            "tohex", "base64_encode_tostring", "base64_decode_tostring", "new_guid", "rand", "pi");

    private ScalarFunctions() {}

    /**
     * Applies the function or operator {@code site.name()} (as written in KQL) to translated arguments.
     *
     * <p>{@code extract}'s optional fourth argument ({@code typeof(T)}) is read from a constant
     * string naming the type or, failing that, from the argument's Kusto type.
     */
    public static TypedSql call(CallSite site, List<TypedSql> args) {
        String name = site.name();
        if (StringOperators.isKnown(name)) {
            return StringOperators.call(site, args);
        }
        if (Conversions.isKnown(name)) {
            return Conversions.call(site, args);
        }
        if (DateTimeFunctions.isKnown(name)) {
            return DateTimeFunctions.call(site, args);
        }
        if (MathFunctions.isKnown(name)) {
            return MathFunctions.call(site, args);
        }
        if (DynamicFunctions.isKnown(name)) {
            return DynamicFunctions.call(site, args);
        }
        if (GENERAL.contains(name)) {
            return general(site, args);
        }
        throw KustoException.unsupported("function '" + name + "'", site.line(), site.column());
    }

    /** True if {@code name} is a scalar function or operator this class translates. */
    public static boolean isKnown(String name) {
        return GENERAL.contains(name) || StringOperators.isKnown(name) || Conversions.isKnown(name)
                || DateTimeFunctions.isKnown(name) || MathFunctions.isKnown(name) || DynamicFunctions.isKnown(name);
    }

    private static TypedSql general(CallSite site, List<TypedSql> args) {
        switch (site.name()) {
            case "isnull":
                Sql.arity(site, args, 1, 1);
                return bool(isNull(args.get(0)));
            case "isnotnull":
                Sql.arity(site, args, 1, 1);
                return bool("(NOT " + isNull(args.get(0)) + ")");
            case "isempty":
                Sql.arity(site, args, 1, 1);
                return bool(isEmpty(args.get(0)));
            case "isnotempty":
                Sql.arity(site, args, 1, 1);
                return bool("(NOT " + isEmpty(args.get(0)) + ")");
            case "not":
                Sql.arity(site, args, 1, 1);
                Sql.requireType(site, args.get(0), "the argument", KustoType.BOOL);
                return bool("(NOT " + args.get(0).sql() + ")");
            case "iff":
            case "iif":
                Sql.arity(site, args, 3, 3);
                return caseOf(site, args);
            case "case":
                if (args.size() < 3 || args.size() % 2 == 0) {
                    throw site.error("expects pairs of predicate and value followed by an else value, got "
                            + args.size() + " arguments");
                }
                return caseOf(site, args);
            case "coalesce":
                return coalesce(site, args);
            case "strlen":
                Sql.arity(site, args, 1, 1);
                return TypedSql.of("CAST(length(" + text(site, args.get(0)) + ") AS BIGINT)", KustoType.LONG);
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
                        + Sql.quote(Sql.constantString(site, args.get(1), "the regular expression")) + ", "
                        + Sql.toStringSql(args.get(2)) + ", 'g')");
            case "extract":
                return extract(site, args);
            case "gettype":
                Sql.arity(site, args, 1, 1);
                return gettype(args.get(0));
            case "min_of":
            case "max_of":
                return extremeOf(site, args);
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
            case "new_guid":
                Sql.arity(site, args, 0, 0);
                return TypedSql.of("uuid()", KustoType.GUID);
            case "rand":
                return rand(site, args);
            case "pi":
                Sql.arity(site, args, 0, 0);
                return TypedSql.of("pi()", KustoType.REAL);
            case "isnan":
            case "isinf":
            case "isfinite":
                Sql.arity(site, args, 1, 1);
                Sql.requireNumeric(site, args.get(0), "the argument");
                return bool(site.name() + "(CAST(" + args.get(0).sql() + " AS DOUBLE))");
            default:
                throw site.error("unknown function");
        }
    }

    private static TypedSql bool(String sql) {
        return TypedSql.of(sql, KustoType.BOOL);
    }

    private static TypedSql string(String sql) {
        return TypedSql.of(sql, KustoType.STRING);
    }

    private static String text(CallSite site, TypedSql arg) {
        return Sql.toStringSql(arg);
    }

    /** Strings are never null in Kusto: a stored NULL string reads as empty, which is not null. */
    private static String isNull(TypedSql arg) {
        if (arg.type() == KustoType.STRING) {
            return "false";
        }
        if (arg.type() == KustoType.DYNAMIC) {
            return Sql.let(arg.sql(), j -> "(" + j + " IS NULL OR json_type(" + j + ") = 'NULL')");
        }
        return "(" + arg.sql() + " IS NULL)";
    }

    private static String isEmpty(TypedSql arg) {
        if (arg.type() == KustoType.STRING) {
            return "(coalesce(" + arg.sql() + ", '') = '')";
        }
        return isNull(arg);
    }

    /** iff/case: predicates then values, the last value the else branch, all of one type. */
    private static TypedSql caseOf(CallSite site, List<TypedSql> args) {
        List<TypedSql> values = new ArrayList<>();
        for (int i = 0; i + 1 < args.size(); i += 2) {
            Sql.requireType(site, args.get(i), "the predicate", KustoType.BOOL);
            values.add(args.get(i + 1));
        }
        values.add(args.get(args.size() - 1));
        KustoType type = Sql.commonType(values);
        if (type == null) {
            throw site.error("the values must all be of one type, got " + typeNames(values));
        }
        StringBuilder sql = new StringBuilder("(CASE");
        for (int i = 0; i + 1 < args.size(); i += 2) {
            sql.append(" WHEN ").append(args.get(i).sql()).append(" THEN ")
                    .append(branch(args.get(i + 1), type));
        }
        sql.append(" ELSE ").append(branch(args.get(args.size() - 1), type)).append(" END)");
        return TypedSql.of(sql.toString(), type);
    }

    private static String branch(TypedSql value, KustoType type) {
        if (type == KustoType.STRING) {
            return Sql.toStringSql(value);
        }
        return Sql.castTo(value.sql(), value.type(), type);
    }

    private static String typeNames(List<TypedSql> values) {
        List<String> names = new ArrayList<>();
        for (TypedSql v : values) {
            names.add(v.type().kqlName());
        }
        return String.join(", ", names);
    }

    /** The first argument that is not null (for strings: not empty). */
    private static TypedSql coalesce(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 2, 64);
        KustoType type = Sql.commonType(args);
        if (type == null) {
            throw site.error("the arguments must all be of one type, got " + typeNames(args));
        }
        List<String> parts = new ArrayList<>();
        for (TypedSql a : args) {
            if (type == KustoType.STRING) {
                parts.add("nullif(" + a.sql() + ", '')");
            } else if (type == KustoType.DYNAMIC) {
                parts.add(Sql.let(a.sql(), j -> "(CASE WHEN json_type(" + j + ") <> 'NULL' THEN " + j + " END)"));
            } else {
                parts.add(Sql.castTo(a.sql(), a.type(), type));
            }
        }
        String sql = "coalesce(" + String.join(", ", parts) + ")";
        return TypedSql.of(type == KustoType.STRING ? "coalesce(" + sql + ", '')" : sql, type);
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
        Sql.arity(site, args, 2, 2);
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
                ? Sql.quote("(?:" + Sql.constantString(site, args.get(0), "the regular expression") + ")+")
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
        String regex = Sql.constantString(site, args.get(0), "the regular expression");
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
     * {@code gettype(x)}: the Kusto type name; for dynamic values the runtime type of the JSON value
     * (a whole number is {@code int} when it fits 32 bits, as the service reports it).
     */
    private static TypedSql gettype(TypedSql arg) {
        if (arg.type() != KustoType.DYNAMIC) {
            return string(Sql.quote(arg.type().kqlName()));
        }
        return string(Sql.let(arg.sql(), j -> "(CASE json_type(" + j + ") WHEN 'ARRAY' THEN 'array'"
                + " WHEN 'OBJECT' THEN 'dictionary' WHEN 'VARCHAR' THEN 'string'"
                + " WHEN 'BIGINT' THEN " + wholeNumberType(j) + " WHEN 'UBIGINT' THEN " + wholeNumberType(j)
                + " WHEN 'DOUBLE' THEN 'real' WHEN 'BOOLEAN' THEN 'bool'"
                + " ELSE 'null' END)"));
    }

    private static String wholeNumberType(String json) {
        return "(CASE WHEN TRY_CAST(" + json + " ->> '$' AS HUGEINT) BETWEEN -2147483648 AND 2147483647 THEN 'int'"
                + " ELSE 'long' END)";
    }

    /** min_of / max_of: the least or greatest non-null argument, all of one (promoted) type. */
    private static TypedSql extremeOf(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 2, 64);
        KustoType type = Sql.commonType(args);
        if (type == null || type == KustoType.DYNAMIC) {
            throw site.error("the arguments must all be of one comparable type, got " + typeNames(args));
        }
        List<String> parts = new ArrayList<>();
        for (TypedSql a : args) {
            parts.add(Sql.castTo(a.sql(), a.type(), type));
        }
        String function = site.name().equals("min_of") ? "least" : "greatest";
        return TypedSql.of(function + "(" + String.join(", ", parts) + ")", type);
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
            String regex = Sql.constantString(site, args.get(1), "the regular expression");
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

    /** rand(): a real in [0, 1); rand(n): a long in [0, n). */
    private static TypedSql rand(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 0, 1);
        if (args.isEmpty()) {
            return TypedSql.of("random()", KustoType.REAL);
        }
        Sql.requireType(site, args.get(0), "the range", KustoType.INT, KustoType.LONG);
        return TypedSql.of("CAST(floor(random() * " + args.get(0).sql() + ") AS BIGINT)", KustoType.LONG);
    }
}
