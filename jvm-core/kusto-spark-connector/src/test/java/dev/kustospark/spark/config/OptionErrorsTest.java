package dev.kustospark.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.KustoOptionException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each kind of bad option and the message it gets: the option, the value, what is allowed, how to fix it. */
class OptionErrorsTest {
    private static Map<String, String> read(String... keyValues) {
        Map<String, String> options = ReadConfigTest.base();
        for (int i = 0; i < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return options;
    }

    private static String readError(String... keyValues) {
        return assertThrows(KustoOptionException.class, () -> ReadConfig.from(read(keyValues), Map.of())).getMessage();
    }

    private static String writeError(Map<String, String> options) {
        return assertThrows(KustoOptionException.class, () -> WriteConfig.from(options, Map.of())).getMessage();
    }

    @ParameterizedTest
    @CsvSource({
        "kustoClusterr, kustoCluster",
        "kustodatabse, kustoDatabase",
        "readmod, readMode",
        "queryFilterPushdwn, queryFilterPushDown",
        "kustoAadAppSecert, kustoAadAppSecret",
        "numPartition, numPartitions",
        "clientRequestPropertiesJSN, clientRequestPropertiesJson"})
    void unknownOptionsSuggestTheClosestValidName(String typo, String suggestion) {
        String message = readError(typo, "x");
        assertEquals("Unknown option '" + typo + "' for a Kusto read. Did you mean " + suggestion + "?", message);
    }

    @Test
    void anUnknownOptionFarFromAnyNameListsTheValidOnes() {
        String message = readError("completelyDifferent", "x");
        assertTrue(message.startsWith("Unknown option 'completelyDifferent' for a Kusto read. Valid read options: kustoCluster, "),
                message);
        assertTrue(message.contains("kustoQuery") && !message.contains("kustoTable"), message);
    }

    @Test
    void aTypoOfAnOptionOfTheOtherSideSaysSo() {
        String message = readError("writeMod", "Queued");
        assertEquals("Unknown option 'writeMod' for a Kusto read. Did you mean writeMode (a write option)?", message);
    }

    @Test
    void optionsOfTheOtherSideAreRefused() {
        assertEquals("Option kustoTable is a write option and does not apply to a read; remove it.",
                readError("kustoTable", "T"));
        Map<String, String> write = WriteConfigTest.base();
        write.put("kustoQuery", "T");
        assertEquals("Option kustoQuery is a read option and does not apply to a write; remove it.", writeError(write));
    }

    @Test
    void sparksOwnKeysAreNotUnknown() {
        ReadConfig config = ReadConfig.from(read("path", "ignored", "PATHS", "[]"), Map.of());
        assertEquals("T | take 5", config.query());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "readMode | ForceSomething | Option readMode has value 'ForceSomething': allowed values: ForceSingleMode, ForceDistributedMode, ForcePartitionedMode.",
        "queryFilterPushDown | yes | Option queryFilterPushDown has value 'yes': allowed values: true, false.",
        "distributedReadModeTransientCache | 1 | Option distributedReadModeTransientCache has value '1': allowed values: true, false.",
        "managedIdentityAuth | on | Option managedIdentityAuth has value 'on': allowed values: true, false.",
        "numPartitions | 0 | Option numPartitions has value '0': expected a whole number from 1 to 1000.",
        "numPartitions | four | Option numPartitions has value 'four': expected a whole number from 1 to 1000.",
        "timeoutLimit | 1.5 | Option timeoutLimit has value '1.5': expected a whole number of seconds from 1 to 2592000.",
        "timeoutLimit | -3 | Option timeoutLimit has value '-3': expected a whole number of seconds from 1 to 2592000.",
        "timeoutLimit | 9223372036854775807 | Option timeoutLimit has value '9223372036854775807': expected a whole number of seconds from 1 to 2592000.",
        "storageProtocol | s3 | Option storageProtocol has value 's3': allowed values: wasbs, abfs, abfss.",
        "kustoAuthMethod | password | Option kustoAuthMethod has value 'password': allowed values: default, azureCli, none.",
        "kustoIngestionUri | ingest-x | Option kustoIngestionUri has value 'ingest-x': expected an absolute http(s) URL.",
        "kustoExportOptionsJson | [1] | Option kustoExportOptionsJson must be a JSON object, not a array.",
        "kustoCluster | https://x.kusto.windows.net/db?x=1 | Option kustoCluster has value 'https://x.kusto.windows.net/db?x=1': expected a cluster URL such as https://mycluster.westeurope.kusto.windows.net or http://localhost:8080, or a cluster name such as mycluster.westeurope.",
        "kustoCluster | https://help.kusto.windows.net/Samples | Option kustoCluster has value 'https://help.kusto.windows.net/Samples': a cluster URL has no path ('/Samples'); give the cluster as https://help.kusto.windows.net and the database with the option kustoDatabase.",
        "kustoCluster | ftp://x | Option kustoCluster has value 'ftp://x': expected a cluster URL such as https://mycluster.westeurope.kusto.windows.net or http://localhost:8080, or a cluster name such as mycluster.westeurope.",
        "customSchema | '   ' | Option customSchema is empty; expected a non-empty string.",
        "keyVaultUri | https://vault | Option keyVaultUri is not available in this connector; remove it. Read the secret from Key Vault in the job (e.g. `mssparkutils.credentials.getSecret`, `dbutils.secrets.get`) and pass it as `kustoAadAppSecret`.",
        "clientRequestPropertiesJson | {\"Options\":{\"servertimeout\":\"soon\"}} | Option clientRequestPropertiesJson is invalid: client request property servertimeout has value 'soon'; expected a timespan such as 00:10:00, 1.02:03:04.5 or 10m. Expected {\"Options\":{...},\"Parameters\":{...}}.",
        "clientRequestPropertiesJson | {\"Option\":{}} | Option clientRequestPropertiesJson is invalid: clientRequestPropertiesJson has an unknown field 'Option'; allowed fields: Options, Parameters. Expected {\"Options\":{...},\"Parameters\":{...}}.",
        "transientStorage | {\"storageCredentials\":[]} | Option transientStorage needs a non-empty storageCredentials array; expected {\"storageCredentials\":[...],\"endpointSuffix\":\"core.windows.net\"}.",
    })
    void badValuesNameTheOptionTheValueAndWhatIsAllowed(String option, String value, String message) {
        assertEquals(message, readError(option, value));
    }

