package dev.kustospark.local.kql;

import dev.kustospark.local.KustoException;
import java.time.Instant;

/**
 * Where a function or operator is applied: its name as written, its 1-based position in the query
 * text (for error messages), and the fixed {@code now} of the query.
 */
public record CallSite(String name, int line, int column, Instant now) {
    /** A semantic error about this call, naming the function and its position. */
    public KustoException error(String detail) {
        return KustoException.semanticError("SEM0219",
                "'" + name + "': " + detail, line, column);
    }
}
