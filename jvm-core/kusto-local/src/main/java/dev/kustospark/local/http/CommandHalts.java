package dev.kustospark.local.http;

import dev.kustospark.local.dm.FaultInjection.Halt;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The fault injection's halts of the process at chosen management commands: each halt counts the
 * commands whose text matches its pattern, and the one that reaches its count halts kusto-local
 * before or after answering that command. A message on standard error says which command it was.
 */
final class CommandHalts {
    private final List<Halt> halts;
    private final List<AtomicInteger> seen;

    CommandHalts(List<Halt> halts) {
        this.halts = List.copyOf(halts);
        this.seen = halts.stream().map(h -> new AtomicInteger()).toList();
    }

    /** Counts an arriving command; the halt it triggers, or null. */
    Halt arrived(String command) {
        Halt due = null;
        for (int i = 0; i < halts.size(); i++) {
            Halt halt = halts.get(i);
            if (halt.command().matcher(command).find() && seen.get(i).incrementAndGet() == halt.nth() && due == null) {
                due = halt;
            }
        }
        return due;
    }

    /** Halts now if {@code due} is a halt of this moment (answered or not), else returns. */
    static void haltIf(Halt due, boolean answered, String command) {
        if (due == null || due.answered() != answered) {
            return;
        }
        String firstLine = command.lines().findFirst().orElse("");
        System.err.println("kusto-local: halting (fault injection) " + (answered ? "after answering" : "before answering")
                + " command " + due.nth() + " matching '" + due.command().pattern() + "': " + firstLine);
        System.err.flush();
        Runtime.getRuntime().halt(Halt.EXIT_STATUS);
    }
}
