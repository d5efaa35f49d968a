package dev.kustospark.local.mgmt;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * What a {@link CommandExtension} sees of the command being run: the parser's cursor, the request's
 * database and connection, and the operation log.
 */
public final class ExtensionInvocation {
    private final CommandExecutor executor;
    private final Invocation inv;
    private final OperationLog operations;

    ExtensionInvocation(CommandExecutor executor, Invocation inv, OperationLog operations) {
        this.executor = executor;
        this.inv = inv;
        this.operations = operations;
    }

    /** True if the next words are these, case-insensitively; consumes them only then. */
    public boolean acceptKeywords(String... words) {
        return inv.parser.acceptKeywords(words);
    }

    public boolean peekKeyword(String word) {
        return inv.parser.peekKeyword(word);
    }

    public boolean accept(String symbol) {
        return inv.parser.accept(symbol);
    }

    public void expect(String symbol) {
        inv.parser.expect(symbol);
    }

    public boolean isStringStart() {
        return inv.parser.isStringStart();
    }

    /** A string literal ({@code h@"..."} included). */
    public String string() {
        return inv.parser.string();
    }

    public UUID guid() {
        return inv.parser.guid();
    }

    /** {@code with (k=v, ...)} clauses, keys as written. */
    public Map<String, String> withProperties() {
        return inv.parser.withProperties();
    }

    /** Consumes and returns everything left of the command text. */
    public String takeRest() {
        String rest = inv.parser.rest();
        inv.parser.skipToEnd();
        return rest;
    }

    /** A syntax error at the cursor. Its message quotes the command text, so never use it when that holds secrets. */
    public KustoException error(String what) {
        return inv.parser.error(what);
    }

    public String database() {
        return inv.database();
    }

    public String databaseOrNull() {
        return inv.databaseOrNull();
    }

    public Instant now() {
        return inv.now;
    }

    public Connection connection() {
        return inv.connection;
    }

    /** Names the operation in {@code .show operations}. */
    public void operation(String name) {
        inv.operation = name;
    }

    /** Keeps this command out of the operation log (it records its own operation, or reads the log). */
    public void notRecorded() {
        inv.recorded = false;
    }

    /** A KQL query (or a command after {@code <|}) compiled to SQL for the request's database. */
    public SqlResult compile(String queryText) {
        return executor.queryOrCommand(inv, queryText);
    }

    /** Records an operation in state {@code InProgress}; returns its id for {@link #finishOperation}. */
    public UUID startOperation(String name) {
        return operations.record(name, inv.databaseOrNull(), Instant.now(), Instant.now(), "InProgress", "", null)
                .id();
    }

    /** Records the end of an operation started with {@link #startOperation}. */
    public void finishOperation(UUID id, String state, String status, RowsResult details) {
        operations.update(id, state, status, Instant.now(), details);
    }
}
