package dev.kustospark.local.protocol;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonStreamContext;
import dev.kustospark.local.KustoException;
import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * Writes the rows of results into an open JSON array, enforcing the truncation limits and the
 * deadline across all results of a request, and remembers the first failure.
 */
final class RowStreamer {
    private final ResultLimits limits;
    private final ExecutionDeadline deadline;
    private final LongSupplier bytesWritten;
    private long records;
    private long rowBytes;
    private KustoException failure;

    RowStreamer(ResultLimits limits, ExecutionDeadline deadline, LongSupplier bytesWritten) {
        this.limits = limits;
        this.deadline = deadline;
        this.bytesWritten = bytesWritten;
    }

    KustoException failure() {
        return failure;
    }

    /**
     * Writes the rows of {@code cursor}; on failure writes nothing more and records it.
     *
     * @throws IOException only when the client went away
     */
    void writeRows(JsonGenerator g, ResultCursor cursor) throws IOException {
        JsonStreamContext rowsArray = g.getOutputContext();
        try (cursor) {
            cursor.start();
            while (cursor.next()) {
                if (records >= limits.maxRecords()) {
                    failure = QueryFailures.tooManyRecords(limits.maxRecords());
                    return;
                }
                if (rowBytes >= limits.maxBytes()) {
                    failure = QueryFailures.tooManyBytes(limits.maxBytes());
                    return;
                }
                long before = bytesWritten.getAsLong();
                cursor.writeRow(g);
                rowBytes += bytesWritten.getAsLong() - before;
                records++;
                if (deadline != null && (records & 1023) == 0) {
                    deadline.check();
                }
            }
            if (deadline != null) {
                deadline.check();
            }
        } catch (KustoException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = KustoException.internal("Query execution failed: " + e, e);
        }
        // A row cut short by a failure is closed so that the error row that follows stays a sibling.
        while (failure != null && g.getOutputContext() != rowsArray) {
            if (g.getOutputContext().inArray()) {
                g.writeEndArray();
            } else {
                g.writeEndObject();
            }
        }
    }
}
