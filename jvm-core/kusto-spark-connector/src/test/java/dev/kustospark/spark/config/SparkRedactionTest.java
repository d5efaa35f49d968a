package dev.kustospark.spark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.compat.ScalaCollections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.internal.SQLConf;
import org.junit.jupiter.api.Test;

/** Spark's own option redaction (as plans print option maps), with and without the widened pattern; no session needed. */
class SparkRedactionTest {
    private static final String SAS = "sig=SAS-SIGNATURE";

    private static String redacted(SQLConf conf) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("kustoAadAppSecret", "S3CRET");
        options.put("accessToken", "T0KEN");
        // The account + container + SAS key form: nothing in it matches Spark's default patterns.
        options.put("transientStorage", "{\"storageCredentials\":[{\"storageAccountName\":\"a\",\"blobContainer\":\"c\","
                + "\"sasKey\":\"" + SAS + "\"}]}");
        options.put("kustoQuery", "T | take 1");
        return conf.redactOptions(ScalaCollections.toScalaMap(options)).toString();
    }

    @Test
    void sparksDefaultsMissTheStorageJsonAndTheWidenedPatternCatchesIt() {
        SQLConf defaults = new SQLConf();
        String plain = redacted(defaults);
        assertFalse(plain.contains("S3CRET") || plain.contains("T0KEN"), plain);
        assertTrue(plain.contains(SAS), "Spark's defaults alone leave SAS tokens in plans: " + plain);

        SQLConf widened = new SQLConf();
        widened.setConfString(SparkRedaction.OPTIONS_REGEX_CONF,
                SparkRedaction.widened(defaults.getConfString(SparkRedaction.OPTIONS_REGEX_CONF)));
        String safe = redacted(widened);
        assertFalse(safe.contains(SAS) || safe.contains("S3CRET") || safe.contains("T0KEN"), safe);
        assertTrue(safe.contains("T | take 1"), "other options stay readable: " + safe);
    }

    @Test
    void wideningIsIdempotentAndKeepsTheUsersPattern() {
        String once = SparkRedaction.widened("(?i)url|mykey");
        assertTrue(once.startsWith("(?i)url|mykey|"), once);
        assertEquals(once, SparkRedaction.widened(once));
        assertEquals("(?i)url|" + SparkRedaction.secretKeysRegex(), SparkRedaction.widened(null));
        assertTrue("kustoIngestionStorageContainer".matches(SparkRedaction.secretKeysRegex()));
        assertTrue("KUSTOINGESTIONSTORAGECONTAINER".matches(SparkRedaction.secretKeysRegex()));
        assertFalse("kustoQuery".matches(SparkRedaction.secretKeysRegex()));
    }
}
