package dev.kustospark.spark.read;

import java.util.List;

/** Appends tabular operators to the user's query. */
final class KustoQueryText {
    private KustoQueryText() {}

    /**
     * {@code query | op1 | op2 ...}. Each operator starts on a new line, so a {@code //} comment on the
     * query's last line cannot swallow it; trailing semicolons are dropped, so the operators apply to
     * the query's last tabular expression (after any {@code let} or {@code declare} statements).
     */
    static String withOperators(String query, List<String> operators) {
        String base = query.strip();
        while (base.endsWith(";")) {
            base = base.substring(0, base.length() - 1).strip();
        }
        StringBuilder sb = new StringBuilder(base);
        for (String operator : operators) {
            sb.append("\n| ").append(operator);
        }
        return sb.toString();
    }
}
