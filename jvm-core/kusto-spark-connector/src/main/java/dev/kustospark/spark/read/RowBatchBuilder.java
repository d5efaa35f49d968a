package dev.kustospark.spark.read;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.vectorized.OnHeapColumnVector;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Gathers rows into a column batch, so that a columnar scan can also take the files only the
 * record reader decodes. It holds the Spark types Kusto's columns read as ({@link #supports}); a
 * read schema with any other type is read row by row.
 */
final class RowBatchBuilder implements AutoCloseable {
    private final StructType schema;
    private final OnHeapColumnVector[] vectors;
    private final ColumnarBatch batch;
    private int size;

    RowBatchBuilder(StructType schema, int capacity) {
        this.schema = schema;
        this.vectors = OnHeapColumnVector.allocateColumns(capacity, schema);
        this.batch = new ColumnarBatch(vectors);
    }

    /** Whether every column of {@code schema} has a type this class can hold. */
    static boolean supports(StructType schema) {
        for (StructField field : schema.fields()) {
            DataType t = field.dataType();
            if (!(t instanceof StringType || t instanceof LongType || t instanceof IntegerType || t instanceof DoubleType
                    || t instanceof BooleanType || t instanceof DecimalType || t instanceof TimestampType
                    || t instanceof TimestampNTZType)) {
                return false;
            }
        }
        return true;
    }

    void reset() {
        for (OnHeapColumnVector vector : vectors) {
            vector.reset();
        }
        size = 0;
    }

    int size() {
        return size;
    }

    void append(InternalRow row) {
        for (int i = 0; i < vectors.length; i++) {
            OnHeapColumnVector vector = vectors[i];
            if (row.isNullAt(i)) {
                vector.putNull(size);
                continue;
            }
            DataType t = schema.fields()[i].dataType();
            if (t instanceof StringType) {
                UTF8String s = row.getUTF8String(i);
                vector.putByteArray(size, s.getBytes());
            } else if (t instanceof IntegerType) {
                vector.putInt(size, row.getInt(i));
            } else if (t instanceof DoubleType) {
                vector.putDouble(size, row.getDouble(i));
            } else if (t instanceof BooleanType) {
                vector.putBoolean(size, row.getBoolean(i));
            } else if (t instanceof DecimalType d) {
                vector.putDecimal(size, row.getDecimal(i, d.precision(), d.scale()), d.precision());
            } else {
                // long, and timestamps as microseconds
                vector.putLong(size, row.getLong(i));
            }
        }
        size++;
    }

    /** The rows appended since {@link #reset}; valid until the next reset. */
    ColumnarBatch batch() {
        batch.setNumRows(size);
        return batch;
    }

    @Override
    public void close() {
        batch.close();
    }
}
