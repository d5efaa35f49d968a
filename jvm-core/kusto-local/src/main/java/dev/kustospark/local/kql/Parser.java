package dev.kustospark.local.kql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.Ast.Assignment;
import dev.kustospark.local.kql.Ast.Expr;
import dev.kustospark.local.kql.Ast.Pos;
import dev.kustospark.local.kql.Ast.Tabular;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/** Recursive-descent parser of the supported KQL subset into {@link Ast} nodes. */
final class Parser {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** String operators that take the operator text as a function name; each also has a {@code !} form. */
    private static final Set<String> STRING_OPERATORS = Set.of(
            "contains", "contains_cs", "has", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs",
            "startswith", "startswith_cs", "endswith", "endswith_cs");

    /** Operators whose right side is a parenthesised list, passed on as the call's further arguments. */
    private static final Set<String> LIST_OPERATORS = Set.of("has_any", "has_all");

    private static final Set<String> SAFE_SET_OPTIONS = Set.of(
            "notruncation", "truncationmaxsize", "truncationmaxrecords", "servertimeout", "norequesttimeout",
            "request_app_name", "request_user", "results_progressive_enabled", "query_results_cache_max_age",
            "deferpartialqueryfailures");

    private static final Set<String> SOURCE_KEYWORDS = Set.of("datatable", "print", "range", "union");

    private final List<Token> tokens;
    private int index;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static List<Ast.Statement> parse(String text) {
        return new Parser(Lexer.tokenize(text)).statements();
    }

    /** Parses text that must be exactly one scalar expression (a query parameter's CSL literal). */
    static Expr parseExpression(String text) {
        Parser p = new Parser(Lexer.tokenize(text));
        Expr e = p.expression();
        if (p.peek().kind() != Token.Kind.EOF) {
            throw unexpected(p.peek(), "expected end of expression");
        }
        return e;
    }

    // ---- token helpers

