package dev.kustospark.spark.write;

import org.apache.spark.sql.connector.write.WriterCommitMessage;

/** What one task wrote: its rows and how many streaming ingestion requests carried them. */
record StreamingIngestCommitMessage(int partitionId, long taskId, long rows, int batches) implements WriterCommitMessage {}
