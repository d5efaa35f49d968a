package dev.kustospark.local.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.ColumnMapping;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionMapping;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.QueuedIngestClient;
import com.microsoft.azure.kusto.ingest.result.IngestionStatus;
import com.microsoft.azure.kusto.ingest.result.OperationStatus;
import com.microsoft.azure.kusto.ingest.source.CompressionType;
import com.microsoft.azure.kusto.ingest.source.FileSourceInfo;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import dev.kustospark.local.KustoLocal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Queued ingestion and export through the official Java SDK's QueuedIngestClient, against
 * kusto-local and its own Azurite (one for the whole class).
 */
class QueuedIngestionTest {
    private static KustoLocal kusto;
    private static Client client;
    private static QueuedIngestClient ingest;
    private static BlobServiceClient blobs;

    @TempDir
    static Path temp;

    @BeforeAll
    static void start() throws Exception {
        kusto = KustoLocal.builder().inMemory().database("db1").azuriteHome(AzuriteSupport.azuriteHome()).start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
        ingest = IngestClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
        blobs = new BlobServiceClientBuilder().connectionString(kusto.storageConnectionString()).buildClient();
    }

    @AfterAll
    static void stop() throws Exception {
        if (ingest != null) {
            ingest.close();
        }
        if (kusto != null) {
            kusto.close();
        }
    }

    private static void mgmt(String command) throws Exception {
        client.executeMgmt("db1", command);
    }

    private static KustoResultSetTable query(String q) throws Exception {
        return client.executeQuery("db1", q).getPrimaryResults();
    }

    private static long count(String table) throws Exception {
        KustoResultSetTable t = query(table + " | count");
        t.next();
        return t.getLong(0);
    }

    private static IngestionProperties props(String table, IngestionProperties.DataFormat format) {
        IngestionProperties p = new IngestionProperties("db1", table);
        p.setDataFormat(format);
        p.setReportMethod(IngestionProperties.IngestionReportMethod.TABLE);
        p.setReportLevel(IngestionProperties.IngestionReportLevel.FAILURES_AND_SUCCESSES);
        p.setFlushImmediately(true);
        return p;
    }

    private static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void ingestionResourcesAndIdentityToken() throws Exception {
        for (String command : List.of(".get ingestion resources", ".show ingestion resources")) {
            KustoResultSetTable t = client.executeMgmt("db1", command).getPrimaryResults();
            int rows = 0;
            while (t.next()) {
                rows++;
                String url = t.getString("StorageRoot");
                assertEquals(2, url.split("\\?").length, "one '?' in " + t.getString(0));
                assertTrue(url.startsWith("http://127.0.0.1:"), url);
            }
            assertEquals(5, rows);
        }
        KustoResultSetTable token = client.executeMgmt("db1", ".get kusto identity token").getPrimaryResults();
        assertTrue(token.next());
        assertFalse(token.getString("AuthorizationContext").isBlank());
    }

    @Test
    void csvFromStreamAndJsonWithInlineMapping() throws Exception {
        mgmt(".create table Csv1 (a:int, b:string)");
        IngestionStatus s = AzuriteSupport.awaitOutcome(ingest.ingestFromStream(
                new StreamSourceInfo(text("1,x\n2,y\n3,z\n")), props("Csv1", IngestionProperties.DataFormat.CSV)));
        assertEquals(OperationStatus.Succeeded, s.status, s.details);
        assertEquals(3, count("Csv1"));

        mgmt(".create table Json1 (a:long, b:string)");
        IngestionProperties p = props("Json1", IngestionProperties.DataFormat.JSON);
        ColumnMapping x = new ColumnMapping("a", "long");
        x.setPath("$.x");
        ColumnMapping yz = new ColumnMapping("b", "string");
        yz.setPath("$.y.z");
        p.setIngestionMapping(new ColumnMapping[] {x, yz}, IngestionMapping.IngestionMappingKind.JSON);
        s = AzuriteSupport.awaitOutcome(ingest.ingestFromStream(
                new StreamSourceInfo(text("{\"x\":5,\"y\":{\"z\":\"five\"}}\n{\"x\":6,\"y\":{\"z\":\"six\"}}")), p));
        assertEquals(OperationStatus.Succeeded, s.status, s.details);
        KustoResultSetTable t = query("Json1 | order by a asc");
        assertTrue(t.next());
        assertEquals(5, t.getLong("a"));
        assertEquals("five", t.getString("b"));
    }

