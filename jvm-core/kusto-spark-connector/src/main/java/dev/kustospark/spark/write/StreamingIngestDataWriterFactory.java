package dev.kustospark.spark.write;

import dev.kustospark.spark.config.ConnectionConfig;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.types.StructType;

/** Ships what tasks need to write: the connection, the table, the CSV layout and the batch size. */
final class StreamingIngestDataWriterFactory implements DataWriterFactory {
    private final ConnectionConfig connection;
    private final String table;
    private final StructType schema;
    private final CsvLayout layout;
    private final long maxBatchBytes;
    private final String mappingReference;

    StreamingIngestDataWriterFactory(ConnectionConfig connection, String table, StructType schema, CsvLayout layout, long maxBatchBytes,
            String mappingReference) {
        this.connection = connection;
        this.table = table;
        this.schema = schema;
        this.layout = layout;
        this.maxBatchBytes = maxBatchBytes;
        this.mappingReference = mappingReference;
    }

    @Override
    public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
        return new StreamingIngestDataWriter(partitionId, taskId, new CsvRowEncoder(schema, layout),
                new StreamingIngestion(connection, table, mappingReference), maxBatchBytes);
    }
}
