package dev.kustospark.local.kql.functions;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import java.util.List;
import java.util.Set;

/** Numeric functions and {@code bin()}/{@code floor()} rounding of numbers, datetimes and timespans. */
final class MathFunctions {
    private static final Set<String> NAMES = Set.of("bin", "floor", "round", "abs", "pow", "sqrt", "log", "log10",
            "log2", "exp", "exp2", "exp10", "ceiling", "sign", "hash", "hash_xxhash64", "bin_at");

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
            case "bin_at":
                Sql.arity(site, args, 3, 3);
                return binAt(site, args.get(0), args.get(1), args.get(2));
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
            case "hash_xxhash64":
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

    /**
     * {@code bin_at(value, size, fixedPoint)}: bins aligned so that one bin starts at the fixed point,
     * which must have the value's type.
     */
    static TypedSql binAt(CallSite site, TypedSql value, TypedSql size, TypedSql fixed) {
        KustoType type = value.type();
        if (type == KustoType.DATETIME) {
            Sql.requireType(site, fixed, "the fixed point", KustoType.DATETIME);
            Sql.requireType(site, size, "the bin size", KustoType.TIMESPAN);
            String ticks = "(epoch_us(" + value.sql() + ") - epoch_us(" + fixed.sql() + ")) * 10";
            return TypedSql.of("(CASE WHEN " + size.sql() + " > 0 THEN " + Sql.addTicks(fixed.sql(),
                    Sql.floorMultiple(ticks, size.sql())) + " END)", KustoType.DATETIME);
        }
        if (type == KustoType.TIMESPAN) {
            Sql.requireType(site, fixed, "the fixed point", KustoType.TIMESPAN);
            Sql.requireType(site, size, "the bin size", KustoType.TIMESPAN);
            return TypedSql.of("(CASE WHEN " + size.sql() + " > 0 THEN " + Sql.floorMultiple(
                    "(" + value.sql() + " - " + fixed.sql() + ")", size.sql()) + " + " + fixed.sql() + " END)",
                    KustoType.TIMESPAN);
        }
        Sql.requireNumeric(site, value, "the value");
        Sql.requireNumeric(site, fixed, "the fixed point");
        Sql.requireNumeric(site, size, "the bin size");
        KustoType result = Sql.promote(Sql.promote(type, size.type()), fixed.type());
        if (result == KustoType.INT) {
            result = KustoType.LONG;
        }
        String t = result.duckDbType();
        String v = "CAST(" + value.sql() + " AS " + t + ")";
        String f = "CAST(" + fixed.sql() + " AS " + t + ")";
        String sz = "CAST(" + size.sql() + " AS " + t + ")";
        String binned = result == KustoType.LONG ? Sql.floorMultiple("(" + v + " - " + f + ")", sz)
                : "CAST(floor((" + v + " - " + f + ") / " + sz + ") * " + sz + " AS " + t + ")";
        return TypedSql.of("(CASE WHEN " + sz + " > 0 THEN " + binned + " + " + f + " END)", result);
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
     * {@code hash(x[, mod])} and {@code hash_xxhash64}: XXH64 with seed 0, as the service computes
     * it, of a string's UTF-8 bytes or of the 8 little-endian bytes of a long, a timespan (ticks) or
     * a datetime (ticks since 0001-01-01), as a signed long; with {@code mod}, the unsigned hash
     * modulo {@code mod}. Other types are rejected rather than hashed differently from the service.
     */
    private static TypedSql hash(CallSite site, List<TypedSql> args) {
        Sql.arity(site, args, 1, 2);
        TypedSql x = args.get(0);
        String unsigned;
        switch (x.type()) {
            case STRING:
                unsigned = XxHash64Sql.ofHex("hex(encode(" + Sql.toStringSql(x) + "))");
                break;
            case LONG:
            case TIMESPAN:
                unsigned = XxHash64Sql.ofWord(XxHash64Sql.unsignedWord(x.sql()));
                break;
            case DATETIME:
                unsigned = XxHash64Sql.ofWord(XxHash64Sql.unsignedWord(
                        "(epoch_us(" + x.sql() + ") * 10 + " + Sql.EPOCH_TICKS_FROM_YEAR_ONE + ")"));
                break;
            default:
                throw KustoException.unsupported("'" + site.name() + "' of a " + x.type().kqlName() + " value",
                        site.line(), site.column());
        }
        if (args.size() == 1) {
            return TypedSql.of(XxHash64Sql.toSignedLong(unsigned), KustoType.LONG);
        }
        Sql.requireType(site, args.get(1), "the modulo", KustoType.INT, KustoType.LONG);
        String mod = "CAST(" + args.get(1).sql() + " AS BIGINT)";
        return TypedSql.of("(CASE WHEN " + mod + " > 0 THEN " + XxHash64Sql.unsignedMod(unsigned, mod) + " END)",
                KustoType.LONG);
    }
}
