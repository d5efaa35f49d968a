package dev.kustospark.spark.read;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.client.KustoOperation;
import dev.kustospark.spark.client.MarkRenewal;
import dev.kustospark.spark.client.OwnerMark;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KqlSyntax;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports one query to transient storage: {@code .export async compressed to parquet} (without
 * {@code compressed} for option {@code dbgBlobCompressOnExport=false}) with a name
 * prefix unique to this export, {@code .show operations <id>} polled until the operation ends, then
 * the blobs listed by that prefix (as the established connector does: listing works for every
 * container, where the operation's details name only what one node wrote).
 *
 * <p>Before the export starts, an owner blob {@code <prefix>.owner.json} holding an {@link OwnerMark}
 * is put next to where the files will be, and renewed for as long as this JVM holds the export; the
 * files of an export whose mark has expired were left by a process that died (see {@link StaleExports}).
 */
final class KustoExport implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KustoExport.class);
    static final long DEFAULT_SIZE_LIMIT_BYTES = 100L * 1024 * 1024;
    /** Where every export's files go: {@code kusto-spark/<uuid>…}. */
    static final String EXPORT_ROOT = "kusto-spark/";
    static final String OWNER_SUFFIX = ".owner.json";
    private static final int UUID_LENGTH = 36;
    /** The renewals of the exports this JVM holds, by prefix, until their files are deleted. */
    private static final Map<String, Owned> OWNED = new ConcurrentHashMap<>();

    /** An export this JVM holds: where its owner blobs are, and their renewal. */
    private record Owned(List<ExportLocation> locations, MarkRenewal renewal) {}

    private final ConnectionConfig connection;
    private final List<ExportLocation> locations;
    private final String exportOptionsJson;
    private final boolean compressed;
    private final Duration timeout;

    KustoExport(ConnectionConfig connection, List<ExportLocation> locations, String exportOptionsJson, boolean compressed,
            Duration timeout) {
        this.connection = connection;
        this.locations = List.copyOf(locations);
        this.exportOptionsJson = exportOptionsJson;
        this.compressed = compressed;
        this.timeout = timeout;
        withProperties("check"); // fail on the driver, before anything runs, when the options are unusable
    }

    List<ExportLocation> locations() {
        return locations;
    }

    /** Runs the export of {@code query} and returns the Parquet files it wrote. */
    List<ExportedBlob> run(String query) {
        String prefix = EXPORT_ROOT + UUID.randomUUID();
        boolean claimed = claim(prefix);
        try {
            List<ExportedBlob> blobs = run(query, prefix);
            if (!claimed) {
                claimAgain(prefix);
            }
            if (blobs.isEmpty()) {
                release(prefix, true);
            }
            return blobs;
        } catch (RuntimeException e) {
            // What a failed or abandoned export wrote is of no use to anyone.
            try {
                delete(list(prefix, name -> true));
            } catch (RuntimeException listing) {
                LOG.warn("Could not list what the failed export {} wrote: {}", prefix, storageError(listing));
            }
            release(prefix, true);
            throw e;
        }
    }

    private List<ExportedBlob> run(String query, String prefix) {
        StringBuilder command = new StringBuilder(compressed ? ".export async compressed to parquet ("
                : ".export async to parquet (");
        for (int i = 0; i < locations.size(); i++) {
            command.append(i == 0 ? "" : ", ").append("h@\"").append(locations.get(i).exportTarget()).append('"');
        }
        command.append(") with (").append(withProperties(prefix)).append(") <| ").append(query);
        String operationId;
        try {
            // The user's request properties (e.g. norequesttimeout, servertimeout) apply to the export too.
            KustoOperationResult started = KustoClients.mgmt(connection, command.toString(), "Export");
            KustoResultSetTable table = started.getPrimaryResults();
            if (!table.next()) {
                throw new IllegalStateException("the .export command returned no operation id");
            }
            operationId = String.valueOf(table.getObject(0));
        } catch (Exception e) {
            // The command holds the storage secrets: only the query is named.
            throw KustoConnectorException.of("Exporting query '" + KustoConnectorException.oneLineQuery(query)
                    + "' to transient storage " + locations, e);
        }
        LOG.info("Export {} of query '{}' started into {} with prefix {}", operationId,
                KustoConnectorException.oneLineQuery(query), locations, prefix);
        awaitCompletion(operationId, query);
        List<ExportedBlob> blobs = list(prefix, name -> name.endsWith(".parquet"));
        LOG.info("Export {} completed: {} files", operationId, blobs.size());
        return blobs;
    }

    /** The {@code with(...)} properties: the user's {@code kustoExportOptionsJson}, and our name prefix. */
    private String withProperties(String prefix) {
        List<String> properties = new ArrayList<>();
        properties.add("namePrefix=" + KqlSyntax.stringLiteral(prefix));
        boolean userSizeLimit = false;
        if (exportOptionsJson != null) {
            JsonNode options;
            try {
                options = new ObjectMapper().readTree(exportOptionsJson);
            } catch (Exception e) {
                throw new IllegalArgumentException("option kustoExportOptionsJson is not a JSON object", e);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> option = it.next();
                String name = option.getKey();
                if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    throw new IllegalArgumentException("option kustoExportOptionsJson: '" + name
                            + "' is not a property name of .export");
                }
                if (name.equalsIgnoreCase("namePrefix")) {
                    throw new IllegalArgumentException("option kustoExportOptionsJson: namePrefix is set by the connector"
                            + " (each read exports under its own prefix to find its files); remove it");
                }
                userSizeLimit |= name.equalsIgnoreCase("sizeLimit");
                JsonNode value = option.getValue();
                properties.add(name + "=" + (value.isNumber() || value.isBoolean() ? value.asText()
                        : KqlSyntax.stringLiteral(value.isTextual() ? value.asText() : value.toString())));
            }
        }
        if (!userSizeLimit) {
            // The service's documented default, stated so that every server splits large exports into
            // files of about this size: a file is a task of the read.
            properties.add("sizeLimit=" + DEFAULT_SIZE_LIMIT_BYTES);
        }
        return String.join(", ", properties);
    }

    private void awaitCompletion(String operationId, String query) {
        KustoOperation.Outcome outcome;
        try {
            outcome = KustoOperation.await(connection, operationId, "ExportStatus", System.nanoTime() + timeout.toNanos());
        } catch (Exception e) {
            throw KustoConnectorException.of("Polling export operation " + operationId, e);
        }
        if (outcome.timedOut()) {
            throw new IllegalStateException("Export operation " + operationId + " of query '"
                    + KustoConnectorException.oneLineQuery(query) + "' did not complete within timeoutLimit="
                    + timeout.toSeconds() + " seconds; raise timeoutLimit or narrow the query");
        }
        if (!outcome.completed()) {
            throw new IllegalStateException("Export operation " + operationId + " of query '"
                    + KustoConnectorException.oneLineQuery(query) + "' ended in " + outcome.describe());
        }
    }

    /**
     * Puts the owner blob of the export {@code prefix} into every container and keeps it renewed.
     *
     * @return whether the owner blob is written: a container that does not exist yet (the export
     *     creates it) refuses it until the export has run
     */
    private boolean claim(String prefix) {
        Duration lease = OwnerMark.lease(timeout);
        OwnerMark mark = OwnerMark.create(OwnerMark.EXPORT, connection.database(), connection.requestId(), Instant.now(),
                lease);
        OWNED.put(prefix, new Owned(locations, MarkRenewal.every(lease, "export " + prefix,
                () -> writeOwner(locations, prefix, mark.renewed(Instant.now(), lease)))));
        try {
            writeOwner(locations, prefix, mark);
            return true;
        } catch (RuntimeException e) {
            LOG.debug("The owner blob of export {} is written once the export has run: {}", prefix, storageError(e));
            return false;
        }
    }

    /** Writes the owner blob that {@link #claim} could not write before the export. */
    private void claimAgain(String prefix) {
        try {
            writeOwner(locations, prefix, OwnerMark.create(OwnerMark.EXPORT, connection.database(), connection.requestId(),
                    Instant.now(), OwnerMark.lease(timeout)));
        } catch (RuntimeException e) {
            // Only the clean-up after a crash is lost, so the read goes on.
            LOG.warn("Could not write the owner blob of export {} (its files stay if this process dies before deleting"
                    + " them): {}", prefix, storageError(e));
        }
    }

    private static void writeOwner(List<ExportLocation> locations, String prefix, OwnerMark mark) {
        for (ExportLocation location : locations) {
            try {
                location.client().getBlobClient(prefix + OWNER_SUFFIX).upload(BinaryData.fromString(mark.toJson()), true);
            } catch (RuntimeException e) {
                // The storage's own message may carry the request's URL and so its SAS.
                throw new IllegalStateException("writing " + prefix + OWNER_SUFFIX + " in " + location + " failed: "
                        + storageError(e));
            }
        }
    }

    /**
     * Ends the renewal of the export {@code prefix} and, with {@code deleteOwner}, deletes its owner
     * blobs; kept, they let a later clean-up delete what this process could not.
     */
    private static void release(String prefix, boolean deleteOwner) {
        Owned owned = OWNED.remove(prefix);
        if (owned == null) {
            return;
        }
        owned.renewal().close();
        if (!deleteOwner) {
            return;
        }
        for (ExportLocation location : owned.locations()) {
            try {
                location.client().getBlobClient(prefix + OWNER_SUFFIX).deleteIfExists();
            } catch (RuntimeException e) {
                LOG.warn("Could not delete the owner blob {} in {}: {}", prefix + OWNER_SUFFIX, location, storageError(e));
            }
        }
    }

    /** The export an exported blob's name belongs to: {@code kusto-spark/<uuid>}, or null for another name. */
    static String exportPrefixOf(String blobName) {
        int end = EXPORT_ROOT.length() + UUID_LENGTH;
        if (!blobName.startsWith(EXPORT_ROOT) || blobName.length() < end) {
            return null;
        }
        try {
            UUID.fromString(blobName.substring(EXPORT_ROOT.length(), end));
        } catch (IllegalArgumentException e) {
            return null;
        }
        return blobName.substring(0, end);
    }

    /** A storage failure as logs and errors may show it: its error code and status, never its text. */
    static String storageError(RuntimeException e) {
        if (e instanceof BlobStorageException storage) {
            return storage.getErrorCode() + " (HTTP " + storage.getStatusCode() + ")";
        }
        return e instanceof IllegalStateException ? e.getMessage() : e.getClass().getSimpleName();
    }

    private List<ExportedBlob> list(String prefix, java.util.function.Predicate<String> wanted) {
        List<ExportedBlob> blobs = new ArrayList<>();
        for (ExportLocation location : locations) {
            BlobContainerClient container = location.client();
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
                if (wanted.test(item.getName()) && !item.getName().endsWith(OWNER_SUFFIX)) {
                    long size = item.getProperties() == null || item.getProperties().getContentLength() == null ? 0
                            : item.getProperties().getContentLength();
                    blobs.add(new ExportedBlob(location, item.getName(), size));
                }
            }
        }
        return blobs;
    }

    /**
     * Deletes the files of exports, then their owner blobs; a failure is logged, never thrown (the
     * data has been read), and leaves the owner blob, so that a later clean-up finds the rest.
     */
    static void delete(List<ExportedBlob> blobs) {
        int deleted = 0;
        Set<String> exports = new LinkedHashSet<>();
        Set<String> incomplete = new LinkedHashSet<>();
        for (ExportedBlob blob : blobs) {
            String export = exportPrefixOf(blob.name());
            exports.add(export);
            try {
                blob.location().client().getBlobClient(blob.name()).deleteIfExists();
                deleted++;
            } catch (RuntimeException e) {
                incomplete.add(export);
                LOG.warn("Could not delete exported blob {} in {}: {}", blob.name(), blob.location(), storageError(e));
            }
        }
        for (String export : exports) {
            if (export != null) {
                release(export, !incomplete.contains(export));
            }
        }
        LOG.info("Deleted {} of {} exported blobs", deleted, blobs.size());
    }
}
