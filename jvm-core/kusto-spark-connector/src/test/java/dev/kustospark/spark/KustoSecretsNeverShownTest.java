package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.sas.BlobContainerSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.local.dm.StorageEndpoints;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.QueryExecution;
import org.apache.spark.sql.streaming.StreamingQuery;
import org.apache.spark.sql.util.QueryExecutionListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret appears anywhere a Spark job leaves text: every logger at DEBUG (driver and executors:
 * a local Spark runs both here), standard output and error, exception messages and stack traces,
 * query plans, the event log and the pages of the Spark UI. The secrets are markers in every secret
 * option (access token, application secret, certificate password, the SAS of {@code transientStorage}
 * and of {@code kustoIngestionStorageContainer}) and the service's own temporary-storage SAS, through
 * every read and write path. kusto-local runs in a JVM of its own, so that only the connector's side
 * is searched; it requires the marker token, so a write that lands proves the token was used. A
 * control SAS, sent through the SDKs' default HTTP client, shows that the capture finds what a
 * connection logger prints.
 */
class KustoSecretsNeverShownTest {
    private static final String DATABASE = "db1";
    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final Pattern SIG = Pattern.compile("[?&]sig=([^&\"\\s]+)");

    private final String token = "token-marker-" + UUID.randomUUID();
    private final String appSecret = "app-secret-marker-" + UUID.randomUUID();
    private final String certificatePassword = "cert-password-marker-" + UUID.randomUUID();

    private final List<String> plans = new CopyOnWriteArrayList<>();
    private final List<String> errors = new ArrayList<>();

    @Test
    void noSecretInLogsErrorsPlansEventLogOrUi(@TempDir Path temp) throws Exception {
        Path tokenFile = Files.writeString(temp.resolve("token"), token);
        Path certificate = SelfSignedKeyStore.create(temp.resolve("app.p12"), certificatePassword);
        Path eventLog = Files.createDirectories(temp.resolve("events"));
        try (KustoLocalProcess server = KustoLocalProcess.start(List.of("-Xmx1g"), temp.resolve("server.log"),
                List.of("--port", "0", "--in-memory", "--database", DATABASE, "--with-azurite", "--auth-token-file",
                        tokenFile.toString()))) {
            // The SDKs send no token to a URL on "localhost" over plain HTTP; the loopback address carries it.
            String cluster = server.url().replace("://localhost:", "://127.0.0.1:");
            Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
            String resources = server.mgmt(DATABASE, ".get ingestion resources", auth);
            String tempStorage = server.mgmt(DATABASE, ".create tempstorage", auth);
            Set<String> serviceSignatures = signatures(resources + tempStorage);
            assertFalse(serviceSignatures.isEmpty(), "the service hands out SAS URLs: " + resources);
            String containerUrl = storageRoots(tempStorage).stream().filter(u -> u.contains("?")).findFirst().orElseThrow();
            String blobEndpoint = containerUrl.substring(0, containerUrl.lastIndexOf('/', containerUrl.indexOf('?')));
            BlobServiceClient blobs = new BlobServiceClientBuilder().connectionString("DefaultEndpointsProtocol=http;AccountName="
                    + StorageEndpoints.ACCOUNT + ";AccountKey=" + StorageEndpoints.ACCOUNT_KEY + ";BlobEndpoint="
                    + blobEndpoint + ";").buildClient();
            String exportSas = containerSas(blobs, "userexports");
            String ingestSas = containerSas(blobs, "useringest");
            String controlSas = containerSas(blobs, "control");
            String transientStorage = "{\"storageCredentials\":[{\"sasUrl\":\"" + blobEndpoint + "/userexports?" + exportSas
                    + "\"}],\"endpointSuffix\":\"core.windows.net\"}";
            String ingestionContainer = "[{\"storageUrl\":\"" + blobEndpoint + "\",\"containerName\":\"useringest\",\"sas\":\""
                    + ingestSas + "\"}]";

            Map<String, String> markers = new LinkedHashMap<>();
            markers.put("accessToken", token);
            markers.put("kustoAadAppSecret", appSecret);
            markers.put("kutoAadAppCertPassword", certificatePassword);
            signatures("?" + exportSas).forEach(s -> markers.put("transientStorage SAS", s));
            signatures("?" + ingestSas).forEach(s -> markers.put("kustoIngestionStorageContainer SAS", s));
            serviceSignatures.forEach(s -> markers.put("the service's temporary-storage SAS " + s.substring(0, 4), s));
            assertEquals(5 + serviceSignatures.size(), markers.size(), "five distinct secrets and the service's SAS");

            Map<String, String> connection = new HashMap<>(Map.of("kustoCluster", cluster, "kustoDatabase", DATABASE,
                    "accessToken", token));
            Map<String, String> sinks = new LinkedHashMap<>();
            try (OutputCapture capture = new OutputCapture()) {
                SparkSession spark = SparkSession.builder().master("local[2]").appName("kusto-secrets-test")
                        .config("spark.ui.enabled", "true").config("spark.ui.port", "0")
                        .config("spark.eventLog.enabled", "true").config("spark.eventLog.dir", eventLog.toUri().toString())
                        .config("spark.eventLog.compress", "false")
                        .config("spark.sql.shuffle.partitions", "2").config("spark.sql.session.timeZone", "UTC")
                        .getOrCreate();
                try {
                    assertEquals("true", spark.sparkContext().getConf().get("spark.eventLog.enabled"),
                            "this test's own session, with the event log on");
                    spark.listenerManager().register(new PlanListener());
                    runEveryPath(spark, connection, transientStorage, ingestionContainer, certificate, temp);
                    sinks.put("the Spark UI", uiPages(spark));
                } finally {
                    spark.stop();
                }
                sinks.put("log events", String.join("\n", capture.events()));
                sinks.put("standard output and error", capture.printed());
                assertTrue(capture.events().stream().anyMatch(e -> e.startsWith("DEBUG com.azure.")),
                        "the Azure SDK's loggers ran at DEBUG");
                // The control: a storage call through the SDKs' default HTTP client (Netty), which
                // logs request URLs at DEBUG; its SAS signature must be found where the others are not.
                new BlobContainerClientBuilder().endpoint(blobEndpoint + "/control").sasToken(controlSas)
                        .httpClient(new NettyAsyncHttpClientBuilder().build()).buildClient().listBlobs().iterator().hasNext();
                String controlSig = signatures("?" + controlSas).iterator().next();
                assertTrue(capture.events().stream().anyMatch(e -> forms(controlSig).stream().anyMatch(e::contains)),
                        "a SAS that a connection logger prints is found in the captured log");
            }
            sinks.put("exceptions", String.join("\n", errors));
            sinks.put("query plans", String.join("\n", plans));
            sinks.put("the event log", eventLogText(eventLog));

            List<String> leaks = new ArrayList<>();
            for (Map.Entry<String, String> sink : sinks.entrySet()) {
                for (Map.Entry<String, String> marker : markers.entrySet()) {
                    for (String form : forms(marker.getValue())) {
                        int at = sink.getValue().indexOf(form);
                        if (at >= 0) {
                            leaks.add(marker.getKey() + " in " + sink.getKey() + ": ..."
                                    + excerpt(sink.getValue(), at) + "...");
                            break;
                        }
                    }
                }
            }
            assertEquals(List.of(), leaks);
        }
    }

