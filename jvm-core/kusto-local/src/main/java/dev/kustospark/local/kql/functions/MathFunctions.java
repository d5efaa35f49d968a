package dev.kustospark.local.kql.functions;

import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import java.util.List;
import java.util.Set;

/** Numeric functions and {@code bin()}/{@code floor()} rounding of numbers, datetimes and timespans. */
final class MathFunctions {
    private static final Set<String> NAMES = Set.of("bin", "floor", "round", "abs", "pow", "sqrt", "log", "log10",
            "log2", "exp", "exp2", "exp10", "ceiling", "sign", "hash");

    private MathFunctions() {}

    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    static TypedSql call(CallSite site, List<TypedSql> args) {
        switch (site.name()) {
            case "bin":
            case "floor":
                Sql.arity(site, args, 2, 2);
                return bin(site, args.get(0), args.get(1));
            case "round":
                return round(site, args);
            case "abs":
                Sql.arity(site, args, 1, 1);
                if (args.get(0).type() == KustoType.TIMESPAN) {
                    return TypedSql.of("abs(" + args.get(0).sql() + ")", KustoType.TIMESPAN);
                }
                Sql.requireNumeric(site, args.get(0), "the argument");
                return TypedSql.of(Sql.castTo("abs(" + args.get(0).sql() + ")", null, args.get(0).type()),
                        args.get(0).type());
            case "ceiling":
                Sql.arity(site, args, 1, 1);
                Sql.requireNumeric(site, args.get(0), "the argument");
                return TypedSql.of(Sql.castTo("ceiling(" + args.get(0).sql() + ")", null, args.get(0).type()),
                        args.get(0).type());
            case "sign":
                Sql.arity(site, args, 1, 1);
                Sql.requireNumeric(site, args.get(0), "the argument");
                return TypedSql.of(Sql.castTo("sign(" + args.get(0).sql() + ")", null, args.get(0).type()),
                        args.get(0).type());
            case "pow":
                Sql.arity(site, args, 2, 2);
                return real("pow(" + real(site, args.get(0)) + ", " + real(site, args.get(1)) + ")");
            case "sqrt":
                return guarded(site, args, "sqrt", ">= 0");
            case "log":
                return guarded(site, args, "ln", "> 0");
            case "log10":
                return guarded(site, args, "log10", "> 0");
            case "log2":
                return guarded(site, args, "log2", "> 0");
            case "exp":
                Sql.arity(site, args, 1, 1);
                return real("exp(" + real(site, args.get(0)) + ")");
            case "exp2":
                Sql.arity(site, args, 1, 1);
                return real("pow(2.0, " + real(site, args.get(0)) + ")");
            case "exp10":
                Sql.arity(site, args, 1, 1);
                return real("pow(10.0, " + real(site, args.get(0)) + ")");
            case "hash":
                return hash(site, args);
            default:
                throw site.error("unknown math function");
        }
    }

    private static TypedSql real(String sql) {
        return TypedSql.of(sql, KustoType.REAL);
    }

    private static String real(CallSite site, TypedSql arg) {
        Sql.requireNumeric(site, arg, "the argument");
        return "CAST(" + arg.sql() + " AS DOUBLE)";
    }

    /** A function defined on part of the real line; outside it Kusto gives null, where DuckDB raises. */
    private static TypedSql guarded(CallSite site, List<TypedSql> args, String function, String domain) {
        Sql.arity(site, args, 1, 1);
        return real(Sql.let(real(site, args.get(0)), x ->
                "(CASE WHEN " + x + " " + domain + " THEN " + function + "(" + x + ") END)"));
    }

