package dev.kustospark.local.mgmt;

import dev.kustospark.local.storage.Catalog;
import java.sql.Connection;
import java.time.Instant;
import java.util.Map;

/** One command being run: where it runs, its text, and what the operation log should say about it. */
final class Invocation {
    final Catalog catalog;
    final Connection connection;
    final String requestedDatabase;
    final Map<String, Object> parameters;
    final Instant now;
    final CommandParser parser;
    /** The operation's name in {@code .show operations} ({@code TableCreate}, {@code ExtentsMove}...). */
    String operation = "Command";
    boolean async;
    /** False for commands that read the operation log itself. */
    boolean recorded = true;
    /** Offset of the command's leading dot, for errors that name the command. */
    int commandStart;

    Invocation(Catalog catalog, Connection connection, String requestedDatabase, Map<String, Object> parameters,
            Instant now, String text) {
        this.catalog = catalog;
        this.connection = connection;
        this.requestedDatabase = requestedDatabase;
        this.parameters = parameters == null ? Map.of() : parameters;
        this.now = now == null ? Instant.now() : now;
        this.parser = new CommandParser(text);
    }

    /** The request's database, resolved (NetDefaultDb maps to the default); entity not found if unknown. */
    String database() {
        return catalog.resolveDatabase(requestedDatabase);
    }

    /** The request's database, or null when it names none that exists (some commands need none). */
    String databaseOrNull() {
        try {
            return database();
        } catch (dev.kustospark.local.KustoException e) {
            return null;
        }
    }

    /** A command nested in this one ({@code <| .show table T extents}), sharing its connection. */
    Invocation nested(String text) {
        Invocation inner = new Invocation(catalog, connection, requestedDatabase, parameters, now, text);
        inner.recorded = false;
        return inner;
    }
}
