package dev.kustospark.spark.read;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.client.QueryRetry;
import dev.kustospark.spark.config.ReadConfig;
import dev.kustospark.spark.types.KustoColumn;
import dev.kustospark.spark.types.KustoTypeMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The read schema: {@code customSchema} when given, otherwise the result schema of
 * {@code <query> | take 0}, asked with the user's request properties. Each probed field carries its
 * Kusto type in the field metadata, so that pushdown knows which columns Kusto holds as strings.
 */
public final class KustoSchemaProbe {
    /** The field metadata key holding a probed column's Kusto type. */
    public static final String KUSTO_TYPE_METADATA = "kustoType";

    private KustoSchemaProbe() {}

    public static StructType schemaOf(ReadConfig config) {
        if (config.customSchema().isPresent()) {
            String ddl = config.customSchema().get();
            try {
                return StructType.fromDDL(ddl);
            } catch (Exception e) {
                // Spark's ParseException is a checked exception in Java's eyes, thrown from Scala.
                throw new KustoOptionException("option customSchema: '" + ddl + "' is not a Spark DDL schema such as"
                        + " 'a INT, b STRING': " + KustoConnectorException.kustoMessage(e), e);
            }
        }
        return withKustoTypes(probe(config, config.query()));
    }

    /**
     * {@code schema} (a user-given one) with the Kusto type of each of its columns in {@code query}'s
     * result: decoding an export needs them, since its files hold a long and a timespan alike as a
     * 64-bit integer, and a dynamic string and a string alike as text.
     */
    static StructType withKustoTypesOf(ReadConfig config, String query, StructType schema) {
        Map<String, String> types = new HashMap<>();
        probe(config, query).forEach(c -> types.put(c.name(), c.kustoType()));
        StructField[] fields = schema.fields().clone();
        for (int i = 0; i < fields.length; i++) {
            String kustoType = types.get(fields[i].name());
            if (kustoType != null) {
                Metadata metadata = new MetadataBuilder().withMetadata(fields[i].metadata())
                        .putString(KUSTO_TYPE_METADATA, kustoType).build();
                fields[i] = new StructField(fields[i].name(), fields[i].dataType(), fields[i].nullable(), metadata);
            }
        }
        return new StructType(fields);
    }

    /** The result columns of {@code <query> | take 0}, asked with the user's request properties. */
    private static List<KustoColumn> probe(ReadConfig config, String query) {
        String probe = KustoQueryText.withOperators(query, List.of("take 0"));
        List<KustoColumn> columns = new ArrayList<>();
        try {
            Client client = KustoClients.queryClient(config.connection());
            KustoResultSetTable table = QueryRetry.call("The schema probe", () -> client.executeQuery(
                    config.connection().database(), probe, KustoClients.sdkRequestProperties(config.connection(), "schema")))
                    .getPrimaryResults();
            for (KustoResultColumn column : table.getColumns()) {
                columns.add(new KustoColumn(column.getColumnName(), column.getColumnType()));
            }
        } catch (Exception e) {
            throw KustoConnectorException.of("Reading the schema of kustoQuery '" + query + "'", e);
        }
        return columns;
    }

    static StructType withKustoTypes(List<KustoColumn> columns) {
        StructType plain = KustoTypeMapping.toSpark(columns);
        StructField[] fields = plain.fields().clone();
        for (int i = 0; i < fields.length; i++) {
            Metadata metadata = new MetadataBuilder().putString(KUSTO_TYPE_METADATA, columns.get(i).kustoType()).build();
            fields[i] = new StructField(fields[i].name(), fields[i].dataType(), true, metadata);
        }
        return new StructType(fields);
    }

    /** The Kusto type a field was probed with, or null for a user-given schema. */
    static String kustoTypeOf(StructField field) {
        return field.metadata().contains(KUSTO_TYPE_METADATA) ? field.metadata().getString(KUSTO_TYPE_METADATA) : null;
    }
}
