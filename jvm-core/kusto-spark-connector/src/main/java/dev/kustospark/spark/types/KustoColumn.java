package dev.kustospark.spark.types;

import java.io.Serializable;

/** A column of a Kusto result or table: its name and its Kusto type name ({@code string}, {@code long}, ...). */
public record KustoColumn(String name, String kustoType) implements Serializable {
    public KustoColumn {
        kustoType = KustoTypeMapping.canonicalKustoType(kustoType);
    }
}
