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
    private static final Set<String> GENERAL = Set.of(
            "isnull", "isnotnull", "isempty", "isnotempty", "iff", "iif", "case", "coalesce", "gettype", "not",
            "isnan", "isinf", "isfinite", "min_of", "max_of", "new_guid", "rand", "pi");

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
        if (StringFunctions.isKnown(name)) {
            return StringFunctions.call(site, args);
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
                || DateTimeFunctions.isKnown(name) || MathFunctions.isKnown(name) || DynamicFunctions.isKnown(name)
                || StringFunctions.isKnown(name);
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
            case "gettype":
                Sql.arity(site, args, 1, 1);
                return gettype(args.get(0));
            case "min_of":
            case "max_of":
                return extremeOf(site, args);
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

    /** Strings are never null in Kusto: a stored NULL string reads as empty, which is not null. */
    static String isNull(TypedSql arg) {
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
