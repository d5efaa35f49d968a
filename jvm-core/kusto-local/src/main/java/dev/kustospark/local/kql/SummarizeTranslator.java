package dev.kustospark.local.kql;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.kql.Ast.Assignment;
import dev.kustospark.local.kql.Ast.Expr;
import dev.kustospark.local.kql.Relation.ScopeColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.IntFunction;

/**
 * {@code summarize}: group keys first, then aggregations, named the way Kusto names them
 * ({@code count_}, {@code sum_x}, {@code percentile_x_50}...). {@code arg_max}/{@code arg_min}
 * take all their returned columns from one row, through a DuckDB struct.
 */
final class SummarizeTranslator {
    private final QueryTranslator query;
    private final Relation in;
    private final Ast.Summarize op;
    private final String alias;

    private final List<String> innerSelect = new ArrayList<>();
    private final List<String> outerSelect = new ArrayList<>();
    private final List<Column> columns = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    SummarizeTranslator(QueryTranslator query, Relation in, Ast.Summarize op, String alias) {
        this.query = query;
        this.in = in;
        this.op = op;
        this.alias = alias;
    }

    Relation translate() {
        List<ScopeColumn> scope = in.scope(alias);
        ExprTranslator rows = new ExprTranslator(query, scope, "summarize", false);
        ExprTranslator groups = new ExprTranslator(query, scope, "summarize", true);
        for (Assignment k : op.keys()) {
            TypedSql v = rows.translate(k.expr());
            String name = k.name() != null ? k.name() : ExprTranslator.inferredName(k.expr());
            if (name == null) {
                name = query.defaultColumnName(names);
            }
            QueryTranslator.checkNewName(name, names, k.pos(), "summarize");
            add(v.sql(), name, v.type());
        }
        int keyCount = innerSelect.size();
        for (Assignment a : op.aggregates()) {
            if (a.expr() instanceof Ast.Call c && (c.name().equals("arg_max") || c.name().equals("arg_min"))) {
                argExtreme(a, c, rows);
                continue;
            }
            if (a.expr() instanceof Ast.Call c && c.name().equals("take_any")) {
                takeAny(a, c, rows);
                continue;
            }
            if (a.expr() instanceof Ast.Call c && c.name().equals("percentiles")) {
                percentiles(a, c, rows);
                continue;
            }
            TypedSql v = groups.translate(a.expr());
            String name = a.name();
            if (name == null) {
                name = a.expr() instanceof Ast.Call c ? uniqueDefault(defaultName(c)) : null;
            }
            if (name == null) {
                name = query.defaultColumnName(names);
            }
            QueryTranslator.checkNewName(name, names, a.pos(), "summarize");
            add(v.sql(), name, v.type());
        }
        if (columns.isEmpty()) {
            throw KustoException.syntaxError("summarize needs an aggregation or a 'by' clause", op.pos().line(),
                    op.pos().column());
        }
        StringJoiner inner = new StringJoiner(", ");
        for (int i = 0; i < innerSelect.size(); i++) {
            inner.add(innerSelect.get(i) + " AS g" + i);
        }
        StringJoiner groupBy = new StringJoiner(", ");
        for (int i = 1; i <= keyCount; i++) {
            groupBy.add(Integer.toString(i));
        }
        String innerSql = "SELECT " + inner + " FROM (" + in.sql() + ") AS " + alias
                + (keyCount > 0 ? " GROUP BY " + groupBy : "");
        StringJoiner outer = new StringJoiner(", ");
        for (int i = 0; i < outerSelect.size(); i++) {
            outer.add(outerSelect.get(i) + " AS " + Relation.physical(i));
        }
        return new Relation("SELECT " + outer + " FROM (" + innerSql + ") AS s", columns, false);
    }

    private void add(String innerSql, String name, dev.kustospark.local.types.KustoType type) {
        int g = innerSelect.size();
        innerSelect.add(innerSql);
        outerSelect.add("s.g" + g);
        columns.add(new Column(name, type));
    }

    /** Takes {@code name}, or {@code name1}, {@code name2}... when it is already an output column. */
    private String claim(String name) {
        String unique = uniqueDefault(name);
        names.add(unique);
        return unique;
    }

    private String uniqueDefault(String name) {
        if (name == null || !names.contains(name)) {
            return name;
        }
        int i = 1;
        while (names.contains(name + i)) {
            i++;
        }
        return name + i;
    }

    /** Kusto's name for an unnamed aggregation: the function's prefix and its first column's name. */
    static String defaultName(Ast.Call c) {
        String name = ResultNames.of(c);
        return name.isEmpty() ? null : name;
    }

