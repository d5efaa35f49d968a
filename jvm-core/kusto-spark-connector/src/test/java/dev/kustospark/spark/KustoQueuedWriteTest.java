package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Transactional and Queued writes through queued ingestion, against kusto-local with Azurite. */
class KustoQueuedWriteTest {
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static KustoSparkTestSupport env;

    @BeforeAll
    static void start() throws Exception {
        env = new KustoSparkTestSupport(b -> b.withAzurite());
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }


    private static Map<String, String> writeOptions(String table) {
        Map<String, String> options = env.connectionOptions();
        options.put("kustoTable", table);
        return options;
    }

    private static List<String> tables() throws Exception {
        return tables(env);
    }

    static List<String> tables(KustoSparkTestSupport env) throws Exception {
        KustoResultSetTable t = env.mgmt(".show tables").getPrimaryResults();
        List<String> names = new ArrayList<>();
        while (t.next()) {
            names.add(t.getString("TableName"));
        }
        return names;
    }

    static void assertNoTempTable() throws Exception {
        assertNoTempTable(env);
    }

    static void assertNoTempTable(KustoSparkTestSupport env) throws Exception {
        List<String> names = tables(env);
        assertTrue(names.stream().noneMatch(n -> n.startsWith("sparkTempTable_")), names.toString());
    }

    private static long count(String table) {
        return env.read(table + " | count").load().collectAsList().get(0).getLong(0);
    }

    @Test
    void everyTypeRoundTripsInTransactionalMode() throws Exception {
        Dataset<Row> frame = env.allTypesFrame();
        frame.repartition(2).write().format("kusto").options(writeOptions("TxTypes"))
                .option("tableCreateOptions", "CreateIfNotExist").mode(SaveMode.Append).save();
        Dataset<Row> back = env.read("TxTypes").load();
        assertEquals(KustoSparkTestSupport.ALL_TYPES, KustoWriteTest.stripMetadata(back.schema()));
        assertEquals(frame.orderBy("s").collectAsList(), back.orderBy("s").collectAsList());
        assertNoTempTable();
        KustoResultSetTable extents = env.mgmt(".show table TxTypes extents").getPrimaryResults();
        while (extents.next()) {
            assertFalse(extents.getString("Tags").contains("KSC.attempt"), extents.getString("Tags"));
        }
    }

    @Test
    void seedWriteWithIngestionPropertiesThenIngestIfNotExistsThenDropByTags() throws Exception {
        String properties = "{\"dropByTags\":[\"drop1\"],\"ingestByTags\":[\"batch1\"],\"additionalTags\":[\"extra\"],"
                + "\"ingestIfNotExists\":[\"batch1\"],\"creationTime\":\"2021-06-07T08:09:10Z\","
                + "\"csvMapping\":\"[{\\\"Name\\\":\\\"a\\\",\\\"Ordinal\\\":0},{\\\"Name\\\":\\\"b\\\",\\\"Ordinal\\\":1},"
                + "{\\\"Name\\\":\\\"c\\\",\\\"Ordinal\\\":1}]\"}";
        Dataset<Row> frame = env.spark.range(0, 100, 1, 3).selectExpr("id as a", "concat('v', id) as b", "'ignored' as c");
        frame.write().format("kusto").options(writeOptions("Seed")).option("tableCreateOptions", "CreateIfNotExist")
                .option("sparkIngestionPropertiesJson", properties).mode(SaveMode.Append).save();

        assertEquals(100, count("Seed"));
        // The mapping put field 1 into column c too: the mapping, not the layout, shaped the rows.
        assertEquals(0, env.read("Seed | where c != b | count").load().collectAsList().get(0).getLong(0));
        KustoResultSetTable extents = env.mgmt(".show table Seed extents").getPrimaryResults();
        int n = 0;
        while (extents.next()) {
            n++;
            String tags = extents.getString("Tags");
            assertTrue(tags.contains("drop-by:drop1") && tags.contains("ingest-by:batch1") && tags.contains("extra"), tags);
            assertFalse(tags.contains("KSC.attempt"), tags);
            assertTrue(extents.getString("MinCreatedOn").startsWith("2021-06-07T08:09:10"), extents.getString("MinCreatedOn"));
        }
        assertTrue(n > 0);
        assertNoTempTable();

        // Same ingestIfNotExists tag: nothing is added.
        frame.write().format("kusto").options(writeOptions("Seed")).option("sparkIngestionPropertiesJson", properties)
                .mode(SaveMode.Append).save();
        assertEquals(100, count("Seed"));
        assertNoTempTable();

        env.mgmt(".drop extents <| .show table Seed extents where tags has 'drop-by:drop1'");
        assertEquals(0, count("Seed"));
    }

