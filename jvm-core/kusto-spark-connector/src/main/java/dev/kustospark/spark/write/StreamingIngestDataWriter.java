package dev.kustospark.spark.write;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * Encodes a task's rows as CSV and streams them into the table in batches of at most
 * {@code streamingIngestSizeInMB} (uncompressed), so a task holds at most one batch in memory.
 */
final class StreamingIngestDataWriter implements DataWriter<InternalRow> {
    private final int partitionId;
    private final long taskId;
    private final CsvRowEncoder encoder;
    private final StreamingIngestion ingestion;
    private final long maxBatchBytes;
    private final ByteArrayOutputStream batch = new ByteArrayOutputStream();
    private final StringBuilder record = new StringBuilder();
    private long rows;
    private int batches;

    StreamingIngestDataWriter(int partitionId, long taskId, CsvRowEncoder encoder, StreamingIngestion ingestion, long maxBatchBytes) {
        this.partitionId = partitionId;
        this.taskId = taskId;
        this.encoder = encoder;
        this.ingestion = ingestion;
        this.maxBatchBytes = maxBatchBytes;
    }

    @Override
    public void write(InternalRow row) {
        record.setLength(0);
        encoder.encode(row, record);
        byte[] bytes = record.toString().getBytes(StandardCharsets.UTF_8);
        if (batch.size() > 0 && batch.size() + bytes.length > maxBatchBytes) {
            flush();
        }
        // A single record larger than the limit still goes alone; Kusto rejects it if it is too large.
        batch.writeBytes(bytes);
        rows++;
    }

    private void flush() {
        if (batch.size() == 0) {
            return;
        }
        ingestion.ingest(batch.toByteArray(), "partition " + partitionId + " batch " + (batches + 1));
        batches++;
        batch.reset();
    }

    @Override
    public WriterCommitMessage commit() {
        flush();
        return new StreamingIngestCommitMessage(partitionId, taskId, rows, batches);
    }

    @Override
    public void abort() {
        batch.reset();
    }

    @Override
    public void close() {
        batch.reset();
    }
}
