package dev.kustospark.local.kql;

import static dev.kustospark.local.types.KustoType.STRING;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * {@code join}: the left columns, then the right ones (a right name already taken gets the suffix
 * {@code 1}, {@code 2}...); {@code innerunique} keeps one left row per key first; the semi and anti
 * kinds return one side only. Unmatched sides of outer joins read as null, and strings as "".
 */
final class JoinTranslator {
    private final QueryTranslator query;
    private final Relation left;
    private final Relation right;
    private final Ast.Join op;
    private final String l;
    private final String r;

    JoinTranslator(QueryTranslator query, Relation left, Relation right, Ast.Join op, String leftAlias,
            String rightAlias) {
        this.query = query;
        this.left = left;
        this.right = right;
        this.op = op;
        this.l = leftAlias;
        this.r = rightAlias;
    }

    Relation translate() {
        String kind = switch (op.kind()) {
            case "anti", "leftantisemi" -> "leftanti";
            case "rightantisemi" -> "rightanti";
            case "semi" -> "leftsemi";
            default -> op.kind();
        };
        Set<String> kinds = op.lookup() ? Set.of("inner", "leftouter") : Set.of("inner", "innerunique", "leftouter",
                "rightouter", "fullouter", "leftanti", "leftsemi", "rightanti", "rightsemi");
        if (!kinds.contains(kind)) {
            throw KustoException.unsupported((op.lookup() ? "lookup" : "join") + " kind '" + op.kind() + "'",
                    op.pos().line(), op.pos().column());
        }
        StringJoiner on = new StringJoiner(" AND ");
        List<Integer> leftKeys = new ArrayList<>();
        Set<Integer> rightKeys = new HashSet<>();
        for (Ast.JoinKey k : op.keys()) {
            int li = left.indexOf(k.left());
            if (li < 0) {
                throw unresolved(k.left(), k);
            }
            int ri = right.indexOf(k.right());
            if (ri < 0) {
                throw unresolved(k.right(), k);
            }
            if (left.columns().get(li).type() != right.columns().get(ri).type()) {
                throw ExprTranslator.typeError("'join' operator: key '" + k.left() + "' is of type "
                        + left.columns().get(li).type() + " on the left and " + right.columns().get(ri).type()
                        + " on the right", k.pos());
            }
            leftKeys.add(li);
            rightKeys.add(ri);
            on.add(l + "." + Relation.physical(li) + " = " + r + "." + Relation.physical(ri));
        }
        String leftSql = left.sql();
        if (kind.equals("innerunique")) {
            StringJoiner partition = new StringJoiner(", ");
            String d = query.alias();
            leftKeys.forEach(i -> partition.add(d + "." + Relation.physical(i)));
            leftSql = "SELECT * FROM (" + leftSql + ") AS " + d + " QUALIFY row_number() OVER (PARTITION BY "
                    + partition + ") = 1";
        }
        String from = "(" + leftSql + ") AS " + l;
        String to = "(" + right.sql() + ") AS " + r;
        switch (kind) {
            case "leftsemi", "leftanti":
                return new Relation("SELECT " + left.selectList(l, false) + " FROM " + from + " WHERE "
                        + (kind.equals("leftanti") ? "NOT " : "") + "EXISTS (SELECT 1 FROM " + to + " WHERE " + on
                        + ")", left.columns(), false);
            case "rightsemi", "rightanti":
                return new Relation("SELECT " + right.selectList(r, false) + " FROM " + to + " WHERE "
                        + (kind.equals("rightanti") ? "NOT " : "") + "EXISTS (SELECT 1 FROM " + from + " WHERE "
                        + on + ")", right.columns(), false);
            default:
                break;
        }
        boolean leftMayBeMissing = kind.equals("rightouter") || kind.equals("fullouter");
        boolean rightMayBeMissing = kind.equals("leftouter") || kind.equals("fullouter");
        List<Column> columns = new ArrayList<>();
        StringJoiner sel = new StringJoiner(", ");
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < left.columns().size(); i++) {
            Column c = left.columns().get(i);
            taken.add(c.name());
            sel.add(value(l, i, c, leftMayBeMissing) + " AS " + Relation.physical(columns.size()));
            columns.add(c);
        }
        for (int i = 0; i < right.columns().size(); i++) {
            if (op.lookup() && rightKeys.contains(i)) {
                continue; // lookup shows each key once, from the left
            }
            Column c = right.columns().get(i);
            String name = c.name();
            int suffix = 1;
            while (taken.contains(name)) {
                name = c.name() + suffix++;
            }
            taken.add(name);
            sel.add(value(r, i, c, rightMayBeMissing) + " AS " + Relation.physical(columns.size()));
            columns.add(new Column(name, c.type()));
        }
        String joinKind = switch (kind) {
            case "leftouter" -> "LEFT OUTER JOIN";
            case "rightouter" -> "RIGHT OUTER JOIN";
            case "fullouter" -> "FULL OUTER JOIN";
            default -> "INNER JOIN";
        };
        return new Relation("SELECT " + sel + " FROM " + from + " " + joinKind + " " + to + " ON " + on, columns,
                false);
    }

    private static String value(String alias, int i, Column c, boolean mayBeMissing) {
        String ref = alias + "." + Relation.physical(i);
        return mayBeMissing && c.type() == STRING ? "coalesce(" + ref + ", '')" : ref;
    }

    private KustoException unresolved(String name, Ast.JoinKey k) {
        return KustoException.semanticError("SEM0100", "'" + (op.lookup() ? "lookup" : "join") + "' operator: Failed to resolve column named '" + name
                + "'", k.pos().line(), k.pos().column());
    }
}
