package dev.kustospark.spark.write;

import java.time.Duration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.types.StructType;

/**
 * Ships what tasks of a queued or transactional write need: the ingestion (connection, table,
 * properties), the CSV layout, the blob size, and whether and how long tasks wait for the outcome.
 */
final class QueuedDataWriterFactory implements DataWriterFactory {
    private static final long serialVersionUID = 1L;

    private final QueuedIngestion ingestion;
    private final String writeId;
    private final StructType schema;
    private final CsvLayout layout;
    private final long maxBlobBytes;
    private final Duration waitForOutcome;

    /**
     * @param writeId        tags each task attempt's extents when not null (transactional writes)
     * @param waitForOutcome how long tasks wait for the ingestion results; null when they do not wait
     */
    QueuedDataWriterFactory(QueuedIngestion ingestion, String writeId, StructType schema, CsvLayout layout, long maxBlobBytes,
            Duration waitForOutcome) {
        this.ingestion = ingestion;
        this.writeId = writeId;
        this.schema = schema;
        this.layout = layout;
        this.maxBlobBytes = maxBlobBytes;
        this.waitForOutcome = waitForOutcome;
    }

    @Override
    public DataWriter<InternalRow> createWriter(int partitionId, long taskId) {
        // taskId is unique per attempt within the application, so a retried or speculative attempt
        // gets a tag of its own and only the committed attempt's extents are moved.
        String attemptTag = writeId == null ? null : attemptTag(writeId, partitionId, taskId);
        return new QueuedDataWriter(partitionId, taskId, attemptTag, new CsvRowEncoder(schema, layout), ingestion,
                maxBlobBytes, waitForOutcome, new IngestionStatusPoller(ingestion.connection()));
    }

    /** The writers of micro-batch {@code epochId} of a streaming sink, whose extents also carry {@code batchTag}. */
    QueuedDataWriterFactory forMicroBatch(String batchTag, long epochId) {
        return new QueuedDataWriterFactory(ingestion.withIngestByTag(batchTag), writeId + "_e" + epochId, schema, layout,
                maxBlobBytes, waitForOutcome);
    }

    static String attemptTag(String writeId, int partitionId, long taskId) {
        return attemptTagPrefix(writeId) + "p" + partitionId + "_t" + taskId;
    }

    /** What the tags of every task attempt of one write begin with, and no other write's. */
    static String attemptTagPrefix(String writeId) {
        return "KSC.attempt:" + writeId + "_";
    }
}
