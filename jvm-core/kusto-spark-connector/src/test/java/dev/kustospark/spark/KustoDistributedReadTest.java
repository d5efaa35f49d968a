package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.local.KustoLocal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Distributed reads through {@code .export} into Azurite, and the automatic choice of read mode. */
class KustoDistributedReadTest {
    private static final String DATABASE = "db1";
    private static final long DEADLINE_NANOS = 60_000_000_000L;

    private static KustoLocal kusto;
    private static Client client;
    private static SparkSession spark;
    /** The service's temporary storage: a container URL with its SAS. */
    private static String tempStorage;

    @BeforeAll
    static void start() throws Exception {
        kusto = KustoLocal.builder().inMemory().database(DATABASE).withAzurite().start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
        spark = SparkSession.builder().master("local[2]").appName("kusto-distributed-read-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
        mgmt(".create table AllTypes (['s']:string, ['i']:int, ['l']:long, ['b']:bool, ['r']:real, ['d']:decimal,"
                + " ['t']:datetime, ['ts']:timespan, ['g']:guid, ['dyn']:dynamic, ['where']:long, ['a b']:string)");
        mgmt(".ingest inline into table AllTypes <|\n"
                + "hello,1,9007199254740993,true,1.5,123456789.123456789012345678,2024-01-02T03:04:05.123456Z,"
                + "1.02:03:04.5000000,0f8fad5b-d9cb-469f-a165-70867728950e,\"{\"\"k\"\":[1,2]}\",7,x y\n"
                + "\"\",,,,,,,,,,,\n"
                + "\"a,\"\"b\"\"\",2,-5,false,-0.25,-0.5,1969-12-31T23:59:59.9999999Z,-00:00:01.0000001,"
                + "00000000-0000-0000-0000-000000000000,\"\"\"text\"\"\",8,\n");
        mgmt(".set-or-append Numbers <| range x from 1 to 1000 step 1 | extend s = strcat('v', tostring(x))");
        mgmt(".set-or-append Big <| range x from 1 to 6000 step 1 | extend s = strcat('v', tostring(x))");
        KustoResultSetTable storage = client.executeMgmt(DATABASE, ".create tempstorage").getPrimaryResults();
        storage.next();
        tempStorage = storage.getString(0);
    }

    @AfterAll
    static void stop() {
        spark.stop();
        kusto.close();
    }

    private static void mgmt(String command) throws Exception {
        client.executeMgmt(DATABASE, command);
    }

    private static Map<String, String> connection(KustoLocal server) {
        Map<String, String> options = new HashMap<>();
        options.put("kustoCluster", server.url());
        options.put("kustoDatabase", DATABASE);
        return options;
    }

    private static DataFrameReader read(String query) {
        return spark.read().format("kusto").options(connection(kusto)).option("kustoQuery", query);
    }

    private static String transientStorage(String containerName) {
        int q = tempStorage.indexOf('?');
        String base = tempStorage.substring(0, q);
        String url = base.substring(0, base.lastIndexOf('/') + 1) + containerName + tempStorage.substring(q);
        return "{\"storageCredentials\":[{\"sasUrl\":\"" + url + "\"}],\"endpointSuffix\":\"core.windows.net\"}";
    }

    private static BlobContainerClient container(String containerName) {
        int q = tempStorage.indexOf('?');
        String base = tempStorage.substring(0, q);
        return new BlobContainerClientBuilder().endpoint(base.substring(0, base.lastIndexOf('/') + 1) + containerName)
                .sasToken(tempStorage.substring(q + 1)).buildClient();
    }

    private static int exportedBlobs(String containerName) {
        BlobContainerClient container = container(containerName);
        if (!container.exists()) {
            return 0;
        }
        int n = 0;
        for (var ignored : container.listBlobs(new ListBlobsOptions().setPrefix("kusto-spark/"), null)) {
            n++;
        }
        return n;
    }

    private static String plan(Dataset<Row> df) {
        return df.queryExecution().executedPlan().toString();
    }

    @Test
    void singlePartitionedAndDistributedReadsGiveIdenticalRowsOfEveryTypeWithNulls() {
        List<Row> single = read("AllTypes").option("readMode", "ForceSingleMode").load().orderBy("i").collectAsList();
        List<Row> partitioned = read("AllTypes").option("readMode", "ForcePartitionedMode").option("numPartitions", "3")
                .load().orderBy("i").collectAsList();
        Dataset<Row> distributed = read("AllTypes").option("readMode", "ForceDistributedMode").load();
        assertEquals(distributed.schema(), read("AllTypes").option("readMode", "ForceSingleMode").load().schema());
        assertTrue(plan(distributed).contains("mode=ForceDistributedMode"), plan(distributed));
        assertTrue(plan(distributed).contains("ColumnarToRow"), "a columnar scan: " + plan(distributed));
        assertEquals(3, single.size());
        assertEquals(single, partitioned);
        assertEquals(single, distributed.orderBy("i").collectAsList());
        // Rows ordered by i: the nulls, then i=1, then i=2.
        assertEquals("1.02:03:04.5000000", single.get(1).getString(7));
        assertEquals("{\"k\":[1,2]}", single.get(1).getString(9));
        assertEquals("text", single.get(2).getString(9));
        assertEquals("-00:00:01.0000001", single.get(2).getString(7));
        // Pushdown applies to the exported query too.
        List<Row> filtered = read("AllTypes").option("readMode", "ForceDistributedMode").load()
                .where("l > 0").select("s", "ts").collectAsList();
        assertEquals(List.of(org.apache.spark.sql.RowFactory.create("hello", "1.02:03:04.5000000")), filtered);
    }

    @Test
    void customSchemaTypesSparksParquetReaderCannotGiveAreDecodedValueByValue() {
        // short and date are not what the export wrote (int, timestamp): those files take the record reader.
        // A date holds a datetime only at midnight, so the query keeps the day of each.
        String schema = "s string, i short, l long, d decimal(38,18), t date, ts string";
        String query = "AllTypes | extend t = startofday(t)";
        List<Row> single = read(query).option("readMode", "ForceSingleMode").option("customSchema", schema).load()
                .orderBy("i").collectAsList();
        List<Row> distributed = read(query).option("readMode", "ForceDistributedMode").option("customSchema", schema)
                .load().orderBy("i").collectAsList();
        assertEquals(3, single.size());
        assertEquals(single, distributed);
        Dataset<Row> rowByRow = read(query).option("readMode", "ForceDistributedMode").option("customSchema", schema)
                .load();
        assertFalse(plan(rowByRow).contains("ColumnarToRow"), "short and date are read as rows: " + plan(rowByRow));
    }

    @Test
    void aValueThatDoesNotFitItsSparkTypeFailsADistributedRead() {
        // decimal(10,2) is a conversion of the vectorized reader's column, smallint one of the record reader.
        var rounded = assertThrows(Exception.class, () -> read("AllTypes | where i == 1 | project d")
                .option("readMode", "ForceDistributedMode").option("customSchema", "d decimal(10,2)").load()
                .collectAsList());
        assertTrue(KustoWriteTest.rootMessage(rounded).contains("column 'd': the Kusto value 123456789.123456789012345678"
                + " does not fit the Spark type decimal(10,2) it is read into"), KustoWriteTest.rootMessage(rounded));
        var wrapped = assertThrows(Exception.class, () -> read("AllTypes | where i == 1 | project l")
                .option("readMode", "ForceDistributedMode").option("customSchema", "l smallint").load().collectAsList());
        assertTrue(KustoWriteTest.rootMessage(wrapped).contains("column 'l': the Kusto value 9007199254740993 does not fit"
                + " the Spark type smallint"), KustoWriteTest.rootMessage(wrapped));
        var timeOfDay = assertThrows(Exception.class, () -> read("AllTypes | where i == 1 | project t")
                .option("readMode", "ForceDistributedMode").option("customSchema", "t date").load().collectAsList());
        assertTrue(KustoWriteTest.rootMessage(timeOfDay).contains("column 't': the Kusto value"
                + " 2024-01-02T03:04:05.1234560Z does not fit the Spark type date"), KustoWriteTest.rootMessage(timeOfDay));
    }

    @Test
    void aUserSchemaReadsLongsDatetimesAndDynamicStringsAsStringsAsSingleModeDoes() {
        // The export holds a long and a timespan alike as 64-bit integers, and a dynamic string as JSON text.
        String schema = "i int, l string, t string, ts string, dyn string";
        String query = "AllTypes | project i, l, t, ts, dyn";
        List<Row> single = read(query).option("readMode", "ForceSingleMode").option("customSchema", schema).load()
                .orderBy("i").collectAsList();
        List<Row> distributed = read(query).option("readMode", "ForceDistributedMode").option("customSchema", schema)
                .load().orderBy("i").collectAsList();
        assertEquals(single, distributed);
        // kusto-local keeps datetimes to the microsecond.
        assertEquals(org.apache.spark.sql.RowFactory.create(2, "-5", "1969-12-31T23:59:59.9999990Z", "-00:00:01.0000001",
                "text"), single.get(2));
    }

    @Test
    void aColumnarScanGathersTheRowsOfFilesTheVectorizedReaderCannotGive() {
        // decimal as string is not a conversion of Spark's Parquet reader: the record reader decodes the
        // file, and its rows are gathered into column batches.
        String schema = "s string, i int, l long, b boolean, r double, d string, t timestamp";
        List<Row> single = read("AllTypes").option("readMode", "ForceSingleMode").option("customSchema", schema).load()
                .orderBy("i").collectAsList();
        Dataset<Row> distributed = read("AllTypes").option("readMode", "ForceDistributedMode")
                .option("customSchema", schema).load();
        assertTrue(plan(distributed).contains("ColumnarToRow"), plan(distributed));
        assertEquals(3, single.size());
        assertEquals(single, distributed.orderBy("i").collectAsList());
    }

    @Test
    void theSeedsDistributedReadWithClientRequestPropertiesAndTransientStorage() {
        Dataset<Row> df = read("Numbers | where x > 10")
                .option("readMode", "ForceDistributedMode")
                .option("transientStorage", transientStorage("seedexports"))
                .option("clientRequestPropertiesJson", "{\"Options\":{\"norequesttimeout\":true}}")
                .option("kustoExportOptionsJson", "{\"compressionType\":\"gzip\"}")
                .load();
        String plan = plan(df);
        assertTrue(plan.contains("mode=ForceDistributedMode") && plan.contains("modeChoice=readMode=ForceDistributedMode"), plan);
        assertFalse(plan.contains("sig="), "the plan must not show the SAS: " + plan);
        List<Row> rows = df.orderBy("x").collectAsList();
        assertEquals(990, rows.size());
        assertEquals(11L, rows.get(0).getLong(0));
        assertEquals("v1000", rows.get(989).getString(1));
    }

    @Test
    void theExportRunsWithTheUsersRequestPropertiesAndQueryParameters() {
        // Without the parameters on the .export command, the declared parameter would be unbound.
        List<Row> rows = read("declare query_parameters(minX:long);\nNumbers | where x > minX")
                .option("readMode", "ForceDistributedMode")
                .option("clientRequestPropertiesJson",
                        "{\"Options\":{\"norequesttimeout\":true},\"Parameters\":{\"minX\":\"long(995)\"}}")
                .load().orderBy("x").collectAsList();
        assertEquals(5, rows.size());
        assertEquals(996L, rows.get(0).getLong(0));
    }

    @Test
    void automaticModeExportsLargeEstimatesAndReadsSmallOnesInSingleMode() {
        Dataset<Row> small = read("Numbers").load();
        assertTrue(plan(small).contains("modeChoice=readMode not set; an estimated 1000 rows <= 5000"),
                plan(small));
        assertEquals(1000, small.collectAsList().size());
        Dataset<Row> large = read("Big").load();
        assertTrue(plan(large).contains("modeChoice=readMode not set; an estimated 6000 rows > 5000"),
                plan(large));
        assertEquals(6000, large.collectAsList().size());
        assertEquals(6000, read("Big").load().count());
    }

    @Test
    void singleModeFallsBackToAnExportWhenKustoTruncatesTheResult() {
        Dataset<Row> df = read("Numbers")
                .option("clientRequestPropertiesJson", "{\"Options\":{\"truncationmaxrecords\":100}}").load();
        assertTrue(plan(df).contains("falls back to an export if Kusto's result limits are hit"), plan(df));
        List<Row> rows = df.orderBy("x").collectAsList();
        assertEquals(1000, rows.size());
        assertEquals(1000L, rows.get(999).getLong(0));
        // Forced single mode does not fall back.
        Exception e = assertThrows(Exception.class, () -> read("Numbers").option("readMode", "ForceSingleMode")
                .option("clientRequestPropertiesJson", "{\"Options\":{\"truncationmaxrecords\":100}}").load().collectAsList());
        assertTrue(String.valueOf(rootMessage(e)).contains("E_QUERY_RESULT_SET_TOO_LARGE"), String.valueOf(rootMessage(e)));
    }

    @Test
    void aFailedExportOrUnusableExportOptionsFailTheReadClearly() {
        Exception failed = assertThrows(Exception.class, () -> read("Numbers").option("readMode", "ForceDistributedMode")
                .option("kustoExportOptionsJson", "{\"compressionType\":\"no-such-codec\"}").load().collectAsList());
        String message = rootMessage(failed);
        assertTrue(message.contains("Export operation") && message.contains("ended in state Failed")
                && message.contains("no-such-codec"), message);
        Exception prefix = assertThrows(Exception.class, () -> read("Numbers").option("readMode", "ForceDistributedMode")
                .option("kustoExportOptionsJson", "{\"namePrefix\":\"mine\"}").load().collectAsList());
        assertTrue(rootMessage(prefix).contains("kustoExportOptionsJson: namePrefix is set by the connector"),
                rootMessage(prefix));
    }

    @Test
    void dbgBlobCompressOnExportFalseExportsUncompressedParquet() throws Exception {
        for (String compress : new String[] {"true", "false"}) {
            String containerName = "compress" + compress;
            List<Row> rows = read("Numbers | where x <= 100").option("readMode", "ForceDistributedMode")
                    .option("transientStorage", transientStorage(containerName))
                    .option("distributedReadModeTransientCache", "true") // keeps the blobs for the look below
                    .option("dbgBlobCompressOnExport", compress).load().orderBy("x").collectAsList();
            assertEquals(100, rows.size());
            assertEquals("v100", rows.get(99).getString(1));
            assertEquals(compress.equals("true") ? "SNAPPY" : "UNCOMPRESSED", exportedCodec(containerName));
        }
    }

    /** The Parquet compression codec of the first exported file in the container. */
    private static String exportedCodec(String containerName) throws Exception {
        BlobContainerClient container = container(containerName);
        // Beside the exported files lies the export's owner blob (<prefix>.owner.json), which is no Parquet.
        String name = container.listBlobs(new ListBlobsOptions().setPrefix("kusto-spark/"), null).stream()
                .map(b -> b.getName()).filter(n -> !n.endsWith(".owner.json")).findFirst().orElseThrow();
        Path local = Files.createTempFile("exported-", ".parquet");
        try {
            container.getBlobClient(name).downloadToFile(local.toString(), true);
            try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = duckdb.createStatement();
                    ResultSet rs = st.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('" + local + "')")) {
                assertTrue(rs.next());
                return rs.getString(1);
            }
        } finally {
            Files.deleteIfExists(local);
        }
    }