    private Token peek() {
        return tokens.get(index);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token advance() {
        Token t = tokens.get(index);
        if (t.kind() != Token.Kind.EOF) {
            index++;
        }
        return t;
    }

    private boolean at(String text) {
        return peek().is(text);
    }

    private boolean accept(String text) {
        if (at(text)) {
            advance();
            return true;
        }
        return false;
    }

    private Token expect(String text) {
        if (!at(text)) {
            throw unexpected(peek(), "expected '" + text + "'");
        }
        return advance();
    }

    private static KustoException unexpected(Token t, String expectation) {
        return KustoException.syntaxError(expectation + " but found " + t.describe(), t.line(), t.column());
    }

    private String identifier(String what) {
        Token t = peek();
        if (t.kind() == Token.Kind.IDENT) {
            advance();
            return t.text();
        }
        if (t.kind() == Token.Kind.BRACKET_NAME) {
            advance();
            return (String) t.value();
        }
        throw unexpected(t, "expected " + what);
    }

    /** True if the next token directly follows the previous one, with no space between. */
    private boolean adjacent() {
        Token prev = tokens.get(index - 1);
        Token next = peek();
        return prev.line() == next.line() && prev.column() + prev.text().length() == next.column();
    }

    // ---- statements

    private List<Ast.Statement> statements() {
        List<Ast.Statement> out = new ArrayList<>();
        while (true) {
            while (accept(";")) {
                // empty statements are allowed
            }
            Token t = peek();
            if (t.kind() == Token.Kind.EOF) {
                break;
            }
            if (t.is("let")) {
                out.add(let());
            } else if (t.is("declare") && peek(1).is("query_parameters")) {
                out.add(declare());
            } else if (t.is("set") && peek(1).isIdent()) {
                out.add(setOption());
            } else if (t.is("alias") || t.is("pattern") || t.is("restrict")) {
                throw KustoException.unsupported("the '" + t.text() + "' statement", t.line(), t.column());
            } else {
                out.add(new Ast.QueryStatement(tabular(), Pos.of(t)));
            }
            if (!at(";") && peek().kind() != Token.Kind.EOF) {
                throw unexpected(peek(), "expected ';' or end of query");
            }
        }
        if (out.isEmpty()) {
            throw KustoException.syntaxError("the query is empty", 1, 1);
        }
        return out;
    }

    /**
     * {@code set option [= value]}: only options that cannot change the rows of a result are
     * accepted (and have no effect here, which truncates nothing); others are refused.
     */
    private Ast.SetOption setOption() {
        advance();
        Token name = advance();
        if (!SAFE_SET_OPTIONS.contains(name.text().toLowerCase(Locale.ROOT))) {
            throw KustoException.unsupported("the request option '" + name.text() + "'", name.line(),
                    name.column());
        }
        String value = "true";
        if (accept("=")) {
            StringBuilder sb = new StringBuilder();
            while (!at(";") && peek().kind() != Token.Kind.EOF) {
                Token v = advance();
                sb.append(v.kind() == Token.Kind.STRING ? (String) v.value() : v.text());
            }
            if (sb.length() == 0) {
                throw unexpected(peek(), "expected a value for '" + name.text() + "'");
            }
            value = sb.toString();
        }
        return new Ast.SetOption(name.text().toLowerCase(Locale.ROOT), value, Pos.of(name));
    }

    private Ast.Let let() {
        Token start = advance();
        String name = identifier("a name after 'let'");
        expect("=");
        Token bodyStart = peek();
        if (bodyStart.is("(") && (peek(1).is(")") || (peek(1).isIdent() && peek(2).is(":")))) {
            throw KustoException.unsupported("user-defined functions", bodyStart.line(), bodyStart.column());
        }
        if (bodyStart.is("view")) {
            throw KustoException.unsupported("views", bodyStart.line(), bodyStart.column());
        }
        return new Ast.Let(name, letBody(), Pos.of(start));
    }

    private Ast.Node letBody() {
        Token t = peek();
        if ((t.isIdent() && SOURCE_KEYWORDS.contains(t.text())) || t.is("$command_results")
                || ((t.is("materialize") || t.is("database")) && peek(1).is("("))) {
            return tabular();
        }
        if ((t.isIdent() || t.kind() == Token.Kind.BRACKET_NAME) && peek(1).is("|")) {
            return tabular();
        }
        if (t.is("(")) {
            int save = index;
            try {
                Tabular tab = tabular();
                if ((at(";") || peek().kind() == Token.Kind.EOF) && !(tab instanceof Ast.TableRef)) {
                    return tab;
                }
            } catch (KustoException e) {
                // not a tabular expression; read it as a scalar one
            }
            index = save;
        }
        return expression();
    }

    private Ast.DeclareParameters declare() {
        Token start = advance();
        advance();
        expect("(");
        List<Ast.Param> params = new ArrayList<>();
        if (!at(")")) {
            do {
                Token nameToken = peek();
                String name = identifier("a parameter name");
                expect(":");
                KustoType type = typeName();
                Expr def = null;
                if (accept("=")) {
                    def = expression();
                }
                params.add(new Ast.Param(name, type, def, Pos.of(nameToken)));
            } while (accept(","));
        }
        expect(")");
        return new Ast.DeclareParameters(params, Pos.of(start));
    }

    private KustoType typeName() {
        Token t = peek();
        if (t.kind() != Token.Kind.IDENT) {
            throw unexpected(t, "expected a type name");
        }
        String word = t.text();
        KustoType type = KustoType.fromName(word);
        if (type == null) {
            throw KustoException.syntaxError("unknown type '" + word + "'", t.line(), t.column());
        }
        advance();
        return type;
    }

    // ---- tabular expressions

    Tabular tabular() {
        Tabular current = source();
        while (at("|")) {
            advance();
            current = operatorOn(current);
        }
        return current;
    }

    private Tabular source() {
        Token t = peek();
        if (t.is("(")) {
            advance();
            Tabular inner = tabular();
            expect(")");
            return inner;
        }
        if (t.kind() == Token.Kind.BRACKET_NAME) {
            advance();
            return new Ast.TableRef((String) t.value(), Pos.of(t));
        }
        if (t.kind() != Token.Kind.IDENT) {
            throw unexpected(t, "expected a tabular expression");
        }
        switch (t.text()) {
            case "datatable":
                return datatable();
            case "print":
                advance();
                return new Ast.Print(assignments(), Pos.of(t));
            case "range":
                return range();
            case "union":
                advance();
                return new Ast.UnionSource(union(t), Pos.of(t));
            case "$command_results":
                advance();
                return new Ast.CommandResults(Pos.of(t));
            case "table":
                if (peek(1).is("(")) {
                    advance();
                    advance();
                    Token name = advance();
                    if (name.kind() != Token.Kind.STRING) {
                        throw unexpected(name, "expected a table name string");
                    }
                    expect(")");
                    return new Ast.TableRef((String) name.value(), Pos.of(t));
                }
                break;
            case "database":
                if (peek(1).is("(") && peek(2).kind() == Token.Kind.STRING && peek(3).is(")") && peek(4).is(".")) {
                    index += 2;
                    String db = (String) advance().value();
                    advance();
                    advance();
                    return new Ast.DatabaseTableRef(db, identifier("a table name"), Pos.of(t));
                }
                throw KustoException.unsupported("'database' here", t.line(), t.column());
            case "materialize":
                if (peek(1).is("(")) {
                    index += 2;
                    Tabular inner = tabular();
                    expect(")");
                    return inner;
                }
                break;
            case "cluster":
            case "externaldata":
            case "external_table":
            case "materialized_view":
            case "find":
            case "search":
            case "evaluate":
                throw KustoException.unsupported("'" + t.text() + "'", t.line(), t.column());
            default:
                break;
        }
        advance();
        if (at("(")) {
            throw KustoException.unsupported("tabular function '" + t.text() + "'", t.line(), t.column());
        }
        return new Ast.TableRef(t.text(), Pos.of(t));
    }

    private Tabular datatable() {
        Token start = advance();
        expect("(");
        List<Ast.ColumnDecl> columns = new ArrayList<>();
        do {
            Token nameToken = peek();
            String name = identifier("a column name");
            expect(":");
            columns.add(new Ast.ColumnDecl(name, typeName(), Pos.of(nameToken)));
        } while (accept(","));
        expect(")");
        List<Expr> values = new ArrayList<>();
        if (peek().kind() == Token.Kind.BRACKET_NAME) {
            // ['a'] was read as a bracketed name: here it is a one-value list
            Token only = advance();
            values.add(new Ast.Literal(KustoType.STRING, only.value(), Pos.of(only)));
            return new Ast.Datatable(columns, values, Pos.of(start));
        }
        expect("[");
        if (!at("]")) {
            do {
                if (at("]")) {
                    break; // a trailing comma is allowed
                }
                values.add(expression());
            } while (accept(","));
        }
        expect("]");
        return new Ast.Datatable(columns, values, Pos.of(start));
    }

    private Tabular range() {
        Token start = advance();
        String column = identifier("the column name of 'range'");
        expectWord("from");
        Expr from = expression();
        expectWord("to");
        Expr to = expression();
        expectWord("step");
        Expr step = expression();
        return new Ast.Range(column, from, to, step, Pos.of(start));
    }

    private void expectWord(String word) {
        if (!(peek().isIdent() && peek().text().equals(word))) {
            throw unexpected(peek(), "expected '" + word + "'");
        }
        advance();
    }

    private Tabular operatorOn(Tabular input) {
        Token t = peek();
        if (t.kind() != Token.Kind.IDENT) {
            throw unexpected(t, "expected a query operator");
        }
        Pos pos = Pos.of(t);
        advance();
        Ast.Operator op = switch (t.text()) {
            case "where", "filter" -> new Ast.Where(expression(), pos);
            case "project" -> new Ast.Project(assignments(), pos);
            case "project-away" -> new Ast.ProjectAway(patterns(), pos);
            case "project-keep" -> new Ast.ProjectKeep(patterns(), pos);
            case "project-rename" -> projectRename(pos);
            case "project-reorder" -> projectReorder(pos);
            case "extend" -> new Ast.Extend(assignments(), pos);
            case "mv-expand" -> mvExpand(pos);
            case "sample" -> new Ast.Sample(expression(), null, pos);
            case "sample-distinct" -> {
                Expr count = expression();
                expectWord("of");
                yield new Ast.Sample(count, expression(), pos);
            }
            case "serialize" -> new Ast.Serialize(at("|") || at(";") || at(")") || peek().kind() == Token.Kind.EOF
                    ? List.of() : assignments(), pos);
            case "summarize" -> summarize(pos);
            case "take", "limit" -> new Ast.Take(expression(), pos);
            case "sort", "order" -> {
                expectWord("by");
                yield new Ast.Sort(sortKeys(), pos);
            }
            case "top" -> {
                Expr count = expression();
                expectWord("by");
                yield new Ast.Top(count, sortKeys(), pos);
            }
            case "distinct" -> distinct(pos);
            case "count" -> new Ast.Count(accept("as") ? identifier("a column name after 'as'") : "Count", pos);
            case "union" -> union(t);
            case "join" -> join(pos, false);
            case "lookup" -> join(pos, true);
            case "render" -> {
                int depth = 0;
                while (peek().kind() != Token.Kind.EOF && !(depth == 0 && (at(";") || at("|") || at(")")))) {
                    depth += at("(") ? 1 : at(")") ? -1 : 0;
                    advance();
                }
                yield new Ast.Render(pos);
            }
            case "getschema" -> new Ast.GetSchema(pos);
            case "evaluate" -> evaluate(t);
            case "as" -> {
                skipHints();
                yield new Ast.As(identifier("a name after 'as'"), pos);
            }
            default -> throw KustoException.unsupported("the '" + t.text() + "' operator", t.line(), t.column());
        };
        return new Ast.Pipe(input, op, pos);
    }

    /** {@code evaluate plugin(...)}: of the plugins only {@code estimate_rows_count()}, which takes no argument. */
    private Ast.Operator evaluate(Token evaluate) {
        skipHints();
        Token plugin = peek();
        if (plugin.isIdent() && plugin.text().equals("estimate_rows_count") && peek(1).is("(") && peek(2).is(")")) {
            index += 3;
            return new Ast.EstimateRowsCount(Pos.of(evaluate));
        }
        String name = plugin.isIdent() ? " " + plugin.text() : "";
        throw KustoException.unsupported("'evaluate" + name + "'", evaluate.line(), evaluate.column());
    }

    /** Skips {@code hint.x = value} and {@code kind = value}-style options this engine ignores. */
    private void skipHints() {
        while (peek().isIdent() && peek().text().startsWith("hint") && peek(1).is(".")) {
            advance();
            advance();
            advance();
            expect("=");
            advance();
        }
    }

    private Ast.Operator mvExpand(Pos pos) {
        boolean bagsAsArrays = false;
        String indexColumn = null;
        while (peek().isIdent() && peek(1).is("=") && Set.of("kind", "bagexpansion", "with_itemindex")
                .contains(peek().text())) {
            Token opt = advance();
            advance();
            String value = identifier("a value for '" + opt.text() + "'");
            if (opt.text().equals("with_itemindex")) {
                indexColumn = value;
            } else if (value.equals("array")) {
                bagsAsArrays = true;
            } else if (!value.equals("bag")) {
                throw KustoException.syntaxError("mv-expand kind must be 'bag' or 'array'", opt.line(), opt.column());
            }
        }
        List<Ast.Expansion> expansions = new ArrayList<>();
        do {
            Assignment item = assignment();
            KustoType type = null;
            if (accept("to")) {
                expectWord("typeof");
                expect("(");
                type = typeName();
                expect(")");
            }
            expansions.add(new Ast.Expansion(item, type));
        } while (accept(","));
        Expr limit = null;
        if (accept("limit")) {
            limit = expression();
        }
        return new Ast.MvExpand(bagsAsArrays, indexColumn, expansions, limit, pos);
    }

    private List<Assignment> assignments() {
        List<Assignment> items = new ArrayList<>();
        do {
            items.add(assignment());
        } while (accept(","));
        return items;
    }

    private Assignment assignment() {
        Token t = peek();
        if ((t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.BRACKET_NAME) && peek(1).is("=")) {
            String name = identifier("a column name");
            advance();
            return new Assignment(name, expression(), Pos.of(t));
        }
        if (t.is("(") && peek(1).isIdent() && (peek(2).is(",") || peek(2).is(")")) && isTupleAssignment()) {
            throw KustoException.unsupported("assigning to several columns at once", t.line(), t.column());
        }
        return new Assignment(null, expression(), Pos.of(t));
    }

    private boolean isTupleAssignment() {
        int depth = 0;
        for (int i = index; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.is("(")) {
                depth++;
            } else if (t.is(")")) {
                depth--;
                if (depth == 0) {
                    return tokens.get(i + 1).is("=");
                }
            }
        }
        return false;
    }

