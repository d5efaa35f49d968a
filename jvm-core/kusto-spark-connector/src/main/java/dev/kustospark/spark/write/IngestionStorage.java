package dev.kustospark.spark.write;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.client.KustoClients;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The user's own containers for queued ingestion (option {@code kustoIngestionStorageContainer}),
 * used instead of the cluster's temporary containers. Holds SAS tokens, so it prints none; tasks
 * spread their blobs over the containers by partition.
 */
final class IngestionStorage implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final String OPTION = "kustoIngestionStorageContainer";

    private record Container(String url, String sas) implements Serializable {
        @Override
        public String toString() {
            return url + "?<hidden>";
        }
    }

    private final List<Container> containers;

    private IngestionStorage(List<Container> containers) {
        this.containers = List.copyOf(containers);
    }

    /** Parses the option's checked JSON array; each entry needs a {@code sas} (a managed identity cannot be used yet). */
    static IngestionStorage parse(String json) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new KustoOptionException("Option " + OPTION + " is not valid JSON");
        }
        List<Container> containers = new ArrayList<>();
        int i = 0;
        for (JsonNode c : root) {
            String where = "[" + i++ + "]";
            if (!c.hasNonNull("sas") || c.get("sas").asText().isBlank()) {
                throw new KustoOptionException("Option " + OPTION + ": " + where + " has no sas; this connector"
                        + " uploads with a SAS token only (userMsi is not supported), so give each container a sas with"
                        + " write and read permissions");
            }
            String base = c.get("storageUrl").asText().replaceAll("/+$", "");
            String sas = c.get("sas").asText();
            containers.add(new Container(base + "/" + c.get("containerName").asText(),
                    sas.startsWith("?") ? sas.substring(1) : sas));
        }
        return new IngestionStorage(containers);
    }

    /** Uploads a file as {@code blobName} and returns the blob's URL with the SAS, for the ingestion message. */
    String upload(Path file, String blobName, int partitionId) {
        Container c = containers.get(Math.floorMod(partitionId, containers.size()));
        String blobUrl = c.url() + "/" + blobName;
        try {
            BlobClient blob = new BlobClientBuilder().endpoint(blobUrl).sasToken(c.sas())
                    .httpClient(KustoClients.httpClient()).buildClient();
            blob.uploadFromFile(file.toString(), true);
        } catch (RuntimeException e) {
            throw KustoConnectorException.of("Uploading blob '" + blobUrl + "' to option " + OPTION, e);
        }
        return blobUrl + "?" + c.sas();
    }

    @Override
    public String toString() {
        return "IngestionStorage" + containers;
    }
}
