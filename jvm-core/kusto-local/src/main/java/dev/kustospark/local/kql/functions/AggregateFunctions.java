package dev.kustospark.local.kql.functions;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import java.util.List;
import java.util.Set;

/**
 * KQL aggregation functions of {@code summarize} ({@code count}, {@code sum}, {@code dcount},
 * {@code make_list}, {@code percentile}...), translated to DuckDB aggregate SQL over the translated
 * arguments, with Kusto's result types and null handling.
 *
 * <p>Nulls are skipped by every aggregation except {@code count()} and
 * {@code make_list_with_nulls}; a stored NULL string counts as the empty string. Over no rows (a
 * summarize without {@code by} on an empty input) the documented defaults apply: counts, dcounts,
 * sums and the sample stdev/variance give 0, the {@code make_*} family an empty array, the others
 * null.
 */
public final class AggregateFunctions {
    private static final Set<String> NAMES = Set.of("count", "countif", "sum", "sumif", "avg", "avgif", "min",
            "minif", "max", "maxif", "dcount", "dcountif", "make_list", "make_list_if", "make_set", "make_set_if",
            "make_list_with_nulls", "percentile", "percentiles_array", "any", "take_any", "anyif", "take_anyif", "stdev", "stdevif",
            "stdevp", "variance", "varianceif", "variancep", "count_distinct", "count_distinctif", "make_bag",
            "make_bag_if", "binary_all_and", "binary_all_or", "binary_all_xor");

    /** Kusto's default cap on elements of make_list / make_set. */
    private static final long DEFAULT_MAX_SIZE = 1_048_576L;

    private AggregateFunctions() {}

    public static TypedSql call(CallSite site, List<TypedSql> args) {
        String name = site.name();
        switch (name) {
            case "count":
                // count(x): nulls are ignored (the documentation page "count() (aggregation function)")
                Sql.arity(site, args, 0, 1);
                return TypedSql.of(args.isEmpty() ? "count(*)"
                        : "count(*) FILTER (WHERE NOT " + ScalarFunctions.isNull(args.get(0)) + ")", KustoType.LONG);
            case "countif":
                Sql.arity(site, args, 1, 1);
                return TypedSql.of("count(*) FILTER (WHERE " + predicate(site, args.get(0)) + ")", KustoType.LONG);
            case "sum":
                Sql.arity(site, args, 1, 1);
                return sum(site, args.get(0), null);
            case "sumif":
                Sql.arity(site, args, 2, 2);
                return sum(site, args.get(0), predicate(site, args.get(1)));
            case "avg":
                Sql.arity(site, args, 1, 1);
                return avg(site, args.get(0), null);
            case "avgif":
                Sql.arity(site, args, 2, 2);
                return avg(site, args.get(0), predicate(site, args.get(1)));
            case "min":
            case "max":
                Sql.arity(site, args, 1, 1);
                return extreme(site, name, args.get(0), null);
            case "minif":
            case "maxif":
                Sql.arity(site, args, 2, 2);
                return extreme(site, name.substring(0, 3), args.get(0), predicate(site, args.get(1)));
            case "dcount":
                Sql.arity(site, args, 1, 2);
                return dcount(site, args.get(0), null, args.size() == 2 ? args.get(1) : null);
            case "dcountif":
                Sql.arity(site, args, 2, 3);
                return dcount(site, args.get(0), predicate(site, args.get(1)), args.size() == 3 ? args.get(2) : null);
            case "make_list":
            case "make_set":
                Sql.arity(site, args, 1, 2);
                return makeList(site, args.get(0), null, args.size() == 2 ? args.get(1) : null, name.equals("make_set"),
                        false);
            case "make_list_if":
            case "make_set_if":
                Sql.arity(site, args, 2, 3);
                return makeList(site, args.get(0), predicate(site, args.get(1)), args.size() == 3 ? args.get(2) : null,
                        name.equals("make_set_if"), false);
            case "make_list_with_nulls":
                Sql.arity(site, args, 1, 2);
                return makeList(site, args.get(0), null, args.size() == 2 ? args.get(1) : null, false, true);
            case "percentile":
                Sql.arity(site, args, 2, 2);
                return percentile(site, args.get(0), args.get(1));
            case "percentiles_array":
                Sql.arity(site, args, 2, Integer.MAX_VALUE);
                return percentilesArray(site, args.get(0), args.subList(1, args.size()));
            case "any":
            case "take_any":
                if (args.size() > 1) {
                    // several arguments make several output columns, which one expression cannot hold
                    throw KustoException.unsupported("'" + name + "' of several expressions", site.line(),
                            site.column());
                }
                Sql.arity(site, args, 1, 1);
                return takeAny(site, args.get(0), null);
            case "anyif":
            case "take_anyif":
                Sql.arity(site, args, 2, 2);
                return takeAny(site, args.get(0), predicate(site, args.get(1)));
            case "count_distinct":
                Sql.arity(site, args, 1, 1);
                return dcount(site, args.get(0), null, null);
            case "count_distinctif":
                Sql.arity(site, args, 2, 2);
                return dcount(site, args.get(0), predicate(site, args.get(1)), null);
            case "make_bag":
                Sql.arity(site, args, 1, 2);
                return makeBag(site, args.get(0), null, args.size() == 2 ? args.get(1) : null);
            case "make_bag_if":
                Sql.arity(site, args, 2, 3);
                return makeBag(site, args.get(0), predicate(site, args.get(1)), args.size() == 3 ? args.get(2) : null);
            case "binary_all_and":
            case "binary_all_or":
            case "binary_all_xor":
                Sql.arity(site, args, 1, 1);
                Sql.requireType(site, args.get(0), "the argument", KustoType.LONG, KustoType.INT);
                return TypedSql.of("CAST(bit_" + name.substring("binary_all_".length()) + "(" + args.get(0).sql()
                        + ") AS BIGINT)", KustoType.LONG);
            case "stdev":
            case "stdevp":
            case "variance":
            case "variancep":
                Sql.arity(site, args, 1, 1);
                return spread(site, name, args.get(0), null);
            case "stdevif":
            case "varianceif":
                Sql.arity(site, args, 2, 2);
                return spread(site, name.substring(0, name.length() - 2), args.get(0), predicate(site, args.get(1)));
            default:
                throw KustoException.unsupported("aggregation '" + name + "'", site.line(), site.column());
        }
    }

