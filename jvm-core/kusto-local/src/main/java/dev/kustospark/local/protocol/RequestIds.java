package dev.kustospark.local.protocol;

import java.time.Instant;
import java.util.UUID;

/**
 * Identifiers of one request as the service reports them: the client's request id (echoed), the
 * activity id kusto-local assigns, and when the request arrived.
 */
public record RequestIds(String clientRequestId, String activityId, Instant received) {
    /** Ids for a request; a missing client request id is replaced by a fresh one, as the service does. */
    public static RequestIds forRequest(String clientRequestId) {
        String crid = clientRequestId == null || clientRequestId.isBlank() ? UUID.randomUUID().toString() : clientRequestId;
        return new RequestIds(crid, UUID.randomUUID().toString(), Instant.now());
    }
}