    @Test
    void aNamedCsvMappingOfTheTargetPlacesTheColumnsInTransactionalAndQueuedWrites() throws Exception {
        env.mgmt(".create table MappedTx (['a']:long, ['b']:string, ['c']:string)");
        env.mgmt(".create table MappedTx ingestion csv mapping 'swap' '[{\"column\":\"b\",\"Properties\":{\"Ordinal\":\"0\"}},"
                + "{\"column\":\"a\",\"Properties\":{\"Ordinal\":\"1\"}},{\"column\":\"c\",\"Properties\":{\"ConstValue\":\"k\"}}]'");
        Dataset<Row> frame = env.spark.range(0, 40, 1, 2).selectExpr("concat('v', id) as b", "id as a");
        String properties = "{\"csvMappingNameReference\":\"swap\",\"flushImmediately\":true}";
        frame.write().format("kusto").options(writeOptions("MappedTx")).option("sparkIngestionPropertiesJson", properties)
                .mode(SaveMode.Append).save();
        assertEquals(40, count("MappedTx | where b == strcat('v', a) and c == 'k'"));
        assertNoTempTable();

        frame.write().format("kusto").options(writeOptions("MappedTx")).option("writeMode", "Queued")
                .option("sparkIngestionPropertiesJson", properties).mode(SaveMode.Append).save();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline && count("MappedTx") < 80) {
            Thread.onSpinWait();
        }
        assertEquals(80, count("MappedTx | where b == strcat('v', a) and c == 'k'"));
    }

    @Test
    void typeMismatchesFailTransactionalAndQueuedWritesBeforeAnyRowMoves() throws Exception {
        env.mgmt(".create table TypedTx (['id']:long, ['g']:guid)");
        Dataset<Row> strings = env.spark.sql("select 'x' as id, '5f3c1c5e-1b8e-4bb0-9b33-6a2a9c1f0e11' as g");
        for (String mode : List.of("Transactional", "Queued")) {
            var e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> strings.write().format("kusto")
                    .options(writeOptions("TypedTx")).option("writeMode", mode).mode(SaveMode.Append).save());
            assertTrue(KustoWriteTest.rootMessage(e).contains("DataFrame column 'id' (string) into table column 'id' (long)"),
                    KustoWriteTest.rootMessage(e));
        }
        // A value Kusto would store as null fails its task; the transactional write moves nothing.
        var badGuid = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> env.spark
                .sql("select id, if(id = 7, 'no-guid', uuid()) as g from range(0, 10, 1, 2)").write().format("kusto")
                .options(writeOptions("TypedTx")).mode(SaveMode.Append).save());
        assertTrue(KustoWriteTest.rootMessage(badGuid).contains("DataFrame column 'g' holds 'no-guid', which is not a guid"),
                KustoWriteTest.rootMessage(badGuid));
        assertEquals(0, count("TypedTx"));
        assertNoTempTable();
    }

    @Test
    void pollingOnDriverAndSmallBlobs() throws Exception {
        Dataset<Row> frame = env.spark.range(0, 3000, 1, 2).selectExpr("id", "repeat('x', 1000) as padding");
        frame.write().format("kusto").options(writeOptions("DriverPolled")).option("tableCreateOptions", "CreateIfNotExist")
                .option("pollingOnDriver", "true").option("clientBatchingLimit", "1").mode(SaveMode.Append).save();
        Row totals = env.read("DriverPolled | summarize n = count(), s = sum(id)").load().collectAsList().get(0);
        assertEquals(3000L, totals.getLong(0));
        assertEquals(3000L * 2999 / 2, totals.getLong(1));
        // About 1.5 MB of CSV per task with 1 MB blobs: at least two blobs, hence extents, per task.
        KustoResultSetTable extents = env.mgmt(".show table DriverPolled extents").getPrimaryResults();
        int n = 0;
        while (extents.next()) {
            n++;
        }
        assertTrue(n >= 4, "extents: " + n);
        assertNoTempTable();
    }

    @Test
    void theEstablishedConnectorsDebugOptionsAreAppliedToATransactionalWrite() throws Exception {
        int movesBefore = moveOperations();
        Dataset<Row> frame = env.spark.range(0, 3000, 1, 2).selectExpr("id", "repeat('x', 1000) as padding");
        frame.write().format("kusto").options(writeOptions("DebugOptions")).option("tableCreateOptions", "CreateIfNotExist")
                .option("clientBatchingLimit", "1").option("maximalExtentsCountForSplitMergePerNode", "1")
                .option("maxRetriesOnMoveExtents", "0").option("disableFlushImmediately", "true")
                .option("ensureNoDuplicatedBlobs", "true").mode(SaveMode.Append).save();
        Row totals = env.read("DebugOptions | summarize n = count(), s = sum(id)").load().collectAsList().get(0);
        assertEquals(3000L, totals.getLong(0));
        assertEquals(3000L * 2999 / 2, totals.getLong(1));
        KustoResultSetTable extents = env.mgmt(".show table DebugOptions extents").getPrimaryResults();
        int n = 0;
        while (extents.next()) {
            n++;
        }
        assertTrue(n >= 4, "extents: " + n);
        assertEquals(n, moveOperations() - movesBefore, "maximalExtentsCountForSplitMergePerNode=1: one move per extent");
        assertNoTempTable();
    }

    private static int moveOperations() throws Exception {
        KustoResultSetTable rows = env.mgmt(".show operations").getPrimaryResults();
        int moves = 0;
        while (rows.next()) {
            if (rows.getString("Operation").equals("ExtentsMove")) {
                moves++;
            }
        }
        return moves;
    }

    @Test
    void namedTempTableIsUsedAndDropped() throws Exception {
        env.mgmt(".create table Named (id:long)");
        env.mgmt(".create table MyStaging (id:long)");
        env.spark.range(0, 10, 1, 2).write().format("kusto").options(writeOptions("Named")).option("tempTableName", "MyStaging")
                .mode(SaveMode.Append).save();
        assertEquals(10, count("Named"));
        assertFalse(tables().contains("MyStaging"));
    }

    @Test
    void queuedModeLandsTheRowsEventually() throws Exception {
        env.mgmt(".create table Queued1 (id:long, name:string)");
        env.spark.range(0, 50, 1, 2).selectExpr("id", "concat('n', id) as name").write().format("kusto")
                .options(writeOptions("Queued1")).option("writeMode", "Queued")
                .option("sparkIngestionPropertiesJson", "{\"flushImmediately\":true,\"additionalTags\":[\"q\"]}")
                .mode(SaveMode.Append).save();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        long n = 0;
        while (System.nanoTime() < deadline && (n = count("Queued1")) < 50) {
            Thread.onSpinWait();
        }
        assertEquals(50, n);
        assertNoTempTable();
    }

    @Test
    void ownIngestionContainerAndAsyncWrite() throws Exception {
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(env.kusto.storageConnectionString())
                .buildClient().createBlobContainerIfNotExists("mine");
        String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission().setReadPermission(true).setWritePermission(true).setCreatePermission(true)));
        String storage = "[{\"storageUrl\":\"" + container.getAccountUrl() + "\",\"containerName\":\"mine\",\"sas\":\"" + sas
                + "\"}]";
        env.spark.range(0, 20, 1, 2).write().format("kusto").options(writeOptions("OwnStorage"))
                .option("tableCreateOptions", "CreateIfNotExist").option("kustoIngestionStorageContainer", storage)
                .mode(SaveMode.Append).save();
        assertEquals(20, count("OwnStorage"));
        assertTrue(container.listBlobs().stream().count() >= 2, "blobs in the user's container");

        var noSas = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> env.spark.range(1).write()
                .format("kusto").options(writeOptions("OwnStorage")).option("kustoIngestionStorageContainer",
                        "[{\"storageUrl\":\"" + container.getAccountUrl() + "\",\"containerName\":\"mine\",\"userMsi\":\"x\"}]")
                .mode(SaveMode.Append).save());
        assertTrue(KustoWriteTest.rootMessage(noSas).contains("kustoIngestionStorageContainer: [0] has no sas"),
                KustoWriteTest.rootMessage(noSas));

        // writeEnableAsync: the write returns before the rows are in; they arrive, once.
        env.spark.range(100, 130, 1, 2).write().format("kusto").options(writeOptions("OwnStorage"))
                .option("writeEnableAsync", "true").mode(SaveMode.Append).save();
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (System.nanoTime() < deadline && count("OwnStorage") < 50) {
            Thread.onSpinWait();
        }
        assertEquals(50, count("OwnStorage"));
        while (System.nanoTime() < deadline && tables().stream().anyMatch(n -> n.startsWith("sparkTempTable_"))) {
            Thread.onSpinWait();
        }
        assertNoTempTable();
    }
}
