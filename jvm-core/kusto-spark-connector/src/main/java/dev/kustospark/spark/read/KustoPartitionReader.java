package dev.kustospark.spark.read;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.StreamingClient;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.client.ClientLease;
import dev.kustospark.spark.client.KustoClients;
import dev.kustospark.spark.client.QueryRetry;
import dev.kustospark.spark.config.ConnectionConfig;
import java.io.IOException;
import java.io.InputStream;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.types.StructType;

/**
 * Runs one partition's query through the SDK's streaming query (v2 endpoint) and turns the response
 * into rows while it arrives. A count-only read (no columns needed) runs {@code ... | count} and
 * produces that many empty rows, so no data crosses the wire for {@code df.count()}.
 */
final class KustoPartitionReader implements PartitionReader<InternalRow> {
    private static final InternalRow EMPTY_ROW = new GenericInternalRow(new Object[0]);

    private final ConnectionConfig connection;
    private final KustoInputPartition partition;
    private final StructType schema;
    private final boolean countOnly;
    private V2ResultReader reader;
    /** Held while the response streams in, so that the cache does not close the client under it. */
    private ClientLease<Client> client;
    private long emptyRowsLeft = -1;

    KustoPartitionReader(ConnectionConfig connection, KustoInputPartition partition, StructType schema, boolean countOnly) {
        this.connection = connection;
        this.partition = partition;
        this.schema = schema;
        this.countOnly = countOnly;
    }

    @Override
    public boolean next() throws IOException {
        try {
            if (reader == null) {
                reader = open();
            }
            if (countOnly) {
                if (emptyRowsLeft < 0) {
                    emptyRowsLeft = reader.next() ? reader.current().getLong(0) : 0;
                }
                return emptyRowsLeft-- > 0;
            }
            return reader.next();
        } catch (V2ResultReader.KustoResponseException | IOException e) {
            // Also a response cut short (a lost connection mid-result): rows were consumed, so no retry.
            throw KustoConnectorException.of("Reading partition " + partition.index() + " (query '"
                    + KustoConnectorException.oneLineQuery(partition.query()) + "')", e);
        }
    }

    private V2ResultReader open() throws IOException {
        InputStream body;
        try {
            client = KustoClients.queryClient(connection);
            if (!(client.client() instanceof StreamingClient streaming)) {
                throw new IllegalStateException("the Kusto client " + client.client().getClass().getName()
                        + " cannot stream query results");
            }
            body = QueryRetry.call("The query of partition " + partition.index(), () -> streaming.executeStreamingQuery(
                    connection.database(), partition.query(), queryProperties()));
        } catch (Exception e) {
            throw KustoConnectorException.of("Query '" + KustoConnectorException.oneLineQuery(partition.query()) + "'", e);
        }
        StructType readSchema = countOnly ? new StructType().add("Count", "long") : schema;
        return new V2ResultReader(body, readSchema);
    }

    /**
     * The user's request properties, plus {@code notruncation} unless the user chose a truncation
     * setting: a DataFrame is the whole result, where Kusto by default stops at 500,000 records or 64 MB.
     */
    private com.microsoft.azure.kusto.data.ClientRequestProperties queryProperties() {
        var properties = KustoClients.sdkRequestProperties(connection, "query");
        if (properties.getOption("notruncation") == null && properties.getOption("truncationmaxrecords") == null
                && properties.getOption("truncationmaxsize") == null) {
            properties.setOption("notruncation", true);
        }
        return properties;
    }

    @Override
    public InternalRow get() {
        return countOnly ? EMPTY_ROW : reader.current();
    }

    @Override
    public void close() throws IOException {
        try {
            if (reader != null) {
                reader.close();
            }
        } finally {
            if (client != null) {
                client.close();
            }
        }
    }
}
