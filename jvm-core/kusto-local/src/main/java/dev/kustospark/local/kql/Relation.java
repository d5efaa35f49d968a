package dev.kustospark.local.kql;

import dev.kustospark.local.engine.Column;
import dev.kustospark.local.types.KustoType;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * An intermediate tabular result: {@code sql} is a SELECT whose columns are named {@code c0, c1...}
 * positionally for {@link #columns}, plus a hidden {@code o} column when {@code ordered} (the row's
 * rank in the order that sort, top or a literal table gave it; DuckDB does not keep a subquery's
 * ORDER BY, so the order travels as data).
 */
record Relation(String sql, List<Column> columns, boolean ordered) {
    static final String ORDER_COLUMN = "o";

    Relation {
        columns = List.copyOf(columns);
    }

    static String physical(int i) {
        return "c" + i;
    }

    int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** The columns as an expression scope, referring to them through {@code alias}. */
    List<ScopeColumn> scope(String alias) {
        List<ScopeColumn> out = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            out.add(new ScopeColumn(columns.get(i).name(), columns.get(i).type(), alias + "." + physical(i)));
        }
        return out;
    }

    /** {@code alias.c0, alias.c1...} plus the order column when kept. */
    String selectList(String alias, boolean withOrder) {
        StringJoiner j = new StringJoiner(", ");
        for (int i = 0; i < columns.size(); i++) {
            j.add(alias + "." + physical(i) + " AS " + physical(i));
        }
        if (withOrder && ordered) {
            j.add(alias + "." + ORDER_COLUMN + " AS " + ORDER_COLUMN);
        }
        return j.length() == 0 ? "NULL AS _empty" : j.toString();
    }

    /** A column visible to expressions: its Kusto name and type and the SQL that reads it. */
    record ScopeColumn(String name, KustoType type, String sql) {}
}
