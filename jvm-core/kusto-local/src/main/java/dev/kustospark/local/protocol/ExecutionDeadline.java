package dev.kustospark.local.protocol;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The server timeout of one request. When it passes, the statement running at that moment is
 * cancelled (DuckDB then fails it), and every later check reports the expiry.
 */
public final class ExecutionDeadline implements AutoCloseable {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kusto-local-timeouts");
        t.setDaemon(true);
        return t;
    });

    private final Duration timeout;
    private final ScheduledFuture<?> expiry;
    private volatile boolean expired;
    private volatile Statement running;

    private ExecutionDeadline(Duration timeout) {
        this.timeout = timeout;
        this.expiry = TIMER.schedule(this::expire, Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
    }

    public static ExecutionDeadline after(Duration timeout) {
        return new ExecutionDeadline(timeout);
    }

    public Duration timeout() {
        return timeout;
    }

    public boolean expired() {
        return expired;
    }

    /** Throws the service's timeout error when the deadline has passed. */
    public void check() {
        if (expired) {
            throw QueryFailures.timeout(timeout);
        }
    }

    /** The statement to cancel if the deadline passes while it runs. */
    void running(Statement statement) {
        running = statement;
        if (expired) {
            cancel(statement);
        }
    }

    private void expire() {
        expired = true;
        Statement s = running;
        if (s != null) {
            cancel(s);
        }
    }

    private static void cancel(Statement s) {
        try {
            s.cancel();
        } catch (SQLException | RuntimeException ignored) {
            // the statement already finished or was closed: nothing left to stop
        }
    }

    @Override
    public void close() {
        expiry.cancel(false);
        running = null;
    }
}
