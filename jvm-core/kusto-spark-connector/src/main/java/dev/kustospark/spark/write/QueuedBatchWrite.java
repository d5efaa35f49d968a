package dev.kustospark.spark.write;

import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fire-and-forget write: tasks queue their blobs straight into the target and Spark's job ends
 * when the service has them, not when they are ingested. Nothing can be rolled back; blobs a failed
 * task already queued are still ingested.
 */
final class QueuedBatchWrite implements BatchWrite {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedBatchWrite.class);

    private final String table;
    private final DataWriterFactory writerFactory;

    QueuedBatchWrite(String table, DataWriterFactory writerFactory) {
        this.table = table;
        this.writerFactory = writerFactory;
    }

    @Override
    public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
        return writerFactory;
    }

    @Override
    public void commit(WriterCommitMessage[] messages) {
        long rows = 0;
        int blobs = 0;
        for (WriterCommitMessage message : messages) {
            if (message instanceof QueuedWriterCommitMessage m) {
                rows += m.rows();
                blobs += m.sources().size();
            }
        }
        LOG.info("Kusto write into table '{}' queued: {} rows in {} blobs from {} tasks; the service ingests them"
                + " asynchronously (writeMode=Queued)", table, rows, blobs, messages.length);
    }

    @Override
    public void abort(WriterCommitMessage[] messages) {
        LOG.warn("Kusto write into table '{}' aborted; blobs already queued by tasks (writeMode=Queued) are still"
                + " ingested", table);
    }
}
