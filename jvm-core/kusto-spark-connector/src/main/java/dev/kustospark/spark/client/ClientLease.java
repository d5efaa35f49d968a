package dev.kustospark.spark.client;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A Kusto SDK client of {@link KustoClients}, held until the lease is closed: the cache closes no
 * client while a lease on it is open. Closing a lease twice releases it once.
 */
public final class ClientLease<C> implements AutoCloseable {
    private final C client;
    private final Runnable release;
    private final AtomicBoolean released = new AtomicBoolean();

    ClientLease(C client, Runnable release) {
        this.client = client;
        this.release = release;
    }

    public C client() {
        if (released.get()) {
            // A released client may be closed at any time by the cache; using it would fail at random.
            throw new IllegalStateException("this lease of a Kusto client is released");
        }
        return client;
    }

    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            release.run();
        }
    }
}
