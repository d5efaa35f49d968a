package dev.kustospark.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class OptionReferenceTest {
    /** The project root's docs, from the module directory Maven runs tests in. */
    private static final Path OPTIONS_MD = Path.of("../../docs/options.md");

    @Test
    void docsEqualTheGeneratedReference() throws Exception {
        String generated = OptionReference.markdown();
        assertEquals(generated, Files.readString(OPTIONS_MD, StandardCharsets.UTF_8),
                "docs/options.md is stale: regenerate it with"
                        + " java -cp jvm-core/kusto-spark-connector/target/classes dev.kustospark.spark.config.OptionReference > docs/options.md");
    }

    @Test
    void everyOptionIsDocumentedWithItsDefault() {
        String generated = OptionReference.markdown();
        for (KustoOption option : KustoOption.values()) {
            assertTrue(generated.contains("| `" + option.key() + "` | " + option.defaultValue()
                    .map(d -> d.contains(" ") ? d : "`" + d + "`").orElse("") + " |"), option.key());
            assertTrue(!option.description().isBlank(), option.key());
        }
        assertEquals(KustoOption.values().length, Arrays.stream(KustoOption.values()).map(o -> o.key().toLowerCase())
                .distinct().count(), "keys are unique ignoring case");
    }

    @Test
    void theEstablishedConnectorsOptionNamesAreAllKnown() {
        String[] established = {"kustoCluster", "kustoDatabase", "kustoQuery", "kustoTable", "kustoAadAppId",
            "kustoAadAuthorityID", "kustoAadAppSecret", "accessToken", "managedIdentityAuth", "managedIdentityClientId",
            "tokenProviderCallbackClasspath", "kustoIngestionUri", "timeoutLimit", "clientRequestPropertiesJson",
            "requestId", "readMode", "customSchema", "queryFilterPushDown", "transientStorage", "kustoExportOptionsJson",
            "distributedReadModeTransientCache", "tableCreateOptions", "sparkIngestionPropertiesJson", "writeMode",
            "adjustSchema", "clientBatchingLimit", "pollingOnDriver", "writeEnableAsync", "writeResultLimit",
            "tempTableName", "streamingIngestSizeInMB", "stagingResourcesAutoCleanupTimeout",
            "kustoIngestionStorageContainer", "userPrompt", "kutoAadAppCertPath", "kutoAadAppCertPassword", "keyVaultUri",
            "keyVaultAppId", "keyVaultAppKey", "storageProtocol", "numPartitions", "partitionColumn"};
        for (String name : established) {
            assertEquals(name, KustoOption.forKey(name.toUpperCase()).orElseThrow(() -> new AssertionError(name)).key());
        }
    }
}