    public static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** A stored NULL string is the empty string: Kusto strings are never null. */
    private static TypedSql value(TypedSql x) {
        return x.type() == KustoType.STRING ? TypedSql.of("coalesce(" + x.sql() + ", '')", KustoType.STRING) : x;
    }

    private static String predicate(CallSite site, TypedSql arg) {
        Sql.requireType(site, arg, "the predicate", KustoType.BOOL);
        return arg.sql();
    }

    private static String filter(String aggregate, String predicate) {
        return predicate == null ? aggregate : aggregate + " FILTER (WHERE " + predicate + ")";
    }

    /** sum: int and long add up to long, real to real, decimal to decimal, timespan to timespan. */
    private static TypedSql sum(CallSite site, TypedSql x, String predicate) {
        KustoType result;
        switch (x.type()) {
            case INT:
            case LONG:
                result = KustoType.LONG;
                break;
            case REAL:
            case DECIMAL:
            case TIMESPAN:
                result = x.type();
                break;
            default:
                throw site.error("cannot sum values of type " + x.type().kqlName());
        }
        String sum = filter("sum(" + x.sql() + ")", predicate);
        return TypedSql.of("coalesce(CAST(" + sum + " AS " + result.duckDbType() + "), 0)", result);
    }

    /** avg: numbers average to real (decimal to decimal); timespans and datetimes to their own type. */
    private static TypedSql avg(CallSite site, TypedSql x, String predicate) {
        switch (x.type()) {
            case INT:
            case LONG:
            case REAL:
                return TypedSql.of(filter("avg(CAST(" + x.sql() + " AS DOUBLE))", predicate), KustoType.REAL);
            case DECIMAL:
                return TypedSql.of("CAST(" + filter("avg(" + x.sql() + ")", predicate) + " AS DECIMAL(38,18))",
                        KustoType.DECIMAL);
            case TIMESPAN:
                return TypedSql.of("CAST(round(" + filter("avg(" + x.sql() + ")", predicate) + ") AS BIGINT)",
                        KustoType.TIMESPAN);
            case DATETIME:
                return TypedSql.of("make_timestamp(CAST(round(" + filter("avg(epoch_us(" + x.sql() + "))", predicate)
                        + ") AS BIGINT))", KustoType.DATETIME);
            default:
                throw site.error("cannot average values of type " + x.type().kqlName());
        }
    }

