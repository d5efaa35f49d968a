package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.spark.actions.KustoCleanup;
import dev.kustospark.spark.client.OwnerMark;
import dev.kustospark.spark.types.KqlSyntax;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What writes and reads that died leave behind, removed by the next write into the database and by
 * {@link KustoCleanup}: the leftovers are made as a crash leaves them (the connector's names and
 * marks, last renewed days ago, never dropped), next to resources of live writes and reads and to
 * resources that are not the connector's, which must all stay.
 */
class KustoCleanupTest {
    /** What a task of a write saw while the write ran: table name to docstring, and what a clean-up then removed. */
    private static final ConcurrentLinkedQueue<String> SEEN_IN_TASK = new ConcurrentLinkedQueue<>();
    private static KustoSparkTestSupport env;
    /** The cluster's temporary storage, where distributed reads without transientStorage export. */
    private static BlobContainerClient tempStorage;

    @BeforeAll
    static void start() throws Exception {
        env = new KustoSparkTestSupport(b -> b.withAzurite());
        KustoResultSetTable storage = env.mgmt(".create tempstorage").getPrimaryResults();
        storage.next();
        tempStorage = new BlobContainerClientBuilder().endpoint(storage.getString(0)).buildClient();
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }

    /** A temporary table as a write that died leaves it: rows in it, its mark last renewed at {@code renewed}. */
    private static String leftoverTable(String target, Instant renewed) throws Exception {
        String name = "sparkTempTable_crashedApp_" + target + "_" + UUID.randomUUID().toString().replace('-', '_');
        OwnerMark mark = OwnerMark.create(OwnerMark.STAGING, target, "crashed-request", renewed.minus(Duration.ofDays(1)),
                Duration.ofMinutes(10)).renewed(renewed, Duration.ofMinutes(10));
        env.mgmt(".create table " + KqlSyntax.quoteName(name) + " (id:long) with (docstring="
                + KqlSyntax.stringLiteral(mark.toJson()) + ")");
        env.mgmt(".ingest inline into table " + KqlSyntax.quoteName(name) + " <| 1\n2\n3");
        return name;
    }

    /** An export as a read that died leaves it: two Parquet files and the owner blob, last renewed at {@code renewed}. */
    private static List<String> leftoverExport(BlobContainerClient container, Instant renewed) {
        String prefix = "kusto-spark/" + UUID.randomUUID();
        OwnerMark mark = OwnerMark.create(OwnerMark.EXPORT, KustoSparkTestSupport.DATABASE, "crashed-read", renewed,
                Duration.ofMinutes(10));
        List<String> names = List.of(prefix + "_1_1.parquet", prefix + "_1_2.parquet", prefix + ".owner.json");
        container.getBlobClient(names.get(0)).upload(BinaryData.fromString("not read"), true);
        container.getBlobClient(names.get(1)).upload(BinaryData.fromString("not read"), true);
        container.getBlobClient(names.get(2)).upload(BinaryData.fromString(mark.toJson()), true);
        return names;
    }

    private static Set<String> tables() throws Exception {
        return new TreeSet<>(KustoQueuedWriteTest.tables(env));
    }

