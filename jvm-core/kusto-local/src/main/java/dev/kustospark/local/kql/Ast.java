package dev.kustospark.local.kql;

import dev.kustospark.local.types.KustoType;
import java.util.List;

/** The syntax tree of a KQL query; every node keeps the 1-based position where it starts. */
final class Ast {
    private Ast() {}

    /** A position in the query text. */
    record Pos(int line, int column) {
        static Pos of(Token t) {
            return new Pos(t.line(), t.column());
        }
    }

    // ---- statements

    sealed interface Statement permits Let, DeclareParameters, QueryStatement, SetOption {}

    /** {@code set name [= value]}: a request option; {@code value} as written, "true" when omitted. */
    record SetOption(String name, String value, Pos pos) implements Statement {}

    /** {@code let name = body}; the body is a scalar or tabular expression, decided when translated. */
    record Let(String name, Node body, Pos pos) implements Statement {}

    record Param(String name, KustoType type, Expr defaultValue, Pos pos) {}

    record DeclareParameters(List<Param> params, Pos pos) implements Statement {}

    record QueryStatement(Tabular query, Pos pos) implements Statement {}

    /** Either an Expr or a Tabular. */
    sealed interface Node permits Expr, Tabular {
        Pos pos();
    }

    // ---- scalar expressions

    sealed interface Expr extends Node permits Literal, Name, Member, Index, Call, Binary, Unary, In, Between,
            Star, Paren, TabularInExpr, ToScalar {}

    /** A constant; {@code value} follows the Java value conventions of KustoType, null for a typed null. */
    record Literal(KustoType type, Object value, Pos pos) implements Expr {}

    record Name(String name, boolean bracketed, Pos pos) implements Expr {}

    /** {@code target.name} */
    record Member(Expr target, String name, Pos pos) implements Expr {}

    /** {@code target[index]} */
    record Index(Expr target, Expr index, Pos pos) implements Expr {}

    record Call(String name, List<Expr> args, Pos pos) implements Expr {}

    /** Binary operators, including the string operators ({@code has}, {@code !contains}...) by their text. */
    record Binary(String op, Expr left, Expr right, Pos pos) implements Expr {}

    record Unary(String op, Expr operand, Pos pos) implements Expr {}

    /** {@code in}, {@code !in}, {@code in~}, {@code !in~} with a list of values. */
    record In(String op, Expr value, List<Expr> items, Pos pos) implements Expr {}

    record Between(boolean negated, Expr value, Expr low, Expr high, Pos pos) implements Expr {}

    /** {@code *} as an argument ({@code arg_max(x, *)}, {@code count(*)}). */
    record Star(Pos pos) implements Expr {}

    record Paren(Expr inner, Pos pos) implements Expr {}

    /** A parenthesised tabular expression used where a scalar list is expected ({@code x in (T | project y)}). */
    record TabularInExpr(Tabular query, Pos pos) implements Expr {}

    /** {@code toscalar(T)}: the first column of the first row of a tabular expression. */
    record ToScalar(Tabular query, Pos pos) implements Expr {}

    /** {@code name = expr} or a bare expression, as in project, extend and summarize. */
    record Assignment(String name, Expr expr, Pos pos) {}

    // ---- tabular expressions

    sealed interface Tabular extends Node permits Pipe, TableRef, DatabaseTableRef, Datatable, Print, Range, UnionSource,
            CommandResults {}

    /** {@code source | operator} */
    record Pipe(Tabular input, Operator op, Pos pos) implements Tabular {}

    record TableRef(String name, Pos pos) implements Tabular {}

    /** {@code database('db').T} */
    record DatabaseTableRef(String database, String name, Pos pos) implements Tabular {}

    record Datatable(List<ColumnDecl> columns, List<Expr> values, Pos pos) implements Tabular {}

    record ColumnDecl(String name, KustoType type, Pos pos) {}

    record Print(List<Assignment> items, Pos pos) implements Tabular {}

    record Range(String column, Expr from, Expr to, Expr step, Pos pos) implements Tabular {}

    record UnionSource(Union union, Pos pos) implements Tabular {}

