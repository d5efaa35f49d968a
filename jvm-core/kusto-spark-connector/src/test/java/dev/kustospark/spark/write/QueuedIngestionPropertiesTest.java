package dev.kustospark.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.config.WriteConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The SDK ingestion properties of each queued blob: which blobs skip the table's batching policy. */
class QueuedIngestionPropertiesTest {
    private static final ConnectionConfig CONNECTION = WriteConfig.from(Map.of("kustoCluster", "http://localhost:8080",
            "kustoDatabase", "db1", "kustoTable", "T"), Map.of()).connection();

    private static boolean flushed(boolean userFlush, boolean flushFullBlobs, boolean full) {
        SparkIngestionProperties properties = SparkIngestionProperties.builder().flushImmediately(userFlush).build();
        return new QueuedIngestion(CONNECTION, "T", properties, false, null, flushFullBlobs).sdkProperties(null, full)
                .getFlushImmediately();
    }

    @Test
    void blobsSealedAtTheSizeLimitAreFlushedUnlessDisableFlushImmediately() {
        assertEquals(true, flushed(false, true, true), "a full blob, by default");
        assertEquals(false, flushed(false, true, false), "a task's last blob waits for the batching policy");
        assertEquals(false, flushed(false, false, true), "disableFlushImmediately=true");
        assertEquals(true, flushed(true, false, false), "the user's flushImmediately holds for every blob");
    }
}
