package dev.kustospark.spark.write;

import dev.kustospark.spark.KustoConnectorException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.write.DataWriter;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * Encodes a task's rows as CSV into a gzipped local file, sealed and queued for ingestion once it
 * holds {@code clientBatchingLimit} MB of CSV, so a task never holds its data in memory. With
 * {@code waitForOutcome} the task waits for the service's verdict on each blob before it commits, and
 * fails naming its partition and the service's reason.
 */
final class QueuedDataWriter implements DataWriter<InternalRow> {
    private final int partitionId;
    private final long taskId;
    private final String attemptTag;
    private final CsvRowEncoder encoder;
    private final QueuedIngestion ingestion;
    private final long maxBlobBytes;
    private final Duration waitForOutcome;
    private final IngestionStatusPoller poller;
    private final StringBuilder record = new StringBuilder();
    private final Map<UUID, String> sources = new LinkedHashMap<>();
    private Path file;
    private OutputStream out;
    private long blobBytes;
    private long rows;

    /**
     * @param attemptTag     extent tag of this task attempt, or null (Queued mode tags nothing)
     * @param waitForOutcome how long the task waits for the ingestion results, or null not to wait
     */
    QueuedDataWriter(int partitionId, long taskId, String attemptTag, CsvRowEncoder encoder, QueuedIngestion ingestion,
            long maxBlobBytes, Duration waitForOutcome, IngestionStatusPoller poller) {
        this.partitionId = partitionId;
        this.taskId = taskId;
        this.attemptTag = attemptTag;
        this.encoder = encoder;
        this.ingestion = ingestion;
        this.maxBlobBytes = maxBlobBytes;
        this.waitForOutcome = waitForOutcome;
        this.poller = poller;
    }

    @Override
    public void write(InternalRow row) throws IOException {
        record.setLength(0);
        encoder.encode(row, record);
        byte[] bytes = record.toString().getBytes(StandardCharsets.UTF_8);
        if (blobBytes > 0 && blobBytes + bytes.length > maxBlobBytes) {
            seal(true);
        }
        if (out == null) {
            file = Files.createTempFile("kusto-spark-p" + partitionId + "-", ".csv.gz");
            out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16), 1 << 16);
        }
        out.write(bytes);
        blobBytes += bytes.length;
        rows++;
    }

    /**
     * Closes the current file and queues it; the SDK uploads it before it returns, so the file can go.
     *
     * @param full whether the file reached {@code clientBatchingLimit}
     */
    private void seal(boolean full) throws IOException {
        if (out == null) {
            return;
        }
        out.close();
        out = null;
        String what = "partition " + partitionId + " blob " + (sources.size() + 1);
        try {
            sources.put(ingestion.ingest(file, partitionId, attemptTag, what, full), what);
        } finally {
            deleteFile();
            blobBytes = 0;
        }
    }

    @Override
    public WriterCommitMessage commit() throws IOException {
        seal(false);
        if (waitForOutcome != null && !sources.isEmpty()) {
            List<IngestionStatusPoller.Failure> failures = poller.await(sources, waitForOutcome);
            if (!failures.isEmpty()) {
                throw KustoConnectorException.of("Queued ingestion into table '" + ingestion.table() + "'",
                        new IllegalStateException(failures.stream().map(IngestionStatusPoller.Failure::describe)
                                .collect(Collectors.joining("; "))));
            }
        }
        return new QueuedWriterCommitMessage(partitionId, taskId, attemptTag, rows, sources);
    }

    @Override
    public void abort() {
        close();
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                out = null;
                deleteFile();
            }
        }
    }

    private void deleteFile() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // A leftover file in the temporary directory does no harm to the write.
            }
            file = null;
        }
    }
}