    /** Column names with optional {@code *} wildcards, written without spaces ({@code a*}, {@code *_x}). */
    private List<Ast.NamePattern> patterns() {
        List<Ast.NamePattern> out = new ArrayList<>();
        do {
            out.add(pattern());
        } while (accept(","));
        return out;
    }

    private Ast.NamePattern pattern() {
        Token start = peek();
        StringBuilder sb = new StringBuilder();
        if (start.kind() == Token.Kind.BRACKET_NAME) {
            advance();
            return new Ast.NamePattern((String) start.value(), Pos.of(start));
        }
        while (true) {
            Token t = peek();
            if (t.is("*")) {
                sb.append('*');
            } else if (t.kind() == Token.Kind.IDENT || t.kind() == Token.Kind.LONG) {
                sb.append(t.text());
            } else {
                break;
            }
            advance();
            if (!adjacent()) {
                break;
            }
        }
        if (sb.length() == 0) {
            throw unexpected(start, "expected a column name");
        }
        return new Ast.NamePattern(sb.toString(), Pos.of(start));
    }

    private Ast.Operator projectRename(Pos pos) {
        List<Ast.Rename> renames = new ArrayList<>();
        do {
            Token t = peek();
            String newName = identifier("a new column name");
            expect("=");
            String oldName = identifier("a column name");
            renames.add(new Ast.Rename(newName, oldName, Pos.of(t)));
        } while (accept(","));
        return new Ast.ProjectRename(renames, pos);
    }

