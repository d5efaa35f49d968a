package dev.kustospark.spark.read;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import dev.kustospark.spark.KustoCleanupResult;
import dev.kustospark.spark.client.OwnerMark;
import dev.kustospark.spark.config.ConnectionConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exported files that reads which died left in transient storage: the blobs under
 * {@code kusto-spark/<uuid>} next to an owner blob {@code kusto-spark/<uuid>.owner.json} whose
 * {@link OwnerMark} of kind {@code export} has expired. Blobs without such an owner blob are not the
 * connector's to delete, and a live read renews its mark.
 */
public final class StaleExports {
    private static final Logger LOG = LoggerFactory.getLogger(StaleExports.class);

    private StaleExports() {}

    /**
     * Deletes the stale exports in the containers of {@code transientStorage} when given, else in the
     * cluster's own temporary storage (where distributed reads without {@code transientStorage} export).
     *
     * @throws IllegalStateException when a container cannot be listed
     */
    public static KustoCleanupResult delete(ConnectionConfig connection, Optional<String> transientStorage, Instant now) {
        StringBuilder whyNot = new StringBuilder();
        Optional<List<ExportLocation>> storage = TransientStorage.resolve(connection, transientStorage, whyNot);
        if (storage.isEmpty()) {
            LOG.debug("No exports to look for: {}", whyNot);
            return KustoCleanupResult.empty();
        }
        KustoCleanupResult result = KustoCleanupResult.empty();
        for (ExportLocation location : storage.get()) {
            result = result.plus(delete(location, now));
        }
        return result;
    }

    private static KustoCleanupResult delete(ExportLocation location, Instant now) {
        BlobContainerClient container = location.client();
        Map<String, List<String>> exports = new LinkedHashMap<>();
        try {
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(KustoExport.EXPORT_ROOT), null)) {
                String export = KustoExport.exportPrefixOf(item.getName());
                if (export != null) {
                    exports.computeIfAbsent(export, e -> new ArrayList<>()).add(item.getName());
                }
            }
        } catch (RuntimeException e) {
            throw new IllegalStateException("Listing the exports in " + location + " to find those of reads that died"
                    + " failed: " + KustoExport.storageError(e));
        }
        List<String> deleted = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<String>> export : exports.entrySet()) {
            String owner = export.getKey() + KustoExport.OWNER_SUFFIX;
            if (!export.getValue().contains(owner) || !stale(container, owner, now)) {
                continue;
            }
            List<String> names = new ArrayList<>(export.getValue());
            // The owner blob goes last: while it is there, a clean-up that stopped half-way is finished later.
            names.remove(owner);
            names.add(owner);
            try {
                for (String name : names) {
                    container.getBlobClient(name).deleteIfExists();
                    deleted.add(location + "/" + name);
                }
                LOG.info("Deleted export {} in {} ({} blobs): a read that ended without cleaning up left it",
                        export.getKey(), location, names.size());
            } catch (RuntimeException e) {
                failures.add("export " + export.getKey() + " in " + location + ": " + KustoExport.storageError(e));
                LOG.warn("Export {} in {} was left by a read that ended without cleaning up, and deleting it failed: {}",
                        export.getKey(), location, KustoExport.storageError(e));
            }
        }
        return new KustoCleanupResult(List.of(), deleted, failures);
    }

    private static boolean stale(BlobContainerClient container, String owner, Instant now) {
        String text;
        try {
            text = container.getBlobClient(owner).downloadContent().toString();
        } catch (RuntimeException e) {
            // Deleted meanwhile by its owner or another clean-up.
            return false;
        }
        return OwnerMark.parse(text, OwnerMark.EXPORT).map(mark -> mark.staleAt(now)).orElse(false);
    }
}