    @Test
    void theTransientCacheReusesAnExportOfTheSameQuery() {
        String storage = transientStorage("cached");
        DataFrameReader reader = read("Big | where x % 2 == 0").option("readMode", "ForceDistributedMode")
                .option("transientStorage", storage).option("distributedReadModeTransientCache", "true");
        assertEquals(3000, reader.load().collectAsList().size());
        int afterFirst = exportedBlobs("cached");
        assertTrue(afterFirst > 0);
        // Next to the files, the owner blob that says the export is in use, so no clean-up takes it.
        List<String> owners = container("cached").listBlobs(new ListBlobsOptions().setPrefix("kusto-spark/"), null).stream()
                .map(b -> b.getName()).filter(n -> n.endsWith(".owner.json")).toList();
        assertEquals(1, owners.size(), owners.toString());
        dev.kustospark.spark.client.OwnerMark mark = dev.kustospark.spark.client.OwnerMark.parse(container("cached")
                .getBlobClient(owners.get(0)).downloadContent().toString(), "export").orElseThrow();
        assertFalse(mark.staleAt(java.time.Instant.now().plus(java.time.Duration.ofDays(1))), mark.toString());
        assertEquals(3000, reader.load().collectAsList().size());
        assertEquals(afterFirst, exportedBlobs("cached"), "the second read should reuse the export");
        assertEquals(3000, reader.load().select("s").collectAsList().size());
    }

