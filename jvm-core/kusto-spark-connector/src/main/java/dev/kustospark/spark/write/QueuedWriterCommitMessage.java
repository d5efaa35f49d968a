package dev.kustospark.spark.write;

import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.connector.write.WriterCommitMessage;

/**
 * What one task attempt queued: its rows, the tag on its extents, and the source id of each blob
 * with a description for errors. Holds no storage credentials.
 */
record QueuedWriterCommitMessage(int partitionId, long taskId, String attemptTag, long rows, Map<UUID, String> sources)
        implements WriterCommitMessage {
    QueuedWriterCommitMessage {
        sources = Map.copyOf(sources);
    }
}