    /**
     * {@code take_any(x)} prefers a non-null (for strings non-empty) value; with several arguments
     * or {@code *} the values come from one row.
     */
    private void takeAny(Assignment a, Ast.Call c, ExprTranslator rows) {
        if (c.args().isEmpty()) {
            throw query.site(c.name(), c.pos()).error("expects at least one argument");
        }
        if (c.args().size() == 1 && !(c.args().get(0) instanceof Ast.Star)) {
            Expr e = c.args().get(0);
            TypedSql v = rows.translate(e);
            String name = a.name() != null ? a.name() : ResultNames.of(e).isEmpty() ? "any_arg0" : ResultNames.of(e);
            if (a.name() != null) {
                QueryTranslator.checkNewName(name, names, a.pos(), "summarize");
            } else {
                name = claim(name);
            }
            String sql = v.type() == dev.kustospark.local.types.KustoType.STRING
                    ? "coalesce(any_value(nullif(" + v.sql() + ", '')), '')" : "any_value(" + v.sql() + ")";
            add(sql, name, v.type());
            return;
        }
        if (a.name() != null) {
            throw KustoException.unsupported("naming the several columns of take_any", a.pos().line(),
                    a.pos().column());
        }
        StructFields fields = new StructFields();
        addRowColumns(fields, c.args(), rows, i -> "any_arg" + i);
        addStruct("any_value(" + fields.struct() + ")", fields);
    }

    /** {@code percentiles(x, 50, 95)}: one column per percentile, each a {@code percentile} call. */
    private void percentiles(Assignment a, Ast.Call c, ExprTranslator rows) {
        if (c.args().size() < 2) {
            throw query.site(c.name(), c.pos()).error("expects an expression and at least one percentile");
        }
        if (a.name() != null) {
            throw KustoException.unsupported("naming the columns of percentiles", a.pos().line(), a.pos().column());
        }
        TypedSql value = rows.translate(c.args().get(0));
        for (Expr p : c.args().subList(1, c.args().size())) {
            TypedSql v = dev.kustospark.local.kql.functions.AggregateFunctions.call(
                    query.site("percentile", c.pos()), List.of(value, rows.translate(p)));
            String name = "percentile_" + ResultNames.of(c.args().get(0)) + "_"
                    + ResultNames.validFragment(ResultNames.constantText(p));
            add(v.sql(), claim(name), v.type());
        }
    }

    /** One inner aggregate producing a struct, read out as several output columns. */
    private void addStruct(String aggregateSql, StructFields fields) {
        int g = innerSelect.size();
        innerSelect.add(aggregateSql);
        for (int i = 0; i < fields.columns.size(); i++) {
            outerSelect.add("struct_extract(s.g" + g + ", 'v" + i + "')");
            columns.add(fields.columns.get(i));
        }
    }

    private void argExtreme(Assignment a, Ast.Call c, ExprTranslator rows) {
        boolean max = c.name().equals("arg_max");
        if (c.args().size() < 2) {
            throw query.site(c.name(), c.pos()).error("expects an expression to "
                    + (max ? "maximize" : "minimize") + " and the columns to return");
        }
        Expr target = c.args().get(0);
        TypedSql value = rows.translate(target);
        String prefix = max ? "max" : "min";
        String primaryName = ResultNames.of(target);
        String valueName = a.name() != null ? a.name() : primaryName.isEmpty() ? prefix + "_" : primaryName;
        if (a.name() != null) {
            QueryTranslator.checkNewName(valueName, names, a.pos(), "summarize");
        } else {
            valueName = claim(valueName);
        }
        StructFields fields = new StructFields();
        fields.add(value.sql(), new Column(valueName, value.type()));
        addRowColumns(fields, c.args().subList(1, c.args().size()), rows,
                i -> prefix + "_" + primaryName + "_arg" + (i + 1));
        // DuckDB skips rows whose value is null, and gives null when all are; Kusto then returns a row of
        // the group all the same (its documented example: the group's first row, with the null value).
        String struct = fields.struct();
        addStruct("coalesce(" + (max ? "arg_max(" : "arg_min(") + struct + ", " + value.sql() + "), first(" + struct
                + "))", fields);
    }

    /**
     * The columns that {@code take_any} and {@code arg_max}/{@code arg_min} return from their chosen
     * row: {@code *} stands for every input column not yet in the output; another expression is named
     * as Kusto names it, or {@code unnamed} of its index among {@code args} when it has no name.
     */
    private void addRowColumns(StructFields fields, List<Expr> args, ExprTranslator rows,
            IntFunction<String> unnamed) {
        for (int i = 0; i < args.size(); i++) {
            Expr e = args.get(i);
            if (e instanceof Ast.Star) {
                for (ScopeColumn col : in.scope(alias)) {
                    if (!names.contains(col.name())) {
                        names.add(col.name());
                        fields.add(col.sql(), new Column(col.name(), col.type()));
                    }
                }
                continue;
            }
            TypedSql v = rows.translate(e);
            String name = ResultNames.of(e);
            fields.add(v.sql(), new Column(claim(name.isEmpty() ? unnamed.apply(i) : name), v.type()));
        }
    }

    /** The fields of a DuckDB struct that one aggregate fills from a single row; each is an output column. */
    private static final class StructFields {
        private final List<String> sql = new ArrayList<>();
        private final List<Column> columns = new ArrayList<>();

        void add(String fieldSql, Column column) {
            sql.add(fieldSql);
            columns.add(column);
        }

        /** The struct literal, with fields {@code v0}, {@code v1}... in the order they were added. */
        String struct() {
            StringJoiner struct = new StringJoiner(", ", "{", "}");
            for (int i = 0; i < sql.size(); i++) {
                struct.add("'v" + i + "': " + sql.get(i));
            }
            return struct.toString();
        }
    }
}
