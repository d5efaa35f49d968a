package dev.kustospark.spark.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.client.QueryRetry;
import dev.kustospark.spark.config.ConnectionConfig;
import dev.kustospark.spark.types.KqlSyntax;
import dev.kustospark.spark.types.KustoColumn;
import dev.kustospark.spark.types.KustoTypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.types.StructType;

/** The target table's management commands, run on the driver: its columns, and creating it. */
final class KustoTargetTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConnectionConfig connection;
    private final String table;

    KustoTargetTable(ConnectionConfig connection, String table) {
        this.connection = connection;
        this.table = table;
    }

    /** The table's columns, or empty when it does not exist (Kusto answers the schema request with no rows). */
    Optional<List<KustoColumn>> columns() {
        String command = ".show table " + KqlSyntax.quoteName(table) + " schema as json";
        try {
            KustoResultSetTable result = QueryRetry.call("The schema request of table '" + table + "'",
                    () -> KustoClients.mgmt(connection, command, "write.schema")).getPrimaryResults();
            if (!result.next()) {
                return Optional.empty();
            }
            JsonNode schema = JSON.readTree(result.getString("Schema"));
            List<KustoColumn> columns = new ArrayList<>();
            for (JsonNode column : schema.path("OrderedColumns")) {
                String type = column.hasNonNull("CslType") ? column.get("CslType").asText() : column.path("Type").asText();
                columns.add(new KustoColumn(column.path("Name").asText(), type));
            }
            return Optional.of(columns);
        } catch (Exception e) {
            if (isNotFound(e)) {
                return Optional.empty();
            }
            throw KustoConnectorException.of("Reading the schema of table '" + table + "' (option kustoTable)", e);
        }
    }

    /**
     * The JSON of the table's CSV mapping {@code name} (option {@code csvMappingNameReference}), read
     * before any row moves: a missing mapping would otherwise fail every blob of the write, and a
     * Queued write only in {@code .show ingestion failures}.
     */
    String csvMapping(String name) {
        String command = ".show table " + KqlSyntax.quoteName(table) + " ingestion csv mappings";
        List<String> names = new ArrayList<>();
        try {
            KustoResultSetTable result = QueryRetry.call("The CSV mappings request of table '" + table + "'",
                    () -> KustoClients.mgmt(connection, command, "write.csvMappings")).getPrimaryResults();
            while (result.next()) {
                if (name.equals(result.getString("Name"))) {
                    return result.getString("Mapping");
                }
                names.add(result.getString("Name"));
            }
        } catch (Exception e) {
            throw KustoConnectorException.of("Reading the CSV mappings of table '" + table + "' (sparkIngestionPropertiesJson"
                    + " csvMappingNameReference)", e);
        }
        throw KustoConnectorException.refusal("sparkIngestionPropertiesJson csvMappingNameReference names CSV mapping '"
                + name + "', which table '" + table + "' does not have; its CSV mappings: " + names + ". Name one of them, or"
                + " create the mapping with .create table ... ingestion csv mapping");
    }

    /** Creates the table with the Kusto counterparts of the DataFrame's column types. */
    void create(StructType schema) {
        String columns = Stream.of(schema.fields())
                .map(f -> KqlSyntax.quoteName(f.name()) + ":" + KustoTypeMapping.toKusto(f.dataType()))
                .collect(Collectors.joining(", "));
        String command = ".create table " + KqlSyntax.quoteName(table) + " (" + columns + ")";
        try {
            KustoClients.mgmt(connection, command, "write.createTable");
        } catch (Exception e) {
            throw KustoConnectorException.of("Creating table '" + table + "' (tableCreateOptions=CreateIfNotExist)", e);
        }
    }

    /** Some services answer a schema request for a missing table with an error rather than no rows. */
    private static boolean isNotFound(Exception e) {
        String message = KustoConnectorException.kustoMessage(e).toLowerCase(java.util.Locale.ROOT);
        return message.contains("entitynotfound") || message.contains("was not found")
                || message.contains("does not exist") || message.contains("could not be found");
    }
}
