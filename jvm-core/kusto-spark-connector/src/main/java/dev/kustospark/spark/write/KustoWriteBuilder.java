package dev.kustospark.spark.write;

import dev.kustospark.spark.config.WriteConfig;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;

/** Starts an append of a DataFrame into a Kusto table. */
public final class KustoWriteBuilder implements WriteBuilder {
    private final WriteConfig config;
    private final StructType schema;
    private final String queryId;

    public KustoWriteBuilder(WriteConfig config, StructType schema, String queryId) {
        this.config = config;
        this.schema = schema;
        this.queryId = queryId;
    }

    @Override
    public Write build() {
        return new KustoWrite(config, schema, queryId);
    }
}
