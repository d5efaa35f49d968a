package dev.kustospark.local.kql;

import static dev.kustospark.local.types.KustoType.BOOL;
import static dev.kustospark.local.types.KustoType.DATETIME;
import static dev.kustospark.local.types.KustoType.DYNAMIC;
import static dev.kustospark.local.types.KustoType.INT;
import static dev.kustospark.local.types.KustoType.LONG;
import static dev.kustospark.local.types.KustoType.STRING;
import static dev.kustospark.local.types.KustoType.TIMESPAN;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.kql.Ast.Assignment;
import dev.kustospark.local.kql.Ast.Expr;
import dev.kustospark.local.kql.Ast.Pos;
import dev.kustospark.local.kql.Relation.ScopeColumn;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.storage.TableSource;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.IntStream;
import java.util.UUID;

/** Translates parsed statements into SQL results, one per tabular expression statement. */
final class QueryTranslator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KqlContext context;
    /** let-bound and {@code as}-bound names: a TypedSql (scalar) or a Relation (tabular). */
    private final Map<String, Object> bindings = new HashMap<>();
    private int aliases;
    private int defaultColumnSuffix = 1;

    QueryTranslator(KqlContext context) {
        this.context = context;
    }

    CallSite site(String name, Pos pos) {
        return new CallSite(name, pos.line(), pos.column(), context.now());
    }

    Object lookup(String name) {
        return bindings.get(name);
    }

    /** True if {@code name} is a let/as-bound tabular expression or, unbound, a table of the database. */
    boolean isTabularName(String name) {
        Object bound = bindings.get(name);
        return bound instanceof Relation
                || (bound == null && context.catalog().findTable(context.database(), name).isPresent());
    }

    String alias() {
        return "q" + (aliases++);
    }

    CompiledQuery translate(List<Ast.Statement> statements) {
        List<SqlResult> results = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (Ast.Statement s : statements) {
            if (s instanceof Ast.SetOption set) {
                options.put(set.name(), set.value());
            } else if (s instanceof Ast.Let let) {
                bindings.put(let.name(), letValue(let));
            } else if (s instanceof Ast.DeclareParameters d) {
                for (Ast.Param p : d.params()) {
                    bindings.put(p.name(), parameterValue(p));
                }
            } else if (s instanceof Ast.QueryStatement q) {
                results.add(finish(tabular(q.query())));
            }
        }
        if (results.isEmpty()) {
            throw KustoException.semanticError("SEM0001", "the query has no tabular expression statement");
        }
        return new CompiledQuery(results, options);
    }

    private static SqlResult finish(Relation rel) {
        StringJoiner cols = new StringJoiner(", ");
        for (int i = 0; i < rel.columns().size(); i++) {
            cols.add("r." + Relation.physical(i));
        }
        String sql = "SELECT " + (cols.length() == 0 ? "NULL" : cols.toString()) + " FROM (" + rel.sql() + ") AS r"
                + (rel.ordered() ? " ORDER BY r." + Relation.ORDER_COLUMN : "");
        return new SqlResult("PrimaryResult", rel.columns(), sql, List.of());
    }

    private Object letValue(Ast.Let let) {
        if (let.body() instanceof Ast.Tabular t) {
            return tabular(t);
        }
        Expr e = (Expr) let.body();
        if (e instanceof Ast.Name n) {
            Object bound = bindings.get(n.name());
            if (bound != null) {
                return bound;
            }
            if (context.catalog().findTable(context.database(), n.name()).isPresent()) {
                return tabular(new Ast.TableRef(n.name(), n.pos()));
            }
        }
        return new ExprTranslator(this, List.of(), "let", false).translate(e);
    }

    // ---- query parameters

    private TypedSql parameterValue(Ast.Param p) {
        Object raw = context.parameters().get(p.name());
        if (raw == null) {
            if (p.defaultValue() == null) {
                throw KustoException.semanticError("SEM0100", "query parameter '" + p.name()
                        + "' was declared without a default value and no value was given", p.pos().line(),
                        p.pos().column());
            }
            TypedSql def = new ExprTranslator(this, List.of(), "declare query_parameters", false)
                    .translate(p.defaultValue());
            return coerceConstant(def, p.type(), p.pos());
        }
        try {
            Object value = parameterObject(raw, p.type());
            return SqlLiterals.literal(p.type(), value);
        } catch (RuntimeException e) {
            if (e instanceof KustoException k) {
                throw k;
            }
            throw KustoException.badRequest("Query parameter '" + p.name() + "' of type " + p.type()
                    + " has an invalid value '" + raw + "'");
        }
    }

    private static Object parameterObject(Object raw, KustoType type) {
        if (raw instanceof Boolean b) {
            if (type == BOOL) {
                return b;
            }
            throw new IllegalArgumentException();
        }
        if (raw instanceof Number n) {
            return numberAs(new BigDecimal(n.toString()), type);
        }
        if (raw instanceof Map<?, ?> || raw instanceof List<?>) {
            if (type != DYNAMIC) {
                throw new IllegalArgumentException();
            }
            return JSON.valueToTree(raw).toString();
        }
        String s = raw.toString();
        if (type == STRING) {
            return s;
        }
        String t = s.trim();
        if (t.matches("(?s)[A-Za-z_]+\\s*\\(.*\\)")) {
            Expr e = Parser.parseExpression(t);
            if (e instanceof Ast.Literal lit) {
                return literalAs(lit.value(), lit.type(), type);
            }
            throw new IllegalArgumentException();
        }
        return switch (type) {
            case BOOL -> {
                if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
                    yield Boolean.valueOf(t.toLowerCase());
                }
                throw new IllegalArgumentException();
            }
            case INT, LONG, REAL, DECIMAL -> numberAs(new BigDecimal(t), type);
            case DATETIME -> KustoValues.parseDateTime(t);
            case TIMESPAN -> Duration.ofNanos(KustoValues.parseTimespan(t) * 100);
            case GUID -> UUID.fromString(t);
            case DYNAMIC -> {
                try {
                    yield JSON.readTree(t).toString();
                } catch (java.io.IOException e) {
                    throw new IllegalArgumentException(e);
                }
            }
            case STRING -> s;
        };
    }

    private static Object numberAs(BigDecimal n, KustoType type) {
        return switch (type) {
            case INT -> n.intValueExact();
            case LONG -> n.longValueExact();
            case REAL -> n.doubleValue();
            case DECIMAL -> n;
            case DYNAMIC -> n.toString();
            default -> throw new IllegalArgumentException();
        };
    }

    /** Converts a constant to a column or parameter type the way Kusto's literals convert. */
    private static Object literalAs(Object value, KustoType from, KustoType to) {
        if (value == null || from == to) {
            return value;
        }
        if (from.isNumeric() && to.isNumeric()) {
            BigDecimal n = value instanceof BigDecimal b ? b
                    : value instanceof Double d ? BigDecimal.valueOf(d) : new BigDecimal(value.toString());
            return numberAs(n, to);
        }
        if (to == DYNAMIC) {
            JsonNodeFactory f = JsonNodeFactory.instance;
            return switch (from) {
                case BOOL -> f.booleanNode((Boolean) value).toString();
                case INT, LONG -> f.numberNode(((Number) value).longValue()).toString();
                case REAL -> f.numberNode((Double) value).toString();
                case DECIMAL -> f.numberNode((BigDecimal) value).toString();
                case STRING -> f.textNode((String) value).toString();
                case DATETIME -> f.textNode(KustoValues.formatDateTime((Instant) value)).toString();
                case TIMESPAN -> f.textNode(KustoValues.formatTimespan((Duration) value)).toString();
                case GUID -> f.textNode(value.toString()).toString();
                case DYNAMIC -> value;
            };
        }
        throw new IllegalArgumentException(from + " is not " + to);
    }

    private static TypedSql coerceConstant(TypedSql v, KustoType type, Pos pos) {
        if (v.type() == type) {
            return v;
        }
        if (!v.constant()) {
            throw ExprTranslator.typeError("expected a constant of type " + type, pos);
        }
        try {
            return SqlLiterals.literal(type, literalAs(v.value(), v.type(), type));
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw ExprTranslator.typeError("a value of type " + v.type() + " cannot be used as " + type, pos);
        }
    }

    // ---- tabular sources

    Relation tabular(Ast.Tabular t) {
        if (t instanceof Ast.Pipe p) {
            return operator(tabular(p.input()), p.op());
        }
        if (t instanceof Ast.TableRef ref) {
            return table(ref.name(), ref.pos());
        }
        if (t instanceof Ast.DatabaseTableRef ref) {
            if (!context.catalog().databases().contains(ref.database())) {
                throw KustoException.semanticError("SEM0100", "'database' operator: Failed to resolve database "
                        + "named '" + ref.database() + "'", ref.pos().line(), ref.pos().column());
            }
            return storedTable(ref.database(), ref.name(), ref.pos());
        }
        if (t instanceof Ast.CommandResults c) {
            TableSource src = context.commandResults();
            if (src == null) {
                throw KustoException.semanticError("SEM0100", "'$command_results' is only available after a "
                        + "management command", c.pos().line(), c.pos().column());
            }
            return fromSource(src);
        }
        if (t instanceof Ast.Datatable d) {
            return datatable(d);
        }
        if (t instanceof Ast.Print p) {
            return print(p);
        }
        if (t instanceof Ast.Range r) {
            return range(r);
        }
        if (t instanceof Ast.UnionSource u) {
            return union(null, u.union());
        }
        throw new IllegalStateException("unknown tabular expression " + t);
    }

    private Relation table(String name, Pos pos) {
        Object bound = bindings.get(name);
        if (bound instanceof Relation r) {
            return r;
        }
        if (bound instanceof TypedSql) {
            throw ExprTranslator.typeError("'" + name + "' is a scalar value, not a table", pos);
        }
        return storedTable(context.database(), name, pos);
    }

    private Relation storedTable(String database, String name, Pos pos) {
        Optional<TableInfo> info = context.catalog().findTable(database, name);
        if (info.isEmpty()) {
            throw KustoException.semanticError("SEM0100", "'table' operator: Failed to resolve table expression "
                    + "named '" + name + "'", pos.line(), pos.column());
        }
        return fromSource(info.get().toSource());
    }

    private static Relation fromSource(TableSource src) {
        StringJoiner cols = new StringJoiner(", ");
        for (int i = 0; i < src.columns().size(); i++) {
            String ref = "\"" + src.physicalColumns().get(i).replace("\"", "\"\"") + "\"";
            // Kusto strings are never null: a stored null reads as the empty string.
            if (src.columns().get(i).type() == STRING) {
                ref = "coalesce(" + ref + ", '')";
            }
            cols.add(ref + " AS " + Relation.physical(i));
        }
        return new Relation("SELECT " + (cols.length() == 0 ? "NULL AS _empty" : cols.toString()) + " FROM "
                + src.fromSql(), src.columns(), false);
    }

    private Relation datatable(Ast.Datatable d) {
        int width = d.columns().size();
        if (d.values().size() % width != 0) {
            throw KustoException.syntaxError("datatable has " + d.values().size() + " values for " + width
                    + " columns", d.pos().line(), d.pos().column());
        }
        List<Column> columns = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Ast.ColumnDecl c : d.columns()) {
            if (!names.add(c.name())) {
                throw KustoException.semanticError("SEM0100", "datatable: column '" + c.name()
                        + "' is declared twice", c.pos().line(), c.pos().column());
            }
            columns.add(new Column(c.name(), c.type()));
        }
        ExprTranslator constants = new ExprTranslator(this, List.of(), "datatable", false);
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < d.values().size() / width; r++) {
            StringJoiner row = new StringJoiner(", ", "(", ")");
            for (int c = 0; c < width; c++) {
                Expr e = d.values().get(r * width + c);
                TypedSql v = constants.translate(e);
                if (!v.constant()) {
                    throw KustoException.syntaxError("datatable values must be constants", e.pos().line(),
                            e.pos().column());
                }
                row.add(coerceConstant(v, columns.get(c).type(), e.pos()).sql());
            }
            row.add(Long.toString(r));
            rows.add(row.toString());
        }
        StringJoiner names2 = new StringJoiner(", ");
        for (int c = 0; c < width; c++) {
            names2.add(Relation.physical(c));
        }
        if (rows.isEmpty()) {
            StringJoiner nulls = new StringJoiner(", ");
            for (int c = 0; c < width; c++) {
                nulls.add(SqlLiterals.nullOf(columns.get(c).type()) + " AS " + Relation.physical(c));
            }
            return new Relation("SELECT " + nulls + ", CAST(0 AS BIGINT) AS o WHERE FALSE", columns, true);
        }
        // VALUES takes the type of its first row; each value is already cast to the column type.
        return new Relation("SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS v(" + names2 + ", "
                + Relation.ORDER_COLUMN + ")", columns, true);
    }

    private Relation print(Ast.Print p) {
        ExprTranslator tr = new ExprTranslator(this, List.of(), "print", false);
        List<Column> columns = new ArrayList<>();
        StringJoiner sel = new StringJoiner(", ");
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < p.items().size(); i++) {
            Assignment a = p.items().get(i);
            TypedSql v = tr.translate(a.expr());
            String name = a.name() != null ? a.name() : "print_" + i;
            checkNewName(name, taken, a.pos(), "print");
            columns.add(new Column(name, v.type()));
            sel.add(v.sql() + " AS " + Relation.physical(i));
        }
        return new Relation("SELECT " + sel, columns, false);
    }

    private Relation range(Ast.Range r) {
        ExprTranslator tr = new ExprTranslator(this, List.of(), "range", false);
        TypedSql from = tr.translate(r.from());
        TypedSql to = tr.translate(r.to());
        TypedSql step = tr.translate(r.step());
        String call;
        KustoType type;
        if ((from.type() == LONG || from.type() == INT) && (to.type() == LONG || to.type() == INT)
                && (step.type() == LONG || step.type() == INT)) {
            type = LONG;
            call = "generate_series(CAST(" + from.sql() + " AS BIGINT), CAST(" + to.sql() + " AS BIGINT), CAST("
                    + step.sql() + " AS BIGINT))";
        } else if (from.type() == DATETIME && to.type() == DATETIME && step.type() == TIMESPAN) {
            type = DATETIME;
            call = "generate_series(" + from.sql() + ", " + to.sql() + ", to_microseconds(" + step.sql() + " // 10))";
        } else if (from.type() == TIMESPAN && to.type() == TIMESPAN && step.type() == TIMESPAN) {
            type = TIMESPAN;
            call = "generate_series(" + from.sql() + ", " + to.sql() + ", " + step.sql() + ")";
        } else {
            throw KustoException.unsupported("range over " + from.type() + ", " + to.type() + " and "
                    + step.type(), r.pos().line(), r.pos().column());
        }
        boolean descending = step.constant() && step.value() != null && isNegative(step.value());
        return new Relation("SELECT g.generate_series AS c0, row_number() OVER (ORDER BY g.generate_series "
                + (descending ? "DESC" : "ASC") + ") AS o FROM " + call + " AS g", List.of(new Column(r.column(),
                        type)), true);
    }

    private static boolean isNegative(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue() < 0;
        }
        return v instanceof Duration d && d.isNegative();
    }

    // ---- operators

    private Relation operator(Relation in, Ast.Operator op) {
        if (op instanceof Ast.Where w) {
            return where(in, w);
        }
        if (op instanceof Ast.Project p) {
            return project(in, p.items(), p.pos(), "project", false);
        }
        if (op instanceof Ast.Extend e) {
            return project(in, e.items(), e.pos(), "extend", true);
        }
        if (op instanceof Ast.MvExpand mv) {
            return mvExpand(in, mv);
        }
        if (op instanceof Ast.Serialize sz) {
            Relation ordered = in;
            if (!in.ordered()) {
                String a = alias();
                ordered = new Relation("SELECT " + in.selectList(a, false) + ", row_number() OVER () AS "
                        + Relation.ORDER_COLUMN + " FROM (" + in.sql() + ") AS " + a, in.columns(), true);
            }
            return sz.items().isEmpty() ? ordered : project(ordered, sz.items(), sz.pos(), "serialize", true);
        }
        if (op instanceof Ast.ProjectAway a) {
            return keepColumns(in, a.patterns(), false, "project-away");
        }
        if (op instanceof Ast.ProjectKeep k) {
            return keepColumns(in, k.patterns(), true, "project-keep");
        }
        if (op instanceof Ast.ProjectRename r) {
            return rename(in, r);
        }
        if (op instanceof Ast.ProjectReorder r) {
            return reorder(in, r);
        }
        if (op instanceof Ast.Summarize s) {
            return new SummarizeTranslator(this, in, s, alias()).translate();
        }
        if (op instanceof Ast.Take t) {
            return take(in, t.count(), "take");
        }
        if (op instanceof Ast.Sort s) {
            return sort(in, s.keys(), null, "sort");
        }
        if (op instanceof Ast.Top t) {
            return sort(in, t.keys(), t.count(), "top");
        }
        if (op instanceof Ast.Distinct d) {
            return distinct(in, d);
        }
        if (op instanceof Ast.Count count) {
            String a = alias();
            return new Relation("SELECT count(*) AS c0 FROM (" + in.sql() + ") AS " + a,
                    List.of(new Column(count.name(), LONG)), false);
        }
        if (op instanceof Ast.Union u) {
            return union(in, u);
        }
        if (op instanceof Ast.Join j) {
            return new JoinTranslator(this, in, tabular(j.right()), j, alias(), alias()).translate();
        }
        if (op instanceof Ast.EstimateRowsCount) {
            // The service's schema is undocumented: this project's connector reads the first column,
            // the established Spark connector the second. kusto-local counts, so both hold the count.
            String a = alias();
            return new Relation("SELECT count(*) AS c0, count(*) AS c1 FROM (" + in.sql() + ") AS " + a,
                    List.of(new Column("RowsCount", LONG), new Column("EstimatedRowsCount", LONG)), false);
        }
        if (op instanceof Ast.GetSchema) {
            return getschema(in);
        }
        if (op instanceof Ast.As a) {
            bindings.put(a.name(), in);
            return in;
        }
        if (op instanceof Ast.Sample sample) {
            return sample(in, sample);
        }
        if (op instanceof Ast.Render) {
            return in;
        }
        throw new IllegalStateException("unknown operator " + op);
    }

    /**
     * mv-expand: a row per array element or bag property (a single-entry bag, or a [key, value] array
     * for kind=array), one row holding null for a null value, none for an empty array or bag. Several
     * expressions expand in parallel, the i-th row holding the i-th element of each, as many rows as
     * the longest has elements, shorter ones padded with null (DuckDB's unnest of several lists in one
     * SELECT does exactly that). Rows keep their input order, elements their order in the value.
     */
    private Relation mvExpand(Relation in, Ast.MvExpand mv) {
        String a = alias();
        // number the input rows so that each row's elements can be ordered and indexed
        Relation numbered = new Relation("SELECT " + in.selectList(a, false) + ", "
                + (in.ordered() ? a + "." + Relation.ORDER_COLUMN : "row_number() OVER ()") + " AS r FROM ("
                + in.sql() + ") AS " + a, in.columns(), false);
        String q = alias();
        String e = alias();
        ExprTranslator values = new ExprTranslator(this, numbered.scope(q), "mv-expand", false);
        List<Column> columns = new ArrayList<>(in.columns());
        List<String> names = new ArrayList<>();
        in.columns().forEach(c -> names.add(c.name()));
        List<String> select = new ArrayList<>();
        for (int i = 0; i < in.columns().size(); i++) {
            select.add(e + "." + Relation.physical(i));
        }
        List<String> lists = new ArrayList<>();
        List<String> unnests = new ArrayList<>();
        for (Ast.Expansion expansion : mv.expansions()) {
            TypedSql value = values.translate(expansion.item().expr());
            if (value.type() != DYNAMIC) {
                throw ExprTranslator.typeError("'mv-expand' operator: expected a dynamic value but found "
                        + value.type(), expansion.item().pos());
            }
            int k = lists.size();
            lists.add(elements(value.sql(), mv.bagsAsArrays()) + " AS l" + k);
            unnests.add("unnest(l" + k + ") AS x" + k);
            KustoType type = expansion.toType() == null ? DYNAMIC : expansion.toType();
            String element = e + ".x" + k;
            String typed = expansion.toType() == null ? element : castElement(element, type, mv.pos());
            String name = expansion.item().name() != null ? expansion.item().name()
                    : ExprTranslator.inferredName(expansion.item().expr());
            if (name == null) {
                name = defaultColumnName(new HashSet<>(names));
            }
            int replaced = names.indexOf(name);
            if (replaced >= 0) {
                columns.set(replaced, new Column(name, type));
                select.set(replaced, typed);
            } else {
                names.add(name);
                columns.add(new Column(name, type));
                select.add(typed);
            }
        }
        String longest = "greatest(" + String.join(", ", IntStream.range(0, lists.size())
                .mapToObj(k -> "len(l" + k + ")").toList()) + ")";
        unnests.add("unnest(range(" + longest + ")) AS i");
        if (mv.indexColumn() != null) {
            if (columns.stream().anyMatch(c -> c.name().equals(mv.indexColumn()))) {
                throw KustoException.semanticError("SEM0100", "'mv-expand' operator: column '" + mv.indexColumn()
                        + "' already exists", mv.pos().line(), mv.pos().column());
            }
            columns.add(new Column(mv.indexColumn(), LONG));
            select.add(e + ".i");
        }
        StringJoiner sel = new StringJoiner(", ");
        for (int i = 0; i < select.size(); i++) {
            sel.add(select.get(i) + " AS " + Relation.physical(i));
        }
        String withLists = "SELECT " + q + ".*, " + String.join(", ", lists) + " FROM (" + numbered.sql() + ") AS " + q;
        String sql = "SELECT " + sel + ", row_number() OVER (ORDER BY " + e + ".r, " + e + ".i) AS "
                + Relation.ORDER_COLUMN + " FROM (SELECT *, " + String.join(", ", unnests) + " FROM (" + withLists
                + ")) AS " + e;
        if (mv.limit() != null) {
            sql = sql + " WHERE " + e + ".i < " + constantCount(mv.limit(), "mv-expand");
        }
        return new Relation(sql, columns, in.ordered());
    }

    /**
     * The elements a dynamic value expands into, as a list: its array elements or bag properties in
     * order, {@code [NULL]} for a null value (one row holding null), {@code []} for an empty one.
     */
    private static String elements(String value, boolean bagsAsArrays) {
        String property = bagsAsArrays ? "json_array(j.key, j.value)" : "json_object(j.key, j.value)";
        return "(CASE WHEN " + value + " IS NULL THEN [NULL::JSON] ELSE coalesce((SELECT list(CASE WHEN j.key IS NULL"
                + " OR json_type(" + value + ") = 'ARRAY' THEN j.value ELSE " + property + " END ORDER BY j.id)"
                + " FROM json_each(" + value + ") AS j), []::JSON[]) END)";
    }

    /** {@code to typeof(T)}: a cast only; an element of another JSON kind becomes null ("" for strings). */
    private static String castElement(String e, KustoType type, Pos pos) {
        String kind = "json_type(" + e + ")";
        String text = "json_extract_string(" + e + ", '$')";
        return switch (type) {
            case INT, LONG -> "CASE WHEN " + kind + " IN ('BIGINT', 'UBIGINT') THEN TRY_CAST(" + e + " AS "
                    + type.duckDbType() + ") END";
            case REAL -> "CASE WHEN " + kind + " IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN CAST(" + e + " AS DOUBLE) END";
            case DECIMAL -> "CASE WHEN " + kind + " IN ('BIGINT', 'UBIGINT', 'DOUBLE') THEN TRY_CAST(" + text
                    + " AS DECIMAL(38,18)) END";
            case BOOL -> "CASE WHEN " + kind + " = 'BOOLEAN' THEN CAST(" + e + " AS BOOLEAN) END";
            case STRING -> "CASE WHEN " + kind + " = 'VARCHAR' THEN " + text + " ELSE '' END";
            case DATETIME -> "CASE WHEN " + kind + " = 'VARCHAR' THEN TRY_CAST(" + text + " AS TIMESTAMP) END";
            case GUID -> "CASE WHEN " + kind + " = 'VARCHAR' THEN TRY_CAST(" + text + " AS UUID) END";
            case DYNAMIC -> e;
            case TIMESPAN -> throw KustoException.unsupported("mv-expand ... to typeof(timespan)", pos.line(),
                    pos.column());
        };
    }

    /** sample: N random rows; sample-distinct: up to N distinct values of one column. */
    private Relation sample(Relation in, Ast.Sample s) {
        String operator = s.column() == null ? "sample" : "sample-distinct";
        long n = constantCount(s.count(), operator);
        String a = alias();
        if (s.column() == null) {
            return new Relation("SELECT " + in.selectList(a, false) + " FROM (" + in.sql() + ") AS " + a
                    + " ORDER BY random() LIMIT " + n, in.columns(), false);
        }
        TypedSql v = new ExprTranslator(this, in.scope(a), operator, false).translate(s.column());
        String name = ExprTranslator.inferredName(s.column());
        if (name == null) {
            name = defaultColumnName(Set.of());
        }
        return new Relation("SELECT DISTINCT " + v.sql() + " AS c0 FROM (" + in.sql() + ") AS " + a + " LIMIT " + n,
                List.of(new Column(name, v.type())), false);
    }

    private Relation where(Relation in, Ast.Where w) {
        String a = alias();
        TypedSql pred = new ExprTranslator(this, in.scope(a), "where", false).translate(w.predicate());
        if (pred.type() == DYNAMIC) {
            pred = ExprTranslator.fromDynamic(pred, BOOL, w.predicate().pos());
        }
        if (pred.type() != BOOL) {
            throw ExprTranslator.typeError("'where' operator: the predicate must be of type bool but is "
                    + pred.type(), w.predicate().pos());
        }
        return new Relation("SELECT " + in.selectList(a, true) + " FROM (" + in.sql() + ") AS " + a + " WHERE "
                + pred.sql(), in.columns(), in.ordered());
    }

    static void checkNewName(String name, Set<String> taken, Pos pos, String operator) {
        if (!taken.add(name)) {
            throw KustoException.semanticError("SEM0100", "'" + operator + "' operator: column '" + name
                    + "' is defined more than once", pos.line(), pos.column());
        }
    }

    /**
     * The next default name, {@code Column1}, {@code Column2}...: numbered across the whole query
     * as Kusto numbers them, skipping names already {@code taken}.
     */
    String defaultColumnName(Set<String> taken) {
        String name;
        do {
            name = "Column" + defaultColumnSuffix++;
        } while (taken.contains(name));
        return name;
    }

    /** project (a new column list) or extend (the input columns plus new or replaced ones). */
    private Relation project(Relation in, List<Assignment> items, Pos pos, String operator, boolean extend) {
        String a = alias();
        List<ScopeColumn> scope = new ArrayList<>(in.scope(a));
        LinkedHashMap<String, TypedSql> out = new LinkedHashMap<>();
        if (extend) {
            for (ScopeColumn c : in.scope(a)) {
                out.put(c.name(), TypedSql.of(c.sql(), c.type()));
            }
        }
        Set<String> defined = new HashSet<>();
        for (Assignment item : items) {
            TypedSql v = new ExprTranslator(this, scope, operator, false)
                    .serialized(in.ordered() ? a + "." + Relation.ORDER_COLUMN : null).translate(item.expr());
            String name = item.name();
            if (name == null) {
                name = ExprTranslator.inferredName(item.expr());
                if (name != null && !extend && defined.contains(name)) {
                    // a derived name that repeats another column's gets a numeric suffix
                    String base = name;
                    int n = 1;
                    while (defined.contains(name)) {
                        name = base + n++;
                    }
                }
            }
            if (name == null) {
                Set<String> taken = new HashSet<>(out.keySet());
                in.columns().forEach(c -> taken.add(c.name()));
                name = defaultColumnName(taken);
            }
            if (!defined.add(name) && !extend) {
                throw KustoException.semanticError("SEM0100", "'" + operator + "' operator: column '" + name
                        + "' is defined more than once", item.pos().line(), item.pos().column());
            }
            out.put(name, v);
            if (extend) {
                scope.add(new ScopeColumn(name, v.type(), v.sql()));
            }
        }
        List<Column> columns = new ArrayList<>();
        StringJoiner sel = new StringJoiner(", ");
        int i = 0;
        for (Map.Entry<String, TypedSql> e : out.entrySet()) {
            columns.add(new Column(e.getKey(), e.getValue().type()));
            sel.add(e.getValue().sql() + " AS " + Relation.physical(i++));
        }
        if (in.ordered()) {
            sel.add(a + "." + Relation.ORDER_COLUMN + " AS " + Relation.ORDER_COLUMN);
        }
        if (columns.isEmpty()) {
            throw KustoException.semanticError("SEM0100", "'" + operator + "' operator: no columns", pos.line(),
                    pos.column());
        }
        return new Relation("SELECT " + sel + " FROM (" + in.sql() + ") AS " + a, columns, in.ordered());
    }

    /** Selects input columns by index, renaming them; keeps the order column. */
    Relation select(Relation in, List<Integer> indexes, List<String> names) {
        String a = alias();
        StringJoiner sel = new StringJoiner(", ");
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            int src = indexes.get(i);
            sel.add(a + "." + Relation.physical(src) + " AS " + Relation.physical(i));
            columns.add(new Column(names.get(i), in.columns().get(src).type()));
        }
        if (in.ordered()) {
            sel.add(a + "." + Relation.ORDER_COLUMN + " AS " + Relation.ORDER_COLUMN);
        }
        if (columns.isEmpty()) {
            sel.add("NULL AS _empty");
        }
        return new Relation("SELECT " + sel + " FROM (" + in.sql() + ") AS " + a, columns, in.ordered());
    }

    private Relation keepColumns(Relation in, List<Ast.NamePattern> patterns, boolean keep, String operator) {
        for (Ast.NamePattern p : patterns) {
            if (!p.isWildcard() && in.indexOf(p.pattern()) < 0) {
                throw ExprTranslator.unresolvedColumn(operator, p.pattern(), p.pos());
            }
        }
        List<Integer> idx = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < in.columns().size(); i++) {
            String n = in.columns().get(i).name();
            boolean matched = patterns.stream().anyMatch(p -> p.matches(n));
            if (matched == keep) {
                idx.add(i);
                names.add(n);
            }
        }
        if (idx.isEmpty()) {
            Pos pos = patterns.get(0).pos();
            throw KustoException.semanticError("SEM0100", "'" + operator + "' operator: no columns are left",
                    pos.line(), pos.column());
        }
        return select(in, idx, names);
    }

    private Relation rename(Relation in, Ast.ProjectRename r) {
        List<String> names = new ArrayList<>();
        in.columns().forEach(c -> names.add(c.name()));
        for (Ast.Rename rn : r.renames()) {
            int i = in.indexOf(rn.oldName());
            if (i < 0) {
                throw ExprTranslator.unresolvedColumn("project-rename", rn.oldName(), rn.pos());
            }
            names.set(i, rn.newName());
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw KustoException.semanticError("SEM0100", "'project-rename' operator: the renames give two "
                    + "columns the same name", r.pos().line(), r.pos().column());
        }
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            idx.add(i);
        }
        return select(in, idx, names);
    }

    private Relation reorder(Relation in, Ast.ProjectReorder r) {
        List<Integer> order = new ArrayList<>();
        Set<Integer> used = new HashSet<>();
        for (Ast.ReorderKey key : r.keys()) {
            List<Integer> matched = new ArrayList<>();
            for (int i = 0; i < in.columns().size(); i++) {
                if (!used.contains(i) && key.pattern().matches(in.columns().get(i).name())) {
                    matched.add(i);
                }
            }
            if (matched.isEmpty() && !key.pattern().isWildcard()) {
                throw ExprTranslator.unresolvedColumn("project-reorder", key.pattern().pattern(), key.pattern().pos());
            }
            if (key.direction() != null) {
                boolean desc = key.direction().endsWith("desc");
                matched.sort((x, y) -> {
                    int c = in.columns().get(x).name().compareTo(in.columns().get(y).name());
                    return desc ? -c : c;
                });
                if (key.direction().startsWith("granny")) {
                    throw KustoException.unsupported("granny-asc/granny-desc ordering", key.pattern().pos().line(),
                            key.pattern().pos().column());
                }
            }
            order.addAll(matched);
            used.addAll(matched);
        }
        for (int i = 0; i < in.columns().size(); i++) {
            if (!used.contains(i)) {
                order.add(i);
            }
        }
        List<String> names = order.stream().map(i -> in.columns().get(i).name()).toList();
        return select(in, order, names);
    }

    private long constantCount(Expr e, String operator) {
        TypedSql v = new ExprTranslator(this, List.of(), operator, false).translate(e);
        if (!v.constant() || !(v.type() == LONG || v.type() == INT) || v.value() == null) {
            throw ExprTranslator.typeError("'" + operator + "' operator: the row count must be a constant integer",
                    e.pos());
        }
        long n = ((Number) v.value()).longValue();
        if (n < 0) {
            throw ExprTranslator.typeError("'" + operator + "' operator: the row count must not be negative",
                    e.pos());
        }
        return n;
    }

    private Relation take(Relation in, Expr count, String operator) {
        long n = constantCount(count, operator);
        String a = alias();
        return new Relation("SELECT " + in.selectList(a, true) + " FROM (" + in.sql() + ") AS " + a
                + (in.ordered() ? " ORDER BY " + a + "." + Relation.ORDER_COLUMN : "") + " LIMIT " + n,
                in.columns(), in.ordered());
    }

    /** sort, or top when {@code count} is given: numbers the rows in the new order. */
    private Relation sort(Relation in, List<Ast.SortKey> keys, Expr count, String operator) {
        String a = alias();
        ExprTranslator tr = new ExprTranslator(this, in.scope(a), operator, false);
        StringJoiner order = new StringJoiner(", ");
        for (Ast.SortKey k : keys) {
            TypedSql v = tr.translate(k.expr());
            order.add(v.sql() + (k.ascending() ? " ASC" : " DESC") + (k.nullsFirst() ? " NULLS FIRST"
                    : " NULLS LAST"));
        }
        String sql = "SELECT " + in.selectList(a, false) + ", row_number() OVER (ORDER BY " + order + ") AS "
                + Relation.ORDER_COLUMN + " FROM (" + in.sql() + ") AS " + a;
        if (count != null) {
            long n = constantCount(count, operator);
            sql = sql + " QUALIFY " + Relation.ORDER_COLUMN + " <= " + n;
        }
        return new Relation(sql, in.columns(), true);
    }

    private Relation distinct(Relation in, Ast.Distinct d) {
        String a = alias();
        if (d.all()) {
            return new Relation("SELECT DISTINCT " + in.selectList(a, false) + " FROM (" + in.sql() + ") AS " + a,
                    in.columns(), false);
        }
        ExprTranslator tr = new ExprTranslator(this, in.scope(a), "distinct", false);
        List<Column> columns = new ArrayList<>();
        StringJoiner sel = new StringJoiner(", ");
        Set<String> taken = new HashSet<>();
        for (Expr e : d.columns()) {
            TypedSql v = tr.translate(e);
            String name = ExprTranslator.inferredName(e);
            if (name == null) {
                name = defaultColumnName(taken);
            }
            checkNewName(name, taken, e.pos(), "distinct");
            sel.add(v.sql() + " AS " + Relation.physical(columns.size()));
            columns.add(new Column(name, v.type()));
        }
        return new Relation("SELECT DISTINCT " + sel + " FROM (" + in.sql() + ") AS " + a, columns, false);
    }

    private Relation getschema(Relation in) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < in.columns().size(); i++) {
            Column c = in.columns().get(i);
            rows.add("(" + SqlLiterals.quote(c.name()) + ", CAST(" + i + " AS INTEGER), "
                    + SqlLiterals.quote(c.type().systemTypeName()) + ", " + SqlLiterals.quote(c.type().kqlName())
                    + ", CAST(" + i + " AS BIGINT))");
        }
        List<Column> columns = List.of(new Column("ColumnName", STRING), new Column("ColumnOrdinal", INT),
                new Column("DataType", STRING), new Column("ColumnType", STRING));
        if (rows.isEmpty()) {
            return new Relation("SELECT '' AS c0, CAST(0 AS INTEGER) AS c1, '' AS c2, '' AS c3, CAST(0 AS BIGINT)"
                    + " AS o WHERE FALSE", columns, true);
        }
        return new Relation("SELECT * FROM (VALUES " + String.join(", ", rows) + ") AS v(c0, c1, c2, c3, o)",
                columns, true);
    }

    // ---- union

    private Relation union(Relation first, Ast.Union u) {
        List<Relation> legs = new ArrayList<>();
        List<String> legNames = new ArrayList<>();
        if (first != null) {
            legs.add(first);
            legNames.add("union_arg0");
        }
        for (Ast.Tabular leg : u.legs()) {
            if (leg instanceof Ast.TableRef ref && ref.name().indexOf('*') >= 0) {
                Ast.NamePattern p = new Ast.NamePattern(ref.name(), ref.pos());
                List<TableInfo> tables = context.catalog().tables(context.database()).stream()
                        .filter(t -> p.matches(t.name())).sorted((x, y) -> x.name().compareTo(y.name())).toList();
                for (TableInfo t : tables) {
                    legs.add(fromSource(t.toSource()));
                    legNames.add(t.name());
                }
                continue;
            }
            legs.add(tabular(leg));
            legNames.add(leg instanceof Ast.TableRef ref ? ref.name() : "union_arg" + legNames.size());
        }
        if (legs.isEmpty()) {
            throw KustoException.semanticError("SEM0100", "'union' operator: no table matches", u.pos().line(),
                    u.pos().column());
        }
        List<Column> columns = new ArrayList<>();
        Map<Integer, String> renamed = new HashMap<>();
        if (u.kind().equals("inner")) {
            for (Column c : legs.get(0).columns()) {
                if (legs.stream().allMatch(l -> l.columns().contains(c))) {
                    columns.add(c);
                }
            }
        } else {
            // Kusto's outer union: a name that arrives with several types becomes one column per type,
            // named name_type (x_long, x_string).
            Map<String, Set<KustoType>> typesByName = new HashMap<>();
            for (Relation leg : legs) {
                for (Column c : leg.columns()) {
                    typesByName.computeIfAbsent(c.name(), k -> new HashSet<>()).add(c.type());
                }
            }
            for (Relation leg : legs) {
                for (Column c : leg.columns()) {
                    if (!columns.contains(c)) {
                        columns.add(c);
                    }
                }
            }
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (typesByName.get(c.name()).size() > 1) {
                    renamed.put(i, c.name() + "_" + c.type().kqlName());
                }
            }
        }
        List<Column> outColumns = new ArrayList<>();
        if (u.withSource() != null) {
            outColumns.add(new Column(u.withSource(), STRING));
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            outColumns.add(new Column(renamed.getOrDefault(i, c.name()), c.type()));
        }
        List<String> selects = new ArrayList<>();
        for (int l = 0; l < legs.size(); l++) {
            Relation leg = legs.get(l);
            String a = alias();
            StringJoiner sel = new StringJoiner(", ");
            int out = 0;
            if (u.withSource() != null) {
                sel.add(SqlLiterals.quote(legNames.get(l)) + " AS " + Relation.physical(out++));
            }
            for (Column c : columns) {
                int i = leg.columns().indexOf(c);
                String value = i >= 0 ? a + "." + Relation.physical(i)
                        : c.type() == STRING ? "''" : SqlLiterals.nullOf(c.type());
                sel.add(value + " AS " + Relation.physical(out++));
            }
            if (out == 0) {
                sel.add("NULL AS _empty");
            }
            selects.add("SELECT " + sel + " FROM (" + leg.sql() + ") AS " + a);
        }
        return new Relation(String.join(" UNION ALL ", selects), outColumns, false);
    }
}