    private static TypedSql extreme(CallSite site, String function, TypedSql raw, String predicate) {
        TypedSql x = value(raw);
        if (x.type() == KustoType.DYNAMIC) {
            throw site.error("cannot compare values of type dynamic");
        }
        String sql = filter(function + "(" + x.sql() + ")", predicate);
        return TypedSql.of(x.type() == KustoType.STRING ? "coalesce(" + sql + ", '')" : sql, x.type());
    }

    /** dcount: the exact number of distinct non-null values (the service estimates; small sets agree). */
    private static TypedSql dcount(CallSite site, TypedSql raw, String predicate, TypedSql accuracy) {
        TypedSql x = value(raw);
        if (accuracy != null) {
            long level = Sql.constantLong(site, accuracy, "the accuracy");
            if (level < 0 || level > 4) {
                throw site.error("the accuracy must be between 0 and 4");
            }
        }
        String value = x.type() == KustoType.DYNAMIC ? "CAST(json(" + x.sql() + ") AS VARCHAR)" : x.sql();
        return TypedSql.of(filter("count(DISTINCT " + value + ")", predicate), KustoType.LONG);
    }

    /**
     * make_list / make_set: a dynamic array of the values as JSON elements (datetimes and timespans
     * in their text forms), at most {@code max} of them; nulls skipped unless {@code withNulls}. A
     * set of dynamic values holds the elements of arrays; a list holds the arrays themselves.
     */
    private static TypedSql makeList(CallSite site, TypedSql raw, String predicate, TypedSql max, boolean distinct,
            boolean withNulls) {
        TypedSql x = value(raw);
        long limit = DEFAULT_MAX_SIZE;
        if (max != null) {
            limit = Sql.constantLong(site, max, "the maximum size");
            if (limit <= 0) {
                throw site.error("the maximum size must be positive");
            }
        }
        String element = Sql.toJsonElement(x.sql(), x.type());
        String notNull = x.type() == KustoType.DYNAMIC
                ? "(" + x.sql() + " IS NOT NULL AND json_type(" + x.sql() + ") <> 'NULL')"
                : "(" + x.sql() + " IS NOT NULL)";
        String condition = withNulls ? predicate : predicate == null ? notNull : "(" + predicate + ") AND " + notNull;
        if (withNulls) {
            element = "coalesce(" + element + ", 'null'::JSON)";
        }
        String list;
        if (distinct && x.type() == KustoType.DYNAMIC) {
            // make_set adds the elements of an array, not the array (the documented "set from array column").
            String elements = Sql.let(element, e -> "(CASE WHEN json_type(" + e + ") = 'ARRAY' THEN CAST(" + e
                    + " AS JSON[]) ELSE [" + e + "] END)");
            list = "list_distinct(flatten(" + filter("list(" + elements + ")", condition) + "))";
        } else {
            list = filter("list(" + (distinct ? "DISTINCT " : "") + element + ")", condition);
        }
        return TypedSql.of("CAST(to_json(coalesce(list_slice(" + list + ", 1, " + limit + "), []::JSON[])) AS JSON)",
                KustoType.DYNAMIC);
    }

