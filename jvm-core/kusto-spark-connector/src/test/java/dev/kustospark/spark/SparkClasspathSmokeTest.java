package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.local.KustoLocal;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** Spark, the Kusto SDKs and kusto-local load together: no dependency clash on the test classpath. */
class SparkClasspathSmokeTest {
    @Test
    void sparkAndTheKustoSdkShareAClasspath() throws Exception {
        try (KustoLocal kusto = KustoLocal.builder().inMemory().database("db1").start()) {
            Client client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
            var rows = client.executeQuery("db1", "print x = 3").getPrimaryResults();
            rows.next();
            assertEquals(3, rows.getInt("x"));
            SparkSession spark = SparkSession.builder().master("local[2]").appName("smoke").getOrCreate();
            try {
                assertEquals(10, spark.range(10).count());
            } finally {
                spark.stop();
            }
        }
    }
}