    private static Set<String> blobs(BlobContainerClient container) {
        Set<String> names = new TreeSet<>();
        for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix("kusto-spark/"), null)) {
            names.add(item.getName());
        }
        return names;
    }

    private static Map<String, String> writeOptions(String table) {
        Map<String, String> options = env.connectionOptions();
        options.put("kustoTable", table);
        options.put("tableCreateOptions", "CreateIfNotExist");
        return options;
    }

    private static long count(String table) {
        return env.read(table + " | count").load().collectAsList().get(0).getLong(0);
    }

    @Test
    void theNextWriteRemovesWhatCrashedWritesAndReadsLeftAndKeepsEverythingElse() throws Exception {
        Instant daysAgo = Instant.now().minus(Duration.ofDays(3));
        String crashed = leftoverTable("Orders", daysAgo);
        // A concurrent write's table, created a moment ago: in use for ten more minutes.
        String live = leftoverTable("Orders", Instant.now());
        // The connector's name without its mark (a user's tempTableName, an older connector), and its
        // mark on a table named otherwise: not the connector's to drop.
        env.mgmt(".create table sparkTempTable_usersOwn (id:long) with (docstring=\"kept for audits\")");
        env.mgmt(".create table Markedlike (id:long) with (docstring=" + KqlSyntax.stringLiteral(OwnerMark.create(
                OwnerMark.STAGING, "Orders", "r", daysAgo, Duration.ofMinutes(10)).toJson()) + ")");
        List<String> crashedExport = leftoverExport(tempStorage, daysAgo);
        List<String> liveExport = leftoverExport(tempStorage, Instant.now());
        String unowned = "kusto-spark/" + UUID.randomUUID() + "_1_1.parquet";
        tempStorage.getBlobClient(unowned).upload(BinaryData.fromString("no owner blob"), true);

        env.spark.range(0, 40, 1, 2).toDF("id").write().format("kusto").options(writeOptions("Orders"))
                .mode(SaveMode.Append).save();

        assertEquals(40, count("Orders"));
        Set<String> tables = tables();
        assertFalse(tables.contains(crashed), tables.toString());
        assertTrue(tables.containsAll(List.of(live, "sparkTempTable_usersOwn", "Markedlike")), tables.toString());
        Set<String> blobs = blobs(tempStorage);
        assertTrue(crashedExport.stream().noneMatch(blobs::contains), blobs.toString());
        assertTrue(blobs.containsAll(liveExport) && blobs.contains(unowned), blobs.toString());
        env.mgmt(".drop tables (" + live + ", sparkTempTable_usersOwn, Markedlike) ifexists");
    }

    @Test
    void aRunningWritesTemporaryTableIsMarkedInUseAndACleanupMeanwhileKeepsIt() throws Exception {
        SEEN_IN_TASK.clear();
        Map<String, String> options = writeOptions("LiveTarget");
        String url = env.kusto.url();
        String database = KustoSparkTestSupport.DATABASE;
        // The first row's task looks at the database while the write runs (its temporary table exists
        // from before the tasks start) and runs a clean-up there, as another job's write would.
        MapFunction<Long, Long> peek = id -> {
            if (id == 0) {
                KustoCleanupResult removed = KustoCleanup.run(options);
                SEEN_IN_TASK.add("removed " + removed.droppedTables());
                KustoResultSetTable t = ClientFactory.createClient(new ConnectionStringBuilder(url))
                        .executeMgmt(database, ".show tables details").getPrimaryResults();
                while (t.next()) {
                    if (t.getString("TableName").startsWith("sparkTempTable_")) {
                        SEEN_IN_TASK.add(t.getString("TableName") + "\t" + t.getString("DocString"));
                    }
                }
            }
            return id;
        };
        env.spark.range(0, 25, 1, 1).map(peek, Encoders.LONG()).toDF("id").write().format("kusto").options(options)
                .mode(SaveMode.Append).save();

        assertEquals(25, count("LiveTarget"));
        List<String> seen = new ArrayList<>(SEEN_IN_TASK);
        assertEquals("removed []", seen.get(0), seen.toString());
        List<OwnerMark> marks = seen.subList(1, seen.size()).stream()
                .map(line -> OwnerMark.parse(line.substring(line.indexOf('\t') + 1), OwnerMark.STAGING))
                .flatMap(Optional::stream).filter(m -> m.target().equals("LiveTarget")).toList();
        assertEquals(1, marks.size(), seen.toString());
        OwnerMark mark = marks.get(0);
        // In use for timeoutLimit (two days by default) from its creation, which was moments ago.
        assertFalse(mark.staleAt(Instant.now().plus(Duration.ofDays(1))), mark.toString());
        assertTrue(mark.createdOn().isAfter(Instant.now().minus(Duration.ofMinutes(5))), mark.toString());
        KustoQueuedWriteTest.assertNoTempTable(env);
    }

    @Test
    void kustoCleanupRemovesLeftoversInTheUsersTransientStorageAndSaysWhat() throws Exception {
        BlobContainerClient mine = new BlobContainerClientBuilder().connectionString(env.kusto.storageConnectionString())
                .containerName("mine").buildClient();
        mine.createIfNotExists();
        Instant daysAgo = Instant.now().minus(Duration.ofDays(3));
        String crashed = leftoverTable("Events", daysAgo);
        List<String> crashedExport = leftoverExport(mine, daysAgo);
        List<String> liveExport = leftoverExport(mine, Instant.now());
        String sas = mine.generateSas(new com.azure.storage.blob.sas.BlobServiceSasSignatureValues(
                java.time.OffsetDateTime.now().plusHours(1), new com.azure.storage.blob.sas.BlobContainerSasPermission()
                        .setReadPermission(true).setListPermission(true).setDeletePermission(true).setWritePermission(true)));
        Map<String, String> options = new HashMap<>(env.connectionOptions());
        options.put("transientStorage", "{\"storageCredentials\":[{\"sasUrl\":\"" + mine.getBlobContainerUrl() + "?" + sas
                + "\"}]}");
        // A read's or a write's option map is taken as it is.
        options.put("kustoQuery", "Events");
        options.put("kustoTable", "Events");

        KustoCleanupResult removed = KustoCleanup.run(options);

        assertEquals(List.of(crashed), removed.droppedTables());
        assertEquals(crashedExport.stream().map(n -> mine.getBlobContainerUrl() + "/" + n).toList(), removed.deletedBlobs());
        assertEquals(List.of(), removed.failures());
        assertFalse(tables().contains(crashed));
        assertEquals(new TreeSet<>(liveExport), blobs(mine));
        assertTrue(KustoCleanup.run(options).isEmpty(), "a second run finds nothing");

        // The same through the data source that PySpark and C# use.
        String again = leftoverTable("Events", daysAgo);
        List<Row> rows = env.spark.read().format("kusto-cleanup").options(options).load().collectAsList();
        assertEquals(List.of(org.apache.spark.sql.RowFactory.create("table", again)), rows);
        assertFalse(tables().contains(again));
    }
}
