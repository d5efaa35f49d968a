package dev.kustospark.spark.client;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps an {@link OwnerMark} in use while its process runs: {@code renew} is called every quarter of
 * the lease on one daemon thread of the JVM, so three renewals in a row may fail (Kusto or the storage
 * briefly out of reach) before others may take the resource for a crash leftover. Closing stops it.
 */
public final class MarkRenewal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MarkRenewal.class);
    private static final ScheduledExecutorService RENEWER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "kusto-spark-owner-marks");
        thread.setDaemon(true);
        return thread;
    });

    private final ScheduledFuture<?> schedule;

    private MarkRenewal(ScheduledFuture<?> schedule) {
        this.schedule = schedule;
    }

    /**
     * Calls {@code renew} every quarter of {@code lease}; a failure is logged and the next call tries again.
     *
     * @param what the resource, as log lines name it
     */
    public static MarkRenewal every(Duration lease, String what, Runnable renew) {
        long period = Math.max(1, lease.toMillis() / 4);
        return new MarkRenewal(RENEWER.scheduleWithFixedDelay(() -> {
            try {
                renew.run();
            } catch (RuntimeException e) {
                LOG.warn("Renewing the in-use mark of {} failed; trying again in {} s: {}", what, period / 1000,
                        e.getMessage());
            }
        }, period, period, TimeUnit.MILLISECONDS));
    }

    @Override
    public void close() {
        schedule.cancel(false);
    }
}
