package dev.kustospark.local.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.kustospark.local.KustoException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the rows of results into an open JSON array, enforcing the truncation limits and the
 * deadline across all results of a request, and remembers the first failure.
 *
 * <p>Rows are encoded into a {@link JsonBuffer} and go to the response stream directly, next to the
 * Jackson generator that writes the frames around them: the generator is flushed before the first
 * row and this class writes the commas between rows. A row is only ever written whole, so a failure
 * in the middle of one leaves no trace of it.
 */
final class RowStreamer {
    /** Buffered row bytes that are handed to the response stream at once. */
    static final int FLUSH_BYTES = 64 * 1024;

    private final ResultLimits limits;
    private final ExecutionDeadline deadline;
    private final OutputStream out;
    private final JsonBuffer buffer = new JsonBuffer(FLUSH_BYTES + 8 * 1024);
    private long records;
    private long rowBytes;
    private KustoException failure;
    private final List<TableStatistics> statistics = new ArrayList<>();

    /** The rows of one result that were sent, and their encoded size in bytes. */
    record TableStatistics(long rowCount, long size) {}

    /** @param out the stream {@code g} of {@link #writeRows} writes to */
    RowStreamer(ResultLimits limits, ExecutionDeadline deadline, OutputStream out) {
        this.limits = limits;
        this.deadline = deadline;
        this.out = out;
    }

    KustoException failure() {
        return failure;
    }

    /** One entry per result written so far, in order. */
    List<TableStatistics> statistics() {
        return statistics;
    }

    /**
     * Writes the rows of {@code cursor} into the array {@code g} has just opened; on failure writes
     * nothing more and records it. Afterwards {@code g} counts the rows as one element of the array,
     * so that it puts a comma before an error row that follows them.
     *
     * @throws IOException only when the client went away
     */
    void writeRows(JsonGenerator g, ResultCursor cursor) throws IOException {
        boolean first = true;
        int rowStart = -1;
        long recordsBefore = records;
        long bytesBefore = rowBytes;
        try (cursor) {
            cursor.start();
            while (cursor.next()) {
                if (records >= limits.maxRecords()) {
                    failure = QueryFailures.tooManyRecords(limits.maxRecords());
                    break;
                }
                if (rowBytes >= limits.maxBytes()) {
                    failure = QueryFailures.tooManyBytes(limits.maxBytes());
                    break;
                }
                rowStart = buffer.size();
                if (!first) {
                    buffer.ascii(',');
                }
                cursor.writeRow(buffer);
                rowBytes += buffer.size() - rowStart;
                rowStart = -1;
                records++;
                if (first) {
                    // An empty raw value: the generator now knows the array has an element, and writes nothing.
                    g.writeRawValue("");
                    g.flush();
                    first = false;
                }
                if (buffer.size() >= FLUSH_BYTES) {
                    buffer.writeTo(out);
                }
                if (deadline != null && (records & 1023) == 0) {
                    deadline.check();
                }
            }
            if (deadline != null && failure == null) {
                deadline.check();
            }
        } catch (KustoException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = KustoException.internal("Query execution failed: " + e, e);
        }
        if (rowStart >= 0) {
            buffer.truncate(rowStart); // the row that failed half-way
        }
        buffer.writeTo(out);
        statistics.add(new TableStatistics(records - recordsBefore, rowBytes - bytesBefore));
    }
}
