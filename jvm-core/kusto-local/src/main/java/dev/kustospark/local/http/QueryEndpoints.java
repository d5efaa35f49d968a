package dev.kustospark.local.http;

import com.sun.net.httpserver.HttpExchange;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.dm.FaultInjection;
import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.kql.CompiledQuery;
import dev.kustospark.local.kql.KqlCompiler;
import dev.kustospark.local.kql.KqlContext;
import dev.kustospark.local.mgmt.CommandExecutor;
import dev.kustospark.local.protocol.ExecutionDeadline;
import dev.kustospark.local.protocol.RequestIds;
import dev.kustospark.local.protocol.ResultCursor;
import dev.kustospark.local.protocol.V1ResponseWriter;
import dev.kustospark.local.protocol.V2ResponseWriter;
import dev.kustospark.local.storage.Catalog;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code /v2/rest/query}, {@code /v1/rest/query} and {@code /v1/rest/mgmt}. The first statement runs
 * before the status line, so that a query that cannot start fails with an HTTP error; the rest
 * streams, and later failures are reported inside the response.
 */
final class QueryEndpoints {
    private final Catalog catalog;
    private final CommandExecutor commands;
    private final CommandHalts halts;

    QueryEndpoints(Catalog catalog, CommandExecutor commands, CommandHalts halts) {
        this.catalog = catalog;
        this.commands = commands;
        this.halts = halts;
    }

    void queryV2(HttpExchange exchange, RequestIds ids) throws IOException {
        QueryRequest request = QueryRequest.parse(exchange.getRequestBody());
        if (QueryRequest.isCommand(request.csl())) {
            throw KustoException.badRequest("Management commands cannot be sent to the query endpoint "
                    + "(/v2/rest/query): '" + abbreviate(request.csl()) + "' starts with '.'; send it to /v1/rest/mgmt.");
        }
        run(exchange, ids, request, false);
    }

    void queryV1(HttpExchange exchange, RequestIds ids) throws IOException {
        QueryRequest request = QueryRequest.parse(exchange.getRequestBody());
        if (QueryRequest.isCommand(request.csl())) {
            throw KustoException.badRequest("Management commands cannot be sent to the query endpoint "
                    + "(/v1/rest/query): '" + abbreviate(request.csl()) + "' starts with '.'; send it to /v1/rest/mgmt.");
        }
        run(exchange, ids, request, true);
    }

    void mgmt(HttpExchange exchange, RequestIds ids) throws IOException {
        QueryRequest request = QueryRequest.parse(exchange.getRequestBody());
        if (!QueryRequest.isCommand(request.csl())) {
            run(exchange, ids, request, true);
            return;
        }
        FaultInjection.Halt halt = halts.arrived(request.csl());
        try (ExecutionDeadline deadline = ExecutionDeadline.after(request.timeout());
                Connection connection = catalog.connect()) {
            CommandExecutor.CommandResults results;
            try {
                results = commands.executeRequest(connection, request.database(), request.csl(), request.parameters(),
                        ids.received());
            } finally {
                CommandHalts.haltIf(halt, false, request.csl());
            }
            List<ResultCursor> cursors = cursors(results.tables(), connection, deadline);
            try (OutputStream out = startStreaming(exchange, cursors)) {
                V1ResponseWriter writer = new V1ResponseWriter(ids, request.limits(), deadline,
                        request.deferPartialFailures());
                if (results.query()) {
                    writer.writeQuery(out, cursors);
                } else {
                    writer.writeCommand(out, cursors);
                }
            }
            CommandHalts.haltIf(halt, true, request.csl());
        } catch (SQLException e) {
            throw KustoException.internal("Could not open or close a connection to the store: " + e.getMessage(), e);
        }
    }

    private void run(HttpExchange exchange, RequestIds ids, QueryRequest asSent, boolean v1) throws IOException {
        String database = catalog.resolveDatabase(asSent.database());
        CompiledQuery query = KqlCompiler.compile(asSent.csl(),
                new KqlContext(database, catalog, asSent.parameters(), ids.received(), null));
        QueryRequest request = asSent.withSetOptions(query.options());
        try (ExecutionDeadline deadline = ExecutionDeadline.after(request.timeout());
                Connection connection = catalog.connect()) {
            List<ResultCursor> cursors = cursors(List.copyOf(query.results()), connection, deadline);
            try (OutputStream out = startStreaming(exchange, cursors)) {
                if (v1) {
                    new V1ResponseWriter(ids, request.limits(), deadline, request.deferPartialFailures())
                            .writeQuery(out, cursors);
                } else {
                    new V2ResponseWriter(ids, request.limits(), deadline, request.deferPartialFailures())
                            .write(out, cursors);
                }
            }
        } catch (SQLException e) {
            throw KustoException.internal("Could not open or close a connection to the store: " + e.getMessage(), e);
        }
    }

    private static List<ResultCursor> cursors(List<? extends TabularResult> results, Connection connection,
            ExecutionDeadline deadline) {
        return results.stream().map(r -> ResultCursor.of(r, connection, deadline)).toList();
    }

    private static OutputStream startStreaming(HttpExchange exchange, List<ResultCursor> cursors) throws IOException {
        if (!cursors.isEmpty()) {
            cursors.get(0).start();
        }
        return Responses.startStream(exchange);
    }

    private static String abbreviate(String csl) {
        String firstLine = csl.lines().findFirst().orElse("");
        return firstLine.length() > 80 ? firstLine.substring(0, 80) + "..." : firstLine;
    }
}
