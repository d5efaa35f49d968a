package dev.kustospark.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.KustoOption.Disposition;
import dev.kustospark.spark.KustoOption.Side;
import dev.kustospark.spark.KustoOption;
import dev.kustospark.spark.KustoOptionException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.Test;

/**
 * The registry holds every option name of the established connector (the list in
 * {@code testdata/established-connector-options.txt}), each with a disposition that a read or write
 * acts on: ignored options warn, unavailable ones fail, mapped ones set our setting, ranges hold.
 */
class EstablishedOptionsTest {
    private static final Path ESTABLISHED = Path.of("../../testdata/established-connector-options.txt");

    static List<String> establishedNames() throws Exception {
        return Files.readAllLines(ESTABLISHED, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.startsWith("#") && !line.isBlank()).map(String::strip).toList();
    }

    @Test
    void everyOptionNameOfTheEstablishedConnectorIsInTheRegistryWithADisposition() throws Exception {
        List<String> names = establishedNames();
        assertEquals(52, names.size(), "the list of the established connector's 7.1.1 option names");
        for (String name : names) {
            KustoOption option = KustoOption.forKey(name.toUpperCase()).orElseThrow(() -> new AssertionError(name));
            assertEquals(name, option.key(), "the established connector's spelling is the canonical one");
            assertTrue(option.disposition() != null, name);
        }
        // This connector's own options do what they say; only the established connector's can be mapped or ignored.
        Set<String> established = Set.copyOf(names);
        List<String> own = Arrays.stream(KustoOption.values()).map(KustoOption::key).filter(k -> !established.contains(k))
                .toList();
        assertEquals(List.of("kustoAuthMethod", "spark.synapse.linkedService"), own);
        own.forEach(k -> assertEquals(Disposition.SUPPORTED, KustoOption.forKey(k).orElseThrow().disposition(), k));
    }

