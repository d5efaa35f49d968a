package dev.kustospark.spark.read;

import dev.kustospark.spark.config.ReadConfig;
import java.util.List;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.read.SupportsPushDownFilters;
import org.apache.spark.sql.connector.read.SupportsPushDownLimit;
import org.apache.spark.sql.connector.read.SupportsPushDownRequiredColumns;
import org.apache.spark.sql.sources.Filter;
import org.apache.spark.sql.types.StructType;

/** Collects what Spark pushes down (filters, required columns, a limit) into the query the scan runs. */
public final class KustoScanBuilder implements ScanBuilder, SupportsPushDownFilters, SupportsPushDownRequiredColumns,
        SupportsPushDownLimit {
    private final KustoSchemaProbe probe;
    private final ReadConfig config;
    private final StructType fullSchema;
    private StructType requiredSchema;
    private FilterTranslation filters = FilterTranslation.none(new Filter[0]);
    private Integer limit;

    /** @param probe the read's config and the Kusto types of its query's columns, asked only when needed */
    public KustoScanBuilder(KustoSchemaProbe probe, StructType fullSchema) {
        this.probe = probe;
        this.config = probe.config();
        this.fullSchema = fullSchema;
        this.requiredSchema = fullSchema;
    }

    @Override
    public Filter[] pushFilters(Filter[] sparkFilters) {
        if (!config.queryFilterPushDown()) {
            filters = FilterTranslation.none(sparkFilters);
            return sparkFilters;
        }
        filters = new KustoFilterTranslator(List.of(fullSchema.fieldNames()), probe::kustoTypeOf).translate(sparkFilters);
        return filters.remaining().toArray(new Filter[0]);
    }

    @Override
    public Filter[] pushedFilters() {
        return filters.pushed().toArray(new Filter[0]);
    }

    @Override
    public void pruneColumns(StructType required) {
        this.requiredSchema = required;
    }

    @Override
    public boolean pushLimit(int limit) {
        this.limit = limit;
        return true;
    }

    @Override
    public boolean isPartiallyPushed() {
        // In partitioned mode every partition takes up to the limit; Spark applies the final one.
        return true;
    }

    @Override
    public Scan build() {
        return new KustoScan(probe, fullSchema, requiredSchema, filters, limit);
    }
}
