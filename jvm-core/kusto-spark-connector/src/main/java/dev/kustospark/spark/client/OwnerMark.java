package dev.kustospark.spark.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the connector writes on the resources it creates and deletes itself (a temporary table's
 * docstring, the owner blob of an export), so that anyone can tell from Kusto or the storage alone
 * whose a resource is and whether it is still in use:
 * {@code {"createdBy":"kusto-spark","kind":"staging","target":"T","requestId":"…","createdOn":"…","inUseUntil":"…"}}.
 *
 * <p>The process that uses the resource moves {@code inUseUntil} forward while it runs (see
 * {@link MarkRenewal}); a resource whose {@code inUseUntil} has passed belongs to a process that
 * died, and the next write into the database (or {@code KustoCleanup}) deletes it.
 *
 * @param kind      {@code staging} for a temporary table, {@code export} for the files of an export
 * @param target    the table a staging table's rows go to; the query's database for an export
 * @param requestId the requestId of the write or read, to find it in the logs
 */
public record OwnerMark(String kind, String target, String requestId, Instant createdOn, Instant inUseUntil) {
    public static final String CREATED_BY = "kusto-spark";
    public static final String STAGING = "staging";
    public static final String EXPORT = "export";
    /**
     * The shortest time a resource counts as in use after its last renewal: long enough that the
     * clocks of two drivers, which may differ by a few minutes, cannot make a live resource look stale.
     */
    static final Duration MINIMUM_LEASE = Duration.ofMinutes(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** How long a resource counts as in use after a renewal: {@code timeoutLimit}, at least {@link #MINIMUM_LEASE}. */
    public static Duration lease(Duration timeout) {
        return timeout.compareTo(MINIMUM_LEASE) < 0 ? MINIMUM_LEASE : timeout;
    }

    /** A new mark, in use for {@code lease} from {@code now}. */
    public static OwnerMark create(String kind, String target, String requestId, Instant now, Duration lease) {
        return new OwnerMark(kind, target, requestId, now, now.plus(lease));
    }

    /** The same mark, in use for {@code lease} from {@code now}. */
    public OwnerMark renewed(Instant now, Duration lease) {
        return new OwnerMark(kind, target, requestId, createdOn, now.plus(lease));
    }

    /** Whether the process that used the resource has stopped renewing it. */
    public boolean staleAt(Instant now) {
        return inUseUntil.isBefore(now);
    }

    public String toJson() {
        ObjectNode node = JSON.createObjectNode().put("createdBy", CREATED_BY).put("kind", kind).put("target", target)
                .put("requestId", requestId).put("createdOn", createdOn.toString()).put("inUseUntil", inUseUntil.toString());
        return node.toString();
    }

    /** The mark in {@code text}, or empty when the text is not a mark of this connector of that {@code kind}. */
    public static Optional<OwnerMark> parse(String text, String kind) {
        if (text == null || !text.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(text);
            if (!CREATED_BY.equals(node.path("createdBy").asText()) || !kind.equals(node.path("kind").asText())) {
                return Optional.empty();
            }
            return Optional.of(new OwnerMark(kind, node.path("target").asText(), node.path("requestId").asText(),
                    Instant.parse(node.path("createdOn").asText()), Instant.parse(node.path("inUseUntil").asText())));
        } catch (java.io.IOException | DateTimeParseException e) {
            // Someone else's docstring that happens to be JSON: not ours, so not ours to delete.
            return Optional.empty();
        }
    }
}
