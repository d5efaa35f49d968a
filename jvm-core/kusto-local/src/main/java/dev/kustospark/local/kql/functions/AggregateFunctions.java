package dev.kustospark.local.kql.functions;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import java.util.List;

/**
 * KQL aggregation functions of {@code summarize} ({@code count}, {@code sum}, {@code dcount},
 * {@code make_list}, {@code percentile}...), translated to DuckDB aggregate SQL over the translated
 * arguments, with Kusto's result types and null handling.
 */
public final class AggregateFunctions {
    private AggregateFunctions() {}

    public static TypedSql call(CallSite site, List<TypedSql> args) {
        throw KustoException.unsupported("aggregation '" + site.name() + "'", site.line(), site.column());
    }

    public static boolean isKnown(String name) {
        return false;
    }
}
