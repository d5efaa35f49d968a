package dev.kustospark.local.kql;

import dev.kustospark.local.engine.SqlResult;
import java.util.List;
import java.util.Map;

/**
 * The tabular results of a query, in order, each as SQL for DuckDB (usually one PrimaryResult),
 * and the request options its {@code set} statements gave ({@code set notruncation;} is
 * {@code notruncation -> "true"}; names lower-case, values as written). The server applies those
 * options over the request's own, as the service does.
 */
public record CompiledQuery(List<SqlResult> results, Map<String, String> options) {
    public CompiledQuery {
        results = List.copyOf(results);
        options = Map.copyOf(options);
    }

    public CompiledQuery(List<SqlResult> results) {
        this(results, Map.of());
    }
}
