package dev.kustospark.spark.source;

import dev.kustospark.spark.KustoCleanupResult;
import dev.kustospark.spark.write.CrashLeftovers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code kusto-cleanup} data source: reading it runs the clean-up of {@code KustoCleanup.run}
 * ({@link CrashLeftovers#remove(Map)}) with its options on the driver, one row per leftover:
 * {@code kind} is {@code table} (dropped), {@code blob} (deleted) or {@code failure} (found, not
 * removed, with the reason in {@code name}).
 *
 * <pre>{@code
 * spark.read().format("kusto-cleanup").options(connectionOptions).load().collectAsList();
 * }</pre>
 */
public final class KustoCleanupSource extends DriverResultSource {
    static final StructType SCHEMA = new StructType().add("kind", "string", false).add("name", "string", false);

    @Override
    public String shortName() {
        return "kusto-cleanup";
    }

    @Override
    StructType schema() {
        return SCHEMA;
    }

    @Override
    List<Object[]> rows(Map<String, String> options) {
        KustoCleanupResult result = CrashLeftovers.remove(options);
        List<Object[]> rows = new ArrayList<>();
        result.droppedTables().forEach(name -> rows.add(new Object[] {"table", name}));
        result.deletedBlobs().forEach(name -> rows.add(new Object[] {"blob", name}));
        result.failures().forEach(line -> rows.add(new Object[] {"failure", line}));
        return rows;
    }
}
