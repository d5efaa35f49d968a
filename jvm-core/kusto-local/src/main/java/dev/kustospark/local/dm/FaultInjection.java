package dev.kustospark.local.dm;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Faults the queued-ingestion worker injects, for tests of clients' failure handling. Off unless
 * given at start ({@code KustoLocal.Builder.faultInjection}, {@code --fault-injection}); nothing
 * reachable over HTTP turns it on.
 *
 * <p>Messages are counted from 1 in the order the worker takes them from the queue.
 *
 * @param failIngestions the message numbers whose ingestion fails (status Failed, transient)
 * @param dropMessages   the message numbers deleted from the queue unprocessed (status stays Pending)
 * @param delay          a pause before each message is processed
 */
public record FaultInjection(Set<Integer> failIngestions, Set<Integer> dropMessages, Duration delay) {
    public static final FaultInjection NONE = new FaultInjection(Set.of(), Set.of(), Duration.ZERO);

    public FaultInjection {
        failIngestions = Set.copyOf(failIngestions);
        dropMessages = Set.copyOf(dropMessages);
        delay = delay == null ? Duration.ZERO : delay;
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
        return new FaultInjection(failIngestions, s, delay);
    }

    public FaultInjection withDelay(Duration d) {
        return new FaultInjection(failIngestions, dropMessages, d);
    }

    /**
     * Parses {@code fail=N[+N...],drop=N[+N...],delay-ms=N} (any subset, any order).
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static FaultInjection parse(String spec) {
        Set<Integer> fail = new TreeSet<>();
        Set<Integer> drop = new TreeSet<>();
        Duration delay = Duration.ZERO;
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("fault '" + p + "' must be key=value (fail, drop, delay-ms)");
            }
            String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).strip();
            try {
                switch (key) {
                    case "fail" -> numbers(value, fail);
                    case "drop" -> numbers(value, drop);
                    case "delay-ms" -> delay = Duration.ofMillis(Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown fault '" + key + "' (allowed: fail, drop, delay-ms)");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault '" + key + "' needs numbers, not '" + value + "'");
            }
        }
        return new FaultInjection(fail, drop, delay);
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

    boolean enabled() {
        return !failIngestions.isEmpty() || !dropMessages.isEmpty() || !delay.isZero();
    }
}
