package dev.kustospark.spark.source;

import dev.kustospark.spark.config.LinkedServices;
import dev.kustospark.spark.config.ReadConfig;
import dev.kustospark.spark.config.SparkRedaction;
import dev.kustospark.spark.read.KustoSchemaProbe;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * The {@code kusto} data source: {@code spark.read.format("kusto").option("kustoQuery", ...)} reads a
 * KQL query, {@code df.write.format("kusto").option("kustoTable", ...).mode("append")} writes a table.
 *
 * <p>Reads infer the schema from the query (or take {@code customSchema}, or a schema given with
 * {@code .schema(...)}); writes take the DataFrame's schema, hence {@link #supportsExternalMetadata()}.
 * Subclasses only register the established connector's format names.
 *
 * <p>Resolving a table adds the secret options' keys to the session's
 * {@code spark.sql.redaction.options.regex} (see {@link SparkRedaction}): Spark prints a source's
 * options in plans, and has no other way to hide the SAS tokens inside JSON options.
 */
public class KustoTableProvider implements TableProvider, DataSourceRegister {
    /**
     * The probe the schema was inferred with, handed to the table so that the probe and the query
     * share one config, and so one {@code requestId}, and the probed Kusto types (Spark creates a
     * provider per load()).
     */
    private KustoSchemaProbe inferredWith;
    private Map<String, String> inferredOptions;

    @Override
    public String shortName() {
        return "kusto";
    }

    @Override
    public StructType inferSchema(CaseInsensitiveStringMap options) {
        inferredOptions = Map.copyOf(options.asCaseSensitiveMap());
        inferredWith = new KustoSchemaProbe(ReadConfig.from(inferredOptions, LinkedServices.sparkConf()));
        return inferredWith.sparkSchema();
    }

    @Override
    public Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        // Before Spark prints these options in a plan (AppendData, EXPLAIN, the SQL tab of the UI).
        SparkRedaction.redactSecretOptionsOfActiveSession();
        KustoSchemaProbe probe = inferredWith != null && inferredOptions.equals(properties) ? inferredWith : null;
        return new KustoTable(schema, properties, probe);
    }

    @Override
    public boolean supportsExternalMetadata() {
        return true;
    }
}
