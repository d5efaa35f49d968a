package dev.kustospark.local.ingest;

import dev.kustospark.local.storage.ExtentInfo;

/**
 * The outcome of one ingestion: the extent created, or {@code skipped} when an ingest-if-not-exists
 * tag was already present (then {@code extent} is null).
 */
public record IngestionResult(ExtentInfo extent, long rowCount, boolean skipped) {}
