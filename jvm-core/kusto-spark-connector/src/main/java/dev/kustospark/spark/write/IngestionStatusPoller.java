package dev.kustospark.spark.write;

import com.azure.data.tables.TableAsyncClient;
import com.azure.data.tables.models.TableEntity;
import com.microsoft.azure.kusto.ingest.utils.TableWithSas;
import com.microsoft.azure.kusto.ingest.result.IngestionStatus;
import com.microsoft.azure.kusto.ingest.result.OperationStatus;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.config.ConnectionConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Waits for the outcome of queued ingestions in the cluster's status table, where the service keeps
 * one entity per source id (partition and row key). Works the same on the driver and in a task, as it
 * needs only the source ids, never the storage credentials of the task that queued them.
 */
final class IngestionStatusPoller {
    private static final long FIRST_WAIT_MILLIS = 100;
    private static final long MAX_WAIT_MILLIS = 2_000;

    /** An ingestion that did not succeed: which blob, of what, and the service's reason. */
    record Failure(UUID sourceId, String what, String status, String reason) {
        String describe() {
            return what + ": " + status + (reason == null || reason.isBlank() ? "" : " (" + reason + ")");
        }
    }

    private final ConnectionConfig connection;

    IngestionStatusPoller(ConnectionConfig connection) {
        this.connection = connection;
    }

    /**
     * Polls until no ingestion is pending or {@code timeout} has passed.
     *
     * @param sources source id to a description for errors ("partition 3, blob 2")
     * @return the ingestions that failed, or were still pending at the timeout
     */
    List<Failure> await(Map<UUID, String> sources, Duration timeout) {
        Map<UUID, String> pending = new LinkedHashMap<>(sources);
        List<Failure> failures = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long wait = FIRST_WAIT_MILLIS;
        TableAsyncClient table = statusTable();
        while (!pending.isEmpty()) {
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<UUID, String> e = it.next();
                IngestionStatus status = status(table, e.getKey());
                if (status == null || status.status == OperationStatus.Pending) {
                    continue;
                }
                if (status.status != OperationStatus.Succeeded) {
                    failures.add(new Failure(e.getKey(), e.getValue(), status.status.name(),
                            status.errorCodeString == null ? status.details
                                    : status.errorCodeString + (status.details == null ? "" : ": " + status.details)));
                }
                it.remove();
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                for (Map.Entry<UUID, String> e : pending.entrySet()) {
                    failures.add(new Failure(e.getKey(), e.getValue(), "Pending",
                            "no outcome within timeoutLimit=" + timeout.toSeconds() + "s; raise option timeoutLimit"));
                }
                break;
            }
            sleep(wait);
            wait = Math.min(MAX_WAIT_MILLIS, wait * 2);
        }
        return failures;
    }

    /** The status table, from the same {@code .get ingestion resources} answer the SDK's client reads. */
    private TableAsyncClient statusTable() {
        String url = IngestionResources.require(connection, IngestionResources.STATUS_TABLE,
                "Reading the ingestion status table").get(0);
        try {
            return TableWithSas.createTableClientFromUrl(url, null);
        } catch (Exception e) {
            throw KustoConnectorException.of("Reading the ingestion status table from the cluster's ingestion resources", e);
        }
    }

    private static IngestionStatus status(TableAsyncClient table, UUID sourceId) {
        try {
            TableEntity entity = table.getEntity(sourceId.toString(), sourceId.toString()).block();
            return entity == null ? null : IngestionStatus.fromEntity(entity);
        } catch (RuntimeException e) {
            if (e instanceof com.azure.data.tables.models.TableServiceException t && t.getResponse() != null
                    && t.getResponse().getStatusCode() == 404) {
                return null; // not written yet
            }
            throw KustoConnectorException.of("Reading the ingestion status of source " + sourceId, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ingestion results", e);
        }
    }
}
