package dev.kustospark.spark.write;

import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KqlSyntax;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit of a transactional write, whose outcome is known before it is reported: the committed
 * attempts' extents are moved from the temporary table into the target ({@link ExtentMover}); it
 * succeeded once none of them is left in the temporary table, since only a move takes an extent out
 * of it.
 *
 * <p>When the move cannot be completed after some of it may have happened, the write is undone so
 * that its failure is true: first the temporary table is dropped, after which no move can add to the
 * target any more (not even one still running in the cluster, whose answer was lost); then the
 * target's extents tagged by this write are listed and dropped, provided they hold no more rows than
 * the write (an extent the cluster merged with other data would), and listed again to be sure. If
 * the cluster cannot be reached to do that before {@code timeoutLimit}, or the check fails, the
 * error says so and names the tag that finds the rows.
 */
final class TransactionalCommit {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionalCommit.class);

    private final ConnectionConfig connection;
    private final StagingTable staging;
    private final String target;
    private final String writeTag;
    private final int moveBatchSize;
    private final int moveRetries;

    /**
     * @param writeTag      what every attempt tag of this write begins with ({@link QueuedDataWriterFactory#attemptTagPrefix})
     * @param moveBatchSize extents per move, and {@code moveRetries} retries of a single extent's move
     */
    TransactionalCommit(ConnectionConfig connection, StagingTable staging, String target, String writeTag,
            int moveBatchSize, int moveRetries) {
        this.connection = connection;
        this.staging = staging;
        this.target = target;
        this.writeTag = writeTag;
        this.moveBatchSize = moveBatchSize;
        this.moveRetries = moveRetries;
    }

    /**
     * Moves the extents of the committed attempts into the target; returns how many moved.
     *
     * @param rows how many rows the committed attempts wrote
     * @throws KustoConnectorException when the write failed: its message says first whether the target is unchanged
     */
    int run(Collection<String> attemptTags, long rows) {
        long deadline = System.nanoTime() + connection.timeout().toNanos();
        ExtentMover mover = new ExtentMover(connection, staging.name(), target, moveBatchSize, moveRetries,
                connection.timeout());
        try {
            return mover.move(attemptTags);
        } catch (RuntimeException e) {
            if (!mover.sentMoves()) {
                throw KustoConnectorException.because(failed() + " and the table is unchanged", e);
            }
            throw undo(e, rows, deadline);
        }
    }

    private KustoConnectorException undo(RuntimeException moveFailure, long rows, long deadline) {
        List<StagingTable.Extent> landed;
        try {
            staging.drop(deadline);
            landed = landed(deadline);
            if (landed.isEmpty()) {
                return KustoConnectorException.because(failed() + " and the table is unchanged", moveFailure);
            }
            long landedRows = landed.stream().mapToLong(StagingTable.Extent::rows).sum();
            if (landedRows > rows) {
                return KustoConnectorException.because(failed() + ", and part of it may be in the table: extents tagged"
                        + " by this write hold " + landedRows + " rows, more than its " + rows + ", so they may hold"
                        + " other rows too and were left alone; " + howToFind(), moveFailure);
            }
            staging.dropTargetExtents(landed.stream().map(StagingTable.Extent::id).toList(), deadline);
            List<StagingTable.Extent> left = landed(deadline);
            if (!left.isEmpty()) {
                return KustoConnectorException.because(failed() + ", and part of it is still in the table after"
                        + " dropping what it had moved: " + left.size() + " extents; " + howToFind(), moveFailure);
            }
        } catch (RuntimeException undoFailure) {
            return KustoConnectorException.because(failed() + ", and whether part of it is in the table could not be"
                    + " checked (" + KustoConnectorException.kustoMessage(undoFailure) + "); " + howToFind(), moveFailure);
        }
        String moved = landed.size() == 1 ? "the extent it had moved into it was" : "the " + landed.size()
                + " extents it had moved into it were";
        LOG.warn("Transactional write into table '{}' could not complete its move; {} dropped again ({} rows)", target,
                moved, landed.stream().mapToLong(StagingTable.Extent::rows).sum());
        return KustoConnectorException.because(failed() + " and the table is unchanged (" + moved + " dropped again)",
                moveFailure);
    }

    private List<StagingTable.Extent> landed(long deadline) {
        return StagingTable.extents(connection, target, writeTag, "Listing the extents of table '" + target
                + "' tagged by this write", deadline);
    }

    private String failed() {
        return "Transactional write into table '" + target + "' (option kustoTable) failed";
    }

    private String howToFind() {
        String extents = ".show table " + KqlSyntax.quoteName(target) + " extents where tags contains "
                + KqlSyntax.stringLiteral(writeTag);
        return "its extents are found with '" + extents + "' and removed with '.drop extents <| " + extents + "'";
    }
}
