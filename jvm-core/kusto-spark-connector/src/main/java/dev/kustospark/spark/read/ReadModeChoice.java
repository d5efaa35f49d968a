package dev.kustospark.spark.read;

import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.ReadMode;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.config.ReadConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a read runs, decided once on the driver. A forced mode is taken as it is (distributed fails
 * clearly without storage). Otherwise, as the established connector does, the rows are estimated
 * ({@code evaluate estimate_rows_count()}, then {@code count}): up to {@link #SINGLE_MODE_MAX_ROWS}
 * rows read in single mode, more by export when storage is available. Unlike the established
 * connector, a read without storage stays in single mode and says so, and every choice is logged
 * and shown in the plan.
 *
 * @param mode     the mode the scan runs in
 * @param reason   why, for the log and the scan's description
 * @param storage  the export containers; empty without storage
 * @param fallback whether a single-mode read that hits Kusto's result limits is exported instead
 */
record ReadModeChoice(ReadMode mode, String reason, Optional<List<ExportLocation>> storage, boolean fallback) {
    private static final Logger LOG = LoggerFactory.getLogger(ReadModeChoice.class);
    /** The established connector's threshold: smaller results are read in single mode. */
    static final long SINGLE_MODE_MAX_ROWS = 5000;
    private static final Duration ESTIMATE_TIMEOUT = Duration.ofSeconds(3);

    /**
     * @param query     the query the read runs, with pushdown
     * @param countOnly whether Spark needs no column (then one small {@code count} query is all)
     * @param limit     the limit Spark pushed, or null
     */
    static ReadModeChoice choose(ReadConfig config, String query, boolean countOnly, Integer limit) {
        ReadModeChoice choice = decide(config, query, countOnly, limit);
        LOG.info("Kusto read of database '{}' in {}: {}", config.connection().database(), choice.mode, choice.reason);
        return choice;
    }

    private static ReadModeChoice decide(ReadConfig config, String query, boolean countOnly, Integer limit) {
        Optional<ReadMode> forced = config.readMode();
        if (forced.isPresent() && forced.get() != ReadMode.ForceDistributedMode) {
            return new ReadModeChoice(forced.get(), "readMode=" + forced.get(), Optional.empty(), false);
        }
        if (forced.isPresent()) {
            StringBuilder whyNot = new StringBuilder();
            Optional<List<ExportLocation>> storage = TransientStorage.resolve(config, whyNot);
            if (storage.isEmpty()) {
                throw new IllegalArgumentException("readMode=ForceDistributedMode exports the query to transient storage,"
                        + " but none is available: " + whyNot + ". Set option transientStorage to"
                        + " {\"storageCredentials\":[{\"storageAccountName\":...,\"blobContainer\":...,\"sasKey\":...}]},"
                        + " or use readMode=ForceSingleMode or readMode=ForcePartitionedMode, which need no storage");
            }
            if (countOnly) {
                return new ReadModeChoice(ReadMode.ForceSingleMode, "readMode=ForceDistributedMode, but Spark needs only"
                        + " the row count, which one small count query returns", Optional.empty(), false);
            }
            return new ReadModeChoice(ReadMode.ForceDistributedMode, "readMode=ForceDistributedMode", storage, false);
        }
        if (countOnly) {
            return new ReadModeChoice(ReadMode.ForceSingleMode, "readMode not set; Spark needs only the row count",
                    Optional.empty(), false);
        }
        if (limit != null && limit <= SINGLE_MODE_MAX_ROWS) {
            return new ReadModeChoice(ReadMode.ForceSingleMode, "readMode not set; a limit of " + limit + " rows <= "
                    + SINGLE_MODE_MAX_ROWS, Optional.empty(), false);
        }
        StringBuilder whyNot = new StringBuilder();
        Optional<List<ExportLocation>> storage = TransientStorage.resolve(config, whyNot);
        Optional<Long> estimate = estimateRows(config, query);
        String estimated = estimate.map(n -> "an estimated " + n + " rows").orElse("the row count could not be estimated");
        if (estimate.isPresent() && estimate.get() <= SINGLE_MODE_MAX_ROWS) {
            return new ReadModeChoice(ReadMode.ForceSingleMode, "readMode not set; " + estimated + " <= "
                    + SINGLE_MODE_MAX_ROWS + (storage.isPresent() ? "; falls back to an export if Kusto's result limits"
                            + " are hit" : "; no transient storage for a fallback"), storage, storage.isPresent());
        }
        if (storage.isEmpty()) {
            return new ReadModeChoice(ReadMode.ForceSingleMode, "readMode not set; " + estimated
                    + " would be exported, but " + whyNot + ", so the read stays in single mode", storage, false);
        }
        return new ReadModeChoice(ReadMode.ForceDistributedMode, "readMode not set; " + estimated
                + (estimate.isPresent() ? " > " + SINGLE_MODE_MAX_ROWS : "") + ", exported to transient storage",
                storage, false);
    }

    /** The row count Kusto estimates, else the exact count; empty when neither answers within a few seconds. */
    private static Optional<Long> estimateRows(ReadConfig config, String query) {
        for (String probe : List.of(KustoQueryText.withOperators(query, List.of("evaluate estimate_rows_count()")),
                KustoQueryText.withOperators(query, List.of("count")))) {
            try {
                ClientRequestProperties properties = KustoClients.sdkRequestProperties(config.connection(), "EstimateRows");
                properties.setTimeoutInMilliSec(ESTIMATE_TIMEOUT.toMillis());
                KustoResultSetTable table = KustoClients.query(config.connection(), probe, properties).getPrimaryResults();
                if (table.next()) {
                    Object value = table.getObject(0);
                    if (value instanceof Number n) {
                        return Optional.of(n.longValue());
                    }
                    if (value != null) {
                        return Optional.of(Long.parseLong(value.toString().trim()));
                    }
                }
            } catch (Exception e) {
                LOG.debug("Estimating the rows of '{}' failed: {}", KustoConnectorException.oneLineQuery(probe),
                        KustoConnectorException.kustoMessage(e));
            }
        }
        return Optional.empty();
    }
}
