package dev.kustospark.local.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.protocol.RequestIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes every request, checks the bearer token, maps failures to the service's error shape and
 * logs one line per request. Query strings are never logged: they can carry SAS signatures.
 */
final class RequestDispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDispatcher.class);

    static final String AUTH_METADATA_PATH = "/v1/rest/auth/metadata";

    /**
     * The service's answer for its public cloud, equal to the cloud the SDKs assume when a cluster
     * has no metadata (the redirect URI is {@code http://localhost} there too). Both SDKs accept it
     * without AAD configured; Python reads every field when it does fetch it.
     */
    static final byte[] AUTH_METADATA = ("{\"AzureAD\":{\"LoginEndpoint\":\"https://login.microsoftonline.com\","
            + "\"LoginMfaRequired\":false,\"KustoClientAppId\":\"db662dc1-0cfe-4e1c-a843-19a68e65be58\","
            + "\"KustoClientRedirectUri\":\"http://localhost\","
            + "\"KustoServiceResourceId\":\"https://kusto.kusto.windows.net\","
            + "\"FirstPartyAuthorityUrl\":\"https://login.microsoftonline.com/f8cdef31-a31e-4b4a-93e4-5f571e91255a\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final QueryEndpoints queries;
    private final IngestEndpoint ingest;
    private final byte[] expectedAuthorization;

    /** @param authToken the token every request must carry, or null to accept (and ignore) any */
    RequestDispatcher(QueryEndpoints queries, IngestEndpoint ingest, String authToken) {
        this.queries = queries;
        this.ingest = ingest;
        this.expectedAuthorization = authToken == null ? null
                : ("Bearer " + authToken).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        RequestIds ids = RequestIds.forRequest(exchange.getRequestHeaders().getFirst("x-ms-client-request-id"));
        exchange.getResponseHeaders().set("x-ms-activity-id", ids.activityId());
        exchange.getResponseHeaders().set("x-ms-client-request-id", ids.clientRequestId());
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        try {
            route(exchange, ids, method, path);
        } catch (KustoException e) {
            if (e.httpStatus() >= 500) {
                LOG.warn("{} {} failed: {}", method, path, e.getMessage(), e.getCause());
            }
            respondWithError(exchange, e, ids);
        } catch (IOException e) {
            LOG.info("{} {}: the client went away: {}", method, path, e.toString());
        } catch (StackOverflowError e) {
            // Translating a deeply nested query recurses once per level; the thread survives the overflow.
            LOG.warn("{} {}: the request is nested too deeply to translate", method, path);
            respondWithError(exchange, KustoException.badRequest("the query is nested too deeply for kusto-local to"
                    + " translate (activity " + ids.activityId() + "): reduce the nesting of its expressions"), ids);
        } catch (RuntimeException e) {
            LOG.error("{} {} failed unexpectedly", method, path, e);
            respondWithError(exchange, KustoException.internal(
                    "kusto-local failed to process the request (activity " + ids.activityId() + ").", e), ids);
        } finally {
            drain(exchange);
            exchange.close();
            LOG.info("{} {} {} {}ms {}", method, path, exchange.getResponseCode(),
                    (System.nanoTime() - started) / 1_000_000, ids.clientRequestId());
        }
    }

    private void route(HttpExchange exchange, RequestIds ids, String method, String path) throws IOException {
        if (path.equals(AUTH_METADATA_PATH)) {
            requireMethod(method, "GET", path);
            Responses.json(exchange, 200, AUTH_METADATA);
            return;
        }
        boolean known = path.equals("/v2/rest/query") || path.equals("/v1/rest/query") || path.equals("/v1/rest/mgmt")
                || path.startsWith(IngestEndpoint.PATH_PREFIX);
        if (!known) {
            throw KustoException.notFound("The requested endpoint '" + path + "' does not exist.");
        }
        authorize(exchange);
        requireMethod(method, "POST", path);
        switch (path) {
            case "/v2/rest/query" -> queries.queryV2(exchange, ids);
            case "/v1/rest/query" -> queries.queryV1(exchange, ids);
            case "/v1/rest/mgmt" -> queries.mgmt(exchange, ids);
            default -> ingest.ingest(exchange, ids);
        }
    }

    private void authorize(HttpExchange exchange) {
        if (expectedAuthorization == null) {
            return;
        }
        String header = exchange.getRequestHeaders().getFirst("Authorization");
        byte[] given = header == null ? new byte[0] : header.trim().getBytes(StandardCharsets.UTF_8);
        // MessageDigest.isEqual takes the same time whatever the position of the first difference.
        if (!MessageDigest.isEqual(given, expectedAuthorization)) {
            throw KustoException.unauthorized(header == null
                    ? "The request has no 'Authorization: Bearer <token>' header; kusto-local requires one."
                    : "The bearer token of the request is not the one kusto-local was started with.");
        }
    }

    private static void requireMethod(String method, String expected, String path) {
        if (!method.equalsIgnoreCase(expected)) {
            throw KustoException.methodNotAllowed("The endpoint '" + path + "' accepts " + expected + ", not " + method
                    + ".");
        }
    }

    private static void respondWithError(HttpExchange exchange, KustoException e, RequestIds ids) {
        if (exchange.getResponseCode() != -1) {
            // The status line is out: the streamed body already carries the error, nothing more to say.
            return;
        }
        try {
            Responses.error(exchange, e, ids);
        } catch (IOException io) {
            LOG.info("could not send an error response: {}", io.toString());
        }
    }

    /** Reads what is left of the request, so that the connection can carry the next one. */
    private static void drain(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] buffer = new byte[8192];
            while (in.read(buffer) >= 0) {
                // discard
            }
        } catch (IOException ignored) {
            // the connection is closed with the exchange anyway
        }
    }
}
