package dev.kustospark.gateway;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What the .NET binding calls besides Spark's own API: one call per operation that would
 * otherwise take a round trip per row or per value.
 */
public final class GatewayEntryPoint {
    /**
     * The rows of {@code df}, collected to the driver, as JSON: {@code {"schema": <the schema's
     * JSON>, "rows": [[...], ...]}} with each value encoded as {@link RowsJson} describes.
     */
    public String collectJson(Dataset<Row> df) {
        return RowsJson.encode(df.schema(), df.collectAsList());
    }

    /** Stops the session the .NET process used, if any. */
    void stopSessions() {
        SparkSession.getDefaultSession().foreach(session -> {
            session.stop();
            return null;
        });
        SparkSession.getActiveSession().foreach(session -> {
            session.stop();
            return null;
        });
    }
}
