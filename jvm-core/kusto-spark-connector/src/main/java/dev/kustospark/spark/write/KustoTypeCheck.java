package dev.kustospark.spark.write;

import dev.kustospark.spark.types.KustoTypeMapping;
import org.apache.spark.sql.types.StructField;

/** Fails early, naming the column, when a DataFrame column has no Kusto counterpart. */
final class KustoTypeCheck {
    private KustoTypeCheck() {}

    static String requireWritable(StructField field) {
        try {
            return KustoTypeMapping.toKusto(field.dataType());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + field.name() + "': " + e.getMessage(), e);
        }
    }
}
