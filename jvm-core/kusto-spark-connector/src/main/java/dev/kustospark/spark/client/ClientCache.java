package dev.kustospark.spark.client;

import dev.kustospark.spark.KustoConnectorException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clients shared by reference count. Each use leases a client and closes the lease when done; a
 * client that no lease holds stays open for the keep-alive, so that the next task or job with the
 * same key reuses it (and its token cache), and is then closed and forgotten, so that a long-lived
 * JVM does not keep one client per credential it ever saw. Leasing and eviction take the same
 * lock, and an evicted client leaves the map before it is closed: a leased client is never closed.
 */
final class ClientCache<K, C> {
    private static final Logger LOG = LoggerFactory.getLogger(ClientCache.class);
    /** One daemon thread for every cache: eviction is rare and quick, and must not keep the JVM alive. */
    private static final ScheduledExecutorService EVICTION = evictionThread();

    private final Function<K, C> create;
    private final long keepAliveNanos;
    private final Map<K, Entry<C>> entries = new HashMap<>();

    /** @param create makes the client of a key, under the cache's lock (the SDK's factories do no I/O) */
    ClientCache(Function<K, C> create, Duration keepAlive) {
        this.create = create;
        this.keepAliveNanos = keepAlive.toNanos();
    }

    /** The client of {@code key}, the cached one when there is one; close the lease when done with it. */
    ClientLease<C> lease(K key) {
        Entry<C> entry;
        synchronized (this) {
            entry = entries.computeIfAbsent(key, k -> new Entry<>(create.apply(k)));
            entry.leases++;
        }
        return new ClientLease<>(entry.client, () -> release(key, entry));
    }

    /** How many leases on {@code key}'s client are open; -1 when no client of {@code key} is cached. */
    synchronized int leases(K key) {
        Entry<C> entry = entries.get(key);
        return entry == null ? -1 : entry.leases;
    }

    private synchronized void release(K key, Entry<C> entry) {
        entry.leases--;
        if (entry.leases == 0) {
            entry.releasedAtNanos = System.nanoTime();
            // Each last release schedules its own check; a check that finds the client leased again, or
            // released again later, leaves it to that later release's check.
            EVICTION.schedule(() -> evictIfIdle(key, entry), keepAliveNanos, TimeUnit.NANOSECONDS);
        }
    }

    private void evictIfIdle(K key, Entry<C> entry) {
        synchronized (this) {
            if (entries.get(key) != entry || entry.leases > 0
                    || System.nanoTime() - entry.releasedAtNanos < keepAliveNanos) {
                return;
            }
            entries.remove(key);
        }
        // Outside the lock: closing may wait on the SDK's own threads.
        if (entry.client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("Closing an idle Kusto client failed: {}", KustoConnectorException.kustoMessage(e));
            }
        }
    }

    private static ScheduledExecutorService evictionThread() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "kusto-client-eviction");
            thread.setDaemon(true);
            return thread;
        });
        return executor;
    }

    private static final class Entry<C> {
        final C client;
        /** Guarded by the cache's lock. */
        int leases;
        long releasedAtNanos;

        Entry(C client) {
            this.client = client;
        }
    }
}
