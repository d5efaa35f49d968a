package dev.kustospark.spark.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The in-use marks on temporary tables and exports, and their renewal. */
class OwnerMarkTest {
    private static final Instant T0 = Instant.parse("2024-06-01T10:00:00Z");

    @Test
    void aMarkRoundTripsThroughItsJsonAndIsStaleOnceItsLeasePassed() {
        OwnerMark mark = OwnerMark.create(OwnerMark.STAGING, "Orders", "req-1", T0, Duration.ofMinutes(10));
        assertEquals("{\"createdBy\":\"kusto-spark\",\"kind\":\"staging\",\"target\":\"Orders\",\"requestId\":\"req-1\","
                + "\"createdOn\":\"2024-06-01T10:00:00Z\",\"inUseUntil\":\"2024-06-01T10:10:00Z\"}", mark.toJson());
        assertEquals(Optional.of(mark), OwnerMark.parse(mark.toJson(), OwnerMark.STAGING));
        assertFalse(mark.staleAt(T0.plus(Duration.ofMinutes(10))));
        assertTrue(mark.staleAt(T0.plus(Duration.ofMinutes(10)).plusMillis(1)));
        OwnerMark renewed = mark.renewed(T0.plus(Duration.ofHours(1)), Duration.ofMinutes(10));
        assertEquals(T0, renewed.createdOn());
        assertFalse(renewed.staleAt(T0.plus(Duration.ofHours(1))));
    }

    @Test
    void onlyTheConnectorsMarksOfTheAskedKindAreRecognised() {
        String staging = OwnerMark.create(OwnerMark.STAGING, "T", "r", T0, Duration.ofMinutes(10)).toJson();
        assertEquals(Optional.empty(), OwnerMark.parse(staging, OwnerMark.EXPORT));
        for (String other : new String[] {null, "", "kept for audits", "{\"createdBy\":\"someone\",\"kind\":\"staging\"}",
                "{\"createdBy\":\"kusto-spark\",\"kind\":\"staging\",\"createdOn\":\"yesterday\"}", "{not json"}) {
            assertEquals(Optional.empty(), OwnerMark.parse(other, OwnerMark.STAGING), String.valueOf(other));
        }
    }

    @Test
    void theLeaseIsTimeoutLimitButNeverShorterThanTenMinutes() {
        assertEquals(Duration.ofMinutes(10), OwnerMark.lease(Duration.ofSeconds(30)));
        assertEquals(Duration.ofDays(2), OwnerMark.lease(Duration.ofDays(2)));
    }

    @Test
    void aRenewalKeepsRenewingAfterAFailureUntilClosed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch threeCalls = new CountDownLatch(3);
        try (MarkRenewal renewal = MarkRenewal.every(Duration.ofMillis(40), "a test mark", () -> {
            threeCalls.countDown();
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("storage out of reach");
            }
        })) {
            assertTrue(threeCalls.await(30, TimeUnit.SECONDS), "renewals after a failed one: " + calls.get());
        }
    }
}
