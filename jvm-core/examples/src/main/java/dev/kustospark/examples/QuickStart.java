package dev.kustospark.examples;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultColumn;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The quick start: against a Kusto endpoint (kusto-local by default), creates a table, streams a few
 * CSV rows into it and prints a query over them, all through the official Kusto Java SDK.
 *
 * <p>Usage: {@code QuickStart <cluster-url> [database]}.
 */
public final class QuickStart {
    private static final String TABLE = "QuickStartEvents";

    private QuickStart() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: QuickStart <cluster-url> [database]");
            System.exit(2);
        }
        String url = args[0];
        String database = args.length > 1 ? args[1] : "demo";
        ConnectionStringBuilder connection = new ConnectionStringBuilder(url);

        Client client = ClientFactory.createClient(connection);
        try (StreamingIngestClient ingest = IngestClientFactory.createStreamingIngestClient(connection)) {
            step("create table " + TABLE);
            client.executeMgmt(database, ".create-merge table " + TABLE
                    + " (Timestamp:datetime, Device:string, Temperature:real, Healthy:bool)");

            step("stream 4 CSV rows into " + TABLE);
            String csv = String.join("\n",
                    "2026-01-01T08:00:00Z,sensor-a,21.5,true",
                    "2026-01-01T08:05:00Z,sensor-b,35.25,false",
                    "2026-01-01T08:10:00Z,sensor-a,22.0,true",
                    "2026-01-01T08:15:00Z,sensor-b,,false") + "\n";
            IngestionProperties properties = new IngestionProperties(database, TABLE);
            properties.setDataFormat(IngestionProperties.DataFormat.CSV);
            ingest.ingestFromStream(new StreamSourceInfo(
                    new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8))), properties);

            String query = TABLE + " | summarize Readings = count(), MaxTemperature = max(Temperature) by Device"
                    + " | order by Device asc";
            step("query: " + query);
            KustoOperationResult result = client.executeQuery(database, query);
            print(result.getPrimaryResults());
        }
    }

    private static void step(String text) {
        System.out.println("==> " + text);
    }

    private static void print(KustoResultSetTable table) {
        List<String> header = new ArrayList<>();
        for (KustoResultColumn column : table.getColumns()) {
            header.add(column.getColumnName() + ":" + column.getColumnType());
        }
        System.out.println(String.join(" | ", header));
        while (table.next()) {
            List<String> cells = new ArrayList<>();
            for (int i = 0; i < table.getColumns().length; i++) {
                Object value = table.getObject(i);
                cells.add(String.valueOf(value));
            }
            System.out.println(String.join(" | ", cells));
        }
    }
}
