package dev.kustospark.local.dm;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.mgmt.CommandExtension;
import dev.kustospark.local.mgmt.ExtensionInvocation;
import java.util.List;

/**
 * The commands of {@link DataManagementCommands} on a kusto-local without storage: each fails at once
 * with {@link KustoException#storageOff}, a permanent error, so that a client says why instead of
 * retrying, and instead of the generic "does not support" of an unknown command.
 */
final class StorageOffCommands implements CommandExtension {
    /** The verb and the keywords that follow it, as {@link DataManagementCommands} accepts them. */
    private record Command(String verb, List<String> keywords) {
        String text() {
            return "." + verb + (keywords.isEmpty() ? "" : " " + String.join(" ", keywords));
        }
    }

    private static final List<Command> COMMANDS = List.of(
            new Command("get", List.of("ingestion", "resources")),
            new Command("show", List.of("ingestion", "resources")),
            new Command("get", List.of("kusto", "identity", "token")),
            new Command("show", List.of("ingestion", "failures")),
            new Command("show", List.of("export", "containers")),
            new Command("create", List.of("tempstorage")),
            new Command("export", List.of()));

    @Override
    public RowsResult tryExecute(String verb, ExtensionInvocation inv) {
        for (Command command : COMMANDS) {
            if (command.verb().equals(verb) && (command.keywords().isEmpty()
                    || inv.acceptKeywords(command.keywords().toArray(String[]::new)))) {
                throw KustoException.storageOff(command.text());
            }
        }
        return null;
    }
}
