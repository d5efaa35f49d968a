package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.config.ReadConfig;
import dev.kustospark.spark.config.WriteConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class KustoOptionsBuildersTest {
    @Test
    void readOptionsProduceTheOptionMapInCanonicalSpelling() {
        KustoReadOptions options = KustoReadOptions.create()
                .kustoQuery("T | take 10")
                .kustoCluster("mycluster.westeurope")
                .kustoDatabase("db")
                .kustoAadAppId("app").kustoAadAppSecret("s3cret").kustoAadAuthorityID("tenant")
                .readMode(ReadMode.ForcePartitionedMode).numPartitions(8).partitionColumn("Id")
                .customSchema(new StructType().add("Id", DataTypes.LongType).add("Name", DataTypes.StringType))
                .queryFilterPushDown(false)
                .timeoutLimit(Duration.ofHours(1))
                .requestId("op-1")
                .clientRequestProperties(ClientRequestProperties.builder().noTruncation(true).build());
        assertEquals(Map.ofEntries(
                Map.entry("kustoCluster", "https://mycluster.westeurope.kusto.windows.net"), Map.entry("kustoDatabase", "db"),
                Map.entry("kustoAadAppId", "app"), Map.entry("kustoAadAppSecret", "s3cret"),
                Map.entry("kustoAadAuthorityID", "tenant"), Map.entry("timeoutLimit", "3600"),
                Map.entry("clientRequestPropertiesJson", "{\"Options\":{\"notruncation\":true},\"Parameters\":{}}"),
                Map.entry("requestId", "op-1"), Map.entry("kustoQuery", "T | take 10"),
                Map.entry("readMode", "ForcePartitionedMode"), Map.entry("customSchema", "Id BIGINT,Name STRING"),
                Map.entry("queryFilterPushDown", "false"), Map.entry("numPartitions", "8"),
                Map.entry("partitionColumn", "Id")), options.toOptions());
        assertEquals(List.of("kustoCluster", "kustoDatabase", "kustoAadAppId", "kustoAadAppSecret", "kustoAadAuthorityID",
                "timeoutLimit", "clientRequestPropertiesJson", "requestId", "kustoQuery", "readMode", "customSchema",
                "queryFilterPushDown", "numPartitions", "partitionColumn"), List.copyOf(options.toOptions().keySet()),
                "registry order, whatever order the setters ran in");

        ReadConfig config = ReadConfig.from(options.toOptions(), Map.of());
        assertEquals("https://mycluster.westeurope.kusto.windows.net", config.connection().clusterUrl());
        assertEquals(8, config.numPartitions());
        assertEquals(Optional.of("Id"), config.partitionColumn());
        assertEquals(Optional.of("Id BIGINT,Name STRING"), config.customSchema());
    }

    @Test
    void writeOptionsProduceTheOptionMap() {
        SparkIngestionProperties ingestion = SparkIngestionProperties.builder().ingestByTags(List.of("b1")).build();
        KustoWriteOptions options = KustoWriteOptions.create()
                .kustoCluster("http://localhost:8080").kustoDatabase("db1").kustoTable("T")
                .writeMode(WriteMode.Queued).tableCreateOptions(TableCreationMode.CreateIfNotExist)
                .adjustSchema(SchemaAdjustmentMode.FailIfNotMatch).sparkIngestionProperties(ingestion)
                .clientBatchingLimit(100).pollingOnDriver(true).writeEnableAsync(false).noWriteResultLimit()
                .stagingResourcesAutoCleanupTimeout(Duration.ofDays(1));
        WriteConfig config = WriteConfig.from(options.toOptions(), Map.of());
        assertEquals(WriteMode.Queued, config.writeMode());
        assertEquals(TableCreationMode.CreateIfNotExist, config.tableCreationMode());
        assertEquals(SchemaAdjustmentMode.FailIfNotMatch, config.schemaAdjustmentMode());
        assertEquals(ingestion, config.sparkIngestionProperties());
        assertEquals(100, config.clientBatchingLimitMb());
        assertEquals(true, config.pollingOnDriver());
        assertEquals(Duration.ofDays(1), config.stagingResourcesAutoCleanupTimeout());
        assertEquals("none", options.toOptions().get("writeResultLimit"));
        assertEquals("2", KustoWriteOptions.create().writeMode(WriteMode.KustoStreaming).streamingIngestSizeInMB(2)
                .toOptions().get("streamingIngestSizeInMB"));
    }

    @Test
    void buildersAreImmutable() {
        KustoReadOptions first = KustoReadOptions.create().kustoQuery("A");
        KustoReadOptions second = first.kustoQuery("B");
        assertNotSame(first, second);
        assertEquals("A", first.toOptions().get("kustoQuery"));
        assertEquals("B", second.toOptions().get("kustoQuery"));
        assertEquals(first, KustoReadOptions.create().kustoQuery("A"));
    }

    @Test
    void settersCheckValuesAsTheConfigsDo() {
        assertEquals("Option numPartitions has value '0': expected a whole number from 1 to 1000.",
                assertThrows(KustoOptionException.class, () -> KustoReadOptions.create().numPartitions(0)).getMessage());
        assertEquals("Option storageProtocol has value 'ftp': allowed values: wasbs, abfs, abfss.",
                assertThrows(KustoOptionException.class, () -> KustoReadOptions.create().storageProtocol("ftp")).getMessage());
        assertEquals("Option timeoutLimit is in whole seconds; 00:00:01.5000000 has a fraction of a second.",
                assertThrows(KustoOptionException.class,
                        () -> KustoReadOptions.create().timeoutLimit(Duration.ofMillis(1500))).getMessage());
        assertEquals("Option timeoutLimit has value -1.00:00:00: expected a positive timespan of whole seconds.",
                assertThrows(KustoOptionException.class,
                        () -> KustoReadOptions.create().timeoutLimit(Duration.ofDays(-1))).getMessage());
        assertEquals("Option kustoExportOptionsJson is not valid JSON at line 1, column 2: Unexpected end-of-input:"
                + " expected close marker for Object; expected a JSON object.",
                assertThrows(KustoOptionException.class,
                        () -> KustoReadOptions.create().kustoExportOptionsJson("{")).getMessage());
    }
}
