package dev.kustospark.local.http;

import com.sun.net.httpserver.HttpExchange;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.protocol.ErrorPayload;
import dev.kustospark.local.protocol.RequestIds;
import java.io.IOException;
import java.io.OutputStream;

/** Whole (non-streamed) responses: JSON bodies and the service's error shape. */
final class Responses {
    static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    private Responses() {}

    static void json(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON_CONTENT_TYPE);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void error(HttpExchange exchange, KustoException e, RequestIds ids) throws IOException {
        json(exchange, e.httpStatus(), ErrorPayload.body(e, ids));
    }

    /** Starts a streamed (chunked) 200 response. */
    static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON_CONTENT_TYPE);
        exchange.sendResponseHeaders(200, 0);
        return exchange.getResponseBody();
    }
}
