package dev.kustospark.spark.config;

import dev.kustospark.spark.KustoOption;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.apache.spark.sql.RuntimeConfig;
import org.apache.spark.sql.SparkSession;

/**
 * Makes Spark redact this connector's secret options wherever it prints option maps (logical plans
 * such as {@code AppendData}, the SQL tab of the UI, EXPLAIN). Spark's default patterns catch
 * {@code kustoAadAppSecret}, {@code accessToken} and {@code kutoAadAppCertPassword} by their names;
 * JSON options that carry SAS tokens and keys ({@code transientStorage},
 * {@code kustoIngestionStorageContainer}) are caught only when their text happens to contain "url",
 * so the keys of all secret options are added to {@code spark.sql.redaction.options.regex}.
 *
 * <p>Spark offers a data source no hook of its own for this, so resolving a {@code kusto} table
 * (or a driver-side source such as {@code kustoCleanup}) widens the active session's pattern, once,
 * before Spark can print the options; docs/read-write.md says so under "Secrets".
 */
public final class SparkRedaction {
    /** The Spark SQL conf whose pattern selects option entries to redact (by key or value). */
    public static final String OPTIONS_REGEX_CONF = "spark.sql.redaction.options.regex";
    /** Spark's default for {@link #OPTIONS_REGEX_CONF}. */
    static final String SPARK_DEFAULT = "(?i)url";

    private SparkRedaction() {}

    /** A pattern matching exactly the keys of secret options, in any case. */
    public static String secretKeysRegex() {
        return Arrays.stream(KustoOption.values()).filter(KustoOption::secret).map(KustoOption::key)
                .collect(Collectors.joining("|", "(?i)^(", ")$"));
    }

    /** {@code current} widened by {@link #secretKeysRegex()}, or {@code current} itself if it already is. */
    static String widened(String current) {
        String ours = secretKeysRegex();
        String base = current == null || current.isEmpty() ? SPARK_DEFAULT : current;
        return base.contains(ours) ? base : base + "|" + ours;
    }

    /** {@link #redactSecretOptions(RuntimeConfig)} on the active session, if there is one. */
    public static void redactSecretOptionsOfActiveSession() {
        SparkSession.getActiveSession().foreach(session -> {
            redactSecretOptions(session.conf());
            return null;
        });
    }

    /** Adds the secret option keys to the session's redaction pattern (idempotent, never narrows it). */
    static void redactSecretOptions(RuntimeConfig conf) {
        String current = conf.getOption(OPTIONS_REGEX_CONF).getOrElse(() -> SPARK_DEFAULT);
        String widened = widened(current);
        if (!widened.equals(current)) {
            conf.set(OPTIONS_REGEX_CONF, widened);
        }
    }
}
