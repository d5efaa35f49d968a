package dev.kustospark.spark.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The reference counting and eviction of ClientCache, with a resource that records its closing. */
class ClientCacheTest {
    /** Stands for an SDK client: all the cache sees of one is that it may be closed. */
    static final class Resource implements AutoCloseable {
        final CountDownLatch closed = new CountDownLatch(1);

        @Override
        public void close() {
            closed.countDown();
        }

        boolean isClosed() {
            return closed.getCount() == 0;
        }
    }

    private final AtomicInteger created = new AtomicInteger();

    private ClientCache<String, Resource> cache(Duration keepAlive) {
        return new ClientCache<>(key -> {
            created.incrementAndGet();
            return new Resource();
        }, keepAlive);
    }

    @Test
    void leasesAreCountedAndAReleasedClientIsReusedWithinTheKeepAlive() {
        ClientCache<String, Resource> cache = cache(Duration.ofMinutes(10));
        assertEquals(-1, cache.leases("a"));
        ClientLease<Resource> first = cache.lease("a");
        ClientLease<Resource> second = cache.lease("a");
        assertSame(first.client(), second.client());
        assertEquals(2, cache.leases("a"));
        first.close();
        first.close();
        assertEquals(1, cache.leases("a"), "closing a lease twice releases it once");
        assertThrows(IllegalStateException.class, first::client);
        Resource client = second.client();
        second.close();
        assertEquals(0, cache.leases("a"));
        try (ClientLease<Resource> again = cache.lease("a")) {
            assertSame(client, again.client());
            assertFalse(client.isClosed());
        }
        try (ClientLease<Resource> other = cache.lease("b")) {
            assertNotSame(client, other.client());
        }
        assertEquals(2, created.get());
    }

    @Test
    void aClientNoLeaseHoldsIsClosedAndForgottenAfterTheKeepAlive() throws Exception {
        ClientCache<String, Resource> cache = cache(Duration.ofMillis(20));
        Resource client;
        try (ClientLease<Resource> lease = cache.lease("a")) {
            client = lease.client();
        }
        assertTrue(client.closed.await(30, TimeUnit.SECONDS), "evicted after the keep-alive");
        assertEquals(-1, cache.leases("a"));
        try (ClientLease<Resource> fresh = cache.lease("a")) {
            assertNotSame(client, fresh.client());
            assertFalse(fresh.client().isClosed());
        }
    }

    @Test
    void aLeasedClientIsNeverClosedWhileOthersComeAndGo() throws Exception {
        // A keep-alive shorter than the gaps between leases: clients are evicted all the time.
        ClientCache<String, Resource> cache = cache(Duration.ofNanos(1));
        List<Resource> seen = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(threads.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        try (ClientLease<Resource> lease = cache.lease(i % 2 == 0 ? "a" : "b")) {
                            assertFalse(lease.client().isClosed(), "a leased client was closed");
                            seen.add(lease.client());
                            Thread.yield();
                            assertFalse(lease.client().isClosed(), "a leased client was closed");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            threads.shutdownNow();
        }
        assertTrue(cache.leases("a") <= 0 && cache.leases("b") <= 0, "every lease released");
        for (Resource client : new java.util.HashSet<>(seen)) {
            assertTrue(client.closed.await(30, TimeUnit.SECONDS), "every idle client is closed in the end");
        }
        assertEquals(created.get(), new java.util.HashSet<>(seen).size(), "each client made was used");
    }
}