    @Test
    void booleansAreStrictlyTrueOrFalseInAnyCase() {
        assertEquals(false, ReadConfig.from(read("queryFilterPushDown", "FALSE"), Map.of()).queryFilterPushDown());
        assertEquals(true, ReadConfig.from(read("queryFilterPushDown", " True "), Map.of()).queryFilterPushDown());
    }

    @Test
    void missingRequiredOptionsSayWhichAndHow() {
        Map<String, String> noCluster = read();
        noCluster.remove("kustoCluster");
        assertEquals("Option kustoCluster is required for a Kusto read: set it with .option(\"kustoCluster\","
                + " \"https://mycluster.westeurope.kusto.windows.net\") or through a spark.synapse.linkedService profile.",
                assertThrows(KustoOptionException.class, () -> ReadConfig.from(noCluster, Map.of())).getMessage());
        Map<String, String> noDatabase = read();
        noDatabase.remove("kustoDatabase");
        assertTrue(assertThrows(KustoOptionException.class, () -> ReadConfig.from(noDatabase, Map.of())).getMessage()
                .startsWith("Option kustoDatabase is required for a Kusto read"));
        Map<String, String> noQuery = read();
        noQuery.remove("kustoQuery");
        assertEquals("Option kustoQuery is required for a Kusto read: set it with .option(\"kustoQuery\","
                + " \"MyTable | where Timestamp > ago(1d)\").",
                assertThrows(KustoOptionException.class, () -> ReadConfig.from(noQuery, Map.of())).getMessage());
        Map<String, String> noTable = WriteConfigTest.base();
        noTable.remove("kustoTable");
        assertEquals("Option kustoTable is required for a Kusto write: set it with .option(\"kustoTable\", \"MyTable\").",
                writeError(noTable));
    }

    @Test
    void managementCommandsAreNotQueries() {
        assertTrue(readError("kustoQuery", "  .drop table T").startsWith("Option kustoQuery starts with '.'"));
    }

    @Test
    void theSameOptionTwiceInDifferentCaseMustAgree() {
        Map<String, String> options = new HashMap<>(read("KUSTOQUERY", "other"));
        assertTrue(assertThrows(KustoOptionException.class, () -> ReadConfig.from(options, Map.of())).getMessage()
                .contains("is given twice with different values"));
        Map<String, String> same = new HashMap<>(read("KUSTOQUERY", "T | take 5"));
        assertEquals("T | take 5", ReadConfig.from(same, Map.of()).query());
    }

    @Test
    void partitioningOptionsNeedThePartitionedMode() {
        assertEquals("Option numPartitions applies to readMode=ForcePartitionedMode only, but readMode is ForceSingleMode;"
                + " remove it or set readMode=ForcePartitionedMode.", readError("readMode", "ForceSingleMode", "numPartitions", "2"));
    }
}
