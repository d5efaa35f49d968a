package dev.kustospark.spark.write;

import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KqlSyntax;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.DataWriterFactory;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An all-or-nothing write: tasks ingest into a temporary table, and only when every partition's
 * ingestion succeeded are the committed attempts' extents moved into the target
 * ({@link TransactionalCommit}). On any failure, or when Spark aborts, the target is untouched and
 * the temporary table is dropped. Once the move is through the write has succeeded: removing the
 * attempt tags and dropping the temporary table only tidy up, and when they fail a warning names
 * what is left.
 */
final class TransactionalBatchWrite implements BatchWrite {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalBatchWrite.class);

    private final ConnectionConfig connection;
    private final String target;
    private final StagingTable staging;
    private final String writeId;
    private final DataWriterFactory writerFactory;
    private final boolean pollOnDriver;
    private final boolean async;
    private final Duration timeout;
    private final OptionalInt resultLimit;
    private final int moveBatchSize;
    private final int moveRetries;
    /** Set once the commit starts: from then on the commit's own outcome, not an abort, says what became of the table. */
    private volatile boolean committing;

    /**
     * @param writeId      the part of the attempt tags that names this write
     * @param pollOnDriver the driver waits for the ingestion results (the tasks do not)
     * @param async        the commit returns at once and a driver thread finishes the write, reporting its
     *                     outcome to {@link AsyncWriteOutcomes} and logging a failure
     * @param moveBatchSize extents per move, and {@code moveRetries} retries of a single extent's move
     */
    TransactionalBatchWrite(ConnectionConfig connection, String target, StagingTable staging, String writeId,
            DataWriterFactory writerFactory, boolean pollOnDriver, boolean async, OptionalInt resultLimit,
            int moveBatchSize, int moveRetries) {
        this.connection = connection;
        this.target = target;
        this.staging = staging;
        this.writeId = writeId;
        this.writerFactory = writerFactory;
        this.pollOnDriver = pollOnDriver;
        this.async = async;
        this.timeout = connection.timeout();
        this.resultLimit = resultLimit;
        this.moveBatchSize = moveBatchSize;
        this.moveRetries = moveRetries;
    }

    @Override
    public DataWriterFactory createBatchWriterFactory(PhysicalWriteInfo info) {
        return writerFactory;
    }

    @Override
    public boolean useCommitCoordinator() {
        // Only one attempt per partition may commit; its tag is the one moved.
        return true;
    }

    @Override
    public void commit(WriterCommitMessage[] messages) {
        committing = true;
        List<QueuedWriterCommitMessage> committed = new ArrayList<>();
        for (WriterCommitMessage message : messages) {
            if (message instanceof QueuedWriterCommitMessage m) {
                committed.add(m);
            }
        }
        if (!async) {
            finish(committed);
            return;
        }
        String requestId = connection.requestId();
        AsyncWriteOutcomes.Write outcome = AsyncWriteOutcomes.started(requestId, connection.database(), target);
        Thread finisher = new Thread(() -> {
            try {
                outcome.succeeded(finish(committed));
            } catch (RuntimeException e) {
                // The connector's own message says what was being done; another exception's deepest message why.
                String cause = e instanceof KustoConnectorException ? e.getMessage() : KustoConnectorException.kustoMessage(e);
                LOG.error("Asynchronous Kusto write into table '{}' of database '{}' failed (writeEnableAsync=true,"
                        + " requestId {}): {}", target, connection.database(), requestId, cause);
                dropStaging();
                outcome.failed(cause);
            }
        }, "kusto-async-write-" + target);
        finisher.setDaemon(true);
        finisher.start();
        LOG.info("Kusto write into table '{}' continues in the background (writeEnableAsync=true); its outcome:"
                + " KustoAsyncWrites.await(\"{}\", timeout)", target, requestId);
    }

    /** Waits for the ingestion when the driver polls, moves the extents, drops the temporary table; the rows written. */
    private long finish(List<QueuedWriterCommitMessage> committed) {
        if (pollOnDriver) {
            Map<UUID, String> sources = new LinkedHashMap<>();
            committed.forEach(m -> sources.putAll(m.sources()));
            List<IngestionStatusPoller.Failure> failures = new IngestionStatusPoller(connection).await(sources, timeout);
            if (!failures.isEmpty()) {
                throw KustoConnectorException.because("Transactional write into table '" + target + "' (option"
                        + " kustoTable) failed and the table is unchanged", new IllegalStateException("queued ingestion"
                        + " failed for " + describe(failures)));
            }
        }
        List<String> tags = committed.stream().filter(m -> !m.sources().isEmpty())
                .map(QueuedWriterCommitMessage::attemptTag).toList();
        long rows = committed.stream().mapToLong(QueuedWriterCommitMessage::rows).sum();
        String writeTag = QueuedDataWriterFactory.attemptTagPrefix(writeId);
        int extents = new TransactionalCommit(connection, staging, target, writeTag, moveBatchSize, moveRetries).run(tags, rows);
        try {
            staging.dropAttemptTags(tags);
        } catch (RuntimeException e) {
            LOG.warn("Kusto write into table '{}' is committed, but its task attempt tags ({}p<partition>_t<task>) stay"
                    + " on the table's extents; they are harmless and removed with .drop table {} extent tags ('<tag>',"
                    + " ...): {}", target, writeTag, KqlSyntax.quoteName(target), e.getMessage());
        }
        dropStaging();
        LOG.info("Kusto write into table '{}' committed: {} rows from {} tasks, {} extents moved from temporary table"
                + " '{}'", target, rows, committed.size(), extents, staging.name());
        return rows;
    }

    private String describe(List<IngestionStatusPoller.Failure> failures) {
        int limit = resultLimit.orElse(failures.size());
        String shown = failures.stream().limit(limit).map(IngestionStatusPoller.Failure::describe)
                .collect(Collectors.joining("; "));
        return failures.size() > limit ? shown + "; and " + (failures.size() - limit) + " more (raise option"
                + " writeResultLimit, or set it to none, to see them)" : shown;
    }

    @Override
    public void abort(WriterCommitMessage[] messages) {
        if (committing) {
            // Spark aborts after a failed commit, whose error already says what became of the table.
            LOG.debug("Kusto write into table '{}' aborted after its commit failed", target);
        } else {
            LOG.warn("Kusto write into table '{}' aborted; the table is unchanged, dropping temporary table '{}'", target,
                    staging.name());
        }
        dropStaging();
    }

    private void dropStaging() {
        try {
            staging.drop();
        } catch (RuntimeException e) {
            LOG.warn("Dropping temporary table '{}' failed; its auto-delete policy (stagingResourcesAutoCleanupTimeout)"
                    + " removes it later: {}", staging.name(), e.getMessage());
        }
    }
}