    @Test
    void gzipStreamFileParquetAndNamedMapping() throws Exception {
        mgmt(".create table Gz1 (a:int, b:string)");
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write("a,b\n1,x\n2,y\n".getBytes(StandardCharsets.UTF_8));
        }
        IngestionProperties p = props("Gz1", IngestionProperties.DataFormat.CSV);
        p.setIgnoreFirstRecord(true);
        StreamSourceInfo source = new StreamSourceInfo(new ByteArrayInputStream(gz.toByteArray()));
        source.setCompressionType(CompressionType.gz);
        assertEquals(OperationStatus.Succeeded, AzuriteSupport.awaitOutcome(ingest.ingestFromStream(source, p)).status);
        assertEquals(2, count("Gz1"));

        // Named csv mapping, file source: columns swapped by ordinal.
        mgmt(".create table File1 (a:int, b:string)");
        mgmt(".create table File1 ingestion csv mapping \"swap\" '[{\"column\":\"a\",\"Properties\":{\"Ordinal\":\"1\"}},"
                + "{\"column\":\"b\",\"Properties\":{\"Ordinal\":\"0\"}}]'");
        Path csv = temp.resolve("file1.csv");
        Files.writeString(csv, "x,10\ny,20\n");
        p = props("File1", IngestionProperties.DataFormat.CSV);
        p.setIngestionMapping("swap", IngestionMapping.IngestionMappingKind.CSV);
        IngestionStatus s = AzuriteSupport.awaitOutcome(ingest.ingestFromFile(new FileSourceInfo(csv.toString()), p));
        assertEquals(OperationStatus.Succeeded, s.status, s.details);
        KustoResultSetTable t = query("File1 | summarize sum(a)");
        t.next();
        assertEquals(30, t.getLong(0));

