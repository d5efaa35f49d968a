package dev.kustospark.local.kql;

import static dev.kustospark.local.types.KustoType.BOOL;
import static dev.kustospark.local.types.KustoType.DATETIME;
import static dev.kustospark.local.types.KustoType.DECIMAL;
import static dev.kustospark.local.types.KustoType.DYNAMIC;
import static dev.kustospark.local.types.KustoType.INT;
import static dev.kustospark.local.types.KustoType.LONG;
import static dev.kustospark.local.types.KustoType.REAL;
import static dev.kustospark.local.types.KustoType.STRING;
import static dev.kustospark.local.types.KustoType.TIMESPAN;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.Ast.Expr;
import dev.kustospark.local.kql.Ast.Pos;
import dev.kustospark.local.kql.Relation.ScopeColumn;
import dev.kustospark.local.kql.functions.AggregateFunctions;
import dev.kustospark.local.kql.functions.ScalarFunctions;
import dev.kustospark.local.types.KustoType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Translates scalar expressions to DuckDB SQL over a scope of columns. Operators with fixed Kusto
 * typing (arithmetic, comparisons, logic, in, between, dynamic access) are translated here; named
 * functions and the string operators go to {@link ScalarFunctions}, aggregations to
 * {@link AggregateFunctions}.
 */
