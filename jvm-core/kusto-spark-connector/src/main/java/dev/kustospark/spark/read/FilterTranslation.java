package dev.kustospark.spark.read;

import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.sources.Filter;

/**
 * The outcome of translating Spark's filters: those fully applied by the KQL predicate, and those
 * Spark must still evaluate. {@code predicate} is empty when nothing was pushed.
 */
record FilterTranslation(List<Filter> pushed, List<Filter> remaining, Optional<String> predicate) {
    FilterTranslation {
        pushed = List.copyOf(pushed);
        remaining = List.copyOf(remaining);
    }

    static FilterTranslation none(Filter[] filters) {
        return new FilterTranslation(List.of(), List.of(filters), Optional.empty());
    }
}
