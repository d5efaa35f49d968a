package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KustoReadTest {
    private static KustoSparkTestSupport env;

    @BeforeAll
    static void start() throws Exception {
        env = new KustoSparkTestSupport();
        env.mgmt(".create table AllTypes (['s']:string, ['i']:int, ['l']:long, ['b']:bool, ['r']:real, ['d']:decimal,"
                + " ['t']:datetime, ['ts']:timespan, ['g']:guid, ['dyn']:dynamic, ['where']:long, ['a b']:string)");
        env.mgmt(".ingest inline into table AllTypes <|\n"
                + "hello,1,9007199254740993,true,1.5,123456789.123456789012345678,2024-01-02T03:04:05.123456Z,"
                + "1.02:03:04.5000000,0f8fad5b-d9cb-469f-a165-70867728950e,\"{\"\"k\"\":[1,2]}\",7,x y\n"
                + "\"\",,,,,,,,,,,\n");
        env.mgmt(".set-or-append Numbers <| range x from 1 to 1000 step 1 | extend s = strcat('v', tostring(x))");
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }

    @Test
    void everyKustoTypeReadsWithFullFidelityAndNulls() {
        Dataset<Row> df = env.read("AllTypes").load();
        StructType schema = df.schema();
        assertEquals(List.of("s", "i", "l", "b", "r", "d", "t", "ts", "g", "dyn", "where", "a b"), List.of(schema.fieldNames()));
        assertEquals(DataTypes.StringType, schema.apply("ts").dataType());
        assertEquals(DataTypes.createDecimalType(38, 18), schema.apply("d").dataType());
        assertEquals(DataTypes.TimestampType, schema.apply("t").dataType());
        List<Row> rows = df.orderBy("i").collectAsList();
        assertEquals(2, rows.size());
        Row nulls = rows.get(0);
        Row full = rows.get(1);
        assertEquals("hello", full.getString(0));
        assertEquals(1, full.getInt(1));
        assertEquals(9007199254740993L, full.getLong(2));
        assertTrue(full.getBoolean(3));
        assertEquals(1.5, full.getDouble(4));
        assertEquals(new BigDecimal("123456789.123456789012345678"), full.getDecimal(5));
        assertEquals(Timestamp.from(Instant.parse("2024-01-02T03:04:05.123456Z")), full.getTimestamp(6));
        assertEquals("1.02:03:04.5000000", full.getString(7));
        assertEquals("0f8fad5b-d9cb-469f-a165-70867728950e", full.getString(8));
        assertEquals("{\"k\":[1,2]}", full.getString(9));
        assertEquals(7L, full.getLong(10));
        assertEquals("x y", full.getString(11));
        assertEquals("", nulls.getString(0));
        for (int i = 1; i < 11; i++) {
            assertTrue(nulls.isNullAt(i), "column " + schema.fieldNames()[i] + " should be null");
        }
    }

    @Test
    void singleAndPartitionedReadsReturnTheSameRows() {
        List<Row> single = env.read("Numbers").load().orderBy("x").collectAsList();
        Dataset<Row> partitioned = env.read("Numbers").option("readMode", "ForcePartitionedMode")
                .option("numPartitions", "4").load();
        assertEquals(4, partitioned.rdd().getNumPartitions());
        assertEquals(1000, single.size());
        assertEquals(single, partitioned.orderBy("x").collectAsList());
        Dataset<Row> byString = env.read("Numbers").option("readMode", "forcepartitionedmode").option("numPartitions", "3")
                .option("partitionColumn", "s").load();
        String plan = byString.queryExecution().executedPlan().toString();
        assertTrue(plan.contains("mode=ForcePartitionedMode, partitions=3, partitionColumn=s"), plan);
        assertTrue(plan.contains("where (hash(['s'], 3) == 0 or isnull(['s']))"), plan);
        assertEquals(single, byString.orderBy("x").collectAsList());
    }

    @Test
    void partitionedReadsKeepNullsAndEveryPartitionColumnType() {
        List<Row> single = env.read("AllTypes").load().orderBy("i").collectAsList();
        for (String column : List.of("s", "i", "l", "b", "r", "d", "t", "ts", "g", "dyn", "where", "a b")) {
            List<Row> partitioned = env.read("AllTypes").option("readMode", "ForcePartitionedMode")
                    .option("numPartitions", "3").option("partitionColumn", column).load().orderBy("i").collectAsList();
            assertEquals(single, partitioned, "partitioned on " + column);
        }
    }

    @Test
    void projectionLimitAndCountArePushedDown() {
        Dataset<Row> df = env.read("Numbers").load().select("s").where("x > 990");
        String plan = df.queryExecution().executedPlan().toString();
        assertTrue(plan.contains("project ['s']") && plan.contains("['x'] > long(990)") && plan.contains("mode=ForceSingleMode"), plan);
        assertEquals(10, df.count());
        assertEquals("v1000", df.orderBy("s").limit(1).collectAsList().get(0).getString(0));
        assertEquals(1000, env.read("Numbers").load().count());
        assertEquals(5, env.read("Numbers").load().limit(5).collectAsList().size());
    }

    @Test
    void operatorsAppendSafelyAfterCommentsLetStatementsAndSemicolons() {
        assertEquals(2, env.read("Numbers // a trailing comment").load().where("x > 998").count());
        assertEquals(3, env.read("let upTo = 3;\nNumbers | where x <= upTo;").load().where("x > 0").collectAsList().size());
    }

    @Test
    void resultsBeyondKustosDefaultTruncationLimitAreReadWhole() {
        // Kusto stops a result at 500,000 records unless told otherwise; a DataFrame is the whole result.
        Row totals = env.read("range x from 1 to 500001 step 1").load().selectExpr("count(x)", "sum(x)").collectAsList().get(0);
        assertEquals(500_001L, totals.getLong(0));
        assertEquals(500_001L * 500_002L / 2, totals.getLong(1));
    }

    @Test
    void aPartialResultDeferredByTheServiceFailsTheRead() {
        // deferpartialqueryfailures makes the service send the rows it has and report the failure
        // only at the end; a DataFrame of the first rows would be a silently wrong result.
        String properties = "{\"Options\":{\"truncationmaxrecords\":3,\"deferpartialqueryfailures\":true}}";
        for (String mode : List.of("ForceSingleMode", "ForcePartitionedMode")) {
            var partial = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> env
                    .read("range x from 1 to 10 step 1").option("readMode", mode)
                    .option("clientRequestPropertiesJson", properties).load().collectAsList());
            String message = KustoWriteTest.rootMessage(partial);
            assertTrue(message.contains("Kusto failed the query after sending part of its result")
                    && message.contains("exceed the set limit of 3 records"), message);
        }
        String deferredOnly = "{\"Options\":{\"deferpartialqueryfailures\":true}}";
        assertEquals(10, env.read("range x from 1 to 10 step 1").option("clientRequestPropertiesJson", deferredOnly)
                .load().collectAsList().size());
    }

    @Test
    void customSchemaReplacesTheProbe() {
        Dataset<Row> df = env.read("Numbers | where x <= 3").option("customSchema", "x long, s string").load();
        assertEquals(new StructType().add("x", "long").add("s", "string"), df.schema());
        assertEquals(3, df.collectAsList().size());
    }

    @Test
    void aUserSchemaKeepsTheKustoTypesThatPushdownAndHashingDecideBy() {
        // customSchema says string for a Kusto string, guid, timespan, dynamic and long alike; Kusto compares
        // only the first as text, and hashes a long natively.
        String schema = "i int, s string, g string, ts string, dyn string, l string";
        String guid = "0f8fad5b-d9cb-469f-a165-70867728950e";
        Dataset<Row> byString = env.read("AllTypes").option("customSchema", schema).load().where("s = 'hello'");
        String plan = byString.queryExecution().executedPlan().toString();
        assertTrue(plan.contains("['s'] == \"hello\""), plan);
        assertEquals(1, byString.count());
        for (String filter : List.of("g = '" + guid + "'", "ts = '1.02:03:04.5000000'", "dyn like '{%'")) {
            Dataset<Row> df = env.read("AllTypes").option("customSchema", schema).load().where(filter);
            String kept = df.queryExecution().executedPlan().toString();
            String column = filter.substring(0, filter.indexOf(' '));
            assertTrue(kept.contains("KustoScan[") && !kept.contains("['" + column + "'] ==")
                    && !kept.contains("startswith_cs"), filter + ": " + kept);
            assertEquals(List.of(1), df.collectAsList().stream().map(r -> r.getInt(0)).toList(), filter);
        }
        Dataset<Row> hashed = env.read("AllTypes").option("customSchema", schema).option("readMode", "ForcePartitionedMode")
                .option("numPartitions", "3").option("partitionColumn", "l").load();
        String hashPlan = hashed.queryExecution().executedPlan().toString();
        assertTrue(hashPlan.contains("where (hash(['l'], 3) == 0 or isnull(['l']))"), hashPlan);
        assertEquals(2, hashed.count());
    }

    @Test
    void theSchemaCarriesNoMetadataOfTheConnector() {
        for (StructField field : env.read("AllTypes").load().schema().fields()) {
            assertEquals(Metadata.empty(), field.metadata(), field.name());
        }
    }

    @Test
    void aValueThatDoesNotFitItsSparkTypeFailsSingleAndPartitionedReads() {
        for (String mode : List.of("ForceSingleMode", "ForcePartitionedMode")) {
            var rounded = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> env
                    .read("print d = decimal(1.005)").option("readMode", mode).option("customSchema", "d decimal(10,2)")
                    .load().collectAsList());
            assertTrue(KustoWriteTest.rootMessage(rounded).contains("column 'd': the Kusto value 1.005 does not fit the"
                    + " Spark type decimal(10,2) it is read into"), KustoWriteTest.rootMessage(rounded));
            assertTrue(KustoWriteTest.rootMessage(rounded).contains("Read the column as decimal(38,3) or string with"
                    + " option customSchema"), KustoWriteTest.rootMessage(rounded));
            var wrapped = org.junit.jupiter.api.Assertions.assertThrows(Exception.class, () -> env
                    .read("print n = 100000").option("readMode", mode).option("customSchema", "n smallint")
                    .load().collectAsList());
            assertTrue(KustoWriteTest.rootMessage(wrapped).contains("column 'n': the Kusto value 100000 does not fit the"
                    + " Spark type smallint"), KustoWriteTest.rootMessage(wrapped));
        }
        assertEquals(new BigDecimal("1.01"), env.read("print d = decimal(1.01)").option("customSchema", "d decimal(10,2)")
                .load().collectAsList().get(0).getDecimal(0));
    }

    @Test
    void nullsOfEveryTypeComeBackAsNull() {
        Row row = env.read("print s = '', i = int(null), t = datetime(null), d = decimal(null), b = bool(null)").load()
                .collectAsList().get(0);
        assertEquals("", row.getString(0));
        assertNull(row.get(1));
        assertNull(row.get(2));
        assertNull(row.get(3));
        assertNull(row.get(4));
    }
}
