/**
 * The data-management side of the service on Azure Storage, emulated by Azurite: queued ingestion
 * and export.
 *
 * <h2>Storage</h2>
 * {@link dev.kustospark.local.dm.AzuriteProcess} runs Azurite (installed by
 * {@code scripts/azurite-env.sh}) as a child process on ports it picks itself, or
 * {@link dev.kustospark.local.dm.StorageEndpoints#fromBlobUrl} names one already running. There is
 * one account, {@code devstoreaccount1} with its well-known key. {@code .get|.show ingestion
 * resources} returns path-style URLs ({@code http://127.0.0.1:PORT/devstoreaccount1/NAME?SAS}) with
 * an account SAS: the Java SDK needs exactly one {@code ?} and the port kept.
 *
 * <h2>Queued ingestion</h2>
 * Two worker threads (one when faults are injected) take the messages of the {@code readyforaggregation-secured} queue (keys
 * matched case-insensitively, enums as names or numbers, as the Java and Python SDKs write them),
 * reads the blob and ingests it at once through {@code ingest.Ingestor}: one extent per blob, no
 * batching. It then merges {@code Status} ({@code Succeeded}, {@code Failed}, {@code Skipped}),
 * {@code FailureStatus}, {@code ErrorCode}, {@code Details}, {@code OperationId},
 * {@code ActivityId} and {@code UpdatedOn} into the status-table entity the client created (report
 * method Table), posts to {@code successfulingestions} or {@code failedingestions} (report method
 * Queue), as the report level asks, and records failures for {@code .show ingestion failures}.
 * An ingestion skipped by {@code ingestIfNotExists} is {@code Skipped} with error code
 * {@code Skipped_IngestByTagAlreadyExists}.
 *
 * <h2>Export</h2>
 * {@code .export} runs the query, writes one file with DuckDB's {@code COPY} (several with
 * {@code sizeLimit}, DuckDB's approximate {@code FILE_SIZE_BYTES}) and uploads them into the target
 * container as {@code <namePrefix>_<operation id>_<n>.<extension>}. Async exports run on a
 * background thread and are tracked in the operation log ({@code InProgress}, then
 * {@code Completed} or {@code Failed}).
 *
 * <p>Secrets: SAS tokens and keys never appear in logs, results or error messages; URLs are reported
 * without their query.
 */
package dev.kustospark.local.dm;
