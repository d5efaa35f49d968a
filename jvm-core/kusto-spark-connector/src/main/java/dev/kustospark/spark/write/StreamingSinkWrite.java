package dev.kustospark.spark.write;

import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.config.ConnectionConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.write.PhysicalWriteInfo;
import org.apache.spark.sql.connector.write.WriterCommitMessage;
import org.apache.spark.sql.connector.write.streaming.StreamingDataWriterFactory;
import org.apache.spark.sql.connector.write.streaming.StreamingWrite;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One micro-batch of a streaming query into a Kusto table, exactly once across restarts. Spark
 * builds a write per micro-batch; its tasks ingest into a temporary table of its own, every extent
 * tagged {@code ingest-by:<sink id>;<batch id>}, and the commit moves the committed attempts' extents
 * into the target with one {@code .move extents} command, so a batch lands whole or not at all. The
 * sink id is the query's id, which Spark keeps in the checkpoint, so after a restart a replayed batch
 * finds its tag on the target and is skipped instead of landing twice.
 */
final class StreamingSinkWrite implements StreamingWrite {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingSinkWrite.class);

    private final ConnectionConfig connection;
    private final String target;
    private final String sinkId;
    private final KustoWrite.Target prepared;
    private final SparkIngestionProperties ingestion;
    private final StructType schema;
    private final long maxBlobBytes;
    private final boolean flushFullBlobs;
    private final Duration autoCleanup;
    private final boolean pollOnDriver;
    private final IngestionStorage storage;
    private final String stagingName;
    private StagingTable staging;

    /**
     * @param sinkId       the streaming query's id, the same after a restart from its checkpoint
     * @param prepared     the target's columns, the checked CSV layout and the named CSV mapping to copy
     * @param pollOnDriver the driver waits for the ingestion results (the tasks do not)
     * @param storage      the user's containers ({@code kustoIngestionStorageContainer}), or null for the cluster's
     */
    StreamingSinkWrite(ConnectionConfig connection, String target, String sinkId, KustoWrite.Target prepared,
            SparkIngestionProperties ingestion, StructType schema, long maxBlobBytes, boolean flushFullBlobs,
            Duration autoCleanup, boolean pollOnDriver, String appName, IngestionStorage storage) {
        this.connection = connection;
        this.target = target;
        this.sinkId = sinkId;
        this.prepared = prepared;
        this.ingestion = ingestion;
        this.schema = schema;
        this.maxBlobBytes = maxBlobBytes;
        this.flushFullBlobs = flushFullBlobs;
        this.autoCleanup = autoCleanup;
        this.pollOnDriver = pollOnDriver;
        this.storage = storage;
        // A random part: requestId may be fixed by the user, and every micro-batch needs a table of its own.
        this.stagingName = StagingTable.generatedName(appName, target, connection.requestId() + "_"
                + UUID.randomUUID().toString().substring(0, 8));
    }

    /** The value after {@code ingest-by:} that marks the data of one micro-batch of one query. */
    static String batchTag(String sinkId, long epochId) {
        return sinkId + ";" + epochId;
    }

    /** Spark logs the write this way when it aborts or commits a batch; no credentials in it. */
    @Override
    public String toString() {
        return "StreamingSinkWrite[database=" + connection.database() + ", table=" + target + ", sink=" + sinkId + "]";
    }

    @Override
    public StreamingDataWriterFactory createStreamingWriterFactory(PhysicalWriteInfo info) {
        // Created here rather than when the write is built: Spark builds writes while planning too.
        staging = new StagingTable(connection, stagingName, target);
        staging.create(prepared.columns(), autoCleanup);
        prepared.copyCsvMappingTo(staging);
        LOG.info("Kusto streaming sink {} into table '{}' of database '{}': micro-batch staged in temporary table '{}'",
                sinkId, target, connection.database(), stagingName);
        QueuedIngestion queued = new QueuedIngestion(connection, stagingName, ingestion, true, storage, flushFullBlobs);
        return new StreamingSinkDataWriterFactory(new QueuedDataWriterFactory(queued,
                UUID.randomUUID().toString().substring(0, 8), schema, prepared.layout(), maxBlobBytes,
                pollOnDriver ? null : connection.timeout()), sinkId);
    }

    @Override
    public boolean useCommitCoordinator() {
        // Only one attempt per partition may commit; its tag is the one moved.
        return true;
    }

    @Override
    public void commit(long epochId, WriterCommitMessage[] messages) {
        String tag = batchTag(sinkId, epochId);
        try {
            if (StagingTable.targetHasIngestByTag(connection, target, List.of(tag))) {
                LOG.info("Kusto streaming sink {}: micro-batch {} is already in table '{}' (extents tagged ingest-by:{});"
                        + " skipping its replay", sinkId, epochId, target, tag);
                return;
            }
            List<QueuedWriterCommitMessage> committed = new ArrayList<>();
            for (WriterCommitMessage message : messages) {
                if (message instanceof QueuedWriterCommitMessage m) {
                    committed.add(m);
                }
            }
            if (pollOnDriver) {
                awaitIngestion(epochId, committed);
            }
            List<String> attempts = committed.stream().filter(m -> !m.sources().isEmpty())
                    .map(QueuedWriterCommitMessage::attemptTag).toList();
            int extents = staging.moveIntoTargetAtOnce(attempts);
            try {
                staging.dropAttemptTags(attempts);
            } catch (RuntimeException e) {
                LOG.warn("Kusto streaming sink {}: micro-batch {} is committed, but removing the task attempt tags failed:"
                        + " {}", sinkId, epochId, e.getMessage());
            }
            long rows = committed.stream().mapToLong(QueuedWriterCommitMessage::rows).sum();
            LOG.info("Kusto streaming sink {}: micro-batch {} committed into table '{}': {} rows in {} extents", sinkId,
                    epochId, target, rows, extents);
        } finally {
            dropStaging();
        }
    }

    private void awaitIngestion(long epochId, List<QueuedWriterCommitMessage> committed) {
        Map<UUID, String> sources = new LinkedHashMap<>();
        committed.forEach(m -> sources.putAll(m.sources()));
        List<IngestionStatusPoller.Failure> failures = new IngestionStatusPoller(connection).await(sources,
                connection.timeout());
        if (!failures.isEmpty()) {
            throw KustoConnectorException.of("Micro-batch " + epochId + " of the streaming write into table '" + target
                    + "' (option kustoTable); the table is unchanged and the batch runs again when the query restarts"
                    + " from its checkpoint", new IllegalStateException("queued ingestion failed for "
                    + failures.stream().map(IngestionStatusPoller.Failure::describe).collect(Collectors.joining("; "))));
        }
    }

    @Override
    public void abort(long epochId, WriterCommitMessage[] messages) {
        LOG.warn("Kusto streaming sink {}: micro-batch {} aborted; table '{}' is unchanged", sinkId, epochId, target);
        dropStaging();
    }

    private void dropStaging() {
        if (staging == null) {
            return;
        }
        try {
            staging.drop();
        } catch (RuntimeException e) {
            LOG.warn("Dropping temporary table '{}' failed; its auto-delete policy (stagingResourcesAutoCleanupTimeout)"
                    + " removes it later: {}", staging.name(), e.getMessage());
        }
    }
}
