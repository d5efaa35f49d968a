package dev.kustospark.spark.read;

import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KustoColumn;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Ships the connection and the read schema to executors; each partition runs its own query there,
 * or decodes its share of an export's files by the Kusto types of the read's columns.
 */
final class KustoPartitionReaderFactory implements PartitionReaderFactory {
    private final ConnectionConfig connection;
    private final StructType schema;
    /** The read schema's columns with their Kusto types, in its order; empty when no partition decodes an export. */
    private final List<KustoColumn> exportColumns;
    private final boolean countOnly;

    KustoPartitionReaderFactory(ConnectionConfig connection, StructType schema, List<KustoColumn> exportColumns,
            boolean countOnly) {
        this.connection = connection;
        this.schema = schema;
        this.exportColumns = List.copyOf(exportColumns);
        this.countOnly = countOnly;
    }

    /** Exported files go to Spark as column batches, unless the read schema has a type only rows carry. */
    @Override
    public boolean supportColumnarReads(InputPartition partition) {
        return partition instanceof DistributedInputPartition && RowBatchBuilder.supports(schema);
    }

    @Override
    public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
        return new ParquetBlobBatchReader((DistributedInputPartition) partition, schema, exportColumns);
    }

    @Override
    public PartitionReader<InternalRow> createReader(InputPartition partition) {
        if (partition instanceof DistributedInputPartition exported) {
            return new ParquetBlobReader(exported, schema, exportColumns);
        }
        if (partition instanceof FallbackInputPartition fallback) {
            return new FallbackPartitionReader(connection, fallback, schema, exportColumns);
        }
        return new KustoPartitionReader(connection, (KustoInputPartition) partition, schema, countOnly);
    }
}
