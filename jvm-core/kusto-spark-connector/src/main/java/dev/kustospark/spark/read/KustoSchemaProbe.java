package dev.kustospark.spark.read;

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
import java.util.List;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The columns of a read's query with their Kusto types: the result schema of {@code <query> | take 0},
 * asked with the user's request properties, at most once per read. An inferred schema is made from
 * them. A user-given schema ({@code customSchema}, {@code .schema(...)}) says only the Spark types, so
 * Kusto is asked the first time a decision depends on a Kusto type (a string filter, the hash of a
 * partition, decoding an export), and a read that needs none costs no extra query.
 *
 * <p>The Kusto types travel beside the Spark schema, never inside its field metadata, which users see
 * and which a user-given schema does not have.
 */
public final class KustoSchemaProbe {
    private final ReadConfig config;
    private List<KustoColumn> columns;

    public KustoSchemaProbe(ReadConfig config) {
        this.config = config;
    }

    public ReadConfig config() {
        return config;
    }

    /** The read's Spark schema: {@code customSchema} when given (asking Kusto nothing), else the probed columns'. */
    public StructType sparkSchema() {
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
        return KustoTypeMapping.toSpark(columns());
    }

    /** The query's result columns, asked of Kusto on the first call. */
    synchronized List<KustoColumn> columns() {
        if (columns == null) {
            columns = probe();
        }
        return columns;
    }

    /** The Kusto type of the result column {@code name}, or null when the result has no such column. */
    String kustoTypeOf(String name) {
        for (KustoColumn column : columns()) {
            if (column.name().equals(name)) {
                return column.kustoType();
            }
        }
        return null;
    }

    /**
     * Each column of {@code schema} with its Kusto type, in the schema's order: what decoding an export
     * needs, since its files hold a long and a timespan alike as a 64-bit integer, and a dynamic
     * string and a string alike as text.
     */
    List<KustoColumn> columnsOf(StructType schema) {
        List<KustoColumn> typed = new ArrayList<>(schema.size());
        for (StructField field : schema.fields()) {
            String kustoType = kustoTypeOf(field.name());
            if (kustoType == null) {
                throw new IllegalArgumentException("column '" + field.name() + "' of the read schema is not a column of"
                        + " the query's result (" + String.join(", ", columns().stream().map(KustoColumn::name).toList())
                        + "); fix customSchema or the schema given to the reader");
            }
            typed.add(new KustoColumn(field.name(), kustoType));
        }
        return typed;
    }

    private List<KustoColumn> probe() {
        String query = config.query();
        String probe = KustoQueryText.withOperators(query, List.of("take 0"));
        List<KustoColumn> probed = new ArrayList<>();
        try {
            KustoResultSetTable table = QueryRetry.call("The schema probe",
                    () -> KustoClients.query(config.connection(), probe, KustoClients.sdkRequestProperties(config.connection(),
                            "schema"))).getPrimaryResults();
            for (KustoResultColumn column : table.getColumns()) {
                probed.add(new KustoColumn(column.getColumnName(), column.getColumnType()));
            }
        } catch (Exception e) {
            throw KustoConnectorException.of("Reading the schema of kustoQuery '" + query + "'", e);
        }
        return List.copyOf(probed);
    }
}