    private Ast.Operator projectReorder(Pos pos) {
        List<Ast.ReorderKey> keys = new ArrayList<>();
        do {
            Ast.NamePattern p = pattern();
            String direction = null;
            if (peek().isIdent() && Set.of("asc", "desc", "granny-asc", "granny-desc").contains(peek().text())) {
                direction = advance().text();
            }
            keys.add(new Ast.ReorderKey(p, direction));
        } while (accept(","));
        return new Ast.ProjectReorder(keys, pos);
    }

    private Ast.Operator summarize(Pos pos) {
        skipHints();
        List<Assignment> aggregates = List.of();
        if (!at("by")) {
            aggregates = assignments();
        }
        List<Assignment> keys = List.of();
        if (accept("by")) {
            keys = assignments();
        }
        return new Ast.Summarize(aggregates, keys, pos);
    }

    private List<Ast.SortKey> sortKeys() {
        List<Ast.SortKey> keys = new ArrayList<>();
        do {
            Expr e = expression();
            boolean ascending = false;
            if (accept("asc")) {
                ascending = true;
            } else {
                accept("desc");
            }
            boolean nullsFirst = ascending;
            if (accept("nulls")) {
                if (accept("first")) {
                    nullsFirst = true;
                } else {
                    expectWord("last");
                    nullsFirst = false;
                }
            }
            keys.add(new Ast.SortKey(e, ascending, nullsFirst));
        } while (accept(","));
        return keys;
    }

