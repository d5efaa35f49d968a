package dev.kustospark.local.engine;

import dev.kustospark.local.types.KustoType;
import java.util.Objects;

/** A column of a tabular result: its Kusto name (case-sensitive) and type. */
public record Column(String name, KustoType type) {
    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
