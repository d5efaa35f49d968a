package dev.kustospark.spark;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import dev.kustospark.local.KustoLocal;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One kusto-local server and one local Spark session for a test class. */
final class KustoSparkTestSupport implements AutoCloseable {
    static final String DATABASE = "db1";

    /** Every Spark type a write maps to a Kusto scalar, with a KQL keyword and a space among the column names. */
    static final StructType ALL_TYPES = new StructType()
            .add("s", "string").add("i", "int").add("l", "long").add("b", "boolean").add("r", "double")
            .add("d", DataTypes.createDecimalType(38, 18)).add("t", "timestamp").add("where", "long").add("a b", "string");

    final KustoLocal kusto;
    final Client client;
    final SparkSession spark;

    KustoSparkTestSupport() throws Exception {
        this(builder -> builder);
    }

    /** With a customised server, e.g. {@code b -> b.withAzurite()} for queued ingestion. */
    KustoSparkTestSupport(java.util.function.UnaryOperator<KustoLocal.Builder> setup) throws Exception {
        this(setup, "local[2]");
    }

    /** With a Spark master of its own, e.g. {@code local[2,2]} to let Spark retry a failed task once. */
    KustoSparkTestSupport(java.util.function.UnaryOperator<KustoLocal.Builder> setup, String master) throws Exception {
        kusto = setup.apply(KustoLocal.builder().inMemory().database(DATABASE)).start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
        spark = SparkSession.builder().master(master).appName("kusto-spark-test")
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

    /** The request lines kusto-local logs (method, path, status, client request id) while {@code action} runs. */
    List<String> serverRequestsDuring(Runnable action) {
        List<String> seen = new CopyOnWriteArrayList<>();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        AbstractAppender appender = new AbstractAppender("serverRequests", null, null, true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                seen.add(event.getMessage().getFormattedMessage());
            }
        };
        appender.start();
        String dispatcher = "dev.kustospark.local.http.RequestDispatcher";
        Configurator.setLevel(dispatcher, Level.INFO);
        context.getConfiguration().addLoggerAppender(context.getLogger(dispatcher), appender);
        try {
            action.run();
        } finally {
            context.getConfiguration().getLoggerConfig(dispatcher).removeAppender("serverRequests");
            Configurator.setLevel(dispatcher, Level.WARN);
        }
        return List.copyOf(seen);
    }

    /** Three rows of {@link #ALL_TYPES}: awkward text and extreme values, all nulls, negatives and pre-1970. */
    Dataset<Row> allTypesFrame() {
        List<Row> rows = Arrays.asList(
                RowFactory.create("quote \" comma , newline \n é", 1, 9007199254740993L, true, 1.0e-7,
                        new BigDecimal("12345678901234567890.123456789012345678"),
                        Timestamp.from(Instant.parse("2024-01-02T03:04:05.123456Z")), 7L, "x y"),
                RowFactory.create("", null, null, null, null, null, null, null, ""),
                RowFactory.create("neg", -5, Long.MIN_VALUE, false, -2.5, new BigDecimal("-0.000000000000000001"),
                        Timestamp.from(Instant.parse("1969-12-31T23:59:59.999999Z")), null, "z"));
        return spark.createDataFrame(rows, ALL_TYPES);
    }

    @Override
    public void close() throws Exception {
        spark.stop();
        kusto.close();
    }
}