    @Test
    void ignoredOptionsAreAcceptedWithOneWarningThatSaysWhyAndNeverTheValue() {
        List<String> warnings = warningsDuring(() -> WriteConfig.from(write("ensureNoDuplicatedBlobs", "TRUE"), Map.of()));
        assertEquals(List.of("Option ensureNoDuplicatedBlobs has no effect in this connector. "
                + KustoOption.ENSURE_NO_DUPLICATED_BLOBS.description()), warnings);
        assertEquals(List.of(), warningsDuring(() -> WriteConfig.from(write("ensureNoDuplicatedBlobs", "false"), Map.of())),
                "the default is no request, so nothing to warn of");
        warnings = warningsDuring(() -> ReadConfig.from(read("partitionMode", "hash-of-a-secret", "storageProtocol", "abfss"),
                Map.of()));
        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("Option storageProtocol has no effect in this connector. `wasbs`, `abfs`"),
                warnings.get(0));
        assertTrue(warnings.get(1).startsWith("Option partitionMode has no effect in this connector. The established"
                + " connector never used it"), warnings.get(1));
        assertFalse(String.join("\n", warnings).contains("hash-of-a-secret"), "values are never logged");
        for (KustoOption option : KustoOption.values()) {
            if (option.disposition() == Disposition.IGNORED) {
                assertFalse(option.secret(), option.key() + ": an ignored option is never a secret, so warnings are safe");
            }
        }
    }

    @Test
    void unavailableOptionsAreAcceptedAsNamesAndFailAtUseSayingWhatToDo() {
        assertEquals("https://v.vault.azure.net", KustoOption.KEY_VAULT_URI.validate("https://v.vault.azure.net"));
        KustoOptionException one = assertThrows(KustoOptionException.class,
                () -> ReadConfig.from(read("keyVaultUri", "https://v.vault.azure.net"), Map.of()));
        assertEquals("Option keyVaultUri is not available in this connector; remove it. Read the secret from Key Vault in"
                + " the job (e.g. `mssparkutils.credentials.getSecret`, `dbutils.secrets.get`) and pass it as"
                + " `kustoAadAppSecret`.", one.getMessage());
        KustoOptionException several = assertThrows(KustoOptionException.class, () -> WriteConfig.from(
                write("keyVaultUri", "https://v", "KEYVAULTPEMFILEPATH", "/k.pem", "keyVaultPemFileKey", "S3CRET"), Map.of()));
        assertTrue(several.getMessage().startsWith("Options keyVaultUri, keyVaultPemFilePath, keyVaultPemFileKey are not"
                + " available in this connector; remove them. Read the secret"), several.getMessage());
        assertFalse(several.getMessage().contains("S3CRET"), several.getMessage());

        assertEquals("T", WriteConfig.from(write("addSourceLocationTransform", "false"), Map.of()).table(),
                "the default asks for nothing unavailable");
        assertTrue(assertThrows(KustoOptionException.class,
                () -> WriteConfig.from(write("addSourceLocationTransform", "true"), Map.of())).getMessage()
                .startsWith("Option addSourceLocationTransform is not available in this connector; remove it."));
    }

    @Test
    void blobStorageEndpointSuffixIsTheTransientStoragesEndpointSuffix() {
        String storage = "{\"storageCredentials\":[{\"storageAccountName\":\"acct\",\"blobContainer\":\"c\","
                + "\"sasKey\":\"?sig=S3CRET\"}]}";
        ReadConfig config = ReadConfig.from(read("transientStorage", storage, "blobStorageEndpointSuffix",
                "core.chinacloudapi.cn"), Map.of());
        assertTrue(config.transientStorage().orElseThrow().contains("\"endpointSuffix\":\"core.chinacloudapi.cn\""));
        String withSuffix = storage.replace("}]}", "}],\"endpointSuffix\":\"core.windows.net\"}");
        assertEquals("Option blobStorageEndpointSuffix is 'core.chinacloudapi.cn' but the endpointSuffix of option"
                + " transientStorage is 'core.windows.net'; remove one of them.",
                assertThrows(KustoOptionException.class, () -> ReadConfig.from(read("transientStorage", withSuffix,
                        "blobStorageEndpointSuffix", "core.chinacloudapi.cn"), Map.of())).getMessage());
        assertTrue(ReadConfig.from(read("transientStorage", withSuffix, "blobStorageEndpointSuffix", "core.windows.net"),
                Map.of()).transientStorage().orElseThrow().contains("core.windows.net"));
        List<String> warnings = warningsDuring(() -> ReadConfig.from(read("blobStorageEndpointSuffix", "core.windows.net"),
                Map.of()));
        assertEquals(List.of("Option blobStorageEndpointSuffix has no effect without transientStorage: the cluster's own"
                + " temporary storage comes with full URLs."), warnings);
    }

    @Test
    void mappedAndSupportedDebugOptionsSetTheirSettings() {
        WriteConfig defaults = WriteConfig.from(write(), Map.of());
        assertEquals(500, defaults.moveBatchSize());
        assertEquals(2, defaults.moveRetries());
        assertTrue(defaults.flushFullBlobs());
        WriteConfig set = WriteConfig.from(write("maximalExtentsCountForSplitMergePerNode", "40", "maxRetriesOnMoveExtents",
                "0", "disableFlushImmediately", "true"), Map.of());
        assertEquals(40, set.moveBatchSize());
        assertEquals(0, set.moveRetries());
        assertFalse(set.flushFullBlobs());

        assertTrue(ReadConfig.from(read(), Map.of()).compressExport());
        assertFalse(ReadConfig.from(read("dbgBlobCompressOnExport", "false"), Map.of()).compressExport());
        assertEquals("Option dbgBlobCompressOnExport=false exports uncompressed Parquet, but kustoExportOptionsJson sets a"
                + " compressionType; remove one of them.", assertThrows(KustoOptionException.class,
                        () -> ReadConfig.from(read("dbgBlobCompressOnExport", "false", "kustoExportOptionsJson",
                                "{\"CompressionType\":\"gzip\"}"), Map.of())).getMessage());
    }

    @Test
    void numericOptionsHoldToTheirRangeAndTheErrorNamesOptionValueAndRange() {
        assertEquals("Option streamingIngestSizeInMB has value '100': expected a whole number from 1 to 4.",
                assertThrows(KustoOptionException.class, () -> WriteConfig.from(write("writeMode", "KustoStreaming",
                        "streamingIngestSizeInMB", "100"), Map.of())).getMessage());
        List<KustoOption> ranged = Arrays.stream(KustoOption.values()).filter(KustoOption::ranged).toList();
        assertEquals(List.of("timeoutLimit", "numPartitions", "clientBatchingLimit", "streamingIngestSizeInMB",
                "stagingResourcesAutoCleanupTimeout", "maxRetriesOnMoveExtents", "maximalExtentsCountForSplitMergePerNode"),
                ranged.stream().map(KustoOption::key).toList());
        for (KustoOption option : ranged) {
            for (long ok : new long[] {option.minimum(), option.maximum()}) {
                assertEquals(Long.toString(ok), option.validate(Long.toString(ok)), option.key());
            }
            for (long bad : new long[] {option.minimum() - 1, option.maximum() + 1}) {
                String message = assertThrows(KustoOptionException.class, () -> option.validate(Long.toString(bad)),
                        option.key()).getMessage();
                assertTrue(message.startsWith("Option " + option.key() + " has value '" + bad + "': expected a whole"
                        + " number") && message.endsWith("from " + option.minimum() + " to " + option.maximum() + "."),
                        message);
            }
            String defaultValue = option.defaultValue().orElseThrow();
            long d = Long.parseLong(defaultValue);
            assertTrue(d >= option.minimum() && d <= option.maximum(), option.key() + ": the default lies in the range");
        }
    }

    private static Map<String, String> read(String... keysAndValues) {
        Map<String, String> options = ReadConfigTest.base();
        options.putAll(pairs(keysAndValues));
        return options;
    }

    private static Map<String, String> write(String... keysAndValues) {
        Map<String, String> options = WriteConfigTest.base();
        options.putAll(pairs(keysAndValues));
        return options;
    }

    private static Map<String, String> pairs(String... keysAndValues) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** The WARN messages of the config classes while {@code action} runs. */
    private static List<String> warningsDuring(Supplier<?> action) {
        List<String> seen = new CopyOnWriteArrayList<>();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        AbstractAppender appender = new AbstractAppender("optionWarnings", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                if (event.getLevel() == Level.WARN) {
                    seen.add(event.getMessage().getFormattedMessage());
                }
            }
        };
        appender.start();
        List<String> loggers = new ArrayList<>(List.of(ParsedOptions.class.getName(), ReadConfig.class.getName()));
        loggers.forEach(name -> context.getConfiguration().addLoggerAppender(context.getLogger(name), appender));
        try {
            action.get();
        } finally {
            loggers.forEach(name -> context.getConfiguration().getLoggerConfig(name).removeAppender("optionWarnings"));
        }
        return List.copyOf(seen);
    }
}