    /** Every read and write path with the markers in its options, and a few failures. */
    private void runEveryPath(SparkSession spark, Map<String, String> connection, String transientStorage,
            String ingestionContainer, Path certificate, Path temp) throws Exception {
        Dataset<Row> rows = spark.range(0, 100).selectExpr("id", "concat('v', id) as s");
        Map<String, String> ingest = new HashMap<>(connection);
        ingest.put("kustoIngestionStorageContainer", ingestionContainer);
        ingest.put("tableCreateOptions", "CreateIfNotExist");

        rows.write().format("kusto").options(ingest).option("kustoTable", "Tx").mode(SaveMode.Append).save();
        rows.write().format("kusto").options(ingest).option("kustoTable", "Queued").option("writeMode", "Queued")
                .mode(SaveMode.Append).save();
        rows.write().format("kusto").options(connection).option("kustoTable", "Streamed")
                .option("tableCreateOptions", "CreateIfNotExist").option("writeMode", "KustoStreaming")
                .mode(SaveMode.Append).save();

        Dataset<Row> single = read(spark, connection, "Tx").option("readMode", "ForceSingleMode").load();
        explain(single);
        assertEquals(100, single.count());
        Dataset<Row> distributed = read(spark, connection, "Tx").option("readMode", "ForceDistributedMode")
                .option("transientStorage", transientStorage).load();
        explain(distributed);
        assertEquals(100, distributed.count());
        Dataset<Row> serviceStorage = read(spark, connection, "Streamed").option("readMode", "ForceDistributedMode").load();
        explain(serviceStorage);
        assertEquals(100, serviceStorage.count());
        awaitCount(spark, connection, "Queued", 100);

        IntMemoryStream input = IntMemoryStream.create(spark);
        StreamingQuery query = input.toDF().writeStream().format("kusto").options(ingest).option("kustoTable", "Sunk")
                .option("checkpointLocation", temp.resolve("checkpoint").toString()).start();
        try {
            input.add(IntStream.rangeClosed(1, 10).boxed().toList());
            query.processAllAvailable();
            input.add(IntStream.rangeClosed(11, 20).boxed().toList());
            query.processAllAvailable();
            plans.add(String.valueOf(query.lastProgress()));
            query.explain(true);
        } finally {
            query.stop();
        }
        assertEquals(20, read(spark, connection, "Sunk | count").load().first().getLong(0));

        failure(() -> read(spark, connection, "Tx | wher x").load().count());
        failure(() -> read(spark, connection, "Tx").option("readMode", "ForceDistributedMode")
                .option("transientStorage", transientStorage.replace("sasUrl", "sasUrll")).load().count());
        failure(() -> rows.write().format("kusto").options(ingest).option("kustoTable", "Tx")
                .option("tableCreateOptions", "FailIfNotExist").option("adjustSchema", "Bogus").mode(SaveMode.Append).save());
        Map<String, String> withoutToken = new HashMap<>(connection);
        withoutToken.remove("accessToken");
        Map<String, String> secret = new HashMap<>(withoutToken);
        secret.put("kustoAadAppId", "00000000-0000-0000-0000-000000000001");
        secret.put("kustoAadAppSecret", appSecret);
        failure(() -> read(spark, secret, "Tx").load().count());
        Map<String, String> cert = new HashMap<>(withoutToken);
        cert.put("kustoAadAppId", "00000000-0000-0000-0000-000000000001");
        cert.put("kutoAadAppCertPath", certificate.toString());
        cert.put("kutoAadAppCertPassword", certificatePassword);
        failure(() -> read(spark, cert, "Tx").load().count());
        Map<String, String> wrongCertPassword = new HashMap<>(cert);
        wrongCertPassword.put("kutoAadAppCertPassword", certificatePassword + "x");
        failure(() -> read(spark, wrongCertPassword, "Tx").load().count());
    }