    /**
     * percentiles_array(x, p1, p2, ...): the nearest-rank percentiles as a dynamic array, in the order
     * asked; the percentiles are constants given one by one or as one constant dynamic array.
     */
    private static TypedSql percentilesArray(CallSite site, TypedSql x, List<TypedSql> percents) {
        List<TypedSql> constants = new java.util.ArrayList<>();
        if (percents.size() == 1 && percents.get(0).type() == KustoType.DYNAMIC) {
            TypedSql array = percents.get(0);
            if (!array.constant() || !(array.value() instanceof String)) {
                throw site.error("the percentiles must be constants");
            }
            for (String number : ((String) array.value()).replaceAll("[\\[\\]\\s]", "").split(",")) {
                try {
                    double p = Double.parseDouble(number);
                    constants.add(TypedSql.literal(Double.toString(p), KustoType.REAL, p));
                } catch (NumberFormatException e) {
                    throw site.error("the percentiles must be numbers, got '" + number + "'");
                }
            }
        } else {
            constants.addAll(percents);
        }
        List<String> elements = new java.util.ArrayList<>();
        for (TypedSql p : constants) {
            elements.add(Sql.toJsonElement(percentile(site, x, p).sql(), x.type()));
        }
        // no values: null, the documented default, rather than an array of nulls
        return TypedSql.of("(CASE WHEN count(" + x.sql() + ") > 0 THEN CAST(to_json([" + String.join(", ", elements)
                + "]) AS JSON) END)", KustoType.DYNAMIC);
    }

    /**
     * percentile(x, p): the nearest-rank percentile, the smallest value with at least p percent of
     * the (non-null) values at or below it; the service estimates large inputs, and agrees on small ones.
     */
    private static TypedSql percentile(CallSite site, TypedSql x, TypedSql p) {
        double percent = Sql.constantNumber(site, p, "the percentile");
        if (percent < 0 || percent > 100) {
            throw site.error("the percentile must be between 0 and 100");
        }
        switch (x.type()) {
            case INT: case LONG: case REAL: case DECIMAL: case DATETIME: case TIMESPAN:
                break;
            default:
                throw site.error("cannot take a percentile of values of type " + x.type().kqlName());
        }
        String values = "list_sort(list(" + x.sql() + ") FILTER (WHERE " + x.sql() + " IS NOT NULL))";
        String rank = "greatest(1, CAST(ceil(" + percent + " / 100.0 * count(" + x.sql() + ")) AS BIGINT))";
        return TypedSql.of(values + "[" + rank + "]", x.type());
    }

    /**
     * make_bag: the property bags of the group merged into one (for a key in several bags, one of
     * its values); values that are not bags are skipped; no bags give {@code []}, the documented default.
     */
    private static TypedSql makeBag(CallSite site, TypedSql x, String predicate, TypedSql max) {
        Sql.requireType(site, x, "the argument", KustoType.DYNAMIC);
        if (max != null) {
            throw KustoException.unsupported("make_bag with a maximum size", site.line(), site.column());
        }
        String bags = "(" + x.sql() + " IS NOT NULL AND json_type(" + x.sql() + ") = 'OBJECT')";
        String list = filter("list(json(" + x.sql() + "))", predicate == null ? bags : "(" + predicate + ") AND " + bags);
        // the documented default of make_bag over no values is an empty array
        return TypedSql.of("coalesce(list_reduce(" + list + ", lambda a, b: json_merge_patch(a, b)), '[]'::JSON)",
                KustoType.DYNAMIC);
    }

    private static TypedSql takeAny(CallSite site, TypedSql raw, String predicate) {
        TypedSql x = value(raw);
        String sql = filter("any_value(" + x.sql() + ")", predicate);
        return TypedSql.of(x.type() == KustoType.STRING ? "coalesce(" + sql + ", '')" : sql, x.type());
    }

    /** stdev/variance (sample) and stdevp/variancep (population), as real. */
    private static TypedSql spread(CallSite site, String name, TypedSql x, String predicate) {
        Sql.requireNumeric(site, x, "the argument");
        String function;
        switch (name) {
            case "stdev": function = "stddev_samp"; break;
            case "stdevp": function = "stddev_pop"; break;
            case "variance": function = "var_samp"; break;
            default: function = "var_pop"; break;
        }
        String sql = filter(function + "(CAST(" + x.sql() + " AS DOUBLE))", predicate);
        // the sample forms default to 0 (also for a single value); the population forms to null
        return TypedSql.of(name.endsWith("p") ? sql : "coalesce(" + sql + ", 0)", KustoType.REAL);
    }
}