    @Test
    void exportedBlobsAreDeletedOnceTheReadIsGone() throws Exception {
        String storage = transientStorage("cleanup");
        Dataset<Row> df = read("Big").option("readMode", "ForceDistributedMode").option("transientStorage", storage).load();
        assertEquals(6000, df.collectAsList().size());
        assertTrue(exportedBlobs("cleanup") > 0);
        assertEquals(6000, df.collectAsList().size(), "the same plan reads its export again");
        df = null;
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (exportedBlobs("cleanup") > 0) {
            assertTrue(System.nanoTime() < deadline, "exported blobs were not deleted");
            System.gc();
            Thread.sleep(100);
        }
    }

    @Test
    void withoutStorageForcedDistributedFailsClearlyAndAutomaticModeStaysSingle() {
        try (KustoLocal plain = KustoLocal.builder().inMemory().database(DATABASE).start()) {
            Client plainClient = ClientFactory.createClient(new ConnectionStringBuilder(plain.url()));
            plainClient.executeMgmt(DATABASE, ".set-or-append Big <| range x from 1 to 6000 step 1");
            Exception e = assertThrows(Exception.class, () -> spark.read().format("kusto").options(connection(plain))
                    .option("kustoQuery", "Big").option("readMode", "ForceDistributedMode").load().collectAsList());
            String message = String.valueOf(rootMessage(e));
            assertTrue(message.contains("readMode=ForceDistributedMode") && message.contains("transientStorage"), message);
            Dataset<Row> auto = spark.read().format("kusto").options(connection(plain)).option("kustoQuery", "Big").load();
            assertTrue(plan(auto).contains("so the read stays in single mode"), plan(auto));
            assertEquals(6000, auto.collectAsList().size());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        StringBuilder all = new StringBuilder();
        while (t != null) {
            all.append(t.getMessage()).append(" | ");
            t = t.getCause() == t ? null : t.getCause();
        }
        return all.toString();
    }
}
