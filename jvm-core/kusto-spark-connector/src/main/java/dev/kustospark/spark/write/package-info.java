/**
 * Writing a DataFrame into a Kusto table.
 *
 * <h2>Modes</h2>
 * {@code writeMode=KustoStreaming} is implemented: each task encodes its rows as CSV and sends them
 * through the SDK's streaming ingestion in batches of at most {@code streamingIngestSizeInMB}
 * (uncompressed), retrying throttling, 5xx and lost connections with exponential backoff. Streaming
 * ingestion is not transactional: a failed or retried task may leave batches it already sent in the
 * table.
 *
 * <p>{@code Transactional} (the default) stages the write in a temporary table
 * ({@code StagingTable}, created with an auto-delete policy and an in-use mark that
 * {@code StaleStagingTables} reads to drop the tables of writes that died): tasks spool
 * gzipped CSV to local files sealed at {@code clientBatchingLimit} MB and hand them to the SDK's queued
 * ingest client ({@code QueuedIngestion}), tagging each task attempt's extents; the outcome of every
 * blob is read from the status table ({@code IngestionStatusPoller}) in the task or, with
 * {@code pollingOnDriver}, on the driver; the commit moves only the committed attempts' extents into
 * the target ({@code TransactionalBatchWrite}, {@code TransactionalCommit}), and any failure or abort
 * drops the temporary table and leaves the target unchanged, undoing a move that could not be
 * completed. {@code Queued} queues the same blobs straight into the target and does
 * not wait ({@code DirectBatchWrite}). Both first ask the cluster for its ingestion queue on the
 * driver ({@code IngestionResources}), so that a cluster that has none says why before anything changes.
 *
 * <h2>Streaming sink</h2>
 * {@code KustoWrite.toStreaming()} writes each micro-batch as a
 * transactional write of its own ({@code StreamingSinkWrite}): a temporary table per batch, every
 * extent tagged {@code ingest-by:<query id>;<batch id>}, one {@code .move extents} at the commit, and
 * a batch whose tag the target already has is skipped, so a batch replayed after a restart from the
 * checkpoint does not land twice. {@code StreamingSinkOptions} refuses the options that would break
 * that.
 *
 * <h2>Save modes</h2>
 * Only {@code SaveMode.Append} writes. Spark refuses {@code ErrorIfExists} and {@code Ignore} for a
 * data source without a catalog, and {@code Overwrite} because the table does not declare TRUNCATE:
 * a truncate cannot be made atomic with a streaming append, and a half-done overwrite would lose data.
 *
 * <h2>Table and schema</h2>
 * A missing table is an error unless {@code tableCreateOptions=CreateIfNotExist}, which creates it
 * with the Kusto counterparts of the DataFrame's types (string and binary (base64) to string; int,
 * short and byte to int; long; boolean to bool; double and float to real; decimal; timestamp,
 * timestamp_ntz and date to datetime; struct, map and array to dynamic, as JSON).
 * {@code adjustSchema}: {@code NoAdjustment} writes columns by position; {@code FailIfNotMatch}
 * fails, listing every difference in names, types and order; {@code GenerateDynamicCsvMapping}
 * writes each DataFrame column into the table column of the same name (table columns it lacks get
 * nulls). Kusto's streaming ingestion takes mappings only by reference, so that name mapping is
 * applied to the CSV field order instead of being sent inline; {@code csvMappingNameReference} in
 * {@code sparkIngestionPropertiesJson} is passed through. Kusto has no null strings: a null string
 * is stored as an empty one.
 *
 * <h2>After a write</h2>
 * {@code AsyncWriteOutcomes} keeps what became of the writes with {@code writeEnableAsync=true}, and
 * {@code CrashLeftovers} removes what writes and reads that died left behind; the facades of
 * {@code dev.kustospark.spark.actions} and the driver-result sources of {@code source} call them.
 */
package dev.kustospark.spark.write;
