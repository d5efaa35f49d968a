package dev.kustospark.local.dm;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Faults kusto-local injects into queued ingestion and into extent moves, for tests of clients'
 * failure handling. Off unless given at start ({@code KustoLocal.Builder.faultInjection},
 * {@code --fault-injection}); nothing reachable over HTTP turns it on.
 *
 * <p>Messages are counted from 1 in the order the worker takes them from the queue; {@code .move
 * extents} commands from 1 in the order they arrive.
 *
 * @param failIngestions the message numbers whose ingestion fails (status Failed, transient)
 * @param dropMessages   the message numbers deleted from the queue unprocessed (status stays Pending)
 * @param delay          a pause before each message is processed
 * @param failMoves      the {@code .move extents} commands that fail without moving anything: an
 *                       {@code async} one answers with an operation that ends Failed, another with an error
 */
public record FaultInjection(Set<Integer> failIngestions, Set<Integer> dropMessages, Duration delay,
        Set<Integer> failMoves) {
    public static final FaultInjection NONE = new FaultInjection(Set.of(), Set.of(), Duration.ZERO, Set.of());

    public FaultInjection {
        failIngestions = Set.copyOf(failIngestions);
        dropMessages = Set.copyOf(dropMessages);
        delay = delay == null ? Duration.ZERO : delay;
        failMoves = Set.copyOf(failMoves);
    }

    public FaultInjection(Set<Integer> failIngestions, Set<Integer> dropMessages, Duration delay) {
        this(failIngestions, dropMessages, delay, Set.of());
    }

    public static FaultInjection failNth(int... n) {
        Set<Integer> s = new TreeSet<>();
        for (int i : n) {
            s.add(i);
        }
        return new FaultInjection(s, Set.of(), Duration.ZERO);
    }

    public FaultInjection withDrop(int... n) {
        Set<Integer> s = new TreeSet<>(dropMessages);
        for (int i : n) {
            s.add(i);
        }
        return new FaultInjection(failIngestions, s, delay, failMoves);
    }

    public FaultInjection withDelay(Duration d) {
        return new FaultInjection(failIngestions, dropMessages, d, failMoves);
    }

    /** Also fails these {@code .move extents} commands (counted from 1). */
    public FaultInjection withFailedMoves(int... n) {
        Set<Integer> s = new TreeSet<>(failMoves);
        for (int i : n) {
            s.add(i);
        }
        return new FaultInjection(failIngestions, dropMessages, delay, s);
    }

    /**
     * Parses {@code fail=N[+N...],drop=N[+N...],delay-ms=N,fail-move=N[+N...]} (any subset, any order).
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static FaultInjection parse(String spec) {
        Set<Integer> fail = new TreeSet<>();
        Set<Integer> drop = new TreeSet<>();
        Set<Integer> failMoves = new TreeSet<>();
        Duration delay = Duration.ZERO;
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("fault '" + p + "' must be key=value (fail, drop, delay-ms, fail-move)");
            }
            String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).strip();
            try {
                switch (key) {
                    case "fail" -> numbers(value, fail);
                    case "drop" -> numbers(value, drop);
                    case "delay-ms" -> delay = Duration.ofMillis(Long.parseLong(value));
                    case "fail-move" -> numbers(value, failMoves);
                    default -> throw new IllegalArgumentException("unknown fault '" + key
                            + "' (allowed: fail, drop, delay-ms, fail-move)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault '" + key + "' needs numbers, not '" + value + "'");
            }
        }
        return new FaultInjection(fail, drop, delay, failMoves);
    }

    private static void numbers(String value, Set<Integer> into) {
        for (String n : value.split("\\+")) {
            int i = Integer.parseInt(n.strip());
            if (i < 1) {
                throw new NumberFormatException();
            }
            into.add(i);
        }
    }

    /** Whether any fault of queued ingestion is set (the worker then takes one message at a time). */
    boolean enabled() {
        return !failIngestions.isEmpty() || !dropMessages.isEmpty() || !delay.isZero();
    }
}