    private Ast.Operator distinct(Pos pos) {
        skipHints();
        if (accept("*")) {
            return new Ast.Distinct(List.of(), true, pos);
        }
        List<Expr> columns = new ArrayList<>();
        do {
            columns.add(expression());
        } while (accept(","));
        return new Ast.Distinct(columns, false, pos);
    }

    private Ast.Union union(Token start) {
        String kind = "outer";
        String withSource = null;
        boolean fuzzy = false;
        while (peek().isIdent() && peek(1).is("=")) {
            Token opt = advance();
            advance();
            switch (opt.text()) {
                case "kind" -> kind = identifier("'inner' or 'outer'");
                case "withsource" -> withSource = identifier("a column name");
                case "isfuzzy" -> fuzzy = "true".equals(identifier("true or false"));
                default -> throw KustoException.unsupported("union option '" + opt.text() + "'", opt.line(),
                        opt.column());
            }
        }
        if (!kind.equals("inner") && !kind.equals("outer")) {
            throw KustoException.syntaxError("union kind must be 'inner' or 'outer'", start.line(), start.column());
        }
        List<Tabular> legs = new ArrayList<>();
        do {
            Token t = peek();
            if (t.is("(")) {
                advance();
                legs.add(tabular());
                expect(")");
            } else {
                Ast.NamePattern p = pattern();
                legs.add(new Ast.TableRef(p.pattern(), p.pos()));
            }
        } while (accept(","));
        return new Ast.Union(kind, withSource, fuzzy, legs, Pos.of(start));
    }

    private Ast.Operator join(Pos pos, boolean lookup) {
        String kind = lookup ? "leftouter" : "innerunique";
        while (peek().isIdent() && (peek(1).is("=") || peek(1).is("."))) {
            Token opt = advance();
            if (opt.text().equals("kind")) {
                advance();
                kind = identifier("a join kind");
            } else if (opt.text().startsWith("hint")) {
                index--;
                skipHints();
            } else {
                throw KustoException.unsupported("join option '" + opt.text() + "'", opt.line(), opt.column());
            }
        }
        Tabular right;
        if (at("(")) {
            advance();
            right = tabular();
            expect(")");
        } else {
            right = source();
        }
        Token on = peek();
        if (!on.is("on")) {
            if (on.is("where")) {
                throw KustoException.unsupported("join ... where", on.line(), on.column());
            }
            throw unexpected(on, "expected 'on'");
        }
        advance();
        List<Ast.JoinKey> keys = new ArrayList<>();
        do {
            Token k = peek();
            if (k.is("$left") || k.is("$right")) {
                String[] first = sideColumn();
                Token eq = peek();
                expect("==");
                String[] second = sideColumn();
                if (first[0].equals(second[0])) {
                    throw KustoException.syntaxError("a join condition compares $left with $right", eq.line(),
                            eq.column());
                }
                String left = first[0].equals("$left") ? first[1] : second[1];
                String right2 = first[0].equals("$left") ? second[1] : first[1];
                keys.add(new Ast.JoinKey(left, right2, Pos.of(k)));
            } else {
                String name = identifier("a join key column");
                keys.add(new Ast.JoinKey(name, name, Pos.of(k)));
            }
        } while (accept(",") || accept("and"));
        return new Ast.Join(kind, right, keys, lookup, pos);
    }

