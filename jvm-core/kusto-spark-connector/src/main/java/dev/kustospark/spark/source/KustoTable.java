package dev.kustospark.spark.source;

import dev.kustospark.spark.config.LinkedServices;
import dev.kustospark.spark.config.ReadConfig;
import dev.kustospark.spark.config.WriteConfig;
import dev.kustospark.spark.read.KustoScanBuilder;
import dev.kustospark.spark.read.KustoSchemaProbe;
import dev.kustospark.spark.write.KustoWriteBuilder;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.SupportsWrite;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.connector.write.LogicalWriteInfo;
import org.apache.spark.sql.connector.write.WriteBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/**
 * A Kusto query (read) or table (write). Writes only append: Overwrite would need a truncate that a
 * streaming write cannot make atomic with the new rows, so TRUNCATE is not declared and Spark refuses
 * it, as it refuses ErrorIfExists and Ignore for a data source without a catalog.
 */
final class KustoTable implements SupportsRead, SupportsWrite {
    private final StructType schema;
    private final Map<String, String> properties;
    /**
     * The read config and the query's Kusto columns, made once per table, so that every scan of one
     * DataFrame carries the same requestId and Kusto is asked for the columns at most once.
     */
    private KustoSchemaProbe probe;

    KustoTable(StructType schema, Map<String, String> properties, KustoSchemaProbe probe) {
        this.schema = schema;
        this.properties = Map.copyOf(properties);
        this.probe = probe;
    }

    @Override
    public String name() {
        String table = new CaseInsensitiveStringMap(properties).get("kustoTable");
        return "kusto" + (table == null ? "" : ":" + table);
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ, TableCapability.BATCH_WRITE, TableCapability.STREAMING_WRITE);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        Map<String, String> merged = merged(options.asCaseSensitiveMap());
        if (!merged.equals(merged(Map.of()))) {
            // Scan options that differ from the table's make a config of their own.
            return new KustoScanBuilder(new KustoSchemaProbe(ReadConfig.from(merged, LinkedServices.sparkConf())),
                    schema);
        }
        if (probe == null) {
            probe = new KustoSchemaProbe(ReadConfig.from(merged, LinkedServices.sparkConf()));
        }
        return new KustoScanBuilder(probe, schema);
    }

    @Override
    public WriteBuilder newWriteBuilder(LogicalWriteInfo info) {
        WriteConfig config = WriteConfig.from(merged(info.options().asCaseSensitiveMap()), LinkedServices.sparkConf());
        return new KustoWriteBuilder(config, info.schema(), info.queryId());
    }

    private Map<String, String> merged(Map<String, String> options) {
        // Keys are case-insensitive: the same option given in two spellings must count once.
        Map<String, String> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(properties);
        all.putAll(options);
        return new HashMap<>(all);
    }
}
