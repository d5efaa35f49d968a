package dev.kustospark.local.kql;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.kql.Ast.Assignment;
import dev.kustospark.local.kql.Ast.Expr;
import dev.kustospark.local.kql.Relation.ScopeColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

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
                name = QueryTranslator.nextColumnName(names);
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
            TypedSql v = groups.translate(a.expr());
            String name = a.name();
            if (name == null) {
                name = a.expr() instanceof Ast.Call c ? uniqueDefault(defaultName(c)) : null;
            }
            if (name == null) {
                name = QueryTranslator.nextColumnName(names);
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
        String arg = c.args().isEmpty() ? null : ExprTranslator.inferredName(c.args().get(0));
        String argPart = arg == null ? "" : arg;
        return switch (c.name()) {
            case "count" -> "count_";
            case "countif" -> "countif_";
            case "make_list", "make_list_if", "make_list_with_nulls" -> "list_" + argPart;
            case "make_set", "make_set_if" -> "set_" + argPart;
            case "make_bag", "make_bag_if" -> "bag_" + argPart;
            case "take_any", "any", "take_anyif", "anyif" -> "any_" + argPart;
            case "percentile" -> {
                if (c.args().size() == 2 && c.args().get(1) instanceof Ast.Literal lit && lit.value() != null) {
                    String p = lit.value() instanceof Double d ? BigDecimal.valueOf(d).stripTrailingZeros()
                            .toPlainString() : lit.value().toString();
                    yield "percentile_" + argPart + "_" + p.replace('.', '_').replace('-', '_');
                }
                yield "percentile_" + argPart;
            }
            default -> c.name() + "_" + argPart;
        };
    }

    private void argExtreme(Assignment a, Ast.Call c, ExprTranslator rows) {
        boolean max = c.name().equals("arg_max");
        if (c.args().size() < 2) {
            throw query.site(c.name(), c.pos()).error("expects an expression to "
                    + (max ? "maximize" : "minimize") + " and the columns to return");
        }
        Expr target = c.args().get(0);
        TypedSql value = rows.translate(target);
        String valueName = a.name() != null ? a.name() : ExprTranslator.inferredName(target);
        if (valueName == null) {
            valueName = QueryTranslator.nextColumnName(names);
        }
        List<String> fieldSql = new ArrayList<>();
        List<Column> fields = new ArrayList<>();
        QueryTranslator.checkNewName(valueName, names, a.pos(), "summarize");
        fieldSql.add(value.sql());
        fields.add(new Column(valueName, value.type()));
        for (Expr e : c.args().subList(1, c.args().size())) {
            if (e instanceof Ast.Star) {
                for (ScopeColumn col : in.scope(alias)) {
                    if (!names.contains(col.name())) {
                        names.add(col.name());
                        fieldSql.add(col.sql());
                        fields.add(new Column(col.name(), col.type()));
                    }
                }
                continue;
            }
            TypedSql v = rows.translate(e);
            String name = ExprTranslator.inferredName(e);
            if (name == null) {
                name = QueryTranslator.nextColumnName(names);
            }
            if (names.contains(name)) {
                continue; // already returned (the maximized column or a group key)
            }
            names.add(name);
            fieldSql.add(v.sql());
            fields.add(new Column(name, v.type()));
        }
        StringJoiner struct = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < fieldSql.size(); i++) {
            struct.add("'v" + i + "': " + fieldSql.get(i));
        }
        int g = innerSelect.size();
        innerSelect.add((max ? "arg_max(" : "arg_min(") + struct + ", " + value.sql() + ")");
        for (int i = 0; i < fields.size(); i++) {
            outerSelect.add("struct_extract(s.g" + g + ", 'v" + i + "')");
            columns.add(fields.get(i));
        }
    }
}
