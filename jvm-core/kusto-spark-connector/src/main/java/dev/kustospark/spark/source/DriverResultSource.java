package dev.kustospark.spark.source;

import dev.kustospark.spark.config.SparkRedaction;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connector.catalog.Table;
import org.apache.spark.sql.connector.catalog.TableProvider;
import org.apache.spark.sql.connector.expressions.Transform;
import org.apache.spark.sql.sources.DataSourceRegister;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A data source whose rows are the answer of a call on the driver, made when a query over it is
 * planned: how {@code KustoCleanup} and {@code KustoAsyncWrites} are reached from PySpark (classic or
 * Spark Connect) and C# through public DataFrame API alone, since the call must run in the driver
 * that holds the connector's state, and a Spark Connect client has no other way into it.
 */
abstract class DriverResultSource implements TableProvider, DataSourceRegister {
    /** The columns of the answer. */
    abstract StructType schema();

    /** The answer for these options, each row's values in the order of {@link #schema()} (String, Long or null). */
    abstract List<Object[]> rows(Map<String, String> options);

    @Override
    public final StructType inferSchema(CaseInsensitiveStringMap options) {
        return schema();
    }

    @Override
    public final Table getTable(StructType schema, Transform[] partitioning, Map<String, String> properties) {
        // Before Spark prints these options in a plan (AppendData, EXPLAIN, the SQL tab of the UI).
        SparkRedaction.redactSecretOptionsOfActiveSession();
        Map<String, String> options = Map.copyOf(properties);
        return new DriverResultTable(shortName(), schema(), () -> rows(options));
    }
}
