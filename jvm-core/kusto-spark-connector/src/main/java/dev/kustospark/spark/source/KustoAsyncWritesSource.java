package dev.kustospark.spark.source;

import dev.kustospark.spark.KustoAsyncWriteOutcome;
import dev.kustospark.spark.KustoOption;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.write.AsyncWriteOutcomes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code kusto-async-writes} data source: reading it waits on the driver, up to
 * {@code timeoutLimit} seconds (default: that option's default), for the asynchronous write of
 * option {@code requestId}, or without it for every one the driver started, and gives one row per
 * write ({@link KustoAsyncWriteOutcome}): {@code state} is {@code RUNNING} when the wait ended first.
 *
 * <pre>{@code
 * spark.read().format("kusto-async-writes").option("requestId", id).option("timeoutLimit", "3600").load().collectAsList();
 * }</pre>
 */
public final class KustoAsyncWritesSource extends DriverResultSource {
    static final StructType SCHEMA = new StructType().add("requestId", "string", false).add("database", "string", false)
            .add("table", "string", false).add("state", "string", false).add("rows", "long", false)
            .add("error", "string", true);

    @Override
    public String shortName() {
        return "kusto-async-writes";
    }

    @Override
    StructType schema() {
        return SCHEMA;
    }

    @Override
    List<Object[]> rows(Map<String, String> options) {
        String requestId = null;
        String seconds = KustoOption.TIMEOUT_LIMIT.defaultValue().orElseThrow();
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (option.getKey().equalsIgnoreCase(KustoOption.REQUEST_ID.key())) {
                requestId = KustoOption.REQUEST_ID.validate(option.getValue());
            } else if (option.getKey().equalsIgnoreCase(KustoOption.TIMEOUT_LIMIT.key())) {
                seconds = KustoOption.TIMEOUT_LIMIT.validate(option.getValue());
            } else if (!option.getKey().equalsIgnoreCase("path")) {
                throw new KustoOptionException("Option " + option.getKey() + " does not apply to format kusto-async-writes,"
                        + " which takes requestId and timeoutLimit; remove it.");
            }
        }
        Duration timeout = Duration.ofSeconds(Long.parseLong(seconds));
        List<KustoAsyncWriteOutcome> outcomes = requestId == null ? AsyncWriteOutcomes.awaitAll(timeout)
                : List.of(AsyncWriteOutcomes.await(requestId, timeout));
        List<Object[]> rows = new ArrayList<>();
        for (KustoAsyncWriteOutcome o : outcomes) {
            rows.add(new Object[] {o.requestId(), o.database(), o.table(), o.state().name(), o.rows(), o.error()});
        }
        return rows;
    }
}
