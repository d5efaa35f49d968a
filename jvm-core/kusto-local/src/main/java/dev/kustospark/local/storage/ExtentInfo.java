package dev.kustospark.local.storage;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An extent (data shard) of a table: each ingestion or append creates one, with its tags
 * ({@code drop-by:x}, {@code ingest-by:y}, others) and creation time.
 */
public record ExtentInfo(UUID id, String database, String table, Instant createdOn, long rowCount,
        long originalSize, List<String> tags) {
    public ExtentInfo {
        tags = List.copyOf(tags);
    }
}
