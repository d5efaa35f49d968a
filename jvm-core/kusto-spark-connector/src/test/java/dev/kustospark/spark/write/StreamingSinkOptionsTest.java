package dev.kustospark.spark.write;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.config.WriteConfig;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The write options the streaming sink refuses, each with an error naming the option and the fix. */
class StreamingSinkOptionsTest {
    private static WriteConfig config(String... keyValues) {
        Map<String, String> options = new HashMap<>(Map.of("kustoCluster", "http://localhost:8080", "kustoDatabase", "db1",
                "kustoTable", "T", "checkpointLocation", "/tmp/checkpoint"));
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return WriteConfig.from(options, Map.of());
    }

    @Test
    void transactionalIsAcceptedAndCheckpointLocationIsSparks() {
        assertDoesNotThrow(() -> StreamingSinkOptions.requireSupported(config()));
        assertDoesNotThrow(() -> StreamingSinkOptions.requireSupported(config("writeMode", "Transactional",
                "pollingOnDriver", "true")));
    }

    @Test
    void modesWithoutAnAtomicBatchAreRefused() {
        for (String mode : new String[] {"Queued", "KustoStreaming"}) {
            String message = assertThrows(KustoOptionException.class,
                    () -> StreamingSinkOptions.requireSupported(config("writeMode", mode))).getMessage();
            assertTrue(message.contains("writeMode=" + mode) && message.contains("writeMode=Transactional"), message);
        }
    }

    @Test
    void asyncAndAFixedTemporaryTableAreRefused() {
        String async = assertThrows(KustoOptionException.class,
                () -> StreamingSinkOptions.requireSupported(config("writeEnableAsync", "true"))).getMessage();
        assertTrue(async.contains("writeEnableAsync"), async);
        String temp = assertThrows(KustoOptionException.class,
                () -> StreamingSinkOptions.requireSupported(config("tempTableName", "Staging"))).getMessage();
        assertTrue(temp.contains("tempTableName"), temp);
    }

    @Test
    void ingestIfNotExistsIsRefused() {
        String message = assertThrows(KustoOptionException.class, () -> StreamingSinkOptions.requireSupported(
                config("sparkIngestionPropertiesJson", "{\"ingestIfNotExists\":[\"batch-1\"]}"))).getMessage();
        assertTrue(message.contains("ingestIfNotExists") && message.contains("remove"), message);
    }
}
