package dev.kustospark.local.dm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Faults kusto-local injects into queued ingestion and into extent moves, and crashes it injects
 * at chosen management commands, for tests of clients' failure handling. Off unless given at start ({@code KustoLocal.Builder.faultInjection},
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
 * @param halts          the management commands after which the process halts
 */
public record FaultInjection(Set<Integer> failIngestions, Set<Integer> dropMessages, Duration delay,
        Set<Integer> failMoves, List<Halt> halts) {
    public static final FaultInjection NONE = new FaultInjection(Set.of(), Set.of(), Duration.ZERO, Set.of(), List.of());
    private static final String KEYS = "fail, drop, delay-ms, fail-move, halt-after-answer, halt-before-answer";

    /**
     * The process halts ({@link Runtime#halt}, like {@code kill -9}: no shutdown hook, no flush, the
     * store as the last committed transaction left it) at the {@code nth} management command whose
     * text matches {@code command}, counted from 1 in the order they arrive.
     *
     * @param answered true: once the command has run and its response is sent; false: once it has
     *                 run, before any byte of the response (the client sees the connection drop)
     */
    public record Halt(int nth, Pattern command, boolean answered) {
        /** The exit status of a halted kusto-local, as a shell reports a process killed by signal 9. */
        public static final int EXIT_STATUS = 137;

        @Override
        public boolean equals(Object o) {
            return o instanceof Halt h && h.nth == nth && h.command.pattern().equals(command.pattern())
                    && h.answered == answered;
        }

        @Override
        public int hashCode() {
            return command.pattern().hashCode() * 31 + nth * 2 + (answered ? 1 : 0);
        }
    }

    public FaultInjection {
        failIngestions = Set.copyOf(failIngestions);
        dropMessages = Set.copyOf(dropMessages);
        delay = delay == null ? Duration.ZERO : delay;
        failMoves = Set.copyOf(failMoves);
        halts = List.copyOf(halts);
    }

    public FaultInjection(Set<Integer> failIngestions, Set<Integer> dropMessages, Duration delay) {
        this(failIngestions, dropMessages, delay, Set.of(), List.of());
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
        return new FaultInjection(failIngestions, s, delay, failMoves, halts);
    }

    public FaultInjection withDelay(Duration d) {
        return new FaultInjection(failIngestions, dropMessages, d, failMoves, halts);
    }

    /** Also fails these {@code .move extents} commands (counted from 1). */
    public FaultInjection withFailedMoves(int... n) {
        Set<Integer> s = new TreeSet<>(failMoves);
        for (int i : n) {
            s.add(i);
        }
        return new FaultInjection(failIngestions, dropMessages, delay, s, halts);
    }

    /** Also halts the process at the {@code nth} management command matching {@code command} (see {@link Halt}). */
    public FaultInjection withHalt(int nth, String command, boolean answered) {
        List<Halt> all = new ArrayList<>(halts);
        all.add(new Halt(nth, Pattern.compile(command), answered));
        return new FaultInjection(failIngestions, dropMessages, delay, failMoves, all);
    }

    /**
     * Parses {@code fail=N[+N...],drop=N[+N...],delay-ms=N,fail-move=N[+N...]}, and
     * {@code halt-after-answer=N:REGEX} or {@code halt-before-answer=N:REGEX} (the regular expression,
     * found in the command's text, holds no comma), any subset, any order.
     *
     * @throws IllegalArgumentException naming the part that is wrong
     */
    public static FaultInjection parse(String spec) {
        Set<Integer> fail = new TreeSet<>();
        Set<Integer> drop = new TreeSet<>();
        Set<Integer> failMoves = new TreeSet<>();
        Duration delay = Duration.ZERO;
        List<Halt> halts = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("fault '" + p + "' must be key=value (" + KEYS + ")");
            }
            String key = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = p.substring(eq + 1).strip();
            try {
                switch (key) {
                    case "fail" -> numbers(value, fail);
                    case "drop" -> numbers(value, drop);
                    case "delay-ms" -> delay = Duration.ofMillis(Long.parseLong(value));
                    case "fail-move" -> numbers(value, failMoves);
                    case "halt-after-answer" -> halts.add(halt(value, true));
                    case "halt-before-answer" -> halts.add(halt(value, false));
                    default -> throw new IllegalArgumentException("unknown fault '" + key + "' (allowed: " + KEYS + ")");
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("fault '" + key + "' needs numbers, not '" + value + "'");
            }
        }
        return new FaultInjection(fail, drop, delay, failMoves, halts);
    }

    private static Halt halt(String value, boolean answered) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("a halt needs N:REGEX, not '" + value + "'");
        }
        int nth = Integer.parseInt(value.substring(0, colon).strip());
        if (nth < 1) {
            throw new NumberFormatException();
        }
        try {
            return new Halt(nth, Pattern.compile(value.substring(colon + 1)), answered);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("a halt's REGEX is not valid: " + e.getDescription());
        }
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

    /** Whether a fault of queued ingestion or of moves is set: those need the data-management side (Azurite). */
    public boolean needsDataManagement() {
        return enabled() || !failMoves.isEmpty();
    }

    /** Whether any fault of queued ingestion is set (the worker then takes one message at a time). */
    boolean enabled() {
        return !failIngestions.isEmpty() || !dropMessages.isEmpty() || !delay.isZero();
    }
}
