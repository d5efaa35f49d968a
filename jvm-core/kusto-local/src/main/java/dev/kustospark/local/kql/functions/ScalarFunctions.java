package dev.kustospark.local.kql.functions;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import java.util.List;

/**
 * KQL scalar functions ({@code strlen}, {@code bin}, {@code iff}...) and the string operators
 * ({@code has}, {@code contains}, {@code =~}, {@code matches regex}...), translated to DuckDB SQL
 * with Kusto's semantics.
 */
public final class ScalarFunctions {
    private ScalarFunctions() {}

    /** Applies the function or operator {@code site.name()} (as written in KQL) to translated arguments. */
    public static TypedSql call(CallSite site, List<TypedSql> args) {
        throw KustoException.unsupported("function '" + site.name() + "'", site.line(), site.column());
    }

    /** True if {@code name} is a scalar function or operator this class translates. */
    public static boolean isKnown(String name) {
        return false;
    }
}
