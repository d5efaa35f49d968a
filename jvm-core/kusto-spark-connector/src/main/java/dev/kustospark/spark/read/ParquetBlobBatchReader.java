package dev.kustospark.spark.read;

import dev.kustospark.spark.types.KustoColumn;
import java.io.IOException;
import java.util.List;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/** A distributed read's partition as column batches, for Spark's columnar scan (see {@link ParquetBlobReader}). */
final class ParquetBlobBatchReader implements PartitionReader<ColumnarBatch> {
    private final ParquetBlobReader files;
    /** Holds the rows of files only the record reader decodes. */
    private final RowBatchBuilder fallback;
    private ColumnarBatch current;

    ParquetBlobBatchReader(DistributedInputPartition partition, StructType schema, List<KustoColumn> columns) {
        this.files = new ParquetBlobReader(partition, schema, columns);
        this.fallback = new RowBatchBuilder(schema, ParquetBlobReader.BATCH_ROWS);
    }

    @Override
    public boolean next() throws IOException {
        current = files.nextBatch(fallback);
        return current != null;
    }

    @Override
    public ColumnarBatch get() {
        return current;
    }

    @Override
    public void close() throws IOException {
        try {
            files.close();
        } finally {
            fallback.close();
        }
    }
}
