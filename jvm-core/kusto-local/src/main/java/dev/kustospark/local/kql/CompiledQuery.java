package dev.kustospark.local.kql;

import dev.kustospark.local.engine.SqlResult;
import java.util.List;

/** The tabular results of a query, in order, each as SQL for DuckDB (usually one PrimaryResult). */
public record CompiledQuery(List<SqlResult> results) {
    public CompiledQuery {
        results = List.copyOf(results);
    }
}
