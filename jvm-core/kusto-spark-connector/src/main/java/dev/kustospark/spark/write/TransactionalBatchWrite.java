package dev.kustospark.spark.write;

import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.config.ConnectionConfig;
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
 * ingestion succeeded are the committed attempts' extents moved into the target. On any failure, or
 * when Spark aborts, the target is untouched and the temporary table is dropped.
 */
final class TransactionalBatchWrite implements BatchWrite {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalBatchWrite.class);

    private final ConnectionConfig connection;
    private final String target;
    private final StagingTable staging;
    private final DataWriterFactory writerFactory;
    private final boolean pollOnDriver;
    private final boolean async;
    private final Duration timeout;
    private final OptionalInt resultLimit;
    private final int moveBatchSize;
    private final int moveRetries;

    /**
     * @param pollOnDriver the driver waits for the ingestion results (the tasks do not)
     * @param async        the commit returns at once and a driver thread finishes the write, logging failures
     * @param moveBatchSize extents per move, and {@code moveRetries} retries of a single extent's move
     */
    TransactionalBatchWrite(ConnectionConfig connection, String target, StagingTable staging,
            DataWriterFactory writerFactory, boolean pollOnDriver, boolean async, OptionalInt resultLimit,
            int moveBatchSize, int moveRetries) {
        this.connection = connection;
        this.target = target;
        this.staging = staging;
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
        Thread finisher = new Thread(() -> {
            try {
                finish(committed);
            } catch (RuntimeException e) {
                LOG.error("Asynchronous Kusto write into table '{}' (writeEnableAsync=true) failed; the table is"
                        + " unchanged: {}", target, e.getMessage());
                dropStaging();
            }
        }, "kusto-async-write-" + target);
        finisher.setDaemon(true);
        finisher.start();
        LOG.info("Kusto write into table '{}' continues in the background (writeEnableAsync=true)", target);
    }

    private void finish(List<QueuedWriterCommitMessage> committed) {
        if (pollOnDriver) {
            Map<UUID, String> sources = new LinkedHashMap<>();
            committed.forEach(m -> sources.putAll(m.sources()));
            List<IngestionStatusPoller.Failure> failures = new IngestionStatusPoller(connection).await(sources, timeout);
            if (!failures.isEmpty()) {
                throw KustoConnectorException.of("Transactional write into table '" + target + "' (option kustoTable);"
                        + " the table is unchanged", new IllegalStateException("queued ingestion failed for "
                        + describe(failures)));
            }
        }
        List<String> tags = committed.stream().filter(m -> !m.sources().isEmpty())
                .map(QueuedWriterCommitMessage::attemptTag).toList();
        int extents = staging.moveIntoTarget(tags, moveBatchSize, moveRetries);
        try {
            staging.dropAttemptTags(tags);
        } catch (RuntimeException e) {
            LOG.warn("Kusto write into table '{}': the data is committed, but removing the task attempt tags failed: {}",
                    target, e.getMessage());
        }
        dropStaging();
        long rows = committed.stream().mapToLong(QueuedWriterCommitMessage::rows).sum();
        LOG.info("Kusto write into table '{}' committed: {} rows from {} tasks, {} extents moved from temporary table"
                + " '{}'", target, rows, committed.size(), extents, staging.name());
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
        LOG.warn("Kusto write into table '{}' aborted; the table is unchanged, dropping temporary table '{}'", target,
                staging.name());
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
