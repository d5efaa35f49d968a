package dev.kustospark.matrix;

import dev.kustospark.spark.CsvColumnMapping;
import dev.kustospark.spark.KustoWriteOptions;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.TableCreationMode;
import dev.kustospark.spark.WriteMode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;

/** Scenarios 03, 04, 08 and 09: writes, each to a table of this language's own. */
final class WriteScenarios {
    private static final String EVERY_TYPE = """
            SELECT * FROM VALUES
              (true, CAST(7 AS INT), CAST(9000000000 AS BIGINT), CAST(1.5 AS DOUBLE), CAST('12.345678901234567890' AS DECIMAL(38,18)),
               'héllo "q"', TIMESTAMP '2024-01-02 03:04:05.123456', '01:02:03', '{"a":[1,2]}', 'd5b1c8b2-1c1e-4e63-9a3f-5a6b7c8d9e0f'),
              (CAST(NULL AS BOOLEAN), CAST(NULL AS INT), CAST(NULL AS BIGINT), CAST(NULL AS DOUBLE), CAST(NULL AS DECIMAL(38,18)),
               CAST(NULL AS STRING), CAST(NULL AS TIMESTAMP), CAST(NULL AS STRING), CAST(NULL AS STRING), CAST(NULL AS STRING))
            AS t(b, i, l, r, d, s, ts, span, dyn, g)""";
    private static final String[] EVERY_TYPE_COLUMNS = {"b", "i", "l", "r", "d", "s", "ts", "span", "dyn", "g"};
    /** The input as Kusto gives it back: a Kusto string is never null, so a null string reads back empty. */
    private static final String[] EVERY_TYPE_READ_BACK = {"b", "i", "l", "r", "d", "coalesce(s, '') AS s", "ts",
        "coalesce(span, '') AS span", "coalesce(dyn, '') AS dyn", "coalesce(g, '') AS g"};

    private WriteScenarios() {}

    static List<Scenario> all() {
        return List.of(new Scenario("03-seed-write", WriteScenarios::seedWrite),
                new Scenario("04-every-type-round-trip", WriteScenarios::everyTypeRoundTrip),
                new Scenario("08-ingest-if-not-exists", WriteScenarios::ingestIfNotExists),
                new Scenario("09-transactional-failure", WriteScenarios::transactionalFailure));
    }

    private static KustoWriteOptions writeOptions(String cluster, String table) {
        return KustoWriteOptions.create().kustoCluster(cluster).kustoDatabase(MatrixEnv.DATABASE).kustoTable(table)
                .writeMode(WriteMode.Transactional).tableCreateOptions(TableCreationMode.CreateIfNotExist);
    }

    private static void append(Dataset<Row> frame, KustoWriteOptions options) {
        frame.write().format("kusto").options(options.toOptions()).mode(SaveMode.Append).save();
    }

    private static long count(MatrixSession s, String cluster, String table) {
        return s.read(s.readOptions(table + " | count").kustoCluster(cluster)).first().getLong(0);
    }

    private static String seedWrite(MatrixSession s) {
        String lang = s.env.lang();
        String table = s.env.table("Seed");
        Dataset<Row> frame = s.spark.sql("SELECT id AS ColA, concat('v', CAST(id AS STRING)) AS ColB FROM range(0, 100, 1, 3)");
        SparkIngestionProperties properties = SparkIngestionProperties.builder()
                .dropByTags(List.of("drop_" + lang)).ingestByTags(List.of("ingest_" + lang))
                .additionalTags(List.of("tag_" + lang)).ingestIfNotExists(List.of("ingest_" + lang))
                .creationTime(Instant.parse("2021-06-07T08:09:10Z"))
                .csvMapping(List.of(CsvColumnMapping.ofOrdinal("ColA", 0), CsvColumnMapping.ofOrdinal("ColB", 1)))
                .build();
        frame.write().format(ReadScenarios.SYNAPSE_FORMAT)
                .option("spark.synapse.linkedService", MatrixSession.LINKED_SERVICE)
                .option("kustoDatabase", MatrixEnv.DATABASE)
                .option("kustoTable", table)
                .option("sparkIngestionPropertiesJson", properties.toJson())
                .option("tableCreateOptions", TableCreationMode.CreateIfNotExist.name())
                .mode(SaveMode.Append).save();
        Dataset<Row> result = s.spark.read().format(ReadScenarios.SYNAPSE_FORMAT)
                .option("spark.synapse.linkedService", MatrixSession.LINKED_SERVICE)
                .option("kustoDatabase", MatrixEnv.DATABASE)
                .option("kustoQuery", table)
                .load().select("ColA", "ColB");
        long rows = result.count();
        ScenarioFailure.check(rows == 100, "expected 100 rows, got " + rows);
        return s.checksum(result);
    }

    private static String everyTypeRoundTrip(MatrixSession s) {
        String table = s.env.table("Types");
        Dataset<Row> input = s.spark.sql(EVERY_TYPE);
        append(input, writeOptions(s.env.url(), table));
        Dataset<Row> result = s.read(s.readOptions(table)).selectExpr(EVERY_TYPE_COLUMNS);
        long rows = result.count();
        ScenarioFailure.check(rows == 2, "expected 2 rows, got " + rows);
        String expected = s.checksum(input.selectExpr(EVERY_TYPE_READ_BACK));
        String actual = s.checksum(result);
        ScenarioFailure.check(expected.equals(actual), "the values read back differ from those written: "
                + result.collectAsList() + " (schema " + result.schema().simpleString() + ")");
        return actual;
    }

    private static String ingestIfNotExists(MatrixSession s) {
        String table = s.env.table("Dedupe");
        String tag = "once_" + s.env.lang();
        Dataset<Row> frame = s.spark.sql("SELECT id AS k, concat('r', CAST(id AS STRING)) AS v FROM range(0, 10, 1, 2)");
        KustoWriteOptions options = writeOptions(s.env.url(), table).sparkIngestionProperties(
                SparkIngestionProperties.builder().ingestByTags(List.of(tag)).ingestIfNotExists(List.of(tag)).build());
        append(frame, options);
        append(frame, options);
        Dataset<Row> result = s.read(s.readOptions(table)).select("k", "v");
        long rows = result.count();
        ScenarioFailure.check(rows == 10, "expected 10 rows after writing twice, got " + rows);
        return s.checksum(result);
    }

    private static String transactionalFailure(MatrixSession s) {
        String cluster = s.env.faultyUrl();
        String table = s.env.table("TxFail");
        Dataset<Row> frame = s.spark.sql("SELECT id AS k FROM range(0, 40, 1, 4)");
        KustoWriteOptions options = writeOptions(cluster, table);
        String messages = MatrixSession.failureMessages("the first write (its ingestion fails)", () -> {
            append(frame, options);
            return "success";
        });
        ScenarioFailure.check(messages.toLowerCase(Locale.ROOT).contains("ingestion") && messages.contains("Failed"),
                "the first write's error does not say an ingestion failed: " + messages);
        long afterFailure = count(s, cluster, table);
        ScenarioFailure.check(afterFailure == 0, "expected 0 rows after the failed write, got " + afterFailure);
        append(frame, options);
        Dataset<Row> result = s.read(s.readOptions(table).kustoCluster(cluster)).select("k");
        long rows = result.count();
        long distinct = result.distinct().count();
        ScenarioFailure.check(rows == 40 && distinct == 40, "expected k = 0..39 once each, got " + rows + " rows, "
                + distinct + " distinct");
        return s.checksum(result);
    }
}
