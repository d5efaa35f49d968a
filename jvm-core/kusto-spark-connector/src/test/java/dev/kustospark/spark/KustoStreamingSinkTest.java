package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.local.KustoLocal;
import dev.kustospark.local.dm.FaultInjection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.streaming.StreamingQueryException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming sink against kusto-local with Azurite: micro-batches written exactly once across a
 * restart from the checkpoint, when the last batch is replayed after it landed, when a batch's
 * ingestion failed, and when the query was stopped in the middle of a batch. kusto-local fails its second queued ingestion, which is the first test's second
 * micro-batch (a MemoryStream batch made of one addData is one partition, so one ingestion).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class KustoStreamingSinkTest {
    private static final String DATABASE = "db1";

    private static KustoLocal kusto;
    private static Client client;
    private static SparkSession spark;

    @TempDir
    static Path checkpoints;

    @BeforeAll
    static void start() throws Exception {
        kusto = KustoLocal.builder().inMemory().database(DATABASE).withAzurite()
                .faultInjection(FaultInjection.failNth(2)).start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
        spark = SparkSession.builder().master("local[2]").appName("kusto-streaming-sink-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }

    @AfterAll
    static void stop() throws Exception {
        if (spark != null) {
            spark.stop();
        }
        if (kusto != null) {
            kusto.close();
        }
    }

    @Test
    @Order(1)
    void aBatchWhoseIngestionFailedLandsOnceAfterTheRestart() throws Exception {
        client.executeMgmt(DATABASE, ".create table Faulty (value:int)");
        IntMemoryStream input = IntMemoryStream.create(spark);
        Path checkpoint = checkpoints.resolve("faulty");

        StreamingQuery first = start(input, "Faulty", checkpoint);
        try {
            add(input, 1, 10);
            first.processAllAvailable();
            add(input, 11, 20);
            // The injected fault fails the task of micro-batch 1, which fails the query.
            var e = assertThrows(StreamingQueryException.class, first::processAllAvailable);
            assertTrue(String.valueOf(e.getCause()).contains("Injected fault") || e.getMessage().contains("Injected fault"),
                    e.getMessage());
        } finally {
            first.stop();
        }
        assertEquals(range(1, 10), values("Faulty"), "the failed micro-batch left nothing in the table");
        assertEquals(List.of(), tempTables(), "the failed micro-batch's temporary table is dropped");

        StreamingQuery second = start(input, "Faulty", checkpoint);
        try {
            second.processAllAvailable();
        } finally {
            second.stop();
        }
        assertEquals(range(1, 20), values("Faulty"));
        assertEquals(List.of(), tempTables());
    }

    @Test
    @Order(2)
    void aReplayedBatchIsSkippedAfterTheRestart() throws Exception {
        client.executeMgmt(DATABASE, ".create table Replayed (value:int)");
        IntMemoryStream input = IntMemoryStream.create(spark);
        Path checkpoint = checkpoints.resolve("replayed");

        // The driver, not the tasks, awaits the ingestion results in this test.
        Map<String, String> onDriver = Map.of("pollingOnDriver", "true");
        StreamingQuery first = start(input, "Replayed", checkpoint, onDriver);
        String queryId = first.id().toString();
        try {
            add(input, 1, 10);
            first.processAllAvailable();
            add(input, 11, 20);
            first.processAllAvailable();
        } finally {
            first.stop();
        }
        assertEquals(range(1, 20), values("Replayed"));
        // Forget that micro-batch 1 was committed, as if the driver died after the data landed.
        Files.delete(checkpoint.resolve("commits/1"));
        Files.deleteIfExists(checkpoint.resolve("commits/.1.crc"));

        StreamingQuery second = start(input, "Replayed", checkpoint, onDriver);
        try {
            assertEquals(queryId, second.id().toString(), "the query id comes from the checkpoint");
            second.processAllAvailable();
            assertEquals(1L, second.lastProgress().batchId(), "micro-batch 1 ran again");
            add(input, 21, 30);
            second.processAllAvailable();
        } finally {
            second.stop();
        }
        assertEquals(range(1, 30), values("Replayed"), "each row exactly once");
        KustoResultSetTable tagged = client.executeMgmt(DATABASE, ".show table Replayed extents where tags has 'ingest-by:"
                + queryId + ";1'").getPrimaryResults();
        assertTrue(tagged.next(), "micro-batch 1's extents carry its batch tag");
        assertEquals(List.of(), tempTables());
    }

    @Test
    @Order(3)
    void aQueryStoppedInTheMiddleOfABatchLosesAndDuplicatesNothing() throws Exception {
        IntMemoryStream input = IntMemoryStream.create(spark);
        Path checkpoint = checkpoints.resolve("stopped");
        // Two writing tasks per micro-batch, into a table the sink creates; the hold is in the writing
        // stage, so the other task's data is already in the micro-batch's temporary table when it stops.
        Dataset<Integer> values = input.toDS().repartition(2).map(new HoldingValue(), Encoders.INT());
        Map<String, String> options = new HashMap<>(options("Stopped"));
        options.put("tableCreateOptions", "CreateIfNotExist");

        StreamingQuery first = values.writeStream().format("kusto").options(options)
                .option("checkpointLocation", checkpoint.toString()).start();
        try {
            add(input, 1, 10);
            first.processAllAvailable();
            HoldingValue.hold(11);
            add(input, 11, 20);
            assertTrue(HoldingValue.held.await(2, TimeUnit.MINUTES), "micro-batch 1 reached the held row");
        } finally {
            // Interrupts the held task: micro-batch 1 stops half-way.
            first.stop();
        }
        assertEquals(range(1, 10), values("Stopped"), "the stopped micro-batch left nothing in the table");

        HoldingValue.release();
        StreamingQuery second = values.writeStream().format("kusto").options(options)
                .option("checkpointLocation", checkpoint.toString()).start();
        try {
            second.processAllAvailable();
            add(input, 21, 30);
            second.processAllAvailable();
        } finally {
            second.stop();
        }
        assertEquals(range(1, 30), values("Stopped"), "each row exactly once");
        assertEquals(List.of(), tempTables());
    }

    /**
     * Passes values through, except that while a value is held the task reaching it signals and then
     * blocks until it is interrupted, so that the test can stop the query in the middle of a batch.
     * Tasks of a local Spark run in this JVM, so the static state is shared with the test.
     */
    static final class HoldingValue implements MapFunction<Integer, Integer> {
        private static volatile int heldValue = -1;
        static volatile CountDownLatch held = new CountDownLatch(1);

        static void hold(int value) {
            held = new CountDownLatch(1);
            heldValue = value;
        }

        static void release() {
            heldValue = -1;
        }

        @Override
        public Integer call(Integer value) throws InterruptedException {
            if (value == heldValue) {
                held.countDown();
                new CountDownLatch(1).await();
            }
            return value;
        }
    }

    @Test
    @Order(4)
    void modesThatCannotBeExactlyOnceAreRefused() throws Exception {
        client.executeMgmt(DATABASE, ".create table Refused (value:int)");
        IntMemoryStream input = IntMemoryStream.create(spark);
        StreamingQuery query = input.toDF().writeStream().format("kusto").options(options("Refused"))
                .option("writeMode", "Queued").option("checkpointLocation", checkpoints.resolve("refused").toString())
                .start();
        try {
            add(input, 1, 3);
            var e = assertThrows(StreamingQueryException.class, query::processAllAvailable);
            assertTrue(e.getMessage().contains("writeMode=Queued cannot be used with writeStream"), e.getMessage());
        } finally {
            query.stop();
        }
        assertEquals(List.of(), values("Refused"));
    }

    @Test
    @Order(5)
    void theUsersIngestionContainerIsUsedWhenSet() throws Exception {
        client.executeMgmt(DATABASE, ".create table OwnStorage (value:int)");
        BlobContainerClient container = new BlobServiceClientBuilder().connectionString(kusto.storageConnectionString())
                .buildClient().createBlobContainerIfNotExists("sinkmine");
        String sas = container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                new BlobContainerSasPermission().setReadPermission(true).setWritePermission(true).setCreatePermission(true)));
        String storage = "[{\"storageUrl\":\"" + container.getAccountUrl() + "\",\"containerName\":\"sinkmine\",\"sas\":\""
                + sas + "\"}]";
        IntMemoryStream input = IntMemoryStream.create(spark);
        StreamingQuery query = start(input, "OwnStorage", checkpoints.resolve("own-storage"),
                Map.of("kustoIngestionStorageContainer", storage));
        try {
            add(input, 1, 10);
            query.processAllAvailable();
            add(input, 11, 20);
            query.processAllAvailable();
        } finally {
            query.stop();
        }
        assertEquals(range(1, 20), values("OwnStorage"));
        assertTrue(container.listBlobs().stream().count() >= 2, "the micro-batches' blobs are in the user's container");
        assertEquals(List.of(), tempTables());
    }

    @Test
    @Order(6)
    void aNamedCsvMappingPlacesEveryMicroBatchAndAMismatchedTypeStopsTheQueryBeforeAnyRowMoves() throws Exception {
        client.executeMgmt(DATABASE, ".create table SinkMapped (label:string, value:long)");
        client.executeMgmt(DATABASE, ".create table SinkMapped ingestion csv mapping 'm' '[{\"column\":\"value\","
                + "\"Properties\":{\"Ordinal\":\"0\"}},{\"column\":\"label\",\"Properties\":{\"ConstValue\":\"sink\"}}]'");
        IntMemoryStream input = IntMemoryStream.create(spark);
        StreamingQuery query = start(input, "SinkMapped", checkpoints.resolve("mapped"),
                Map.of("sparkIngestionPropertiesJson", "{\"csvMappingNameReference\":\"m\"}"));
        try {
            add(input, 1, 5);
            query.processAllAvailable();
            add(input, 6, 10);
            query.processAllAvailable();
        } finally {
            query.stop();
        }
        assertEquals(range(1, 10), values("SinkMapped | where label == 'sink'"));
        assertEquals(List.of(), tempTables());

        client.executeMgmt(DATABASE, ".create table SinkTyped (value:bool)");
        IntMemoryStream typed = IntMemoryStream.create(spark);
        StreamingQuery mismatched = start(typed, "SinkTyped", checkpoints.resolve("typed"));
        try {
            add(typed, 1, 3);
            var e = assertThrows(StreamingQueryException.class, mismatched::processAllAvailable);
            assertTrue(e.getMessage().contains("DataFrame column 'value' (int) into table column 'value' (bool): cast it to"
                    + " boolean first"), e.getMessage());
        } finally {
            mismatched.stop();
        }
        assertEquals(List.of(), values("SinkTyped"));
    }

    private static StreamingQuery start(IntMemoryStream input, String table, Path checkpoint) throws Exception {
        return start(input, table, checkpoint, Map.of());
    }

    private static StreamingQuery start(IntMemoryStream input, String table, Path checkpoint,
            Map<String, String> more) throws Exception {
        return input.toDF().writeStream().format("kusto").options(options(table)).options(more)
                .option("checkpointLocation", checkpoint.toString()).start();
    }

    private static Map<String, String> options(String table) {
        return Map.of("kustoCluster", kusto.url(), "kustoDatabase", DATABASE, "kustoTable", table);
    }

    private static void add(IntMemoryStream input, int from, int to) {
        input.add(range(from, to));
    }

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    private static List<Integer> values(String table) throws Exception {
        KustoResultSetTable rows = client.executeQuery(DATABASE, table + " | project value | order by value asc")
                .getPrimaryResults();
        List<Integer> values = new ArrayList<>();
        while (rows.next()) {
            values.add(rows.getInt(0));
        }
        return values;
    }

    private static List<String> tempTables() throws Exception {
        KustoResultSetTable rows = client.executeMgmt(DATABASE, ".show tables").getPrimaryResults();
        List<String> names = new ArrayList<>();
        while (rows.next()) {
            String name = rows.getString(0);
            if (name.startsWith("sparkTempTable_")) {
                names.add(name);
            }
        }
        return names;
    }
}