    private String[] sideColumn() {
        Token side = advance();
        if (!side.is("$left") && !side.is("$right")) {
            throw unexpected(side, "expected $left or $right");
        }
        expect(".");
        return new String[] {side.text(), identifier("a column name")};
    }

    // ---- scalar expressions

    Expr expression() {
        return or();
    }

    private Expr or() {
        Expr left = and();
        while (at("or")) {
            Token t = advance();
            left = new Ast.Binary("or", left, and(), Pos.of(t));
        }
        return left;
    }

    private Expr and() {
        Expr left = comparison();
        while (at("and")) {
            Token t = advance();
            left = new Ast.Binary("and", left, comparison(), Pos.of(t));
        }
        return left;
    }

    private Expr comparison() {
        Expr left = additive();
        while (true) {
            Token t = peek();
            if (t.kind() == Token.Kind.PUNCT
                    && Set.of("==", "!=", "<>", "<", "<=", ">", ">=", "=~", "!~").contains(t.text())) {
                advance();
                left = new Ast.Binary(t.text().equals("<>") ? "!=" : t.text(), left, additive(), Pos.of(t));
                continue;
            }
            boolean negated = false;
            Token word = t;
            if (t.is("!") && peek(1).isIdent()) {
                negated = true;
                word = peek(1);
            }
            if (word.kind() != Token.Kind.IDENT) {
                return left;
            }
            String w = word.text();
            if (STRING_OPERATORS.contains(w)) {
                index += negated ? 2 : 1;
                left = new Ast.Binary((negated ? "!" : "") + w, left, additive(), Pos.of(t));
            } else if (!negated && LIST_OPERATORS.contains(w)) {
                index++;
                List<Expr> args = new ArrayList<>();
                args.add(left);
                args.addAll(inList());
                left = new Ast.Call(w, args, Pos.of(t));
            } else if (w.equals("in")) {
                index += negated ? 2 : 1;
                boolean ci = false;
                if (at("~") && adjacent()) {
                    advance();
                    ci = true;
                }
                left = new Ast.In((negated ? "!" : "") + "in" + (ci ? "~" : ""), left, inList(), Pos.of(t));
            } else if (w.equals("between")) {
                index += negated ? 2 : 1;
                expect("(");
                Expr low = additive();
                expect("..");
                Expr high = additive();
                expect(")");
                left = new Ast.Between(negated, left, low, high, Pos.of(t));
            } else if (!negated && w.equals("matches") && peek(1).is("regex")) {
                index += 2;
                left = new Ast.Binary("matches regex", left, additive(), Pos.of(t));
            } else if (!negated && (w.equals("like") || w.equals("notlike") || w.equals("contains_any"))) {
                throw KustoException.unsupported("operator '" + w + "'", t.line(), t.column());
            } else {
                return left;
            }
        }
    }

    private List<Expr> inList() {
        Token open = expect("(");
        List<Expr> items = new ArrayList<>();
        Token first = peek();
        boolean tabularStart = (first.isIdent() || first.kind() == Token.Kind.BRACKET_NAME) && peek(1).is("|")
                || (first.isIdent() && SOURCE_KEYWORDS.contains(first.text()) && !first.is("print"));
        if (!tabularStart && first.is("(")) {
            int save = index;
            try {
                Tabular tab = tabular();
                tabularStart = at(")") && !(tab instanceof Ast.TableRef);
            } catch (KustoException e) {
                // a parenthesised scalar
            }
            index = save;
        }
        if (tabularStart) {
            items.add(new Ast.TabularInExpr(tabular(), Pos.of(first)));
        } else if (!at(")")) {
            do {
                items.add(expression());
            } while (accept(","));
        }
        expect(")");
        if (items.isEmpty()) {
            throw KustoException.syntaxError("the list of 'in' is empty", open.line(), open.column());
        }
        return items;
    }

    private Expr additive() {
        Expr left = multiplicative();
        while (at("+") || at("-")) {
            Token t = advance();
            left = new Ast.Binary(t.text(), left, multiplicative(), Pos.of(t));
        }
        return left;
    }

    private Expr multiplicative() {
        Expr left = unary();
        while (at("*") || at("/") || at("%")) {
            Token t = advance();
            left = new Ast.Binary(t.text(), left, unary(), Pos.of(t));
        }
        return left;
    }

