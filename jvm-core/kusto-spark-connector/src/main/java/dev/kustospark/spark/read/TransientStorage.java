package dev.kustospark.spark.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.config.ReadConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where distributed reads export to: the containers of {@code transientStorage}, or else the
 * service's own temporary storage ({@code .create tempstorage}, then the TempStorage rows of
 * {@code .get ingestion resources}). Empty when neither is available.
 */
final class TransientStorage {
    private static final Logger LOG = LoggerFactory.getLogger(TransientStorage.class);

    private TransientStorage() {}

    /** The export containers, or empty with the reason in {@code whyNot}. */
    static Optional<List<ExportLocation>> resolve(ReadConfig config, StringBuilder whyNot) {
        Optional<List<ExportLocation>> locations = resolve(config.connection(), config.transientStorage(), whyNot);
        if (locations.isPresent() && config.transientStorage().isEmpty()) {
            LOG.info("Exports go to the service's temporary storage {}", locations.get());
        }
        return locations;
    }

    /** The containers of {@code transientStorage} when given, else the cluster's; empty with the reason in {@code whyNot}. */
    static Optional<List<ExportLocation>> resolve(ConnectionConfig connection, Optional<String> transientStorage,
            StringBuilder whyNot) {
        if (transientStorage.isPresent()) {
            return Optional.of(fromJson(transientStorage.get()));
        }
        List<String> failures = new ArrayList<>();
        for (String command : List.of(".create tempstorage", ".get ingestion resources")) {
            try {
                KustoOperationResult result = KustoClients.mgmt(connection, command, "TempStorage");
                List<ExportLocation> locations = new ArrayList<>();
                KustoResultSetTable table = result.getPrimaryResults();
                boolean typed = hasColumn(table, "ResourceTypeName");
                while (table.next()) {
                    if (!typed || "TempStorage".equals(table.getString("ResourceTypeName"))) {
                        locations.add(ExportLocation.ofSasUrl(table.getString("StorageRoot"), "the service's temporary storage"));
                    }
                }
                if (!locations.isEmpty()) {
                    LOG.debug("The service's temporary storage {} from '{}'", locations, command);
                    return Optional.of(locations);
                }
                failures.add("'" + command + "' returned no storage");
            } catch (Exception e) {
                failures.add("'" + command + "' failed: " + KustoConnectorException.kustoMessage(e));
            }
        }
        whyNot.append("option transientStorage is not set and the service offers no temporary storage (")
                .append(String.join("; ", failures)).append(')');
        return Optional.empty();
    }

    private static boolean hasColumn(KustoResultSetTable table, String name) {
        try {
            return table.findColumn(name) >= 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The containers of the established connector's transientStorage JSON (already checked by the config). */
    static List<ExportLocation> fromJson(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (Exception e) {
            // The config checked it; its text holds secrets, so it is not quoted.
            throw new IllegalArgumentException("option transientStorage is not valid JSON");
        }
        String suffix = root.hasNonNull("endpointSuffix") ? root.get("endpointSuffix").asText() : "core.windows.net";
        List<ExportLocation> locations = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root.get("storageCredentials")) {
            String where = "option transientStorage: storageCredentials[" + i++ + "]";
            if (c.hasNonNull("sasUrl")) {
                String sasUrl = c.get("sasUrl").asText();
                if (sasUrl.endsWith(";impersonate")) {
                    throw new IllegalArgumentException(where + " uses ';impersonate', which lets Kusto write with its own"
                            + " identity but gives Spark no credentials to read the files; give a SAS (sasUrl or sasKey)"
                            + " or storageAccountKey instead");
                }
                locations.add(ExportLocation.ofSasUrl(sasUrl, where + ".sasUrl"));
                continue;
            }
            String url = "https://" + c.get("storageAccountName").asText() + ".blob." + suffix + "/"
                    + c.get("blobContainer").asText();
            locations.add(c.hasNonNull("sasKey") ? ExportLocation.ofSas(url, c.get("sasKey").asText())
                    : ExportLocation.ofAccountKey(url, c.get("storageAccountName").asText(),
                            c.get("storageAccountKey").asText()));
        }
        return locations;
    }
}
