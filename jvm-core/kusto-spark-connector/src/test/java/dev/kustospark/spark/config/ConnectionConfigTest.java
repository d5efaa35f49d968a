package dev.kustospark.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.ClientRequestProperties;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.TokenProvider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionConfigTest {
    private static ConnectionConfig connection(String... keyValues) {
        Map<String, String> options = ReadConfigTest.base();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return ReadConfig.from(options, Map.of()).connection();
    }

    private static String error(String... keyValues) {
        return assertThrows(KustoOptionException.class, () -> connection(keyValues)).getMessage();
    }

    @ParameterizedTest
    @CsvSource({
        "mycluster, https://mycluster.kusto.windows.net",
        "mycluster.westeurope, https://mycluster.westeurope.kusto.windows.net",
        "MyCluster.WestEurope.kusto.windows.net, https://mycluster.westeurope.kusto.windows.net",
        "https://mycluster.westeurope.kusto.windows.net/, https://mycluster.westeurope.kusto.windows.net",
        "https://trd-abc.z0.kusto.fabric.microsoft.com, https://trd-abc.z0.kusto.fabric.microsoft.com",
        "http://localhost:8080, http://localhost:8080",
        "localhost:8080, http://localhost:8080",
        "http://127.0.0.1:9000/, http://127.0.0.1:9000"})
    void clusterAcceptsUrlsAndNames(String given, String url) {
        assertEquals(url, connection("kustoCluster", given, "kustoAuthMethod", "none").clusterUrl());
    }

    @Test
    void everyConnectionOptionIsTyped() {
        ConnectionConfig c = connection("requestId", "my-op", "timeoutLimit", "60", "kustoIngestionUri",
                "https://ingest-x.kusto.windows.net/", "clientRequestPropertiesJson",
                "{\"Options\":{\"norequesttimeout\":true},\"Parameters\":{\"p\":\"long(1)\"}}");
        assertEquals("my-op", c.requestId());
        assertEquals(Duration.ofSeconds(60), c.timeout());
        assertEquals(Optional.of("https://ingest-x.kusto.windows.net"), c.ingestionUri());
        assertEquals(ClientRequestProperties.builder().noRequestTimeout(true).longParameter("p", 1).build(),
                c.clientRequestProperties());
    }

    @Test
    void authenticationMethods() {
        assertEquals(AuthConfig.Method.NONE, connection().auth().method(), "http without credentials");
        AuthConfig app = connection("kustoCluster", "c.westeurope", "kustoAadAppId", "app", "kustoAadAppSecret", "s3cret",
                "kustoAadAuthorityID", "tenant").auth();
        assertEquals(AuthConfig.Method.APPLICATION_SECRET, app.method());
        assertEquals(Optional.of("app"), app.applicationId());
        assertEquals(Optional.of("tenant"), app.authority());
        assertEquals(Optional.of("microsoft.com"), connection("kustoCluster", "c", "kustoAadAppId", "app",
                "kustoAadAppSecret", "s").auth().authority(), "the established connector's default authority");
        assertEquals(AuthConfig.Method.APPLICATION_CERTIFICATE, connection("kustoCluster", "c", "kustoAadAppId", "app",
                "kutoAadAppCertPath", "/x.pfx", "kutoAadAppCertPassword", "pw").auth().method());
        assertEquals(AuthConfig.Method.ACCESS_TOKEN, connection("kustoCluster", "c", "accessToken", "t").auth().method());
        assertEquals(AuthConfig.Method.MANAGED_IDENTITY, connection("kustoCluster", "c", "managedIdentityAuth", "true").auth().method());
        AuthConfig userAssigned = connection("kustoCluster", "c", "managedIdentityClientId", "mi").auth();
        assertEquals(AuthConfig.Method.MANAGED_IDENTITY, userAssigned.method());
        assertEquals(Optional.of("mi"), userAssigned.managedIdentityClientId());
        assertEquals(AuthConfig.Method.DEFAULT_CREDENTIAL, connection("kustoCluster", "c", "kustoAuthMethod", "DEFAULT").auth().method());
        assertEquals(AuthConfig.Method.AZURE_CLI, connection("kustoCluster", "c", "kustoAuthMethod", "azurecli").auth().method());
        assertEquals(AuthConfig.Method.NONE, connection("kustoCluster", "c", "kustoAuthMethod", "none").auth().method());
        assertEquals(AuthConfig.Method.USER_PROMPT, connection("kustoCluster", "c", "userPrompt", "true").auth().method());
        assertEquals(AuthConfig.Method.TOKEN_PROVIDER, connection("kustoCluster", "c", "tokenProviderCallbackClasspath",
                FixedTokenProvider.class.getName()).auth().method());
        assertEquals(AuthConfig.Method.TOKEN_PROVIDER, connection("kustoCluster", "c", "tokenProviderCallbackClasspath",
                CallableTokenProvider.class.getName()).auth().method());
    }

    @Test
    void authenticationErrorsSayWhatToSet() {
        assertEquals("No authentication for https://c.kusto.windows.net: set kustoAadAppId with kustoAadAppSecret and"
                + " kustoAadAuthorityID, or accessToken, or managedIdentityAuth=true, or tokenProviderCallbackClasspath,"
                + " or kustoAuthMethod (default, azureCli, none).", error("kustoCluster", "c"));
        assertEquals("Options kustoAadAppId, accessToken each choose an authentication method; keep exactly one.",
                error("kustoAadAppId", "a", "kustoAadAppSecret", "s", "accessToken", "t"));
        assertEquals("Option kustoAadAppId needs exactly one of kustoAadAppSecret and kutoAadAppCertPath.",
                error("kustoAadAppId", "a"));
        assertEquals("Option kustoAadAppId is required with kustoAadAppSecret.", error("kustoAadAppSecret", "s"));
        assertEquals("Option managedIdentityClientId is set but managedIdentityAuth is false; remove one of them.",
                error("managedIdentityAuth", "false", "managedIdentityClientId", "x"));
        assertEquals("Option tokenProviderCallbackClasspath has value 'com.example.Missing': no such class on the"
                + " classpath; add the jar holding it to the job (e.g. --jars).",
                error("tokenProviderCallbackClasspath", "com.example.Missing"));
        assertEquals("Option tokenProviderCallbackClasspath has value 'java.lang.String': the class implements neither"
                + " dev.kustospark.spark.TokenProvider nor java.util.concurrent.Callable<String>.",
                error("tokenProviderCallbackClasspath", "java.lang.String"));
    }

    @Test
    void authConfigEqualityIncludesTheSecretAndSurvivesSerialization() throws Exception {
        AuthConfig a = connection("kustoAadAppId", "app", "kustoAadAppSecret", "one").auth();
        AuthConfig b = connection("kustoAadAppId", "app", "kustoAadAppSecret", "two").auth();
        assertNotEquals(a, b, "clients cached per credentials must not be shared across secrets");
        assertEquals(a.toString(), b.toString());
        ReadConfig config = ReadConfig.from(Map.of("kustoCluster", "c", "kustoDatabase", "d", "kustoQuery", "T",
                "customSchema", "a INT", "kustoAadAppId", "app", "kustoAadAppSecret", "one"), Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(config);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            ReadConfig copy = (ReadConfig) in.readObject();
            assertEquals(config.connection(), copy.connection());
            assertEquals(a, copy.connection().auth());
            assertEquals("T", copy.query());
            assertEquals(Optional.empty(), copy.customSchema(), "driver-only settings are not shipped to executors");
        }
    }

    @Test
    void theSdkConnectionStringBuilderCarriesTheCredentials() {
        AuthConfig token = connection("kustoCluster", "c", "accessToken", "tok").auth();
        var csb = token.toConnectionStringBuilder("https://c.kusto.windows.net");
        assertEquals("https://c.kusto.windows.net", csb.getClusterUrl());
        AuthConfig provider = connection("kustoCluster", "c", "tokenProviderCallbackClasspath",
                FixedTokenProvider.class.getName()).auth();
        assertTrue(provider.toConnectionStringBuilder("https://c.kusto.windows.net").getTokenProvider() != null);
    }

    @Test
    void everyMethodBuildsAnSdkConnectionWithoutContactingAnything() {
        String url = "https://c.kusto.windows.net";
        for (String[] options : new String[][] {
            {"kustoAadAppId", "app", "kustoAadAppSecret", "s"},
            {"managedIdentityAuth", "true"},
            {"managedIdentityClientId", "mi"},
            {"kustoAuthMethod", "default"},
            {"kustoAuthMethod", "azureCli"},
            {"userPrompt", "true"},
            {"kustoAuthMethod", "none"}}) {
            String[] all = new String[options.length + 2];
            all[0] = "kustoCluster";
            all[1] = url;
            System.arraycopy(options, 0, all, 2, options.length);
            assertEquals(url, connection(all).auth().toConnectionStringBuilder(url).getClusterUrl(), String.join(",", options));
        }
    }

    @Test
    void applicationCertificatesAreReadFromPkcs12(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path pfx = dir.resolve("app.pfx");
        Process keytool = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "app", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=app",
                "-storetype", "PKCS12", "-keystore", pfx.toString(), "-storepass", "pfx-pass", "-keypass", "pfx-pass")
                .redirectErrorStream(true).start();
        assertTrue(keytool.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) && keytool.exitValue() == 0,
                new String(keytool.getInputStream().readAllBytes()));
        String url = "https://c.kusto.windows.net";
        AuthConfig right = connection("kustoCluster", url, "kustoAadAppId", "app", "kutoAadAppCertPath", pfx.toString(),
                "kutoAadAppCertPassword", "pfx-pass").auth();
        assertEquals(url, right.toConnectionStringBuilder(url).getClusterUrl());
        AuthConfig wrong = connection("kustoCluster", url, "kustoAadAppId", "app", "kutoAadAppCertPath", pfx.toString(),
                "kutoAadAppCertPassword", "not-the-pass").auth();
        KustoOptionException e = assertThrows(KustoOptionException.class, () -> wrong.toConnectionStringBuilder(url));
        assertTrue(e.getMessage().startsWith("Option kutoAadAppCertPath: cannot read the PKCS#12 certificate '" + pfx + "'"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("not-the-pass"), e.getMessage());
    }

    /** A token provider as a user would write one. */
    public static final class FixedTokenProvider implements TokenProvider {
        @Override
        public String accessToken(String clusterUrl) {
            return "token-for-" + clusterUrl;
        }
    }

    /** The established connector's callback shape. */
    public static final class CallableTokenProvider implements Callable<String> {
        @Override
        public String call() {
            return "token";
        }
    }
}
