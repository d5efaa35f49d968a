package dev.kustospark.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecurityTest {
    private static final String TOKEN = "s3cr3t-token";

    @Test
    void bearerTokenIsRequiredWhenConfigured() throws Exception {
        try (ServerFixture server = ServerFixture.start(TOKEN, null, null)) {
            ServerFixture.Reply missing = server.postJson("/v1/rest/mgmt", "{\"db\":\"db1\",\"csl\":\".show version\"}", Map.of());
            assertEquals(401, missing.status());
            assertEquals("Unauthorized", new ObjectMapper().readTree(missing.body()).get("error").get("code").asText());

            ServerFixture.Reply wrong = server.postJson("/v1/rest/mgmt", "{\"db\":\"db1\",\"csl\":\".show version\"}",
                    Map.of("Authorization", "Bearer s3cr3t-tokeN"));
            assertEquals(401, wrong.status());
            assertTrue(!wrong.body().contains(TOKEN), "the expected token never appears in a response");

            ServerFixture.Reply ingest = server.send("POST", "/v1/rest/ingest/db1/T?streamFormat=csv", Map.of(), "1\n".getBytes());
            assertEquals(401, ingest.status());

            // auth metadata is fetched by the SDKs before they have a token
            assertEquals(200, server.send("GET", "/v1/rest/auth/metadata", Map.of(), null).status());

            ServerFixture.Reply right = server.postJson("/v1/rest/mgmt", "{\"db\":\"db1\",\"csl\":\".frobnicate\"}",
                    Map.of("Authorization", "Bearer " + TOKEN));
            assertEquals(400, right.status(), "past authentication, the command itself is judged: " + right.body());
        }
    }

    @Test
    void javaSdkWithoutCredentialsGets401AndWithTheTokenGetsThrough() throws Exception {
        try (ServerFixture server = ServerFixture.start(TOKEN, null, null)) {
            DataServiceException denied = assertThrows(DataServiceException.class,
                    () -> ClientFactory.createClient(new ConnectionStringBuilder(server.url())).executeMgmt("db1", ".frobnicate"));
            assertEquals(401, denied.getStatusCode());

            // The SDK never sends a token to a URL starting with http://localhost; 127.0.0.1 carries it.
            String url = "http://127.0.0.1:" + server.server.port();
            DataServiceException judged = assertThrows(DataServiceException.class,
                    () -> ClientFactory.createClient(ConnectionStringBuilder.createWithAadAccessTokenAuthentication(url, TOKEN))
                            .executeMgmt("db1", ".frobnicate"));
            assertEquals(400, judged.getStatusCode(), judged.getMessage());
        }
    }

    @Test
    void authorizationIsIgnoredWithoutATokenFile() throws Exception {
        try (ServerFixture server = ServerFixture.start()) {
            ServerFixture.Reply reply = server.postJson("/v1/rest/mgmt", "{\"db\":\"db1\",\"csl\":\".frobnicate\"}",
                    Map.of("Authorization", "Bearer anything"));
            assertEquals(400, reply.status());
        }
    }

    @Test
    void httpsWithAPkcs12Keystore(@TempDir Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        String password = "changeit";
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "kusto-local", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes()));

        try (ServerFixture server = ServerFixture.start(null, keystore, password)) {
            assertTrue(server.url().startsWith("https://localhost:"), server.url());
            KeyStore trust = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                trust.load(in, password.toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);

            HttpsURLConnection metadata = (HttpsURLConnection) new URL(server.url() + "/v1/rest/auth/metadata").openConnection();
            metadata.setSSLSocketFactory(ssl.getSocketFactory());
            ServerFixture.Reply reply = ServerFixture.exchange(metadata, "GET", Map.of(), null);
            assertEquals(200, reply.status());
            assertTrue(reply.body().contains("AzureAD"));

            HttpsURLConnection query = (HttpsURLConnection) new URL(server.url() + "/v2/rest/query").openConnection();
            query.setSSLSocketFactory(ssl.getSocketFactory());
            ServerFixture.Reply rejected = ServerFixture.exchange(query, "POST", Map.of("Content-Type", "application/json"),
                    "{\"db\":\"db1\",\"csl\":\".show tables\"}".getBytes());
            assertEquals(400, rejected.status());
        }
    }
}