    record CommandResults(Pos pos) implements Tabular {}

    // ---- operators

    sealed interface Operator permits Where, Project, ProjectAway, ProjectRename, ProjectReorder, ProjectKeep,
            Extend, Summarize, Take, Sort, Top, Distinct, Count, Union, Join, GetSchema, As, Serialize, MvExpand, Render,
            Sample, EstimateRowsCount {
        Pos pos();
    }

    record Where(Expr predicate, Pos pos) implements Operator {}

    record Project(List<Assignment> items, Pos pos) implements Operator {}

    record ProjectAway(List<NamePattern> patterns, Pos pos) implements Operator {}

    record ProjectKeep(List<NamePattern> patterns, Pos pos) implements Operator {}

    record ProjectRename(List<Rename> renames, Pos pos) implements Operator {}

    record Rename(String newName, String oldName, Pos pos) {}

    record ProjectReorder(List<ReorderKey> keys, Pos pos) implements Operator {}

    /** {@code direction} is null, "asc", "desc", "granny-asc" or "granny-desc". */
    record ReorderKey(NamePattern pattern, String direction) {}

    /** A column name, possibly with {@code *} wildcards. */
    record NamePattern(String pattern, Pos pos) {
        boolean isWildcard() {
            return pattern.indexOf('*') >= 0;
        }

        boolean matches(String name) {
            if (!isWildcard()) {
                return pattern.equals(name);
            }
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                if (c == '*') {
                    regex.append(".*");
                } else {
                    regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
                }
            }
            return name.matches(regex.toString());
        }
    }

    record Extend(List<Assignment> items, Pos pos) implements Operator {}

    /** One expanded expression of mv-expand, with its {@code to typeof(T)} type or null. */
    record Expansion(Assignment item, dev.kustospark.local.types.KustoType toType) {}

    /** {@code mv-expand [kind=bag|array] [with_itemindex=I] items [limit N]} */
    record MvExpand(boolean bagsAsArrays, String indexColumn, List<Expansion> expansions, Expr limit, Pos pos)
            implements Operator {}

    /** {@code serialize [extend items]}: fixes the row order so that row_number(), prev() and next() apply. */
    record Serialize(List<Assignment> items, Pos pos) implements Operator {}

    record Summarize(List<Assignment> aggregates, List<Assignment> keys, Pos pos) implements Operator {}

    record Take(Expr count, Pos pos) implements Operator {}

    /** {@code ascending} and {@code nullsFirst} already resolved to Kusto's defaults. */
    record SortKey(Expr expr, boolean ascending, boolean nullsFirst) {}

    record Sort(List<SortKey> keys, Pos pos) implements Operator {}

    record Top(Expr count, List<SortKey> keys, Pos pos) implements Operator {}

    /** {@code distinct *} has an empty list and {@code all} true. */
    record Distinct(List<Expr> columns, boolean all, Pos pos) implements Operator {}

    /** {@code count [as Name]}: one long column, {@code Count} unless named. */
    record Count(String name, Pos pos) implements Operator {}

    /** Both {@code union} as a source and {@code | union}: with a piped input, it is the first leg. */
    record Union(String kind, String withSource, boolean isFuzzy, List<Tabular> legs, Pos pos) implements Operator {}

    /** {@code on} conditions: pairs of left and right column names. */
    record JoinKey(String left, String right, Pos pos) {}

    /** join, or lookup when {@code lookup} (right key columns left out of the result). */
    record Join(String kind, Tabular right, List<JoinKey> keys, boolean lookup, Pos pos) implements Operator {}

    record GetSchema(Pos pos) implements Operator {}

    /** {@code evaluate estimate_rows_count()}: the input's row count, estimated (here: counted). */
    record EstimateRowsCount(Pos pos) implements Operator {}

    record As(String name, Pos pos) implements Operator {}

    /** {@code sample N} (random rows), or {@code sample-distinct N of column} when {@code column} is set. */
    record Sample(Expr count, Expr column, Pos pos) implements Operator {}

    /** {@code render ...}: a chart directive for clients; the rows are those of the input. */
    record Render(Pos pos) implements Operator {}
}
