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
    void everyOptionIsDocumentedWithItsDispositionAndRange() {
        String generated = OptionReference.markdown();
        assertTrue(generated.contains("| `streamingIngestSizeInMB` | `4` | Megabytes of uncompressed data per streaming"
                + " ingestion request (`KustoStreaming`); the service takes at most 4. Range: 1 to 4. |"), generated);
        assertTrue(generated.contains("| `ensureNoDuplicatedBlobs` | `false` | Ignored, with a warning. "), generated);
        assertTrue(generated.contains("| `keyVaultAppKey` |  | Secret. Unavailable: setting it fails. See `keyVaultUri`. |"),
                generated);
        assertTrue(generated.contains("| `maxRetriesOnMoveExtents` | `2` | Mapped. Retries of a `.move extents`"), generated);
    }
}
