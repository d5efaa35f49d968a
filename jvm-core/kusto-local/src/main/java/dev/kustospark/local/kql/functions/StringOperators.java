package dev.kustospark.local.kql.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Kusto's string comparison operators ({@code =~}, {@code contains}, {@code has},
 * {@code startswith}, {@code matches regex}... and their negations and {@code _cs} forms).
 *
 * <p>Operands that are not strings are converted as {@code tostring()} would, and a null operand
 * counts as the empty string (Kusto strings are never null), so every operator yields true or
 * false, never null. Case-insensitive forms compare lower-cased text.
 *
 * <p>{@code has} matches terms: a term is a maximal run of ASCII letters and digits. The needle
 * matches where it occurs in the text with no letter or digit right before it (when the needle
 * starts with one) and none right after it (when it ends with one), so a needle holding
 * punctuation such as {@code "c1db-4f9f"} matches across terms at term boundaries.
 * {@code hasprefix} and {@code hassuffix} drop the boundary on the needle's far side.
 */
final class StringOperators {
    private static final String NOT_ALNUM = "[^0-9A-Za-z]";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Operator names without their {@code !} negation. */
    private static final Set<String> POSITIVE = Set.of(
            "=~", "contains", "contains_cs", "has", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix",
            "hassuffix_cs", "startswith", "startswith_cs", "endswith", "endswith_cs", "matches regex");

    /** Negated forms whose positive form has a different spelling than {@code !} + name. */
    private static final Map<String, String> NEGATIONS = Map.of("!~", "=~");

    private StringOperators() {}

    static boolean isKnown(String name) {
        return name.equals("has_any") || name.equals("has_all") || POSITIVE.contains(name) || NEGATIONS.containsKey(name)
                || (name.startsWith("!") && !name.equals("!matches regex") && POSITIVE.contains(name.substring(1)));
    }

    static TypedSql call(CallSite site, List<TypedSql> args) {
        if (site.name().equals("has_any") || site.name().equals("has_all")) {
            return hasAnyOrAll(site, args, site.name().equals("has_any"));
        }
        Sql.arity(site, args, 2, 2);
        String name = site.name();
        boolean negated = false;
        if (NEGATIONS.containsKey(name)) {
            name = NEGATIONS.get(name);
            negated = true;
        } else if (name.startsWith("!")) {
            name = name.substring(1);
            negated = true;
        }
        String condition = positive(site, name, args.get(0), args.get(1));
        return TypedSql.of(negated ? "(NOT " + condition + ")" : condition, KustoType.BOOL);
    }

    private static String positive(CallSite site, String name, TypedSql left, TypedSql right) {
        boolean caseSensitive = name.endsWith("_cs");
        String base = caseSensitive ? name.substring(0, name.length() - 3) : name;
        String l = text(left, caseSensitive);
        String r = text(right, caseSensitive);
        switch (base) {
            case "=~":
                return "(" + l + " = " + r + ")";
            case "contains":
                return "contains(" + l + ", " + r + ")";
            case "startswith":
                return "starts_with(" + l + ", " + r + ")";
            case "endswith":
                return "ends_with(" + l + ", " + r + ")";
            case "has":
                return termMatch(left, right, caseSensitive, true, true);
            case "hasprefix":
                return termMatch(left, right, caseSensitive, true, false);
            case "hassuffix":
                return termMatch(left, right, caseSensitive, false, true);
            case "matches regex":
                return regexMatch(site, left, right);
            default:
                throw site.error("unknown string operator");
        }
    }

