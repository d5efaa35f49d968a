package dev.kustospark.spark.read;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.client.KustoOperation;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KqlSyntax;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports one query to transient storage: {@code .export async compressed to parquet} (without
 * {@code compressed} for option {@code dbgBlobCompressOnExport=false}) with a name
 * prefix unique to this export, {@code .show operations <id>} polled until the operation ends, then
 * the blobs listed by that prefix (as the established connector does: listing works for every
 * container, where the operation's details name only what one node wrote).
 */
final class KustoExport implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(KustoExport.class);
    static final long DEFAULT_SIZE_LIMIT_BYTES = 100L * 1024 * 1024;

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
        String prefix = "kusto-spark/" + UUID.randomUUID();
        StringBuilder command = new StringBuilder(compressed ? ".export async compressed to parquet ("
                : ".export async to parquet (");
        for (int i = 0; i < locations.size(); i++) {
            command.append(i == 0 ? "" : ", ").append("h@\"").append(locations.get(i).exportTarget()).append('"');
        }
        command.append(") with (").append(withProperties(prefix)).append(") <| ").append(query);
        Client client = KustoClients.queryClient(connection);
        String operationId;
        try {
            // The user's request properties (e.g. norequesttimeout, servertimeout) apply to the export too.
            KustoOperationResult started = client.executeMgmt(connection.database(), command.toString(),
                    KustoClients.sdkRequestProperties(connection, "Export"));
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
        List<ExportedBlob> blobs = list(prefix);
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

    private List<ExportedBlob> list(String prefix) {
        List<ExportedBlob> blobs = new ArrayList<>();
        for (ExportLocation location : locations) {
            BlobContainerClient container = location.client();
            for (BlobItem item : container.listBlobs(new ListBlobsOptions().setPrefix(prefix), null)) {
                if (item.getName().endsWith(".parquet")) {
                    long size = item.getProperties() == null || item.getProperties().getContentLength() == null ? 0
                            : item.getProperties().getContentLength();
                    blobs.add(new ExportedBlob(location, item.getName(), size));
                }
            }
        }
        return blobs;
    }

    /** Deletes the files of an export; a failure is logged, never thrown (the data has been read). */
    static void delete(List<ExportedBlob> blobs) {
        int deleted = 0;
        for (ExportedBlob blob : blobs) {
            try {
                blob.location().client().getBlobClient(blob.name()).deleteIfExists();
                deleted++;
            } catch (RuntimeException e) {
                LOG.warn("Could not delete exported blob {} in {}: {}", blob.name(), blob.location(),
                        e.getClass().getSimpleName());
            }
        }
        LOG.info("Deleted {} of {} exported blobs", deleted, blobs.size());
    }
}
