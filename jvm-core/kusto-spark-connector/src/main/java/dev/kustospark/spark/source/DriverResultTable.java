package dev.kustospark.spark.source;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.spark.sql.connector.catalog.SupportsRead;
import org.apache.spark.sql.connector.catalog.TableCapability;
import org.apache.spark.sql.connector.read.ScanBuilder;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.CaseInsensitiveStringMap;

/** The table of a {@link DriverResultSource}: read only, nothing pushed down (Spark filters the few rows). */
final class DriverResultTable implements SupportsRead {
    private final String name;
    private final StructType schema;
    private final Supplier<List<Object[]>> rows;

    DriverResultTable(String name, StructType schema, Supplier<List<Object[]>> rows) {
        this.name = name;
        this.schema = schema;
        this.rows = rows;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public StructType schema() {
        return schema;
    }

    @Override
    public Set<TableCapability> capabilities() {
        return EnumSet.of(TableCapability.BATCH_READ);
    }

    @Override
    public ScanBuilder newScanBuilder(CaseInsensitiveStringMap options) {
        return () -> new DriverResultScan(name, schema, rows);
    }
}