    /**
     * {@code has_any} / {@code has_all}: the text, then the needles, given one by one or as constant
     * dynamic arrays; {@code has} for each needle, or-ed or and-ed (no needles: false / true).
     */
    private static TypedSql hasAnyOrAll(CallSite site, List<TypedSql> args, boolean any) {
        Sql.arity(site, args, 1, Integer.MAX_VALUE);
        TypedSql text = args.get(0);
        List<String> conditions = new ArrayList<>();
        for (TypedSql needle : args.subList(1, args.size())) {
            if (needle.type() == KustoType.DYNAMIC) {
                for (String element : constantArray(site, needle)) {
                    conditions.add(termMatch(text, TypedSql.literal(Sql.quote(element), KustoType.STRING, element), false,
                            true, true));
                }
            } else {
                conditions.add(termMatch(text, needle, false, true, true));
            }
        }
        if (conditions.isEmpty()) {
            return TypedSql.of(any ? "false" : "true", KustoType.BOOL);
        }
        return TypedSql.of("(" + String.join(any ? " OR " : " AND ", conditions) + ")", KustoType.BOOL);
    }

    /** The elements of a constant dynamic array, each as tostring() would give it. */
    private static List<String> constantArray(CallSite site, TypedSql arg) {
        if (!arg.constant() || !(arg.value() instanceof String)) {
            throw KustoException.unsupported("a non-constant dynamic array in '" + site.name() + "'", site.line(),
                    site.column());
        }
        try {
            JsonNode node = JSON.readTree((String) arg.value());
            List<String> out = new ArrayList<>();
            if (node.isArray()) {
                for (JsonNode element : node) {
                    out.add(element.isValueNode() ? element.asText() : element.toString());
                }
            } else {
                out.add(node.isValueNode() ? node.asText() : node.toString());
            }
            return out;
        } catch (JsonProcessingException e) {
            throw site.error("the dynamic value is not valid JSON");
        }
    }

    private static String text(TypedSql arg, boolean caseSensitive) {
        String s = Sql.toStringSql(arg);
        return caseSensitive ? s : "lower(" + s + ")";
    }

    private static String regexMatch(CallSite site, TypedSql left, TypedSql right) {
        String subject = Sql.toStringSql(left);
        if (right.constant()) {
            String pattern = Sql.constantRegex(site, right);
            return "regexp_matches(" + subject + ", " + Sql.quote(pattern) + ")";
        }
        return "regexp_matches(" + subject + ", " + Sql.toStringSql(right) + ")";
    }

    /**
     * A regex search for the needle bounded by term edges; the boundary on a side applies only when
     * the needle's character on that side is a letter or digit.
     */
    private static String termMatch(TypedSql left, TypedSql right, boolean caseSensitive, boolean boundStart,
            boolean boundEnd) {
        String subject = Sql.toStringSql(left);
        String flags = caseSensitive ? "" : "(?i)";
        if (right.constant() && right.value() instanceof String) {
            String needle = (String) right.value();
            if (needle.isEmpty()) {
                return "true";
            }
            boolean alnumStart = isAsciiAlnum(needle.charAt(0));
            boolean alnumEnd = isAsciiAlnum(needle.charAt(needle.length() - 1));
            String pattern = flags
                    + (boundStart && alnumStart ? "(?:^|" + NOT_ALNUM + ")" : "")
                    + Sql.regexLiteral(needle)
                    + (boundEnd && alnumEnd ? "(?:$|" + NOT_ALNUM + ")" : "");
            return "regexp_matches(" + subject + ", " + Sql.quote(pattern) + ")";
        }
        return Sql.let(Sql.toStringSql(right), n -> {
            String start = boundStart
                    ? "CASE WHEN regexp_matches(" + n + ", '^[0-9A-Za-z]') THEN '(?:^|" + NOT_ALNUM + ")' ELSE '' END"
                    : "''";
            String end = boundEnd
                    ? "CASE WHEN regexp_matches(" + n + ", '[0-9A-Za-z]$') THEN '(?:$|" + NOT_ALNUM + ")' ELSE '' END"
                    : "''";
            return "(" + n + " = '' OR regexp_matches(" + subject + ", '" + flags + "' || " + start + " || "
                    + Sql.regexEscapeSql(n) + " || " + end + "))";
        });
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