    private static org.apache.spark.sql.DataFrameReader read(SparkSession spark, Map<String, String> connection,
            String query) {
        return spark.read().format("kusto").options(connection).option("kustoQuery", query);
    }

    private void explain(Dataset<Row> df) {
        plans.add(df.queryExecution().toString());
        plans.add(df.queryExecution().explainString(org.apache.spark.sql.execution.ExtendedMode$.MODULE$));
        df.explain("formatted");
    }

    private void failure(org.junit.jupiter.api.function.Executable action) {
        Throwable e = assertThrows(Throwable.class, action);
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        errors.add(text.toString());
    }

    private static void awaitCount(SparkSession spark, Map<String, String> connection, String table, long expected)
            throws InterruptedException {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        long count;
        while ((count = read(spark, connection, table + " | count").load().first().getLong(0)) != expected) {
            assertTrue(System.nanoTime() < deadline, table + " holds " + count + " rows, not " + expected);
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** Records each action's plans (writes too: their plans hold the write's options). */
    private final class PlanListener implements QueryExecutionListener {
        @Override
        public void onSuccess(String funcName, QueryExecution qe, long durationNs) {
            plans.add(funcName + ": " + qe);
        }

        @Override
        public void onFailure(String funcName, QueryExecution qe, Exception exception) {
            plans.add(funcName + ": " + qe);
        }
    }

    /** Every page of the UI that shows plans, options or configuration, and their REST twins. */
    private static String uiPages(SparkSession spark) throws Exception {
        String ui = spark.sparkContext().uiWebUrl().get();
        String app = spark.sparkContext().applicationId();
        HttpClient http = HttpClient.newHttpClient();
        List<String> paths = new ArrayList<>(List.of("/jobs/", "/stages/", "/environment/", "/SQL/", "/StreamingQuery/",
                "/api/v1/applications/" + app + "/environment",
                "/api/v1/applications/" + app + "/sql?details=true&planDescription=true",
                "/api/v1/applications/" + app + "/jobs", "/api/v1/applications/" + app + "/stages?details=true"));
        String sql = get(http, ui + "/api/v1/applications/" + app + "/sql");
        for (JsonNode execution : new ObjectMapper().readTree(sql)) {
            paths.add("/SQL/execution/?id=" + execution.get("id").asText());
        }
        StringBuilder pages = new StringBuilder();
        for (String path : paths) {
            pages.append(path).append('\n').append(get(http, ui + path)).append('\n');
        }
        return pages.toString();
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static String eventLogText(Path dir) throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                text.append(Files.readString(file));
            }
        }
        assertTrue(text.toString().contains("SparkListenerSQLExecutionStart"), "the event log holds the SQL executions");
        return text.toString();
    }

    /** The SAS signatures of URLs in {@code text}, decoded. */
    private static Set<String> signatures(String text) {
        Set<String> sigs = new LinkedHashSet<>();
        Matcher m = SIG.matcher(text);
        while (m.find()) {
            sigs.add(URLDecoder.decode(m.group(1), StandardCharsets.UTF_8));
        }
        return sigs;
    }

    private static List<String> storageRoots(String response) throws IOException {
        List<String> urls = new ArrayList<>();
        for (JsonNode table : new ObjectMapper().readTree(response).get("Tables")) {
            for (JsonNode row : table.get("Rows")) {
                for (JsonNode value : row) {
                    if (value.isTextual() && value.asText().startsWith("http")) {
                        urls.add(value.asText());
                    }
                }
            }
        }
        return urls;
    }

    /** A secret as it may be printed: as it is and URL-encoded (a SAS signature is base64). */
    private static Set<String> forms(String secret) {
        return new LinkedHashSet<>(List.of(secret, URLEncoder.encode(secret, StandardCharsets.UTF_8)));
    }

    private static String excerpt(String text, int at) {
        return text.substring(Math.max(0, at - 300), Math.min(text.length(), at + 100)).replace('\n', ' ');
    }

    private static String containerSas(BlobServiceClient blobs, String name) {
        BlobContainerClient container = blobs.createBlobContainerIfNotExists(name);
        return container.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plusHours(1),
                BlobContainerSasPermission.parse("racwdl")));
    }
}
