package dev.kustospark.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.SchemaAdjustmentMode;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.TableCreationMode;
import dev.kustospark.spark.WriteMode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WriteConfigTest {
    static Map<String, String> base() {
        Map<String, String> options = new HashMap<>();
        options.put("kustoCluster", "http://localhost:8080");
        options.put("kustoDatabase", "db1");
        options.put("kustoTable", "T");
        return options;
    }

    @Test
    void defaultsAreTheEstablishedConnectors() {
        WriteConfig config = WriteConfig.from(base(), Map.of());
        assertEquals("T", config.table());
        assertEquals(WriteMode.Transactional, config.writeMode());
        assertEquals(TableCreationMode.FailIfNotExist, config.tableCreationMode());
        assertEquals(SchemaAdjustmentMode.NoAdjustment, config.schemaAdjustmentMode());
        assertEquals(SparkIngestionProperties.empty(), config.sparkIngestionProperties());
        assertEquals(4, config.streamingIngestSizeInMb());
        assertEquals(300, config.clientBatchingLimitMb());
        assertFalse(config.pollingOnDriver());
        assertFalse(config.writeEnableAsync());
        assertEquals(OptionalInt.of(1), config.writeResultLimit());
        assertEquals(Optional.empty(), config.tempTableName());
        assertEquals(Duration.ofSeconds(604800), config.stagingResourcesAutoCleanupTimeout());
        assertEquals(Optional.empty(), config.ingestionStorageContainer());
    }

    @Test
    void everyWriteOptionIsTyped() {
        Map<String, String> options = base();
        options.put("writeMode", "kustostreaming");
        options.put("tableCreateOptions", "CREATEIFNOTEXIST");
        options.put("adjustSchema", "GenerateDynamicCsvMapping");
        options.put("sparkIngestionPropertiesJson", "{\"flushImmediately\":true}");
        options.put("streamingIngestSizeInMB", "2");
        options.put("clientBatchingLimit", "100");
        options.put("pollingOnDriver", "true");
        options.put("writeEnableAsync", "true");
        options.put("writeResultLimit", "NONE");
        options.put("stagingResourcesAutoCleanupTimeout", "3600");
        options.put("kustoIngestionStorageContainer", "[{\"storageUrl\":\"https://a.blob.core.windows.net\",\"containerName\":\"c\",\"sas\":\"sv=1&sig=x\"}]");
        WriteConfig config = WriteConfig.from(options, Map.of());
        assertEquals(WriteMode.KustoStreaming, config.writeMode());
        assertEquals(TableCreationMode.CreateIfNotExist, config.tableCreationMode());
        assertEquals(SchemaAdjustmentMode.GenerateDynamicCsvMapping, config.schemaAdjustmentMode());
        assertTrue(config.sparkIngestionProperties().flushImmediately());
        assertEquals(2, config.streamingIngestSizeInMb());
        assertEquals(100, config.clientBatchingLimitMb());
        assertTrue(config.pollingOnDriver());
        assertTrue(config.writeEnableAsync());
        assertEquals(OptionalInt.empty(), config.writeResultLimit());
        assertEquals(Duration.ofHours(1), config.stagingResourcesAutoCleanupTimeout());
        assertTrue(config.ingestionStorageContainer().orElseThrow().contains("containerName"));
    }

    @Test
    void enumValuesPrintAsDocumented() {
        assertEquals("KustoStreaming", WriteMode.KustoStreaming.toString());
        assertEquals("Transactional, Queued, KustoStreaming", WriteMode.allowedValues());
        assertEquals("FailIfNotExist, CreateIfNotExist", TableCreationMode.allowedValues());
        assertEquals("NoAdjustment, FailIfNotMatch, GenerateDynamicCsvMapping", SchemaAdjustmentMode.allowedValues());
    }

    @Test
    void badWriteValuesNameTheOptionAndTheAllowedValues() {
        Map<String, String> options = base();
        options.put("writeMode", "Fast");
        assertEquals("Option writeMode has value 'Fast': allowed values: Transactional, Queued, KustoStreaming.",
                assertThrows(KustoOptionException.class, () -> WriteConfig.from(options, Map.of())).getMessage());
        options.put("writeMode", "Queued");
        options.put("tableCreateOptions", "Create");
        assertEquals("Option tableCreateOptions has value 'Create': allowed values: FailIfNotExist, CreateIfNotExist.",
                assertThrows(KustoOptionException.class, () -> WriteConfig.from(options, Map.of())).getMessage());
        options.remove("tableCreateOptions");
        options.put("adjustSchema", "Auto");
        assertEquals("Option adjustSchema has value 'Auto': allowed values: NoAdjustment, FailIfNotMatch, GenerateDynamicCsvMapping.",
                assertThrows(KustoOptionException.class, () -> WriteConfig.from(options, Map.of())).getMessage());
        options.remove("adjustSchema");
        options.put("writeResultLimit", "0");
        assertEquals("Option writeResultLimit has value '0': expected a whole number > 0 or none.",
                assertThrows(KustoOptionException.class, () -> WriteConfig.from(options, Map.of())).getMessage());
        options.remove("writeResultLimit");
        options.put("sparkIngestionPropertiesJson", "{\"ingestByTag\":[\"a\"]}");
        assertEquals("Option sparkIngestionPropertiesJson is invalid: sparkIngestionPropertiesJson has an unknown field"
                + " 'ingestByTag'; allowed fields: flushImmediately, dropByTags, ingestByTags, additionalTags,"
                + " ingestIfNotExists, creationTime, csvMapping, csvMappingNameReference.",
                assertThrows(KustoOptionException.class, () -> WriteConfig.from(options, Map.of())).getMessage());
        options.remove("sparkIngestionPropertiesJson");
        options.put("kustoIngestionStorageContainer", "[{\"storageUrl\":\"https://a\"}]");
        assertEquals("Option kustoIngestionStorageContainer: [0] needs storageUrl and containerName.",
                assertThrows(KustoOptionException.class, () -> WriteConfig.from(options, Map.of())).getMessage());
    }

    @Test
    void tempTableNameOnlyWithTransactionalAndFailIfNotExist() {
        Map<String, String> options = base();
        options.put("tempTableName", "Staging");
        assertEquals(Optional.of("Staging"), WriteConfig.from(options, Map.of()).tempTableName());
        options.put("tableCreateOptions", "CreateIfNotExist");
        assertEquals("Option tempTableName applies only to writeMode=Transactional with tableCreateOptions=FailIfNotExist,"
                + " but writeMode is Transactional and tableCreateOptions is CreateIfNotExist; remove tempTableName or"
                + " change those options.",
                assertThrows(KustoOptionException.class, () -> WriteConfig.from(options, Map.of())).getMessage());
    }

    @Test
    void streamingRefusesTagsCreationTimeAndMappings() {
        Map<String, String> options = base();
        options.put("writeMode", "KustoStreaming");
        options.put("sparkIngestionPropertiesJson", SparkIngestionProperties.builder()
                .ingestByTags(List.of("a")).creationTime(java.time.Instant.EPOCH).build().toJson());
        assertEquals("Option sparkIngestionPropertiesJson sets ingestByTags, creationTime, which streaming ingestion"
                + " cannot apply (writeMode=KustoStreaming); remove them or use writeMode=Transactional or Queued.",
                assertThrows(KustoOptionException.class, () -> WriteConfig.from(options, Map.of())).getMessage());
        options.put("writeMode", "Queued");
        assertEquals(Optional.of(List.of("a")), WriteConfig.from(options, Map.of()).sparkIngestionProperties().ingestByTags());
    }
}
