package dev.kustospark.spark.write;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.ClientLease;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.config.ConnectionConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The cluster's ingestion resources: what {@code .get ingestion resources} on the data-management
 * endpoint names, the same answer the SDK's queued ingest client reads.
 */
final class IngestionResources {
    static final String QUEUE = "SecuredReadyForAggregationQueue";
    static final String STATUS_TABLE = "IngestionsStatusTable";

    private IngestionResources() {}

    /**
     * The storage roots of resource type {@code type} ({@value #QUEUE}, {@value #STATUS_TABLE}...).
     *
     * @param purpose what they are read for, the start of the error message: "Reading the ingestion status table"
     * @throws KustoConnectorException with the cluster's own message when the command fails, or when
     *     the answer names no resource of that type
     */
    static List<String> require(ConnectionConfig connection, String type, String purpose) {
        String action = purpose + " from the cluster's ingestion resources";
        List<String> roots = new ArrayList<>();
        try (ClientLease<Client> client = KustoClients.dataManagementClient(connection)) {
            KustoResultSetTable resources = client.client().executeMgmt(connection.database(), ".get ingestion resources",
                    KustoClients.sdkRequestProperties(connection, "write.ingestionResources")).getPrimaryResults();
            while (resources.next()) {
                if (type.equals(resources.getString("ResourceTypeName"))) {
                    roots.add(resources.getString("StorageRoot"));
                }
            }
        } catch (Exception e) {
            throw KustoConnectorException.of(action, e);
        }
        if (roots.isEmpty()) {
            throw KustoConnectorException.of(action,
                    new IllegalStateException("the answer to .get ingestion resources names no " + type));
        }
        return roots;
    }

    /**
     * Checks on the driver, before a queued write changes anything, that the cluster hands out an
     * ingestion queue. The SDK's client loads the resources on a background thread and, when the
     * cluster refuses them (a kusto-local without storage, a principal without ingest rights), a task
     * reports only that the load timed out, 15 seconds later; asked here, the cluster's own message
     * reaches the user at once.
     */
    static void requireQueue(ConnectionConfig connection, String table) {
        require(connection, QUEUE, "Reading the ingestion queue for queued ingestion into table '" + table + "'");
    }
}
