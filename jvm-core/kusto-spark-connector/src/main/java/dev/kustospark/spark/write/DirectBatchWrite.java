package dev.kustospark.spark.write;

import dev.kustospark.spark.WriteMode;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A write whose tasks put their rows straight into the target ({@code writeMode=KustoStreaming}:
 * acknowledged streaming ingestion requests; {@code writeMode=Queued}: blobs handed to the ingestion
 * queue). Nothing is staged, so commit only reports totals, and abort can only report what stays:
 * neither can be rolled back ({@link TransactionalBatchWrite} can).
 */
final class DirectBatchWrite implements BatchWrite {
    private static final Logger LOG = LoggerFactory.getLogger(DirectBatchWrite.class);

    private final String table;
    private final WriteMode mode;
    private final DataWriterFactory writerFactory;

    DirectBatchWrite(String table, WriteMode mode, DataWriterFactory writerFactory) {
        this.table = table;
        this.mode = mode;
        this.writerFactory = writerFactory;
    }

    @Override
    public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
        return writerFactory;
    }

    @Override
    public void commit(WriterCommitMessage[] messages) {
        long rows = rows(messages);
        int requests = 0;
        for (WriterCommitMessage message : messages) {
            if (message instanceof StreamingIngestCommitMessage m) {
                requests += m.batches();
            } else if (message instanceof QueuedWriterCommitMessage m) {
                requests += m.sources().size();
            }
        }
        if (mode == WriteMode.Queued) {
            LOG.info("Kusto write into table '{}' queued: {} rows in {} blobs from {} tasks; the service ingests them"
                    + " asynchronously (writeMode=Queued)", table, rows, requests, messages.length);
        } else {
            LOG.info("Kusto write into table '{}' committed: {} rows in {} streaming ingestion requests from {} tasks",
                    table, rows, requests, messages.length);
        }
    }

    @Override
    public void abort(WriterCommitMessage[] messages) {
        // Both modes: at least the rows of the tasks that finished, and what failed tasks already sent.
        LOG.warn("Kusto write into table '{}' aborted; writeMode={} cannot be undone, so at least {} rows of the tasks"
                + " that finished (and what failed tasks already {}) {}", table, mode, rows(messages),
                mode == WriteMode.Queued ? "queued" : "sent",
                mode == WriteMode.Queued ? "are still ingested" : "remain in the table");
    }

    private static long rows(WriterCommitMessage[] messages) {
        long rows = 0;
        for (WriterCommitMessage message : messages) {
            if (message instanceof StreamingIngestCommitMessage m) {
                rows += m.rows();
            } else if (message instanceof QueuedWriterCommitMessage m) {
                rows += m.rows();
            }
        }
        return rows;
    }
}
