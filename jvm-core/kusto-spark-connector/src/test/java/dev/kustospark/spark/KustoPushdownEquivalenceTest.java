package dev.kustospark.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TimeZone;
import java.util.function.Function;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Property test: for random filters over hostile strings, numbers with nulls and datetimes, the rows
 * read with filter pushdown equal the rows read with it off (Spark filtering everything itself).
 * The JVM's default zone and Spark's session zone are not UTC, so datetime literals must be UTC.
 */
class KustoPushdownEquivalenceTest {
    private static final String[] STRINGS = {
        "", "a", "A", "ab", "it's", "say \"hi\"", "back\\slash", "line1\nline2", "tab\there", "\r\n", "é", "日本語",
        "😀 emoji", "where", "and", "or", "not", "==", "|", "// comment", "' or 1==1 //", "\\\"", "x\\n", "\u0001ctrl",
        "KQL: take 0", "[\"a\"]", "${x}", "\\u0041", "a,b", "  padded  "
    };
    private static final Instant BASE = Instant.parse("2024-03-10T01:30:00Z");
    private static KustoSparkTestSupport env;
    private static TimeZone savedZone;
    private static int pushedQueries;

    @BeforeAll
    static void start() throws Exception {
        savedZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        env = new KustoSparkTestSupport();
        env.spark.conf().set("spark.sql.session.timeZone", "Asia/Kolkata");
        StructType schema = new StructType().add("id", "long").add("s", "string").add("n", "long").add("r", "double")
                .add("t", "timestamp").add("b", "boolean");
        Random random = new Random(7);
        List<Row> rows = new ArrayList<>();
        for (int id = 0; id < 120; id++) {
            String s = STRINGS[id % STRINGS.length] + (id >= STRINGS.length && random.nextBoolean() ? STRINGS[random.nextInt(STRINGS.length)] : "");
            Long n = random.nextInt(5) == 0 ? null : (long) random.nextInt(20) - 10;
            Double r = random.nextInt(5) == 0 ? null : random.nextInt(40) / 4.0 - 5;
            Timestamp t = random.nextInt(5) == 0 ? null : Timestamp.from(BASE.plusSeconds(3600L * random.nextInt(48)).plusNanos(1000L * random.nextInt(1000)));
            Boolean b = random.nextInt(4) == 0 ? null : random.nextBoolean();
            rows.add(RowFactory.create((long) id, s, n, r, t, b));
        }
        env.spark.createDataFrame(rows, schema).coalesce(1).write().format("kusto").options(env.connectionOptions())
                .option("kustoTable", "Fuzz").option("writeMode", "KustoStreaming")
                .option("tableCreateOptions", "CreateIfNotExist").mode(SaveMode.Append).save();
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
        TimeZone.setDefault(savedZone);
    }

    private static List<Long> ids(Column filter, boolean pushdown) {
        Dataset<Row> df = env.read("Fuzz").option("queryFilterPushDown", String.valueOf(pushdown)).load().where(filter)
                .select("id");
        String plan = df.queryExecution().executedPlan().toString();
        if (!pushdown) {
            assertFalse(plan.contains("| where"), plan);
        } else if (plan.contains("| where")) {
            pushedQueries++;
        }
        List<Long> ids = new ArrayList<>();
        df.collectAsList().forEach(r -> ids.add(r.getLong(0)));
        ids.sort(null);
        return ids;
    }

    private static Column randomFilter(Random random, int depth) {
        List<Function<Random, Column>> leaves = List.of(
                r -> col("s").equalTo(lit(STRINGS[r.nextInt(STRINGS.length)])),
                r -> col("s").startsWith(STRINGS[r.nextInt(STRINGS.length)]),
                r -> col("s").endsWith(STRINGS[r.nextInt(STRINGS.length)]),
                r -> col("s").contains(STRINGS[r.nextInt(STRINGS.length)]),
                r -> col("s").isin(STRINGS[r.nextInt(STRINGS.length)], STRINGS[r.nextInt(STRINGS.length)]),
                r -> col("n").gt(lit((long) r.nextInt(20) - 10)),
                r -> col("n").leq(lit((long) r.nextInt(20) - 10)),
                r -> col("n").eqNullSafe(r.nextBoolean() ? lit(null).cast("long") : lit((long) r.nextInt(6))),
                r -> col("n").isin((long) r.nextInt(5), (long) r.nextInt(5)),
                r -> col("n").isNull(),
                r -> col("r").lt(lit(r.nextInt(40) / 4.0 - 5)),
                r -> col("r").isNotNull(),
                r -> col("b").equalTo(lit(r.nextBoolean())),
                r -> col("t").gt(lit(Timestamp.from(BASE.plusSeconds(3600L * r.nextInt(48))))),
                r -> col("t").leq(lit(Timestamp.from(BASE.plusSeconds(3600L * r.nextInt(48)))))
        );
        if (depth == 0 || random.nextInt(3) == 0) {
            return leaves.get(random.nextInt(leaves.size())).apply(random);
        }
        return switch (random.nextInt(3)) {
            case 0 -> randomFilter(random, depth - 1).and(randomFilter(random, depth - 1));
            case 1 -> randomFilter(random, depth - 1).or(randomFilter(random, depth - 1));
            default -> org.apache.spark.sql.functions.not(randomFilter(random, depth - 1));
        };
    }

    @Test
    void everyStringValueRoundTripsThroughAnEqualityFilter() {
        for (String value : STRINGS) {
            List<Long> pushed = ids(col("s").equalTo(lit(value)), true);
            assertEquals(ids(col("s").equalTo(lit(value)), false), pushed, "value " + value);
            assertFalse(pushed.isEmpty(), "value " + value);
        }
    }

    @Test
    void randomFiltersReturnTheSameRowsWithAndWithoutPushdown() {
        Random random = new Random(2024);
        int nonEmpty = 0;
        pushedQueries = 0;
        for (int i = 0; i < 60; i++) {
            Column filter = randomFilter(random, 2);
            List<Long> expected = ids(filter, false);
            assertEquals(expected, ids(filter, true), "filter " + filter);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertTrue(nonEmpty > 20, "too few filters matched rows to prove anything: " + nonEmpty);
        assertTrue(pushedQueries > 45, "too few filters were pushed to prove anything: " + pushedQueries);
    }

    @Test
    void filtersArePushedIntoTheQuery() {
        Dataset<Row> df = env.read("Fuzz").load().where(col("s").startsWith("it'").and(col("t").gt(lit(Timestamp.from(BASE)))));
        String plan = df.queryExecution().executedPlan().toString();
        assertTrue(plan.contains("['s'] startswith_cs \"it\\'\"") && plan.contains("datetime(2024-03-10T01:30:00.0000000Z)"), plan);
    }
}
