package dev.kustospark.spark.read;

import dev.kustospark.spark.config.ConnectionConfig;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Ships the connection and the read schema to executors; each partition runs its own query there,
 * or decodes its share of an export's files.
 */
final class KustoPartitionReaderFactory implements PartitionReaderFactory {
    private final ConnectionConfig connection;
    private final StructType schema;
    private final boolean countOnly;

    KustoPartitionReaderFactory(ConnectionConfig connection, StructType schema, boolean countOnly) {
        this.connection = connection;
        this.schema = schema;
        this.countOnly = countOnly;
    }

    /** Exported files go to Spark as column batches, unless the read schema has a type only rows carry. */
    @Override
    public boolean supportColumnarReads(InputPartition partition) {
        return partition instanceof DistributedInputPartition && RowBatchBuilder.supports(schema);
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
        return new ParquetBlobBatchReader((DistributedInputPartition) partition, schema);
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        if (partition instanceof DistributedInputPartition exported) {
            return new ParquetBlobReader(exported, schema);
        }
        if (partition instanceof FallbackInputPartition fallback) {
            return new FallbackPartitionReader(connection, fallback, schema);
        }
        return new KustoPartitionReader(connection, (KustoInputPartition) partition, schema, countOnly);
    }
}