final class ExprTranslator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", "<=", ">", ">=");

    /** Aggregation names recognised in summarize even before their translation exists. */
    static final Set<String> AGGREGATES = Set.of(
            "count", "countif", "sum", "sumif", "avg", "avgif", "min", "max", "minif", "maxif", "dcount",
            "dcountif", "make_list", "make_list_if", "make_set", "make_set_if", "make_bag", "make_bag_if",
            "make_list_with_nulls", "percentile", "percentiles", "percentilew", "stdev", "stdevif", "stdevp",
            "variance", "varianceif", "variancep", "take_any", "take_anyif", "any", "anyif", "count_distinct",
            "count_distinctif", "hll", "hll_merge", "tdigest", "tdigest_merge", "binary_all_and",
            "binary_all_or", "binary_all_xor", "buildschema", "arg_max", "arg_min");

    private final QueryTranslator query;
    private final List<ScopeColumn> scope;
    private final String operator;
    private final boolean aggregate;
    /** SQL of the input's order column when the rows are serialized (row_number, prev, next), else null. */
    private String orderSql;

    ExprTranslator(QueryTranslator query, List<ScopeColumn> scope, String operator, boolean aggregate) {
        this.query = query;
        this.scope = scope;
        this.operator = operator;
        this.aggregate = aggregate;
    }

    ExprTranslator serialized(String orderColumnSql) {
        this.orderSql = orderColumnSql;
        return this;
    }

    static boolean isAggregateName(String name) {
        return AGGREGATES.contains(name) || AggregateFunctions.isKnown(name);
    }

    TypedSql translate(Expr e) {
        if (e instanceof Ast.Literal lit) {
            return SqlLiterals.literal(lit.type(), lit.value());
        }
        if (e instanceof Ast.Name n) {
            return name(n);
        }
        if (e instanceof Ast.Paren p) {
            TypedSql inner = translate(p.inner());
            return new TypedSql("(" + inner.sql() + ")", inner.type(), inner.constant(), inner.value());
        }
        if (e instanceof Ast.Member m) {
            return dynamicAccess(m.target(), new Ast.Literal(STRING, m.name(), m.pos()), m.pos());
        }
        if (e instanceof Ast.Index ix) {
            return dynamicAccess(ix.target(), ix.index(), ix.pos());
        }
        if (e instanceof Ast.Unary u) {
            return negate(translate(u.operand()), u.pos());
        }
        if (e instanceof Ast.Binary b) {
            return binary(b);
        }
        if (e instanceof Ast.In in) {
            return in(in);
        }
        if (e instanceof Ast.Between bt) {
            return between(bt);
        }
        if (e instanceof Ast.Call c) {
            return call(c);
        }
        if (e instanceof Ast.Star s) {
            throw KustoException.syntaxError("'*' is not allowed here", s.pos().line(), s.pos().column());
        }
        if (e instanceof Ast.ToScalar ts) {
            Relation rel = query.tabular(ts.query());
            if (rel.columns().isEmpty()) {
                throw typeError("toscalar: the tabular expression has no columns", ts.pos());
            }
            return TypedSql.of("(SELECT s.c0 FROM (" + rel.sql() + ") AS s" + (rel.ordered() ? " ORDER BY s."
                    + Relation.ORDER_COLUMN : "") + " LIMIT 1)", rel.columns().get(0).type());
        }
        if (e instanceof Ast.TabularInExpr t) {
            throw KustoException.unsupported("a tabular expression used as a scalar", t.pos().line(),
                    t.pos().column());
        }
        throw new IllegalStateException("unknown expression " + e);
    }

    /** Kusto's error for a column name that {@code operator} cannot find. */
    static KustoException unresolvedColumn(String operator, String name, Pos pos) {
        return KustoException.semanticError("SEM0100", "'" + operator + "' operator: Failed to resolve scalar "
                + "expression named '" + name + "'", pos.line(), pos.column());
    }

    static KustoException typeError(String detail, Pos pos) {
        return KustoException.semanticError("SEM0025", detail, pos.line(), pos.column());
    }

    private TypedSql name(Ast.Name n) {
        for (int i = scope.size() - 1; i >= 0; i--) {
            ScopeColumn c = scope.get(i);
            if (c.name().equals(n.name())) {
                if (aggregate) {
                    throw typeError("'" + operator + "' operator: column '" + n.name() + "' is used outside of an "
                            + "aggregation function", n.pos());
                }
                return TypedSql.of(c.sql(), c.type());
            }
        }
        Object bound = query.lookup(n.name());
        if (bound instanceof TypedSql t) {
            return t;
        }
        if (bound instanceof Relation) {
            throw typeError("'" + n.name() + "' is a tabular expression, not a scalar", n.pos());
        }
        if (!n.bracketed() && (n.name().equals("null"))) {
            return TypedSql.literal("CAST(NULL AS JSON)", DYNAMIC, null);
        }
        throw unresolvedColumn(operator, n.name(), n.pos());
    }

    // ---- dynamic access

    private TypedSql dynamicAccess(Expr targetExpr, Expr indexExpr, Pos pos) {
        TypedSql target = translate(targetExpr);
        if (target.type() != DYNAMIC) {
            throw typeError("property or index access needs a dynamic value but found " + target.type(), pos);
        }
        TypedSql index = translate(indexExpr);
        String path;
        if (index.constant() && index.value() instanceof String key) {
            path = SqlLiterals.quote("$." + jsonKey(key, pos));
        } else if (index.constant() && index.value() instanceof Number num) {
            long i = num.longValue();
            path = SqlLiterals.quote(i < 0 ? "$[#" + i + "]" : "$[" + i + "]");
        } else if (index.type() == STRING) {
            throw KustoException.unsupported("a non-constant property name", pos.line(), pos.column());
        } else if (index.type() == LONG || index.type() == INT) {
            path = "('$[' || CASE WHEN " + index.sql() + " < 0 THEN '#' ELSE '' END || CAST("
                    + index.sql() + " AS VARCHAR) || ']')";
        } else {
            throw typeError("an index must be a string or an integer but found " + index.type(), pos);
        }
        return TypedSql.of("json_extract(" + target.sql() + ", " + path + ")", DYNAMIC);
    }

    private static String jsonKey(String key, Pos pos) {
        // DuckDB's JSON paths quote keys with double quotes and have no escape for them.
        if (key.indexOf('"') >= 0) {
            throw KustoException.unsupported("a property name containing '\"'", pos.line(), pos.column());
        }
        return "\"" + key + "\"";
    }

    // ---- operators

    private TypedSql negate(TypedSql v, Pos pos) {
        if (v.type().isNumeric() || v.type() == TIMESPAN) {
            return TypedSql.of("(-" + v.sql() + ")", v.type());
        }
        throw typeError("unary '-' needs a number or timespan but found " + v.type(), pos);
    }

    private TypedSql binary(Ast.Binary b) {
        String op = b.op();
        if (op.equals("and") || op.equals("or")) {
            TypedSql l = asBool(translate(b.left()), b.pos());
            TypedSql r = asBool(translate(b.right()), b.pos());
            return TypedSql.of("(" + l.sql() + " " + op.toUpperCase() + " " + r.sql() + ")", BOOL);
        }
        boolean comparison = COMPARISONS.contains(op);
        Instant leftTicks = comparison ? TickLiterals.finerThanMicros(b.left()) : null;
        Instant rightTicks = comparison ? TickLiterals.finerThanMicros(b.right()) : null;
        if (leftTicks == null && rightTicks != null) {
            return compareToTicks(op, translate(b.left()), rightTicks, b.pos());
        }
        if (leftTicks != null && rightTicks == null) {
            return compareToTicks(TickLiterals.mirrored(op), translate(b.right()), leftTicks, b.pos());
        }
        TypedSql l = translate(b.left());
        TypedSql r = translate(b.right());
        if (comparison) {
            return compare(op, l, r, b.pos());
        }
        switch (op) {
            case "+", "-", "*", "/", "%":
                return arithmetic(op, l, r, b.pos());
            default:
                return ScalarFunctions.call(query.site(op, b.pos()), List.of(l, r));
        }
    }

    private TypedSql asBool(TypedSql v, Pos pos) {
        if (v.type() == BOOL) {
            return v;
        }
        if (v.type() == DYNAMIC) {
            return fromDynamic(v, BOOL, pos);
        }
        throw typeError("a logical operator needs bool operands but found " + v.type(), pos);
    }

    private static KustoType numericResult(KustoType a, KustoType b) {
        if (a == REAL || b == REAL) {
            return REAL;
        }
        if (a == DECIMAL || b == DECIMAL) {
            return DECIMAL;
        }
        if (a == LONG || b == LONG) {
            return LONG;
        }
        return INT;
    }

    private static String cast(TypedSql v, KustoType type) {
        return v.type() == type ? v.sql() : "CAST(" + v.sql() + " AS " + type.duckDbType() + ")";
    }

    private TypedSql arithmetic(String op, TypedSql l, TypedSql r, Pos pos) {
        KustoType lt = l.type();
        KustoType rt = r.type();
        if (lt.isNumeric() && rt.isNumeric()) {
            KustoType t = numericResult(lt, rt);
            String a = cast(l, t);
            String b = cast(r, t);
            String sql = switch (op) {
                case "/" -> t == REAL ? "(" + a + " / " + b + ")"
                        : t == DECIMAL ? "CAST(" + a + " / " + b + " AS DECIMAL(38,18))"
                        : "(" + a + " // " + b + ")";
                case "%" -> t == REAL ? "fmod(" + a + ", " + b + ")" : "(" + a + " % " + b + ")";
                default -> t == DECIMAL ? "CAST(" + a + " " + op + " " + b + " AS DECIMAL(38,18))"
                        : "(" + a + " " + op + " " + b + ")";
            };
            return TypedSql.of(sql, t);
        }
        if (lt == DATETIME && rt == DATETIME && op.equals("-")) {
            return TypedSql.of("((epoch_us(" + l.sql() + ") - epoch_us(" + r.sql() + ")) * 10)", TIMESPAN);
        }
        if (lt == DATETIME && rt == TIMESPAN && (op.equals("+") || op.equals("-"))) {
            return TypedSql.of("make_timestamp(epoch_us(" + l.sql() + ") " + op + " (" + r.sql() + " // 10))",
                    DATETIME);
        }
        if (lt == TIMESPAN && rt == DATETIME && op.equals("+")) {
            return TypedSql.of("make_timestamp(epoch_us(" + r.sql() + ") + (" + l.sql() + " // 10))", DATETIME);
        }
        if (lt == TIMESPAN && rt == TIMESPAN) {
            return switch (op) {
                case "+", "-" -> TypedSql.of("(" + l.sql() + " " + op + " " + r.sql() + ")", TIMESPAN);
                case "/" -> TypedSql.of("(CAST(" + l.sql() + " AS DOUBLE) / " + r.sql() + ")", REAL);
                case "%" -> TypedSql.of("(" + l.sql() + " % " + r.sql() + ")", TIMESPAN);
                default -> throw typeError("operator '" + op + "' cannot be applied to timespan and timespan", pos);
            };
        }
        if (lt == TIMESPAN && rt.isNumeric() && (op.equals("*") || op.equals("/"))) {
            return scaledTimespan(l, op, r);
        }
        if (lt.isNumeric() && rt == TIMESPAN && op.equals("*")) {
            return scaledTimespan(r, op, l);
        }
        throw typeError("operator '" + op + "' cannot be applied to " + lt + " and " + rt, pos);
    }

    private static TypedSql scaledTimespan(TypedSql span, String op, TypedSql factor) {
        if (factor.type() == INT || factor.type() == LONG) {
            String sql = op.equals("/") ? "(" + span.sql() + " // " + factor.sql() + ")"
                    : "(" + span.sql() + " * " + factor.sql() + ")";
            return TypedSql.of(sql, TIMESPAN);
        }
        return TypedSql.of("CAST(trunc(CAST(" + span.sql() + " AS DOUBLE) " + op + " CAST(" + factor.sql()
                + " AS DOUBLE)) AS BIGINT)", TIMESPAN);
    }

    /** {@code value op literal}, the literal finer than a microsecond: see {@link TickLiterals}. */
    private static TypedSql compareToTicks(String op, TypedSql value, Instant literal, Pos pos) {
        if (value.type() == DYNAMIC) {
            value = fromDynamic(value, DATETIME, pos);
        }
        if (value.type() != DATETIME) {
            throw typeError("Cannot compare values of types " + value.type() + " and datetime. Try adding explicit"
                    + " casts", pos);
        }
        return TickLiterals.compare(op, value, literal);
    }

    private TypedSql compare(String op, TypedSql l, TypedSql r, Pos pos) {
        String sqlOp = switch (op) {
            case "==" -> "=";
            case "!=" -> "<>";
            default -> op;
        };
        if (l.type() == DYNAMIC && r.type() != DYNAMIC) {
            l = fromDynamic(l, r.type(), pos);
        } else if (r.type() == DYNAMIC && l.type() != DYNAMIC) {
            r = fromDynamic(r, l.type(), pos);
        }
        boolean comparable = l.type() == r.type() || (l.type().isNumeric() && r.type().isNumeric());
        if (!comparable) {
            throw typeError("Cannot compare values of types " + l.type() + " and " + r.type()
                    + ". Try adding explicit casts", pos);
        }
        if (l.type() == DYNAMIC && !(op.equals("==") || op.equals("!="))) {
            throw typeError("operator '" + op + "' cannot compare two dynamic values", pos);
        }
        if (op.equals("==") || op.equals("!=")) {
            return equality(op.equals("=="), l, r);
        }
        return TypedSql.of("(" + l.sql() + " " + sqlOp + " " + r.sql() + ")", BOOL);
    }

    /**
     * Kusto's equality: a null compared with a value is unequal (false for ==, true for !=); only
     * two nulls compare as null.
     */
    private static TypedSql equality(boolean equal, TypedSql l, TypedSql r) {
        boolean leftKnown = l.constant() && l.value() != null;
        boolean rightKnown = r.constant() && r.value() != null;
        String plain = "(" + l.sql() + (equal ? " = " : " <> ") + r.sql() + ")";
        if (leftKnown && rightKnown) {
            return TypedSql.of(plain, BOOL);
        }
        if (leftKnown || rightKnown) {
            return TypedSql.of("coalesce(" + plain + ", " + (equal ? "FALSE" : "TRUE") + ")", BOOL);
        }
        return TypedSql.of("(CASE WHEN " + l.sql() + " IS NULL AND " + r.sql() + " IS NULL THEN NULL ELSE "
                + l.sql() + (equal ? " IS NOT DISTINCT FROM " : " IS DISTINCT FROM ") + r.sql() + " END)", BOOL);
    }

    /** A dynamic value read as {@code type}, null when it does not hold one. */
    static TypedSql fromDynamic(TypedSql d, KustoType type, Pos pos) {
        String v = d.sql();
        String jsonType = "json_type(" + v + ")";
        return switch (type) {
            case STRING -> TypedSql.of("json_extract_string(" + v + ", '$')", STRING);
            // only JSON numbers compare with numbers; a JSON string "1" is not the number 1
            case INT, LONG, DECIMAL -> TypedSql.of("TRY_CAST(CASE WHEN " + jsonType + " IN ('BIGINT', 'UBIGINT', "
                    + "'DOUBLE') THEN json_extract_string(" + v + ", '$') END AS DECIMAL(38,9))", DECIMAL);
            case REAL -> TypedSql.of("CASE WHEN " + jsonType + " IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST("
                    + v + " AS DOUBLE) END", REAL);
            case BOOL -> TypedSql.of("CASE WHEN " + jsonType + " = 'BOOLEAN' THEN CAST(" + v + " AS BOOLEAN) END",
                    BOOL);
            case DATETIME -> TypedSql.of("TRY_CAST(json_extract_string(" + v + ", '$') AS TIMESTAMP)", DATETIME);
            case GUID -> TypedSql.of("TRY_CAST(json_extract_string(" + v + ", '$') AS UUID)", type);
            default -> throw typeError("Cannot compare values of types dynamic and " + type, pos);
        };
    }

    private TypedSql in(Ast.In in) {
        TypedSql value = translate(in.value());
        boolean negated = in.op().startsWith("!");
        boolean caseInsensitive = in.op().endsWith("~");
        if (in.items().size() == 1 && (in.items().get(0) instanceof Ast.TabularInExpr
                || (in.items().get(0) instanceof Ast.Name n && query.isTabularName(n.name())
                        && scope.stream().noneMatch(c -> c.name().equals(n.name()))))) {
            Relation rel = in.items().get(0) instanceof Ast.TabularInExpr t ? query.tabular(t.query())
                    : query.tabular(new Ast.TableRef(((Ast.Name) in.items().get(0)).name(), in.pos()));
            if (rel.columns().isEmpty()) {
                throw typeError("the tabular expression of 'in' has no columns", in.pos());
            }
            KustoType t = rel.columns().get(0).type();
            checkComparable(value.type(), t, in.pos());
            String left = caseInsensitive ? "lower(" + value.sql() + ")" : value.sql();
            String col = caseInsensitive ? "lower(s.c0)" : "s.c0";
            // nulls never match; leaving them in would make every NOT IN unknown
            return TypedSql.of("coalesce(" + left + (negated ? " NOT IN " : " IN ") + "(SELECT " + col + " FROM ("
                    + rel.sql() + ") AS s WHERE s.c0 IS NOT NULL), " + (negated ? "TRUE" : "FALSE") + ")", BOOL);
        }
        List<TypedSql> translated = new ArrayList<>();
        for (Expr item : in.items()) {
            translated.add(translate(item));
        }
        if (value.type() == DYNAMIC && !translated.isEmpty() && translated.get(0).type() != DYNAMIC) {
            value = fromDynamic(value, translated.get(0).type(), in.pos());
        }
        List<String> items = new ArrayList<>();
        for (TypedSql t : translated) {
            if (t.constant() && t.value() == null) {
                continue; // a null item matches nothing, and must not turn !in into unknown
            }
            if (t.type() == DYNAMIC && t.constant()) {
                items.addAll(expandArray(t, value.type(), in.pos()));
                continue;
            }
            if (t.type() == DYNAMIC) {
                throw KustoException.unsupported("'in' over a non-constant dynamic array", in.pos().line(),
                        in.pos().column());
            }
            checkComparable(value.type(), t.type(), in.pos());
            items.add(caseInsensitive ? "lower(" + t.sql() + ")" : t.sql());
        }
        if (caseInsensitive && value.type() != STRING) {
            throw typeError("'" + in.op() + "' needs string values but found " + value.type(), in.pos());
        }
        String left = caseInsensitive ? "lower(" + value.sql() + ")" : value.sql();
        if (items.isEmpty()) {
            return TypedSql.of(negated ? "TRUE" : "FALSE", BOOL);
        }
        // like ==, a null value is simply not in the list
        return TypedSql.of("coalesce(" + left + (negated ? " NOT IN (" : " IN (") + String.join(", ", items) + "), "
                + (negated ? "TRUE" : "FALSE") + ")", BOOL);
    }

    private static void checkComparable(KustoType a, KustoType b, Pos pos) {
        if (!(a == b || (a.isNumeric() && b.isNumeric()))) {
            throw typeError("Cannot compare values of types " + a + " and " + b + " in 'in'", pos);
        }
    }

    private static List<String> expandArray(TypedSql array, KustoType elementType, Pos pos) {
        List<String> out = new ArrayList<>();
        if (array.value() == null) {
            return out;
        }
        try {
            JsonNode node = JSON.readTree((String) array.value());
            if (!node.isArray()) {
                throw typeError("'in' expects a dynamic array", pos);
            }
            for (JsonNode el : node) {
                if (el.isNull()) {
                    continue;
                }
                if (elementType == STRING) {
                    out.add(SqlLiterals.quote(el.isTextual() ? el.textValue() : el.toString()));
                } else if (elementType.isNumeric() && el.isNumber()) {
                    out.add(el.isIntegralNumber() ? "CAST(" + el.asLong() + " AS BIGINT)"
                            : SqlLiterals.render(REAL, el.asDouble()));
                } else if (elementType == BOOL && el.isBoolean()) {
                    out.add(el.asBoolean() ? "TRUE" : "FALSE");
                } else {
                    throw typeError("Cannot compare values of type " + elementType + " with elements of "
                            + "the dynamic array", pos);
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private TypedSql between(Ast.Between bt) {
        TypedSql value = translate(bt.value());
        // bounds finer than a microsecond round inwards, which keeps every whole-microsecond answer
        Instant lowTicks = TickLiterals.finerThanMicros(bt.low());
        Instant highTicks = TickLiterals.finerThanMicros(bt.high());
        TypedSql high = highTicks == null ? translate(bt.high()) : TickLiterals.rounded(highTicks, false);
        TypedSql low = lowTicks == null || high.type() != DATETIME ? translate(bt.low())
                : TickLiterals.rounded(lowTicks, true);
        if (value.type() == DATETIME && low.type() == DATETIME && high.type() == TIMESPAN) {
            high = arithmetic("+", low, high, bt.pos());
        }
        checkComparable(value.type(), low.type(), bt.pos());
        checkComparable(value.type(), high.type(), bt.pos());
        if (!(value.type().isNumeric() || value.type() == DATETIME || value.type() == TIMESPAN)) {
            throw typeError("'between' needs numbers, datetimes or timespans but found " + value.type(), bt.pos());
        }
        return TypedSql.of("(" + value.sql() + (bt.negated() ? " NOT BETWEEN " : " BETWEEN ") + low.sql()
                + " AND " + high.sql() + ")", BOOL);
    }

    // ---- calls

    private TypedSql call(Ast.Call c) {
        String name = c.name();
        if (name.equals("not")) {
            if (c.args().size() != 1) {
                throw query.site(name, c.pos()).error("expects 1 argument");
            }
            return TypedSql.of("(NOT " + asBool(translate(c.args().get(0)), c.pos()).sql() + ")", BOOL);
        }
        if (name.equals("column_ifexists") || name.equals("columnifexists")) {
            return columnIfExists(c);
        }
        if (name.equals("row_number") || name.equals("prev") || name.equals("next")) {
            return window(c);
        }
        if (name.equals("materialize")) {
            throw KustoException.unsupported("'" + name + "'", c.pos().line(), c.pos().column());
        }
        if (aggregate && isAggregateName(name)) {
            if (name.equals("arg_max") || name.equals("arg_min")) {
                throw KustoException.unsupported("'" + name + "' inside an expression", c.pos().line(),
                        c.pos().column());
            }
            ExprTranslator inner = new ExprTranslator(query, scope, operator, false);
            List<TypedSql> args = new ArrayList<>();
            for (Expr a : c.args()) {
                if (a instanceof Ast.Star && (name.equals("count"))) {
                    continue;
                }
                args.add(inner.translate(a));
            }
            return AggregateFunctions.call(query.site(name, c.pos()), args);
        }
        if (!aggregate && isAggregateName(name) && !ScalarFunctions.isKnown(name)) {
            throw KustoException.semanticError("SEM0219", "'" + name + "' is an aggregation function and can only "
                    + "be used in summarize", c.pos().line(), c.pos().column());
        }
        List<TypedSql> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(translate(a));
        }
        return ScalarFunctions.call(query.site(name, c.pos()), args);
    }

    /** {@code column_ifexists('name', default)}: the column when the input has it, else the default. */
    private TypedSql columnIfExists(Ast.Call c) {
        if (c.args().size() != 2 || !(c.args().get(0) instanceof Ast.Literal lit) || !(lit.value() instanceof String n)) {
            throw query.site(c.name(), c.pos()).error("expects a constant column name and a default value");
        }
        TypedSql fallback = translate(c.args().get(1));
        for (int i = scope.size() - 1; i >= 0; i--) {
            if (scope.get(i).name().equals(n)) {
                return name(new Ast.Name(n, true, c.pos()));
            }
        }
        return fallback;
    }

    /** row_number(), prev() and next() over the serialized order of the input. */
    private TypedSql window(Ast.Call c) {
        if (orderSql == null) {
            throw KustoException.semanticError("SEM0219", "Function '" + c.name() + "' cannot be invoked in current "
                    + "context. Details: the row set must be serialized", c.pos().line(), c.pos().column());
        }
        String over = " OVER (ORDER BY " + orderSql + ")";
        List<TypedSql> args = new ArrayList<>();
        for (Expr a : c.args()) {
            args.add(translate(a));
        }
        if (c.name().equals("row_number")) {
            if (args.size() > 1) {
                throw KustoException.unsupported("row_number() with a restart condition", c.pos().line(),
                        c.pos().column());
            }
            if (args.isEmpty()) {
                return TypedSql.of("row_number()" + over, LONG);
            }
            requireInteger(args.get(0), c, "the start");
            return TypedSql.of("(CAST(" + args.get(0).sql() + " AS BIGINT) - 1 + row_number()" + over + ")", LONG);
        }
        if (args.isEmpty() || args.size() > 3) {
            throw query.site(c.name(), c.pos()).error("expects a column, an optional offset and an optional default");
        }
        TypedSql value = args.get(0);
        String offset = "1";
        if (args.size() > 1) {
            requireInteger(args.get(1), c, "the offset");
            offset = args.get(1).sql();
        }
        String fallback = "";
        if (args.size() > 2) {
            TypedSql d = args.get(2);
            if (d.type() != value.type() && !(d.type().isNumeric() && value.type().isNumeric())) {
                throw query.site(c.name(), c.pos()).error("the default must be of type " + value.type());
            }
            fallback = ", CAST(" + d.sql() + " AS " + value.type().duckDbType() + ")";
        } else if (value.type() == STRING) {
            fallback = ", ''";
        }
        String fn = c.name().equals("prev") ? "lag" : "lead";
        return TypedSql.of(fn + "(" + value.sql() + ", " + offset + fallback + ")" + over, value.type());
    }

    private void requireInteger(TypedSql arg, Ast.Call c, String what) {
        if (arg.type() != LONG && arg.type() != INT) {
            throw query.site(c.name(), c.pos()).error(what + " must be an integer");
        }
    }

    /** The column name Kusto gives an unnamed expression, or null when it would be {@code ColumnN}. */
    static String inferredName(Expr e) {
        String name = ResultNames.of(e);
        return name.isEmpty() ? null : name;
    }

}
