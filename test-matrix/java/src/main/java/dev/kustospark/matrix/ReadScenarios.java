package dev.kustospark.matrix;

import dev.kustospark.spark.ClientRequestProperties;
import dev.kustospark.spark.KustoReadOptions;
import dev.kustospark.spark.ReadMode;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/** Scenarios 01, 02, 05, 06 and 07: reads of MatrixNumbers. */
final class ReadScenarios {
    static final String SYNAPSE_FORMAT = "com.microsoft.kusto.spark.synapse.datasource";

    private ReadScenarios() {}

    static List<Scenario> all() {
        return List.of(new Scenario("01-seed-read", ReadScenarios::seedRead),
                new Scenario("02-seed-distributed-read", ReadScenarios::seedDistributedRead),
                new Scenario("05-pushdown", ReadScenarios::pushdown),
                new Scenario("06-partitioned-read", ReadScenarios::partitionedRead),
                new Scenario("07-query-parameters", ReadScenarios::queryParameters));
    }

    private static Dataset<Row> synapseRead(MatrixSession s, Map<String, String> extra) {
        return s.spark.read().format(SYNAPSE_FORMAT)
                .option("spark.synapse.linkedService", MatrixSession.LINKED_SERVICE)
                .option("kustoDatabase", MatrixEnv.DATABASE)
                .option("kustoQuery", "MatrixNumbers | where x > 10")
                .options(extra)
                .load();
    }

    private static String seedRead(MatrixSession s) {
        return checkSeedRows(s, synapseRead(s, Map.of()));
    }

    private static String seedDistributedRead(MatrixSession s) {
        ClientRequestProperties properties = ClientRequestProperties.builder().noRequestTimeout(true).build();
        KustoReadOptions typed = KustoReadOptions.create().clientRequestProperties(properties)
                .readMode(ReadMode.ForceDistributedMode);
        Dataset<Row> rows = synapseRead(s, typed.toOptions());
        String plan = rows.queryExecution().executedPlan().toString();
        ScenarioFailure.check(plan.contains("mode=ForceDistributedMode"), "the read is not distributed: " + plan);
        return checkSeedRows(s, rows);
    }

    private static String checkSeedRows(MatrixSession s, Dataset<Row> rows) {
        ScenarioFailure.check(rows.schema().apply("x").dataType().equals(DataTypes.LongType)
                && rows.schema().apply("s").dataType().equals(DataTypes.StringType), "schema is " + rows.schema().simpleString());
        Dataset<Row> result = rows.select("x", "s");
        long count = result.count();
        ScenarioFailure.check(count == 990, "expected 990 rows, got " + count);
        return s.checksum(result);
    }

    private static String pushdown(MatrixSession s) {
        Dataset<Row> result = s.read(s.readOptions("MatrixNumbers").readMode(ReadMode.ForceSingleMode))
                .filter("x > 900 AND s LIKE 'v99%'").select("s").orderBy("s").limit(5);
        List<String> values = result.collectAsList().stream().map(r -> r.getString(0)).toList();
        ScenarioFailure.check(values.equals(List.of("v990", "v991", "v992", "v993", "v994")), "got " + values);
        return s.checksum(result);
    }

    private static String partitionedRead(MatrixSession s) {
        Dataset<Row> rows = s.read(s.readOptions("MatrixNumbers | where x <= 500")
                .readMode(ReadMode.ForcePartitionedMode).partitionColumn("x").numPartitions(4));
        int partitions = rows.javaRDD().getNumPartitions();
        ScenarioFailure.check(partitions == 4, "expected 4 partitions, got " + partitions);
        Dataset<Row> result = rows.select("x", "s");
        long count = result.count();
        ScenarioFailure.check(count == 500, "expected 500 rows, got " + count);
        return s.checksum(result);
    }

    private static String queryParameters(MatrixSession s) {
        ClientRequestProperties parameters = ClientRequestProperties.builder()
                .longParameter("minX", 950).stringParameter("prefix", "v99").build();
        Dataset<Row> result = s.read(s.readOptions("declare query_parameters(minX:long, prefix:string);\n"
                        + "MatrixNumbers | where x > minX and s startswith prefix")
                .clientRequestProperties(parameters).readMode(ReadMode.ForceSingleMode)).select("x", "s");
        List<Long> xs = result.collectAsList().stream().map(r -> r.getLong(0)).sorted().toList();
        ScenarioFailure.check(xs.equals(java.util.stream.LongStream.rangeClosed(990, 999).boxed().toList()), "got x = " + xs);
        return s.checksum(result);
    }
}
