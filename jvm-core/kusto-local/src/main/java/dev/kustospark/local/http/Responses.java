package dev.kustospark.local.http;

import com.sun.net.httpserver.HttpExchange;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.protocol.ErrorPayload;
import dev.kustospark.local.protocol.RequestIds;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

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

    /**
     * Starts a streamed (chunked) 200 response, gzip-encoded when the client accepts it, as the
     * service's are: the Java SDK's streaming query reader fails on a response without
     * {@code Content-Encoding}. Never deflate, which the Java SDK cannot decode. The caller closes
     * the stream to end the response.
     */
    static OutputStream startStream(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", JSON_CONTENT_TYPE);
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        boolean gzip = accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
        if (gzip) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        exchange.sendResponseHeaders(200, 0);
        OutputStream body = exchange.getResponseBody();
        // sync flush: each table the writer flushes reaches the client without waiting for the end
        return gzip ? new FastGzipOutputStream(body) : new BufferedOutputStream(body, 65536);
    }

    /**
     * Gzip at the fastest level. Deflate's default level took several times longer than producing
     * the rows; the JSON of results is repetitive enough that the fastest level still shrinks it about
     * fivefold, and the client is usually on the same machine or network.
     */
    private static final class FastGzipOutputStream extends GZIPOutputStream {
        FastGzipOutputStream(OutputStream out) throws IOException {
            super(out, 65536, true);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
