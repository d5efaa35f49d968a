package dev.kustospark.spark.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.KustoReadOptions;
import dev.kustospark.spark.KustoWriteOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets never appear in toString, plan descriptions or error messages. */
class RedactionTest {
    private static final String SECRET = "S3CRET-value-42";
    private static final String SAS = "sv=2024&sig=SAS-SIGNATURE-99";

    private static void assertClean(String text) {
        assertFalse(text.contains(SECRET), () -> "secret leaked: " + text);
        assertFalse(text.contains("S3CRET"), () -> "part of a secret leaked: " + text);
        assertFalse(text.contains("SAS-SIGNATURE"), () -> "SAS leaked: " + text);
    }

    private static Map<String, String> read(String... keyValues) {
        Map<String, String> options = new HashMap<>(Map.of("kustoCluster", "https://c.kusto.windows.net",
                "kustoDatabase", "db", "kustoQuery", "T"));
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return options;
    }

    @Test
    void configsAndTheirDescriptionsHideSecrets() {
        ReadConfig app = ReadConfig.from(read("kustoAadAppId", "app", "kustoAadAppSecret", SECRET,
                "readMode", "ForceDistributedMode",
                "transientStorage", "{\"storageCredentials\":[{\"storageAccountName\":\"acc\",\"blobContainer\":\"c\","
                        + "\"sasKey\":\"" + SAS + "\"}],\"endpointSuffix\":\"core.windows.net\"}"), Map.of());
        assertClean(app.toString());
        assertClean(app.connection().toString());
        assertClean(app.connection().auth().toString());
        assertTrue(app.toString().contains("secret=<hidden>") && app.toString().contains("transientStorage=<hidden>"),
                app.toString());

        ReadConfig token = ReadConfig.from(read("accessToken", SECRET), Map.of());
        assertClean(token.toString());
        ReadConfig cert = ReadConfig.from(read("kustoAadAppId", "app", "kutoAadAppCertPath", "/c.pfx",
                "kutoAadAppCertPassword", SECRET), Map.of());
        assertClean(cert.toString());

        WriteConfig write = WriteConfig.from(Map.of("kustoCluster", "c", "kustoDatabase", "d", "kustoTable", "T",
                "accessToken", SECRET, "kustoIngestionStorageContainer",
                "[{\"storageUrl\":\"https://a.blob.core.windows.net\",\"containerName\":\"c\",\"sas\":\"" + SAS + "\"}]"),
                Map.of());
        assertClean(write.toString());
        assertTrue(write.toString().contains("kustoIngestionStorageContainer=<hidden>"), write.toString());
    }

    @Test
    void optionBuildersHideSecrets() {
        assertClean(KustoReadOptions.create().kustoAadAppId("a").kustoAadAppSecret(SECRET).toString());
        assertClean(KustoWriteOptions.create().accessToken(SECRET).aadAppCertificate("/c.pfx", SECRET).toString());
        assertTrue(KustoReadOptions.create().accessToken(SECRET).toString().contains("accessToken=<hidden>"));
    }

    @Test
    void errorMessagesNeverQuoteSecrets() {
        List<Map<String, String>> bad = List.of(
                // conflicting methods
                read("kustoAadAppId", "a", "kustoAadAppSecret", SECRET, "accessToken", SECRET),
                // a secret under a misspelt key: the key is named, the value is not
                read("kustoAadAppSecrett", SECRET),
                // a secret-bearing JSON that does not parse
                read("transientStorage", "{\"storageCredentials\":[{\"sasKey\":\"" + SAS + "\" " + SECRET + "}]}"),
                read("transientStorage", "{\"storageCredentials\":[{\"sasKey\":\"" + SAS + "\"}]}"),
                read("transientStorage", "{\"storageCredentials\":[{\"sasKeyy\":\"" + SAS + "\"}]}"),
                // the same secret twice with different values
                read("accessToken", SECRET, "ACCESSTOKEN", SECRET + "x"),
                // a secret without its application
                read("kustoAadAppSecret", SECRET),
                read("kutoAadAppCertPassword", SECRET));
        for (Map<String, String> options : bad) {
            KustoOptionException e = assertThrows(KustoOptionException.class, () -> ReadConfig.from(options, Map.of()));
            assertClean(e.getMessage());
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                assertClean(String.valueOf(cause.getMessage()));
            }
        }
        KustoOptionException conf = assertThrows(KustoOptionException.class, () -> ReadConfig.from(
                Map.of("spark.synapse.linkedService", "p", "kustoQuery", "T"),
                Map.of("spark.kusto.linkedService.p.cluster", "c", "spark.kusto.linkedService.p.accessToken", SECRET,
                        "spark.kusto.linkedService.p.kustoAadAppSecret", SECRET)));
        assertClean(conf.getMessage());
        assertClean(assertThrows(KustoOptionException.class, () -> WriteConfig.from(Map.of("kustoCluster", "c",
                "kustoDatabase", "d", "kustoTable", "T", "accessToken", "t", "kustoIngestionStorageContainer",
                "[{\"storageUrl\":\"u\",\"sas\":\"" + SAS + "\"}]"), Map.of())).getMessage());
    }
}
