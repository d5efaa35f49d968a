package dev.kustospark.spark.write;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.client.KustoOperation;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KqlSyntax;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the extents of committed task attempts from a temporary table into the target as the
 * service expects of a careful client: {@code .move async extents} of at most {@code batchSize}
 * extents at a time, each awaited through {@code .show operations}. A batch that fails is split in
 * two halves and each is retried, down to single extents, which get {@code retries} more attempts
 * (options {@code maximalExtentsCountForSplitMergePerNode} and {@code maxRetriesOnMoveExtents}). Each move either moves all its extents or none, and a moved extent leaves the temporary
 * table; so before a retry the extents still there are listed again, and an extent that a
 * failed-looking command did move is not moved twice. Running the mover again after it finished
 * moves nothing.
 *
 * <p>A lost connection is not a verdict: the listings and the polls of an operation are repeated
 * until the deadline ({@code timeoutLimit}), so a cluster that restarts meanwhile is waited for, and
 * what a move whose answer was lost did is read from the temporary table once it answers again.
 */
final class ExtentMover {
    private static final Logger LOG = LoggerFactory.getLogger(ExtentMover.class);
    /** Listings of the temporary table, each followed by moves of what it still holds. */
    private static final int MAX_ROUNDS = 3;

    private final ConnectionConfig connection;
    private final String staging;
    private final String target;
    private final int batchSize;
    private final int singleExtentAttempts;
    private final Duration timeout;
    private int movesSent;

    /**
     * @param batchSize extents per move
     * @param retries   attempts after the first of a move of one extent
     */
    ExtentMover(ConnectionConfig connection, String staging, String target, int batchSize, int retries, Duration timeout) {
        if (batchSize < 1 || retries < 0) {
            throw new IllegalArgumentException("batchSize must be at least 1 and retries at least 0, not " + batchSize
                    + " and " + retries);
        }
        this.connection = connection;
        this.staging = staging;
        this.target = target;
        this.batchSize = batchSize;
        this.singleExtentAttempts = retries + 1;
        this.timeout = timeout;
    }

    /**
     * Moves every extent of the temporary table tagged by one of {@code attemptTags}; returns how many
     * left it. The temporary table is listed again once all batches are through: the service may have
     * merged extents in the meantime, giving them new ids, and those are moved in another round.
     */
    int move(Collection<String> attemptTags) {
        Set<String> tags = Set.copyOf(attemptTags);
        long deadline = System.nanoTime() + timeout.toNanos();
        int moved = 0;
        for (int round = 1; ; round++) {
            List<String> pending = new ArrayList<>(pendingExtents(tags, deadline));
            if (pending.isEmpty()) {
                return moved;
            }
            if (round > MAX_ROUNDS) {
                throw KustoConnectorException.of("Moving the extents of temporary table '" + staging + "' into table '"
                        + target + "'", new IllegalStateException(pending.size() + " extents are still there after "
                        + MAX_ROUNDS + " rounds of moves (" + moved + " were moved)"));
            }
            moved += moveInBatches(pending, tags, deadline, moved);
        }
    }

    private int moveInBatches(List<String> pending, Set<String> tags, long deadline, int movedBefore) {
        Deque<List<String>> work = new ArrayDeque<>();
        for (int i = 0; i < pending.size(); i += batchSize) {
            work.addLast(List.copyOf(pending.subList(i, Math.min(pending.size(), i + batchSize))));
        }
        Map<String, Integer> singleAttempts = new HashMap<>();
        int moved = 0;
        while (!work.isEmpty()) {
            List<String> batch = work.pollFirst();
            String failure = tryMove(batch, deadline);
            if (failure == null) {
                moved += batch.size();
                continue;
            }
            Set<String> still = pendingExtents(tags, deadline);
            List<String> left = batch.stream().filter(still::contains).toList();
            moved += batch.size() - left.size();
            if (left.isEmpty()) {
                continue;
            }
            if (left.size() > 1) {
                int half = left.size() / 2;
                LOG.warn("Moving {} extents from temporary table '{}' into table '{}' failed ({}); retrying as two"
                        + " halves", left.size(), staging, target, failure);
                work.addFirst(left.subList(half, left.size()));
                work.addFirst(left.subList(0, half));
                continue;
            }
            int attempts = singleAttempts.merge(left.get(0), 1, Integer::sum);
            if (attempts >= singleExtentAttempts || System.nanoTime() - deadline > 0) {
                throw KustoConnectorException.of("Moving extent " + left.get(0) + " from temporary table '" + staging
                        + "' into table '" + target + "' failed " + (attempts == 1 ? "once" : attempts + " times")
                        + " (option maxRetriesOnMoveExtents=" + (singleExtentAttempts - 1) + "; " + (movedBefore + moved)
                        + " extents were moved, " + (pending.size() - moved) + " were not)",
                        new IllegalStateException(failure));
            }
            LOG.warn("Moving extent {} from temporary table '{}' into table '{}' failed ({}); retrying", left.get(0),
                    staging, target, failure);
            work.addFirst(left);
        }
        return moved;
    }

    /** Whether a move command was sent: one whose answer never came may have moved its extents. */
    boolean sentMoves() {
        return movesSent > 0;
    }

    private Set<String> pendingExtents(Set<String> tags, long deadline) {
        return StagingTable.taggedExtents(connection, staging, tags, deadline);
    }

    /** Runs one {@code .move async extents} and waits for its operation; null when it completed, else why not. */
    private String tryMove(List<String> extentIds, long deadline) {
        String command = ".move async extents from table " + KqlSyntax.quoteName(staging) + " to table "
                + KqlSyntax.quoteName(target) + " (" + String.join(", ", extentIds) + ")";
        String operationId;
        movesSent++;
        try {
            KustoResultSetTable result = KustoClients.mgmt(connection, command, "write.moveExtents").getPrimaryResults();
            if (!result.next()) {
                return "the command returned no operation id";
            }
            operationId = result.getString(0);
        } catch (Exception e) {
            return KustoConnectorException.kustoMessage(e);
        }
        KustoOperation.Outcome outcome;
        try {
            outcome = KustoOperation.await(connection, operationId, "write.moveStatus", deadline);
        } catch (Exception e) {
            return "polling operation " + operationId + " failed: " + KustoConnectorException.kustoMessage(e);
        }
        if (outcome.timedOut()) {
            return "operation " + operationId + " did not complete within timeoutLimit=" + timeout.toSeconds()
                    + " seconds";
        }
        return outcome.completed() ? null : "operation " + operationId + " ended in " + outcome.describe();
    }
}