    /**
     * {@code bin(value, size)}: the largest multiple of size not above value. Datetimes are binned
     * on ticks counted from 0001-01-01 as Kusto counts them, so {@code 7d} bins start on Mondays.
     * A size that is zero or negative gives null.
     */
    static TypedSql bin(CallSite site, TypedSql value, TypedSql size) {
        String v = value.sql();
        String s = size.sql();
        switch (value.type()) {
            case INT:
            case LONG:
                Sql.requireNumeric(site, size, "the bin size");
                if (size.type() == KustoType.INT || size.type() == KustoType.LONG) {
                    String sz = "CAST(" + s + " AS BIGINT)";
                    String sql = "(CASE WHEN " + sz + " > 0 THEN " + Sql.floorMultiple("CAST(" + v + " AS BIGINT)", sz)
                            + " END)";
                    return TypedSql.of(Sql.castTo(sql, KustoType.LONG, value.type()), value.type());
                }
                return fractional(v, s, KustoType.REAL);
            case REAL:
                Sql.requireNumeric(site, size, "the bin size");
                return fractional(v, s, KustoType.REAL);
            case DECIMAL:
                Sql.requireNumeric(site, size, "the bin size");
                return fractional(v, s, KustoType.DECIMAL);
            case TIMESPAN:
                Sql.requireType(site, size, "the bin size", KustoType.TIMESPAN);
                return TypedSql.of("(CASE WHEN " + s + " > 0 THEN " + Sql.floorMultiple(v, s) + " END)",
                        KustoType.TIMESPAN);
            case DATETIME:
                Sql.requireType(site, size, "the bin size", KustoType.TIMESPAN);
                String ticks = "(epoch_us(" + v + ") * 10 + " + Sql.EPOCH_TICKS_FROM_YEAR_ONE + ")";
                return TypedSql.of("(CASE WHEN " + s + " > 0 THEN make_timestamp((" + Sql.floorMultiple(ticks, s)
                        + " - " + Sql.EPOCH_TICKS_FROM_YEAR_ONE + ") // 10) END)", KustoType.DATETIME);
            default:
                throw site.error("cannot bin a value of type " + value.type().kqlName());
        }
    }

    private static TypedSql fractional(String v, String s, KustoType type) {
        String t = type.duckDbType();
        String sz = "CAST(" + s + " AS " + t + ")";
        String sql = "(CASE WHEN " + sz + " > 0 THEN CAST(floor(CAST(" + v + " AS " + t + ") / " + sz + ") * " + sz
                + " AS " + t + ") END)";
        return TypedSql.of(sql, type);
    }

    /** {@code round(x[, digits])}: half away from zero; negative digits round left of the point. */
    private static TypedSql round(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 1, 2);
        TypedSql x = args.get(0);
        Sql.requireNumeric(site, x, "the value");
        String digits = "0";
        if (args.size() == 2) {
            Sql.requireType(site, args.get(1), "the precision", KustoType.INT, KustoType.LONG);
            digits = "CAST(" + args.get(1).sql() + " AS INTEGER)";
        }
        return TypedSql.of(Sql.castTo("round(" + x.sql() + ", " + digits + ")", null, x.type()), x.type());
    }

    /**
     * {@code hash(x[, mod])}. Kusto documents xxhash64; this uses DuckDB's own stable 64-bit hash
     * (top bit cleared, so results are non-negative), so values differ from the service's while
     * keeping what callers rely on: equal inputs hash equally and {@code hash(x, mod)} lies in
     * {@code [0, mod)}.
     */
    private static TypedSql hash(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 1, 2);
        TypedSql x = args.get(0);
        String input = x.type() == KustoType.STRING ? Sql.toStringSql(x) : x.sql();
        String h = x.type() == KustoType.STRING ? "CAST(hash(" + input + ") >> 1 AS BIGINT)"
                : Sql.let(input, in -> "(CASE WHEN " + in + " IS NOT NULL THEN CAST(hash(" + in + ") >> 1 AS BIGINT) END)");
        if (args.size() == 2) {
            Sql.requireType(site, args.get(1), "the modulo", KustoType.INT, KustoType.LONG);
            h = "(" + h + " % CAST(" + args.get(1).sql() + " AS BIGINT))";
        }
        return TypedSql.of(h, KustoType.LONG);
    }
}
