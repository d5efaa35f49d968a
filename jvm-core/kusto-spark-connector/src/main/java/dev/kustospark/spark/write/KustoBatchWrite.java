package dev.kustospark.spark.write;

import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A streaming write: each task's batches are in the table as soon as Kusto acknowledges them, so
 * commit only reports totals, and abort can only report what already landed (streaming ingestion
 * cannot be rolled back; {@link TransactionalBatchWrite} can).
 */
final class KustoBatchWrite implements BatchWrite {
    private static final Logger LOG = LoggerFactory.getLogger(KustoBatchWrite.class);

    private final String table;
    private final KustoDataWriterFactory writerFactory;

    KustoBatchWrite(String table, KustoDataWriterFactory writerFactory) {
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
        int batches = 0;
        for (WriterCommitMessage message : messages) {
            if (message instanceof KustoWriterCommitMessage m) {
                rows += m.rows();
                batches += m.batches();
            }
        }
        LOG.info("Kusto write into table '{}' committed: {} rows in {} streaming ingestion requests from {} tasks",
                table, rows, batches, messages.length);
    }

    @Override
    public void abort(WriterCommitMessage[] messages) {
        long rows = 0;
        for (WriterCommitMessage message : messages) {
            if (message instanceof KustoWriterCommitMessage m) {
                rows += m.rows();
            }
        }
        LOG.warn("Kusto write into table '{}' aborted; streaming ingestion cannot be undone, so at least {} rows of the"
                + " tasks that finished (and batches already sent by failed tasks) remain in the table", table, rows);
    }
}
