package dev.kustospark.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.KustoOption;
import dev.kustospark.spark.KustoOptionException;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every registered option: a valid value is accepted in any key case, a bad one is named with what is allowed. */
class EveryOptionTest {
    /** A valid value and an invalid one (null where any text is valid) for each option. */
    static Stream<Arguments> samples() {
        return Stream.of(
                Arguments.of(KustoOption.KUSTO_CLUSTER, "localhost:8080", "my cluster"),
                Arguments.of(KustoOption.KUSTO_DATABASE, "db", " "),
                Arguments.of(KustoOption.KUSTO_AAD_APP_ID, "app", " "),
                Arguments.of(KustoOption.KUSTO_AAD_APP_SECRET, "secret", ""),
                Arguments.of(KustoOption.KUSTO_AAD_AUTHORITY_ID, "tenant", ""),
                Arguments.of(KustoOption.KUTO_AAD_APP_CERT_PATH, "/c.pfx", ""),
                Arguments.of(KustoOption.KUTO_AAD_APP_CERT_PASSWORD, "pw", ""),
                Arguments.of(KustoOption.ACCESS_TOKEN, "token", ""),
                Arguments.of(KustoOption.MANAGED_IDENTITY_AUTH, "true", "yes"),
                Arguments.of(KustoOption.MANAGED_IDENTITY_CLIENT_ID, "id", ""),
                Arguments.of(KustoOption.TOKEN_PROVIDER_CALLBACK_CLASSPATH, "com.example.Provider", ""),
                Arguments.of(KustoOption.USER_PROMPT, "false", "0"),
                Arguments.of(KustoOption.KUSTO_AUTH_METHOD, "Default", "msi"),
                Arguments.of(KustoOption.KEY_VAULT_URI, "https://vault.vault.azure.net", " "),
                Arguments.of(KustoOption.KEY_VAULT_APP_ID, "app", ""),
                Arguments.of(KustoOption.KEY_VAULT_APP_KEY, "key", ""),
                Arguments.of(KustoOption.KEY_VAULT_PEM_FILE_PATH, "/k.pem", ""),
                Arguments.of(KustoOption.KEY_VAULT_PEM_FILE_KEY, "key", ""),
                Arguments.of(KustoOption.KUSTO_INGESTION_URI, "https://ingest-c.kusto.windows.net", "ingest-c"),
                Arguments.of(KustoOption.TIMEOUT_LIMIT, "600", "10m"),
                Arguments.of(KustoOption.CLIENT_REQUEST_PROPERTIES_JSON, "{\"Options\":{}}", "{\"Options\":1}"),
                Arguments.of(KustoOption.REQUEST_ID, "op-1", " "),
                Arguments.of(KustoOption.LINKED_SERVICE, "profile", ""),
                Arguments.of(KustoOption.KUSTO_QUERY, "T", ""),
                Arguments.of(KustoOption.READ_MODE, "forcesinglemode", "Single"),
                Arguments.of(KustoOption.CUSTOM_SCHEMA, "a INT", ""),
                Arguments.of(KustoOption.QUERY_FILTER_PUSH_DOWN, "FALSE", "off"),
                Arguments.of(KustoOption.NUM_PARTITIONS, "16", "-1"),
                Arguments.of(KustoOption.PARTITION_COLUMN, "Id", ""),
                Arguments.of(KustoOption.TRANSIENT_STORAGE,
                        "{\"storageCredentials\":[{\"sasUrl\":\"https://a.blob.core.windows.net/c?sig=x\"}]}", "[]"),
                Arguments.of(KustoOption.KUSTO_EXPORT_OPTIONS_JSON, "{\"sizeLimit\":1000}", "sizeLimit=1000"),
                Arguments.of(KustoOption.DISTRIBUTED_READ_MODE_TRANSIENT_CACHE, "true", "Y"),
                Arguments.of(KustoOption.BLOB_STORAGE_ENDPOINT_SUFFIX, "core.chinacloudapi.cn", ""),
                Arguments.of(KustoOption.STORAGE_PROTOCOL, "ABFSS", "https"),
                Arguments.of(KustoOption.DBG_BLOB_COMPRESS_ON_EXPORT, "False", "no"),
                Arguments.of(KustoOption.PARTITION_MODE, "hash", ""),
                Arguments.of(KustoOption.KUSTO_TABLE, "T", ""),
                Arguments.of(KustoOption.WRITE_MODE, "queued", "Async"),
                Arguments.of(KustoOption.TABLE_CREATE_OPTIONS, "createifnotexist", "Create"),
                Arguments.of(KustoOption.ADJUST_SCHEMA, "failifnotmatch", "Match"),
                Arguments.of(KustoOption.SPARK_INGESTION_PROPERTIES_JSON, "{\"flushImmediately\":false}", "{\"flush\":true}"),
                Arguments.of(KustoOption.CLIENT_BATCHING_LIMIT, "100", "100MB"),
                Arguments.of(KustoOption.POLLING_ON_DRIVER, "true", "t"),
                Arguments.of(KustoOption.WRITE_ENABLE_ASYNC, "false", "f"),
                Arguments.of(KustoOption.WRITE_RESULT_LIMIT, "none", "all"),
                Arguments.of(KustoOption.TEMP_TABLE_NAME, "Staging", " "),
                Arguments.of(KustoOption.STREAMING_INGEST_SIZE_IN_MB, "2", "5"),
                Arguments.of(KustoOption.STAGING_RESOURCES_AUTO_CLEANUP_TIMEOUT, "3600", "1h"),
                Arguments.of(KustoOption.KUSTO_INGESTION_STORAGE_CONTAINER,
                        "[{\"storageUrl\":\"https://a.blob.core.windows.net\",\"containerName\":\"c\",\"userMsi\":\"id\"}]", "{}"),
                Arguments.of(KustoOption.DISABLE_FLUSH_IMMEDIATELY, "TRUE", "1"),
                Arguments.of(KustoOption.ENSURE_NO_DUPLICATED_BLOBS, "true", "yes"),
                Arguments.of(KustoOption.ADD_SOURCE_LOCATION_TRANSFORM, "false", "no"),
                Arguments.of(KustoOption.MAX_RETRIES_ON_MOVE_EXTENTS, "0", "101"),
                Arguments.of(KustoOption.MAXIMAL_EXTENTS_COUNT_FOR_SPLIT_MERGE_PER_NODE, "10000", "0"));
    }

