package dev.kustospark.spark;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.local.KustoLocal;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.SparkSession;

/** One kusto-local server and one local Spark session for a test class. */
final class KustoSparkTestSupport implements AutoCloseable {
    static final String DATABASE = "db1";

    final KustoLocal kusto;
    final Client client;
    final SparkSession spark;

    KustoSparkTestSupport() throws Exception {
        kusto = KustoLocal.builder().inMemory().database(DATABASE).start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
        spark = SparkSession.builder().master("local[2]").appName("kusto-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")
                .getOrCreate();
    }

    Map<String, String> connectionOptions() {
        Map<String, String> options = new HashMap<>();
        options.put("kustoCluster", kusto.url());
        options.put("kustoDatabase", DATABASE);
        return options;
    }

    DataFrameReader read(String query) {
        return spark.read().format("kusto").options(connectionOptions()).option("kustoQuery", query);
    }

    KustoOperationResult mgmt(String command) throws Exception {
        return client.executeMgmt(DATABASE, command);
    }

    @Override
    public void close() throws Exception {
        spark.stop();
        kusto.close();
    }
}
