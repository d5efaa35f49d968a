package dev.kustospark.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * What a clean-up of crash leftovers removed (see {@link KustoCleanup}).
 *
 * @param droppedTables the temporary tables dropped, by name
 * @param deletedBlobs  the exported files deleted, as {@code <container URL>/<blob name>} (no SAS, no key)
 * @param failures      one line for each leftover found but not removed, with the reason
 */
public record KustoCleanupResult(List<String> droppedTables, List<String> deletedBlobs, List<String> failures) {
    public KustoCleanupResult {
        droppedTables = List.copyOf(droppedTables);
        deletedBlobs = List.copyOf(deletedBlobs);
        failures = List.copyOf(failures);
    }

    public static KustoCleanupResult empty() {
        return new KustoCleanupResult(List.of(), List.of(), List.of());
    }

    /** Whether nothing was found to remove. */
    public boolean isEmpty() {
        return droppedTables.isEmpty() && deletedBlobs.isEmpty() && failures.isEmpty();
    }

    /** Both results together. */
    public KustoCleanupResult plus(KustoCleanupResult other) {
        return new KustoCleanupResult(joined(droppedTables, other.droppedTables), joined(deletedBlobs, other.deletedBlobs),
                joined(failures, other.failures));
    }

    private static List<String> joined(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