    private Expr unary() {
        Token t = peek();
        if (t.is("-") || t.is("+")) {
            advance();
            Expr operand = unary();
            if (t.is("-") && operand instanceof Ast.Literal lit && lit.value() != null) {
                Object v = lit.value();
                Object neg = v instanceof Long l ? (Object) (-l)
                        : v instanceof Double d ? (Object) (-d)
                        : v instanceof Integer i ? (Object) (-i)
                        : v instanceof BigDecimal b ? (Object) b.negate()
                        : v instanceof Duration du ? (Object) du.negated() : null;
                if (neg != null) {
                    return new Ast.Literal(lit.type(), neg, Pos.of(t));
                }
            }
            return t.is("-") ? new Ast.Unary("-", operand, Pos.of(t)) : operand;
        }
        return postfix();
    }

    private Expr postfix() {
        Expr e = primary();
        while (true) {
            Token t = peek();
            if (t.is(".") ) {
                advance();
                Token name = peek();
                if (name.kind() == Token.Kind.BRACKET_NAME) {
                    advance();
                    e = new Ast.Member(e, (String) name.value(), Pos.of(name));
                } else {
                    e = new Ast.Member(e, identifier("a property name"), Pos.of(name));
                }
            } else if (t.kind() == Token.Kind.BRACKET_NAME) {
                advance();
                e = new Ast.Index(e, new Ast.Literal(KustoType.STRING, t.value(), Pos.of(t)), Pos.of(t));
            } else if (t.is("[")) {
                advance();
                Expr idx = expression();
                expect("]");
                e = new Ast.Index(e, idx, Pos.of(t));
            } else {
                return e;
            }
        }
    }

    private Expr primary() {
        Token t = peek();
        Pos pos = Pos.of(t);
        switch (t.kind()) {
            case LONG:
                advance();
                return new Ast.Literal(KustoType.LONG, t.value(), pos);
            case REAL:
                advance();
                return new Ast.Literal(KustoType.REAL, t.value(), pos);
            case STRING: {
                advance();
                StringBuilder sb = new StringBuilder((String) t.value());
                while (peek().kind() == Token.Kind.STRING) {
                    sb.append((String) advance().value());
                }
                return new Ast.Literal(KustoType.STRING, sb.toString(), pos);
            }
            case TIMESPAN:
                advance();
                return new Ast.Literal(KustoType.TIMESPAN, ticksToDuration((Long) t.value()), pos);
            case RAW_LITERAL:
                advance();
                return rawLiteral(t);
            case BRACKET_NAME:
                advance();
                return new Ast.Name((String) t.value(), true, pos);
            case PUNCT:
                if (t.is("(")) {
                    advance();
                    Expr inner = expression();
                    expect(")");
                    return new Ast.Paren(inner, pos);
                }
                if (t.is("*")) {
                    advance();
                    return new Ast.Star(pos);
                }
                throw unexpected(t, "expected an expression");
            case IDENT:
                break;
            default:
                throw unexpected(t, "expected an expression");
        }
        advance();
        String word = t.text();
        if (word.equals("true") || word.equals("false")) {
            return new Ast.Literal(KustoType.BOOL, Boolean.valueOf(word), pos);
        }
        if (!at("(")) {
            return new Ast.Name(word, false, pos);
        }
        switch (word) {
            case "int", "long", "real", "double", "decimal", "bool", "boolean", "string":
                return typedScalarLiteral(word, pos);
            case "typeof": {
                // a type argument (extract(..., typeof(real))): a typed null of that type
                advance();
                KustoType type = typeName();
                expect(")");
                return new Ast.Literal(type, null, pos);
            }
            case "toscalar": {
                advance();
                Tabular inner = tabular();
                expect(")");
                return new Ast.ToScalar(inner, pos);
            }
            case "dynamic":
                advance();
                JsonNode node = dynamicValue();
                expect(")");
                return new Ast.Literal(KustoType.DYNAMIC, node.isNull() ? null : node.toString(), pos);
            default:
                break;
        }
        advance();
        List<Expr> args = new ArrayList<>();
        if (!at(")")) {
            do {
                args.add(expression());
            } while (accept(","));
        }
        expect(")");
        return new Ast.Call(word, args, pos);
    }

    private static Duration ticksToDuration(long ticks) {
        return Duration.ofSeconds(Math.floorDiv(ticks, KustoValues.TICKS_PER_SECOND),
                Math.floorMod(ticks, KustoValues.TICKS_PER_SECOND) * 100);
    }