        mgmt(".create table Pq1 (a:long, b:string)");
        Path parquet = temp.resolve("pq1.parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("COPY (SELECT range AS a, 'r' || range AS b FROM range(7)) TO '" + parquet + "' (FORMAT parquet)");
        }
        s = AzuriteSupport.awaitOutcome(ingest.ingestFromFile(new FileSourceInfo(parquet.toString()),
                props("Pq1", IngestionProperties.DataFormat.PARQUET)));
        assertEquals(OperationStatus.Succeeded, s.status, s.details);
        assertEquals(7, count("Pq1"));
    }

    @Test
    void tagsCreationTimeAndIngestIfNotExists() throws Exception {
        mgmt(".create table Tags1 (a:int)");
        IngestionProperties p = props("Tags1", IngestionProperties.DataFormat.CSV);
        p.setIngestByTags(List.of("batch1"));
        p.setDropByTags(List.of("d1"));
        p.setAdditionalTags(List.of("extra"));
        p.setAdditionalProperties(new java.util.HashMap<>(Map.of("creationTime", "2020-03-04T05:06:07Z")));
        assertEquals(OperationStatus.Succeeded,
                AzuriteSupport.awaitOutcome(ingest.ingestFromStream(new StreamSourceInfo(text("1\n2\n")), p)).status);
        KustoResultSetTable extents = client.executeMgmt("db1", ".show table Tags1 extents").getPrimaryResults();
        assertTrue(extents.next());
        String tags = extents.getString("Tags");
        assertTrue(tags.contains("ingest-by:batch1") && tags.contains("drop-by:d1") && tags.contains("extra"), tags);
        assertTrue(extents.getString("MinCreatedOn").startsWith("2020-03-04T05:06:07"), extents.getString("MinCreatedOn"));

        IngestionProperties again = props("Tags1", IngestionProperties.DataFormat.CSV);
        again.setIngestIfNotExists(List.of("batch1"));
        IngestionStatus s = AzuriteSupport.awaitOutcome(
                ingest.ingestFromStream(new StreamSourceInfo(text("3\n")), again));
        assertEquals(OperationStatus.Skipped, s.status);
        assertEquals("Skipped_IngestByTagAlreadyExists", s.getErrorCode());
        assertEquals(2, count("Tags1"));
    }

    @Test
    void badPayloadFailsWithDetailsAndIsListed() throws Exception {
        mgmt(".create table Bad1 (a:int)");
        IngestionStatus s = AzuriteSupport.awaitOutcome(ingest.ingestFromStream(
                new StreamSourceInfo(text("{\"a\": 1,,,")), props("Bad1", IngestionProperties.DataFormat.JSON)));
        assertEquals(OperationStatus.Failed, s.status);
        assertEquals("BadRequest_InvalidBlob", s.getErrorCode());
        assertEquals("Permanent", s.getFailureStatus());
        assertNotNull(s.details);
        assertFalse(s.details.isBlank());
        assertEquals(0, count("Bad1"));
        KustoResultSetTable failures = client.executeMgmt("db1",
                ".show ingestion failures | where Table == 'Bad1'").getPrimaryResults();
        assertTrue(failures.next());
        assertEquals(s.details, failures.getString("Details"));
        assertFalse(failures.getString("IngestionSourcePath").contains("?"), "no SAS in the failure list");

        IngestionStatus missing = AzuriteSupport.awaitOutcome(ingest.ingestFromStream(
                new StreamSourceInfo(text("1\n")), props("NoSuchTable", IngestionProperties.DataFormat.CSV)));
        assertEquals(OperationStatus.Failed, missing.status);
        assertEquals("BadRequest_TableNotExist", missing.getErrorCode());
    }

    @Test
    void exportSyncAndAsyncWriteFilesIntoAzurite() throws Exception {
        mgmt(".create table Ex1 (a:long, b:string, t:datetime)");
        mgmt(".ingest inline into table Ex1 <| 1,x,2020-01-01T00:00:00Z\n2,y,2020-01-02T00:00:00Z\n3,z,\n4,w,");
        BlobContainerClient container = blobs.getBlobContainerClient("exports");
        container.createIfNotExists();
        String url = container.getBlobContainerUrl();
        String sas = kusto.storageConnectionString().contains("AccountKey") ? ";" + StorageEndpoints.ACCOUNT_KEY : "";

        KustoResultSetTable sync = client.executeMgmt("db1", ".export to csv (h@\"" + url + sas
                + "\") with (namePrefix=\"sync/part\", includeHeader=\"firstFile\") <| Ex1 | where a > 1").getPrimaryResults();
        assertTrue(sync.next());
        assertEquals(3, sync.getLong("NumRecords"));
        assertFalse(sync.getString("Path").contains(";"), "no key in the path");
        List<BlobItem> csvFiles = container.listBlobsByHierarchy("sync/").stream().toList();
        assertEquals(1, csvFiles.size());
        String content = container.getBlobClient(csvFiles.get(0).getName()).downloadContent().toString();
        assertEquals(4, content.strip().split("\n").length, content);
        assertTrue(content.contains(",2020-01-02T00:00:00.0000000Z"), content);

        // The connector's form: virtual-host URL of devstoreaccount1, mapped onto Azurite.
        String virtualHost = "https://" + StorageEndpoints.ACCOUNT + ".blob.core.windows.net/exports;"
                + StorageEndpoints.ACCOUNT_KEY;
        KustoResultSetTable async = client.executeMgmt("db1", ".export async compressed to parquet (h@\"" + virtualHost
                + "\") with (namePrefix=\"async/part\") <| Ex1").getPrimaryResults();
        assertTrue(async.next());
        String operationId = async.getString(0);
        String state = "InProgress";
        long deadline = System.nanoTime() + AzuriteSupport.DEADLINE.toNanos();
        while (state.equals("InProgress") && System.nanoTime() < deadline) {
            KustoResultSetTable op = client.executeMgmt("db1", ".show operations " + operationId).getPrimaryResults();
            assertTrue(op.next());
            state = op.getString("State");
            if (state.equals("InProgress")) {
                Thread.sleep(50);
            }
        }
        assertEquals("Completed", state);
        KustoResultSetTable details = client.executeMgmt("db1", ".show operation " + operationId + " details")
                .getPrimaryResults();
        assertTrue(details.next());
        assertEquals(4, details.getLong("NumRecords"));
        List<BlobItem> parquetFiles = container.listBlobsByHierarchy("async/").stream().toList();
        assertEquals(1, parquetFiles.size());
        Path local = temp.resolve("export.parquet");
        container.getBlobClient(parquetFiles.get(0).getName()).downloadToFile(local.toString(), true);
        try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT count(*), sum(a), max(epoch(t)), any_value(typeof(t)) FROM read_parquet('"
                        + local + "')")) {
            rs.next();
            assertEquals(4, rs.getLong(1));
            assertEquals(10, rs.getLong(2));
            assertEquals(1577923200L, rs.getLong(3));
            assertEquals("TIMESTAMP WITH TIME ZONE", rs.getString(4));
        }
    }

    /** The established Spark connector's export: its property list ends with a comma. */
    @Test
    void exportInTheEstablishedConnectorsFormWithATrailingComma() throws Exception {
        BlobContainerClient container = blobs.getBlobContainerClient("established");
        container.createIfNotExists();
        String target = container.getBlobContainerUrl() + ";" + StorageEndpoints.ACCOUNT_KEY;
        KustoResultSetTable files = client.executeMgmt("db1", ".export compressed to parquet (\"" + target
                + "\") with ( namePrefix=\"spark/part0\", compressionType=\"snappy\",) <| range x from 1 to 10 step 1")
                .getPrimaryResults();
        assertTrue(files.next());
        assertEquals(10, files.getLong("NumRecords"));
        assertTrue(files.getString("Path").contains("/spark/part0"), files.getString("Path"));
    }

    @Test
    void parquetIsSnappyWithCompressedAndUncompressedWithout() throws Exception {
        BlobContainerClient container = blobs.getBlobContainerClient("codecs");
        String target = container.getBlobContainerUrl() + ";" + StorageEndpoints.ACCOUNT_KEY;
        for (String form : new String[] {"compressed ", ""}) {
            String prefix = form.isEmpty() ? "plain" : "snappy";
            KustoResultSetTable files = client.executeMgmt("db1", ".export " + form + "to parquet (h@\"" + target
                    + "\") with (namePrefix=\"" + prefix + "\") <| range x from 1 to 10 step 1").getPrimaryResults();
            assertTrue(files.next());
            String name = files.getString("Path").substring(files.getString("Path").lastIndexOf('/') + 1);
            Path local = temp.resolve(prefix + ".parquet");
            container.getBlobClient(name).downloadToFile(local.toString(), true);
            try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
                    Statement st = c.createStatement();
                    var rs = st.executeQuery("SELECT DISTINCT compression FROM parquet_metadata('" + local + "')")) {
                assertTrue(rs.next());
                assertEquals(form.isEmpty() ? "UNCOMPRESSED" : "SNAPPY", rs.getString(1), name);
            }
        }
    }

    @Test
    void exportWithSizeLimitWritesSeveralFiles() throws Exception {
        BlobContainerClient container = blobs.getBlobContainerClient("sized");
        String target = container.getBlobContainerUrl() + ";" + StorageEndpoints.ACCOUNT_KEY;
        KustoResultSetTable files = client.executeMgmt("db1", ".export compressed to csv (h@\"" + target
                + "\") with (namePrefix=\"big\", sizeLimit=10000) <| range x from 1 to 50000 step 1").getPrimaryResults();
        long rows = 0;
        int count = 0;
        while (files.next()) {
            count++;
            rows += files.getLong("NumRecords");
            assertTrue(files.getString("Path").endsWith(".csv.gz"), files.getString("Path"));
        }
        assertEquals(50000, rows);
        assertTrue(count > 1, "several files: " + count);
        assertEquals(count, container.listBlobs().stream().filter(b -> b.getName().startsWith("big_")).count());
    }

    @Test
    void exportToJsonAndErrorsWithoutSecrets() throws Exception {
        BlobContainerClient container = blobs.getBlobContainerClient("jsonexports");
        String target = container.getBlobContainerUrl() + ";" + StorageEndpoints.ACCOUNT_KEY;
        KustoResultSetTable files = client.executeMgmt("db1", ".export to json (h@\"" + target
                + "\") with (namePrefix=\"j\") <| print a=1, b='x'").getPrimaryResults();
        assertTrue(files.next());
        assertEquals(1, files.getLong("NumRecords"));
        String name = files.getString("Path").substring(files.getString("Path").lastIndexOf('/') + 1);
        String json = container.getBlobClient(name).downloadContent().toString().strip();
        assertEquals("{\"a\":1,\"b\":\"x\"}", json);

        String secret = "sv=2020-02-10&sig=TOPSECRET";
        Exception badAccount = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> client.executeMgmt(
                "db1", ".export to csv (h@\"https://someoneelse.blob.core.windows.net/c?" + secret + "\") <| print 1"));
        assertTrue(badAccount.getMessage().contains("devstoreaccount1"), badAccount.getMessage());
        assertFalse(badAccount.getMessage().contains("TOPSECRET"), badAccount.getMessage());
        Exception badSyntax = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> client.executeMgmt(
                "db1", ".export to csv (h@\"" + container.getBlobContainerUrl() + "?" + secret + "\" <| print 1"));
        assertFalse(badSyntax.getMessage().contains("TOPSECRET"), badSyntax.getMessage());
        Exception badSas = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> client.executeMgmt(
                "db1", ".export to csv (h@\"" + container.getBlobContainerUrl() + "?" + secret + "\") <| print 1"));
        assertFalse(badSas.getMessage().contains("TOPSECRET"), badSas.getMessage());
    }
}
