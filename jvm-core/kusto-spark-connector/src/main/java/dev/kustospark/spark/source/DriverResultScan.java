package dev.kustospark.spark.source;

import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.LocalScan;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The rows of a {@link DriverResultTable}, computed on the driver when Spark plans the query
 * (Spark turns a {@link LocalScan} into a local table scan), once per planned query.
 */
final class DriverResultScan implements LocalScan {
    private final String name;
    private final StructType schema;
    private final Supplier<List<Object[]>> rows;
    private InternalRow[] computed;

    DriverResultScan(String name, StructType schema, Supplier<List<Object[]>> rows) {
        this.name = name;
        this.schema = schema;
        this.rows = rows;
    }

    @Override
    public StructType readSchema() {
        return schema;
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public synchronized InternalRow[] rows() {
        if (computed == null) {
            computed = rows.get().stream().map(DriverResultScan::internal).toArray(InternalRow[]::new);
        }
        return computed.clone();
    }

    private static InternalRow internal(Object[] values) {
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            converted[i] = values[i] instanceof String s ? UTF8String.fromString(s) : values[i];
        }
        return new GenericInternalRow(converted);
    }
}