    private Expr typedScalarLiteral(String word, Pos pos) {
        advance();
        KustoType type = KustoType.fromName(word.equals("string") ? "string" : word);
        Token v = peek();
        boolean negative = false;
        if (v.is("-") || v.is("+")) {
            negative = v.is("-");
            advance();
            v = peek();
        }
        Object value;
        if (v.is("null")) {
            value = null;
        } else if (type == KustoType.BOOL) {
            if (!v.is("true") && !v.is("false")) {
                throw unexpected(v, "expected true, false or null");
            }
            value = Boolean.valueOf(v.text());
        } else if (type == KustoType.STRING) {
            throw KustoException.unsupported("string(...) literals", pos.line(), pos.column());
        } else if (type == KustoType.REAL && v.isIdent()
                && Set.of("nan", "inf").contains(v.text().toLowerCase(Locale.ROOT))) {
            value = v.text().equalsIgnoreCase("nan") ? Double.NaN
                    : negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            negative = false;
        } else if (v.kind() == Token.Kind.LONG || v.kind() == Token.Kind.REAL) {
            BigDecimal number = new BigDecimal(v.kind() == Token.Kind.LONG ? v.value().toString() : v.text());
            if (negative) {
                number = number.negate();
            }
            try {
                value = switch (type) {
                    case INT -> number.intValueExact();
                    case LONG -> number.longValueExact();
                    case REAL -> number.doubleValue();
                    default -> number;
                };
            } catch (ArithmeticException e) {
                throw KustoException.syntaxError("invalid " + word + " literal '" + v.text() + "'", v.line(),
                        v.column());
            }
        } else {
            throw unexpected(v, "expected a " + word + " value");
        }
        advance();
        expect(")");
        return new Ast.Literal(type, value, pos);
    }

    private Expr rawLiteral(Token t) {
        String inside = (String) t.value();
        Pos pos = Pos.of(t);
        KustoType type = KustoType.fromName(t.text());
        if (inside.equals("null")) {
            return new Ast.Literal(type, null, pos);
        }
        try {
            Object value = switch (type) {
                case DATETIME -> parseDateTimeLiteral(inside);
                case TIMESPAN -> ticksToDuration(KustoValues.parseTimespan(inside));
                case GUID -> UUID.fromString(inside);
                default -> throw new IllegalArgumentException(inside);
            };
            return new Ast.Literal(type, value, pos);
        } catch (IllegalArgumentException e) {
            throw KustoException.syntaxError("invalid " + t.text() + " literal '" + inside + "'", t.line(), t.column());
        }
    }

    private static Instant parseDateTimeLiteral(String inside) {
        return KustoValues.parseDateTime(inside);
    }

    /** A JSON-like value inside {@code dynamic(...)}, where KQL literals may also appear. */
    private JsonNode dynamicValue() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Token t = peek();
        if (t.is("{")) {
            advance();
            ObjectNode obj = f.objectNode();
            if (!at("}")) {
                do {
                    Token key = advance();
                    if (key.kind() != Token.Kind.STRING && key.kind() != Token.Kind.IDENT) {
                        throw unexpected(key, "expected a property name");
                    }
                    expect(":");
                    obj.set(key.kind() == Token.Kind.STRING ? (String) key.value() : key.text(), dynamicValue());
                } while (accept(","));
            }
            expect("}");
            return obj;
        }
        if (t.is("[")) {
            advance();
            ArrayNode arr = f.arrayNode();
            if (!at("]")) {
                do {
                    arr.add(dynamicValue());
                } while (accept(","));
            }
            expect("]");
            return arr;
        }
        if (t.is("null")) {
            advance();
            return f.nullNode();
        }
        if (t.kind() == Token.Kind.BRACKET_NAME) {
            // ['x'] lexes as a quoted name; inside dynamic(...) it is an array of one string
            advance();
            return f.arrayNode().add((String) t.value());
        }
        Expr e = unary();
        if (e instanceof Ast.Literal lit) {
            Object v = lit.value();
            if (v == null) {
                return f.nullNode();
            }
            return switch (lit.type()) {
                case LONG -> f.numberNode((Long) v);
                case INT -> f.numberNode((Integer) v);
                case REAL -> f.numberNode((Double) v);
                case DECIMAL -> f.numberNode((BigDecimal) v);
                case BOOL -> f.booleanNode((Boolean) v);
                case STRING -> f.textNode((String) v);
                case DATETIME -> f.textNode(KustoValues.formatDateTime((Instant) v));
                case TIMESPAN -> f.textNode(KustoValues.formatTimespan((Duration) v));
                case GUID -> f.textNode(v.toString());
                case DYNAMIC -> readJson((String) v);
            };
        }
        throw KustoException.syntaxError("expected a constant inside dynamic(...)", t.line(), t.column());
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
