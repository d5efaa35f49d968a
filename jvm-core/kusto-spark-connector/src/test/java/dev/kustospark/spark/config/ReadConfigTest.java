package dev.kustospark.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.ReadMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadConfigTest {
    static Map<String, String> base() {
        Map<String, String> options = new HashMap<>();
        options.put("kustoCluster", "http://localhost:8080");
        options.put("kustoDatabase", "db1");
        options.put("kustoQuery", "T | take 5");
        return options;
    }

    @Test
    void defaults() {
        ReadConfig config = ReadConfig.from(base(), Map.of());
        assertEquals("http://localhost:8080", config.connection().clusterUrl());
        assertEquals("db1", config.connection().database());
        assertEquals(AuthConfig.Method.NONE, config.connection().auth().method());
        assertEquals("T | take 5", config.query());
        assertEquals(Optional.empty(), config.readMode());
        assertTrue(config.queryFilterPushDown());
        assertFalse(config.distributedReadModeTransientCache());
        assertEquals(4, config.numPartitions());
        assertEquals(Duration.ofSeconds(172800), config.connection().timeout());
        assertTrue(config.connection().clientRequestProperties().isEmpty());
        assertEquals(36, config.connection().requestId().length(), "a random UUID");
    }

    @Test
    void keysAndEnumValuesIgnoreCase() {
        Map<String, String> options = base();
        options.put("READMODE", "forcepartitionedmode");
        options.put("numpartitions", "3");
        ReadConfig config = ReadConfig.from(options, Map.of());
        assertEquals(Optional.of(ReadMode.ForcePartitionedMode), config.readMode());
        assertEquals(3, config.numPartitions());
    }

    @Test
    void unknownOptionSuggestsTheClosestName() {
        Map<String, String> options = base();
        options.put("kustoQeury", "x");
        KustoOptionException e = assertThrows(KustoOptionException.class, () -> ReadConfig.from(options, Map.of()));
        assertTrue(e.getMessage().contains("'kustoQeury'") && e.getMessage().contains("Did you mean kustoQuery?"), e.getMessage());
    }
}
