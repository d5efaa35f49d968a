package dev.kustospark.spark.write;

import java.time.Duration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Ships what the tasks of one micro-batch need. Each task's extents carry the micro-batch's
 * {@code ingest-by} tag besides the tag of its own attempt.
 */
final class KustoStreamingDataWriterFactory implements StreamingDataWriterFactory {
    private static final long serialVersionUID = 1L;

    private final QueuedIngestion ingestion;
    private final String sinkId;
    private final String writeId;
    private final StructType schema;
    private final CsvLayout layout;
    private final long maxBlobBytes;
    private final Duration waitForOutcome;

    /** @param waitForOutcome how long tasks wait for the ingestion results; null when the driver waits */
    KustoStreamingDataWriterFactory(QueuedIngestion ingestion, String sinkId, String writeId, StructType schema,
            CsvLayout layout, long maxBlobBytes, Duration waitForOutcome) {
        this.ingestion = ingestion;
        this.sinkId = sinkId;
        this.writeId = writeId;
        this.schema = schema;
        this.layout = layout;
        this.maxBlobBytes = maxBlobBytes;
        this.waitForOutcome = waitForOutcome;
    }

    @Override
    public DataWriter<InternalRow> createWriter(int partitionId, long taskId, long epochId) {
        String attemptTag = QueuedDataWriterFactory.attemptTag(writeId + "_e" + epochId, partitionId, taskId);
        QueuedIngestion tagged = ingestion.withIngestByTag(KustoStreamingWrite.batchTag(sinkId, epochId));
        return new QueuedDataWriter(partitionId, taskId, attemptTag, new CsvRowEncoder(schema, layout), tagged,
                maxBlobBytes, waitForOutcome, new IngestionStatusPoller(ingestion.connection()));
    }
}
