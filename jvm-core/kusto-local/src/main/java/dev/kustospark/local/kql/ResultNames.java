package dev.kustospark.local.kql;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;

/**
 * The column name Kusto derives for an unnamed expression: a column keeps its name, {@code d.a} and
 * {@code d['a']} become {@code d_a}, some functions take their first argument's name
 * ({@code bin(t, 1h)} is {@code t}), aggregations prefix it ({@code sum_x}, {@code list_x}). An
 * empty name means the operator falls back to {@code Column1}, {@code Column2}...
 */
final class ResultNames {
    private ResultNames() {}

    private static final Set<String> FIRST_ARGUMENT = Set.of(
            "split", "tostring", "tohex", "todynamic", "toobject", "tolong", "toint", "toreal", "todouble",
            "todatetime", "totimespan", "totime", "tobool", "toboolean", "todecimal", "toguid", "parse_csv",
            "parsejson", "parse_json", "parse_xml", "format_datetime", "format_timespan", "startofday", "bin",
            "floor", "bin_at", "bin_auto", "binary_and", "binary_or", "binary_xor", "binary_not",
            "binary_shift_right", "binary_shift_left", "bitset_count_ones", "round", "ceiling", "pow", "sqrt", "log",
            "log2", "log10", "exp", "exp2", "exp10", "cos", "sin", "tan", "acos", "asin", "atan", "atan2", "abs",
            "rand", "gamma", "loggamma", "erf", "erfc", "format_bytes", "take_anyif", "binary_all_or",
            "binary_all_and", "binary_all_xor");

    private static final Set<String> ONLY_ARGUMENT = Set.of("make_datetime", "make_timespan");

    /** Functions named {@code prefix_firstArgument}: aggregations and a few scalar functions. */
    private static final Map<String, String> PREFIXES = Map.ofEntries(
            Map.entry("strlen", "strlen"), Map.entry("string_size", "string_size"), Map.entry("gettype", "type"),
            Map.entry("treepath", "tree"), Map.entry("repeat", "repeat"), Map.entry("dcount_hll", "dcount_hll"),
            Map.entry("sum", "sum"), Map.entry("sumif", "sumif"), Map.entry("cnt", "cnt"),
            Map.entry("count", "count"), Map.entry("countif", "countif"), Map.entry("dcount", "dcount"),
            Map.entry("dcountif", "dcountif"), Map.entry("tdigest", "tdigest"), Map.entry("hll", "hll"),
            Map.entry("hll_if", "hll_if"), Map.entry("min", "min"), Map.entry("minif", "minif"),
            Map.entry("max", "max"), Map.entry("maxif", "maxif"), Map.entry("avg", "avg"),
            Map.entry("avgif", "avgif"), Map.entry("makelist", "list"), Map.entry("make_list", "list"),
            Map.entry("make_list_if", "list"), Map.entry("make_list_with_nulls", "list"),
            Map.entry("makeset", "set"), Map.entry("make_set", "set"), Map.entry("make_set_if", "set"),
            Map.entry("make_dictionary", "dictionary"), Map.entry("make_bag", "bag"),
            Map.entry("make_bag_if", "bag"), Map.entry("buildschema", "schema"),
            Map.entry("count_distinct", "count_distinct"), Map.entry("count_distinctif", "count_distinctif"),
            Map.entry("stdev", "stdev"), Map.entry("stdevif", "stdevif"), Map.entry("stdevp", "stdevp"),
            Map.entry("variance", "variance"), Map.entry("varianceif", "varianceif"),
            Map.entry("variancep", "variancep"), Map.entry("variancepif", "variancepif"),
            Map.entry("covariance", "covariance"), Map.entry("any", "any"), Map.entry("anyif", "anyif"));

    /** The derived name, or "" when there is none. */
    static String of(Ast.Expr e) {
        if (e instanceof Ast.Name n) {
            return n.name();
        }
        if (e instanceof Ast.Paren p) {
            return of(p.inner());
        }
        if (e instanceof Ast.Member m) {
            return joined(of(m.target()), m.name());
        }
        if (e instanceof Ast.Index ix) {
            String selector = "";
            if (ix.index() instanceof Ast.Literal lit && lit.value() != null
                    && (lit.value() instanceof String || lit.value() instanceof Long || lit.value() instanceof Integer)
                    && !(lit.value() instanceof Number num && num.longValue() < 0)) {
                selector = lit.value().toString();
            } else if (ix.index() instanceof Ast.Name n) {
                selector = n.name();
            }
            return joined(of(ix.target()), selector);
        }
        if (e instanceof Ast.Call c) {
            return call(c);
        }
        return "";
    }

    private static String joined(String left, String right) {
        return left.isEmpty() ? right : left + "_" + right;
    }

    private static String call(Ast.Call c) {
        String name = c.name();
        if (FIRST_ARGUMENT.contains(name)) {
            return c.args().isEmpty() ? "" : of(c.args().get(0));
        }
        if (ONLY_ARGUMENT.contains(name)) {
            return c.args().size() == 1 ? of(c.args().get(0)) : "";
        }
        String prefix = PREFIXES.get(name);
        if (prefix != null) {
            return c.args().isEmpty() ? prefix + "_" : prefix + "_" + of(c.args().get(0));
        }
        if ((name.equals("column_ifexists") || name.equals("columnifexists")) && !c.args().isEmpty()
                && c.args().get(0) instanceof Ast.Literal lit && lit.value() instanceof String column) {
            return column;
        }
        if (name.equals("percentile") && c.args().size() == 2) {
            return "percentile_" + of(c.args().get(0)) + "_" + validFragment(constantText(c.args().get(1)));
        }
        return "";
    }

    static String constantText(Ast.Expr e) {
        if (e instanceof Ast.Literal lit && lit.value() != null) {
            Object v = lit.value();
            return v instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros().toPlainString() : v.toString();
        }
        return "";
    }

    /** Letters and digits kept, everything else an underscore, as Kusto builds names from constants. */
    static String validFragment(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char ch : text.toCharArray()) {
            sb.append(Character.isLetterOrDigit(ch) ? ch : '_');
        }
        return sb.toString();
    }
}