    @ParameterizedTest
    @EnumSource(KustoOption.class)
    void everyOptionHasASample(KustoOption option) {
        assertTrue(samples().anyMatch(a -> a.get()[0] == option), option.key() + " has no sample in this test");
    }

    @ParameterizedTest
    @MethodSource("samples")
    void validValuesPassAndInvalidOnesAreNamed(KustoOption option, String valid, String invalid) {
        assertEquals(option, KustoOption.forKey(option.key().toUpperCase()).orElseThrow());
        assertEquals(option, KustoOption.forKey(option.key().toLowerCase()).orElseThrow());
        if (valid != null) {
            String canonical = option.validate(valid);
            assertEquals(canonical, option.validate(canonical), "canonical values are stable");
        }
        KustoOptionException e = assertThrows(KustoOptionException.class, () -> option.validate(invalid));
        assertTrue(e.getMessage().contains(option.key()), e.getMessage());
        if (option.secret()) {
            assertTrue(!e.getMessage().contains("'" + invalid + "'") || invalid.isEmpty(), e.getMessage());
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void eachValidValueIsAcceptedByItsConfig(KustoOption option, String valid, String invalid) {
        if (valid == null || option.disposition() == KustoOption.Disposition.UNAVAILABLE
                || EnumSet.of(KustoOption.LINKED_SERVICE, KustoOption.TOKEN_PROVIDER_CALLBACK_CLASSPATH,
                KustoOption.KUTO_AAD_APP_CERT_PASSWORD, KustoOption.KUSTO_AAD_APP_SECRET).contains(option)) {
            return; // these need companions or a real profile/class (ConnectionConfigTest), or fail at use (EstablishedOptionsTest)
        }
        boolean write = option.side() == KustoOption.Side.WRITE;
        Map<String, String> options = write ? WriteConfigTest.base() : ReadConfigTest.base();
        options.remove(option.key());
        options.put(option.key().toLowerCase(), valid);
        if (option == KustoOption.KUSTO_AAD_APP_ID || option == KustoOption.KUTO_AAD_APP_CERT_PATH) {
            options.put("kustoAadAppId", "app");
            options.put("kutoAadAppCertPath", "/c.pfx");
        }
        if (option == KustoOption.NUM_PARTITIONS || option == KustoOption.PARTITION_COLUMN) {
            options.put("readMode", "ForcePartitionedMode");
        }
        if (option == KustoOption.STREAMING_INGEST_SIZE_IN_MB) {
            options.put("writeMode", "KustoStreaming");
        }
        Object config = write ? WriteConfig.from(options, Map.of()) : ReadConfig.from(options, Map.of());
        assertTrue(config.toString().startsWith(write ? "WriteConfig{" : "ReadConfig{"));
    }
}
