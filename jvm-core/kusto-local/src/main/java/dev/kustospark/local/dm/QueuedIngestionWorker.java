package dev.kustospark.local.dm;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.BinaryData;
import com.azure.data.tables.TableClient;
import com.azure.data.tables.models.TableEntity;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.ingest.IngestionResult;
import dev.kustospark.local.ingest.Ingestor;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data-management side of queued ingestion, on a few background threads (each ingests one blob
 * at a time; the queue's visibility timeout keeps them from taking the same message): takes the messages that
 * the SDKs put in the ready-for-aggregation queue, ingests their blobs through {@link Ingestor} at
 * once (there is no batching to wait for, so {@code flushImmediately} is always honoured), and
 * reports each outcome as the service does: the status-table entity, the success or failure queue,
 * and {@code .show ingestion failures}.
 *
 * <p>Nothing here logs a blob URL with its SAS: sources are reported without their query.
 */
final class QueuedIngestionWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QueuedIngestionWorker.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * How long a thread that found the queue empty waits before it looks again, doubling while the
     * queue stays empty: a blob queued after a pause waits at most a second, and an idle kusto-local
     * (storage is on by default) does not spend a tenth of a core polling.
     */
    private static final Duration IDLE_POLL = Duration.ofMillis(100);
    private static final Duration MAX_IDLE_POLL = Duration.ofSeconds(1);
    private static final Duration VISIBILITY = Duration.ofMinutes(5);
    /** Few at a time, so that the other threads find work too. */
    private static final int BATCH = 4;

    private final StorageAccess storage;
    private final Ingestor ingestor;
    private final IngestionFailures failures;
    private final FaultInjection faults;
    private final QueueClient ready;
    private final AtomicInteger taken = new AtomicInteger();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    QueuedIngestionWorker(StorageAccess storage, Ingestor ingestor, IngestionFailures failures, FaultInjection faults,
            int concurrency) {
        this.storage = storage;
        this.ingestor = ingestor;
        this.failures = failures;
        this.faults = faults;
        this.ready = storage.queue(StorageAccess.READY_QUEUE);
        // With faults injected, one thread: "the Nth message" then means the Nth in queue order.
        int count = faults.enabled() ? 1 : Math.max(1, concurrency);
        for (int i = 0; i < count; i++) {
            Thread thread = new Thread(this::run, "kusto-local-ingestion-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    private void run() {
        long idle = IDLE_POLL.toMillis();
        while (running) {
            try {
                boolean any = false;
                // No timeout: with one the SDK runs the call on its shared executor, which refuses work
                // (logging an error) once the JVM shuts down; the HTTP client's own timeouts apply.
                for (QueueMessageItem item : ready.receiveMessages(BATCH, VISIBILITY, null, null)) {
                    any = true;
                    handle(item);
                }
                if (any) {
                    idle = IDLE_POLL.toMillis();
                } else {
                    Thread.sleep(idle);
                    idle = Math.min(MAX_IDLE_POLL.toMillis(), idle * 2);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                LOG.warn("queued ingestion: cannot read the queue: {}", describe(e));
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    private void handle(QueueMessageItem item) throws InterruptedException {
        int n = taken.incrementAndGet();
        if (faults.dropMessages().contains(n)) {
            LOG.info("queued ingestion: fault injection drops message {}", n);
            ready.deleteMessage(item.getMessageId(), item.getPopReceipt());
            return;
        }
        if (!faults.delay().isZero()) {
            Thread.sleep(faults.delay().toMillis());
        }
        IngestionMessage message;
        try {
            message = IngestionMessage.decode(item.getBody().toString());
        } catch (RuntimeException e) {
            // Nothing to report to: the message does not say where. Dropped, as the service would.
            LOG.warn("queued ingestion: unreadable message dropped: {}", e.getMessage());
            ready.deleteMessage(item.getMessageId(), item.getPopReceipt());
            return;
        }
        UUID operationId = UUID.randomUUID();
        UUID activityId = UUID.randomUUID();
        try {
            if (faults.failIngestions().contains(n)) {
                throw new InjectedFault(n);
            }
            IngestionResult result = ingest(message);
            if (result.skipped()) {
                report(message, operationId, activityId, Outcome.skipped(
                        "The ingestion was skipped: an extent with one of the ingest-by tags "
                                + message.request().ingestIfNotExists() + " already exists."));
            } else {
                report(message, operationId, activityId, Outcome.SUCCEEDED);
                if (!message.retainBlobOnSuccess()) {
                    deleteQuietly(message);
                }
            }
        } catch (InjectedFault e) {
            report(message, operationId, activityId, new Outcome("Failed", "Transient", "General_TransientSchemaMismatch",
                    e.getMessage(), true));
        } catch (KustoException e) {
            report(message, operationId, activityId, new Outcome("Failed", e.permanent() ? "Permanent" : "Transient",
                    errorCode(e), e.getMessage(), !e.permanent()));
        } catch (BlobStorageException e) {
            boolean missing = e.getStatusCode() == 404;
            report(message, operationId, activityId, new Outcome("Failed", missing ? "Permanent" : "Transient",
                    missing ? "Download_SourceNotFound" : "Download_AccessConditionNotSatisfied",
                    "The blob " + StorageAccess.withoutSecrets(message.blobPath()) + " could not be read (HTTP "
                            + e.getStatusCode() + ").", !missing));
        } catch (RuntimeException e) {
            LOG.warn("queued ingestion of {} failed: {}", StorageAccess.withoutSecrets(message.blobPath()), describe(e));
            report(message, operationId, activityId, new Outcome("Failed", "Unknown", "Misc",
                    "kusto-local failed to ingest the blob: " + e.getClass().getSimpleName(), false));
        }
        ready.deleteMessage(item.getMessageId(), item.getPopReceipt());
    }

    /** The status table's error code (the SDK's IngestionErrorCode names) for an ingestion's failure. */
    static String errorCode(KustoException e) {
        String detail = e.getMessage() == null ? "" : e.getMessage();
        if (e.code().equals("BadRequest_EntityNotFound")) {
            return detail.startsWith("Database") ? "BadRequest_DatabaseNotExist"
                    : detail.startsWith("Table") ? "BadRequest_TableNotExist" : "BadRequest_EntityNotFound";
        }
        if (detail.contains("BadRequest_InvalidMappingReference")) {
            return "BadRequest_MappingReferenceWasNotFound";
        }
        if (detail.contains("ingestion format")) {
            return "BadRequest_FormatNotSupported";
        }
        if (detail.contains("payload could not be read") || detail.contains("is not valid")) {
            return "BadRequest_InvalidBlob";
        }
        if (detail.contains("mapping")) {
            return "BadRequest_InvalidMapping";
        }
        return e.httpStatus() < 500 ? "General_BadRequest" : "General_InternalServerError";
    }

    private IngestionResult ingest(IngestionMessage message) {
        BlobClient blob = storage.blob(message.blobPath());
        try (InputStream in = blob.openInputStream()) {
            return ingestor.ingest(message.database(), message.table(), message.request(), in);
        } catch (java.io.IOException e) {
            throw KustoException.badRequest("The blob could not be read: " + e.getMessage());
        }
    }

    private void deleteQuietly(IngestionMessage message) {
        try {
            storage.blob(message.blobPath()).deleteIfExists();
        } catch (RuntimeException e) {
            LOG.debug("could not delete an ingested blob: {}", e.toString());
        }
    }

    /** How an ingestion ended, in the status table's words. */
    private record Outcome(String status, String failureStatus, String errorCode, String details,
            boolean shouldRetry) {
        static final Outcome SUCCEEDED = new Outcome("Succeeded", null, null, null, false);

        static Outcome skipped(String details) {
            return new Outcome("Skipped", "Permanent", "Skipped_IngestByTagAlreadyExists", details, false);
        }

        boolean succeeded() {
            return status.equals("Succeeded");
        }
    }

    private void report(IngestionMessage m, UUID operationId, UUID activityId, Outcome outcome) {
        String source = StorageAccess.withoutSecrets(m.blobPath());
        Instant now = Instant.now();
        if (!outcome.succeeded()) {
            failures.add(new IngestionFailures.Failure(operationId, m.database(), m.table(), now, source,
                    outcome.details(), outcome.failureStatus(), activityId, outcome.errorCode(),
                    outcome.shouldRetry()));
            LOG.info("queued ingestion into {}.{} {}: {} ({})", m.database(), m.table(), outcome.status(),
                    outcome.errorCode(), outcome.details());
        }
        boolean wanted = outcome.succeeded() ? m.reportsSuccesses() : m.reportsFailures();
        if (!wanted) {
            return;
        }
        if (m.toTable()) {
            try {
                updateStatus(m, operationId, activityId, outcome, source, now);
            } catch (RuntimeException e) {
                LOG.warn("queued ingestion: cannot update the status table: {}", describe(e));
            }
        }
        if (m.toQueue()) {
            try {
                enqueueStatus(m, operationId, activityId, outcome, source, now);
            } catch (RuntimeException e) {
                LOG.warn("queued ingestion: cannot write the status queue: {}", describe(e));
            }
        }
    }

    private void updateStatus(IngestionMessage m, UUID operationId, UUID activityId, Outcome outcome, String source,
            Instant now) {
        TableClient table = storage.statusTable(m.statusTable());
        String partitionKey = m.partitionKey() == null ? m.id().toString() : m.partitionKey();
        String rowKey = m.rowKey() == null ? m.id().toString() : m.rowKey();
        TableEntity entity = new TableEntity(partitionKey, rowKey)
                .addProperty("Status", outcome.status())
                .addProperty("Database", m.database())
                .addProperty("Table", m.table())
                .addProperty("IngestionSourceId", m.id())
                .addProperty("IngestionSourcePath", source)
                .addProperty("OperationId", operationId.toString())
                .addProperty("ActivityId", activityId.toString())
                .addProperty("OriginatesFromUpdatePolicy", false)
                .addProperty("UpdatedOn", OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
        if (!outcome.succeeded()) {
            entity.addProperty("FailureStatus", outcome.failureStatus())
                    .addProperty("ErrorCode", outcome.errorCode())
                    .addProperty("Details", outcome.details());
        }
        table.upsertEntity(entity); // merges: the client's own properties stay
    }

    private void enqueueStatus(IngestionMessage m, UUID operationId, UUID activityId, Outcome outcome, String source,
            Instant now) {
        ObjectNode body = JSON.createObjectNode();
        body.put("OperationId", operationId.toString());
        body.put("Database", m.database());
        body.put("Table", m.table());
        body.put("IngestionSourceId", m.id().toString());
        body.put("IngestionSourcePath", source);
        body.put("RootActivityId", activityId.toString());
        String queue;
        if (outcome.succeeded()) {
            body.put("SucceededOn", now.toString());
            queue = StorageAccess.SUCCEEDED_QUEUE;
        } else {
            body.put("FailedOn", now.toString());
            body.put("Details", outcome.details());
            body.put("ErrorCode", outcome.errorCode());
            body.put("FailureStatus", outcome.failureStatus());
            body.put("OriginatesFromUpdatePolicy", false);
            body.put("ShouldRetry", outcome.shouldRetry());
            queue = StorageAccess.FAILED_QUEUE;
        }
        String text = Base64.getEncoder().encodeToString(body.toString().getBytes(StandardCharsets.UTF_8));
        storage.queue(queue).sendMessage(BinaryData.fromString(text));
    }

    /**
     * An exception for the log: storage errors by class and HTTP status only, since their text can
     * quote the request's SAS parameters.
     */
    static String describe(Throwable e) {
        if (e instanceof HttpResponseException http) {
            return e.getClass().getSimpleName() + " (HTTP " + http.getResponse().getStatusCode() + ")";
        }
        return e.toString();
    }

    /** A failure the fault-injection switch asked for. */
    private static final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InjectedFault(int n) {
            super("Injected fault: the ingestion of message " + n + " fails.", null, false, false);
        }
    }

    @Override
    public void close() {
        running = false;
        threads.forEach(Thread::interrupt);
        try {
            for (Thread thread : threads) {
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
