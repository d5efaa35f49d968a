package dev.kustospark.spark.write;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;

/**
 * Ships what the tasks of one micro-batch need: the queued writers of a transactional write, whose
 * extents also carry the micro-batch's {@code ingest-by} tag besides the tag of their own attempt.
 */
final class StreamingSinkDataWriterFactory implements StreamingDataWriterFactory {
    private static final long serialVersionUID = 1L;

    private final QueuedDataWriterFactory writers;
    private final String sinkId;

    StreamingSinkDataWriterFactory(QueuedDataWriterFactory writers, String sinkId) {
        this.writers = writers;
        this.sinkId = sinkId;
    }

    @Override
    public DataWriter<InternalRow> createWriter(int partitionId, long taskId, long epochId) {
        return writers.forMicroBatch(StreamingSinkWrite.batchTag(sinkId, epochId), epochId)
                .createWriter(partitionId, taskId);
    }
}
