package dev.kustospark.spark.write;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * A write with nothing to do: the target already holds data tagged with one of the write's
 * {@code ingestIfNotExists} tags, so the service would drop every blob anyway.
 */
final class SkippedBatchWrite implements BatchWrite, DataWriterFactory {
    private static final long serialVersionUID = 1L;

    @Override
    public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
        return this;
    }

    @Override
    public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
        return new DataWriter<>() {
            @Override
            public void write(InternalRow row) {}

            @Override
            public WriterCommitMessage commit() {
                return null;
            }

            @Override
            public void abort() {}

            @Override
            public void close() {}
        };
    }

    @Override
    public void commit(WriterCommitMessage[] messages) {}

    @Override
    public void abort(WriterCommitMessage[] messages) {}
}
