package dev.kustospark.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KustoWriteTest {
    private static KustoSparkTestSupport env;

    @BeforeAll
    static void start() throws Exception {
        env = new KustoSparkTestSupport();
    }

    @AfterAll
    static void stop() throws Exception {
        env.close();
    }


    private Map<String, String> writeOptions(String table) {
        Map<String, String> options = env.connectionOptions();
        options.put("kustoTable", table);
        options.put("writeMode", "KustoStreaming");
        return options;
    }

    @Test
    void writeThenReadBackIdenticalDataIntoACreatedTable() {
        Dataset<Row> frame = env.allTypesFrame();
        frame.repartition(2).write().format("kusto").options(writeOptions("Written"))
                .option("tableCreateOptions", "CreateIfNotExist").mode(SaveMode.Append).save();
        Dataset<Row> back = env.read("Written").load();
        assertEquals(KustoSparkTestSupport.ALL_TYPES, stripMetadata(back.schema()));
        assertEquals(frame.orderBy("s").collectAsList(), back.orderBy("s").collectAsList());
    }

    @Test
    void otherSparkTypesWriteAsTheirKustoCounterparts() {
        StructType schema = new StructType().add("f", "float").add("sh", "short").add("by", "byte").add("bin", "binary")
                .add("day", "date").add("ntz", "timestamp_ntz").add("arr", "array<int>").add("m", "map<string,double>")
                .add("st", "struct<a:int,b:string>").add("ns", "string");
        Dataset<Row> frame = env.spark.sql("select cast(0.1 as float) f, cast(-3 as short) sh, cast(7 as byte) by,"
                + " cast('hi' as binary) bin, date'2024-02-29' day, timestamp_ntz'2024-02-29 23:59:59.000001' ntz,"
                + " array(1, null) arr, map('k', cast(1.5 as double)) m, named_struct('a', 1, 'b', 'x\"y') st, cast(null as string) ns"
                + " union all select null, null, null, null, null, null, null, null, null, null");
        assertEquals(schema, frame.schema().asNullable());
        frame.write().format("kusto").options(writeOptions("Others")).option("tableCreateOptions", "CreateIfNotExist")
                .mode(SaveMode.Append).save();
        List<Row> back = env.read("Others").load().orderBy(org.apache.spark.sql.functions.col("sh").asc_nulls_first())
                .collectAsList();
        assertEquals(new StructType().add("f", "double").add("sh", "int").add("by", "int").add("bin", "string")
                .add("day", "timestamp").add("ntz", "timestamp").add("arr", "string").add("m", "string").add("st", "string")
                .add("ns", "string"), stripMetadata(env.read("Others").load().schema()));
        Row nulls = back.get(0);
        for (int i : new int[] {0, 1, 2, 4, 5, 6, 7, 8}) {
            assertTrue(nulls.isNullAt(i), "column " + i);
        }
        // Kusto has no null strings: a null string (or binary) is stored, and read back, as an empty string.
        assertEquals("", nulls.getString(3));
        assertEquals("", nulls.getString(9));
        Row values = back.get(1);
        assertEquals(0.1, values.getDouble(0));
        assertEquals(-3, values.getInt(1));
        assertEquals(7, values.getInt(2));
        assertEquals("aGk=", values.getString(3));
        assertEquals(Timestamp.from(Instant.parse("2024-02-29T00:00:00Z")), values.getTimestamp(4));
        assertEquals(Timestamp.from(Instant.parse("2024-02-29T23:59:59.000001Z")), values.getTimestamp(5));
        assertEquals("[1,null]", values.getString(6));
        assertEquals("{\"k\":1.5}", values.getString(7));
        assertEquals("{\"a\":1,\"b\":\"x\\\"y\"}", values.getString(8));
        assertEquals("", values.getString(9));
    }

    @Test
    void eachTaskStreamsBatchesOfAtMostStreamingIngestSizeInMB() {
        // About 3.2 MB of CSV in one task: with a 1 MB limit it takes at least four streaming requests.
        Dataset<Row> frame = env.spark.range(0, 3200, 1, 1).selectExpr("id", "repeat('x', 1000) as padding");
        List<String> requests = env.serverRequestsDuring(() -> frame.write().format("kusto").options(writeOptions("Batched"))
                .option("tableCreateOptions", "CreateIfNotExist").option("streamingIngestSizeInMB", "1")
                .mode(SaveMode.Append).save());
        long ingests = requests.stream().filter(line -> line.contains("/v1/rest/ingest/db1/Batched")).count();
        assertTrue(ingests >= 4 && ingests <= 5, "streaming ingestion requests: " + requests);
        Row totals = env.read("Batched | summarize n = count(), s = sum(id), l = min(strlen(padding))").load()
                .collectAsList().get(0);
        assertEquals(3200L, totals.getLong(0));
        assertEquals(3200L * 3199 / 2, totals.getLong(1));
        assertEquals(1000L, totals.getLong(2));
    }

    @Test
    void missingTableFailsWithFailIfNotExist() {
        var e = assertThrows(Exception.class, () -> env.allTypesFrame().write().format("kusto").options(writeOptions("Absent"))
                .mode(SaveMode.Append).save());
        String message = rootMessage(e);
        assertTrue(message.contains("'Absent'") && message.contains("tableCreateOptions=CreateIfNotExist"), message);
    }

    @Test
    void schemaAdjustmentModes() throws Exception {
        env.mgmt(".create table Target (['a']:long, ['b']:string, ['c']:real)");
        StructType frameSchema = new StructType().add("b", "string").add("a", "long");
        Dataset<Row> frame = env.spark.createDataFrame(List.of(RowFactory.create("one", 1L)), frameSchema);

        var mismatch = assertThrows(Exception.class, () -> frame.write().format("kusto").options(writeOptions("Target"))
                .option("adjustSchema", "FailIfNotMatch").mode(SaveMode.Append).save());
        String message = rootMessage(mismatch);
        assertTrue(message.contains("FailIfNotMatch") && message.contains("'c'"), message);

        frame.write().format("kusto").options(writeOptions("Target")).option("adjustSchema", "GenerateDynamicCsvMapping")
                .mode(SaveMode.Append).save();
        Row row = env.read("Target").load().collectAsList().get(0);
        assertEquals(1L, row.getLong(0));
        assertEquals("one", row.getString(1));
        assertTrue(row.isNullAt(2));
    }

    private long count(String table) {
        return env.read(table + " | count").load().collectAsList().get(0).getLong(0);
    }

    @Test
    void aColumnThatKustoWouldStoreAsNullFailsTheWriteBeforeAnyRowMoves() throws Exception {
        env.mgmt(".create table Typed (['id']:long, ['name']:string)");
        Dataset<Row> strings = env.spark.sql("select 'x1' as id, 'one' as name");
        for (String adjust : List.of("NoAdjustment", "GenerateDynamicCsvMapping")) {
            var e = assertThrows(Exception.class, () -> strings.write().format("kusto").options(writeOptions("Typed"))
                    .option("adjustSchema", adjust).mode(SaveMode.Append).save());
            String message = rootMessage(e);
            assertTrue(message.contains("Writing into table 'Typed' (adjustSchema=" + adjust + ": columns by "
                    + (adjust.equals("NoAdjustment") ? "position" : "name") + ") would change values, since Kusto stores null"
                    + " for a value it cannot read as the column's type: DataFrame column 'id' (string) into table column"
                    + " 'id' (long): cast it to bigint, int"), message);
        }
        env.mgmt(".create table Narrow (['n']:int)");
        var narrowing = assertThrows(Exception.class, () -> env.spark.sql("select 5000000000L as n").write()
                .format("kusto").options(writeOptions("Narrow")).mode(SaveMode.Append).save());
        assertTrue(rootMessage(narrowing).contains("DataFrame column 'n' (bigint) into table column 'n' (int): cast it to"
                + " int, smallint, tinyint, decimal(p,0) with p <= 9 first"), rootMessage(narrowing));
        assertEquals(0, count("Narrow"));
        assertEquals(0, count("Typed"));
    }

    @Test
    void losslessWideningWritesEveryValueUnchanged() throws Exception {
        env.mgmt(".create table Widened (['l']:long, ['r']:real, ['d']:decimal, ['t']:datetime, ['s']:string, ['g']:guid,"
                + " ['ts']:timespan, ['dyn']:dynamic, ['n']:long)");
        Dataset<Row> frame = env.spark.sql("select 2147483647 as l, -16777217 as r, cast(9223372036854775807 as bigint) as d,"
                + " date'2024-02-29' as t, 1.5d as s, '5f3c1c5e-1b8e-4bb0-9b33-6a2a9c1f0e11' as g, '1.02:03:04.5' as ts,"
                + " '{\"a\":[1,2]}' as dyn, cast(123456789012345678 as decimal(18,0)) as n");
        frame.write().format("kusto").options(writeOptions("Widened")).mode(SaveMode.Append).save();
        Row back = env.read("Widened | extend d = tostring(d), dynType = gettype(dyn)").load().collectAsList().get(0);
        assertEquals(2147483647L, back.getLong(0));
        assertEquals(-16777217.0, back.getDouble(1));
        assertEquals("9223372036854775807", back.getString(2));
        assertEquals(Timestamp.from(Instant.parse("2024-02-29T00:00:00Z")), back.getTimestamp(3));
        assertEquals("1.5", back.getString(4));
        assertEquals("5f3c1c5e-1b8e-4bb0-9b33-6a2a9c1f0e11", back.getString(5));
        assertEquals("1.02:03:04.5000000", back.getString(6));
        assertEquals("{\"a\":[1,2]}", back.getString(7));
        assertEquals(123456789012345678L, back.getLong(8));
        assertEquals("dictionary", back.getString(9));
    }

    @Test
    void aStringThatIsNoGuidOrTimespanFailsTheTaskNamingTheValue() throws Exception {
        env.mgmt(".create table Ids (['g']:guid, ['ts']:timespan)");
        var e = assertThrows(Exception.class, () -> env.spark.sql("select 'order-17' as g, '00:01:00' as ts").write()
                .format("kusto").options(writeOptions("Ids")).mode(SaveMode.Append).save());
        assertTrue(rootMessage(e).contains("DataFrame column 'g' holds 'order-17', which is not a guid: Kusto would store"
                + " null in the guid column it goes into"), rootMessage(e));
        assertEquals(0, count("Ids"));
    }

    @Test
    void positionalWritesThatWouldShiftOrDropColumnsAreRefused() throws Exception {
        env.mgmt(".create table Positions (['a']:string, ['b']:string)");
        var swapped = assertThrows(Exception.class, () -> env.spark.sql("select 'B' as b, 'A' as a").write().format("kusto")
                .options(writeOptions("Positions")).mode(SaveMode.Append).save());
        assertTrue(rootMessage(swapped).contains("adjustSchema=NoAdjustment writes columns by position into table"
                + " 'Positions' [a, b], which would move data: DataFrame column 'b' (position 1) would go into table column"
                + " 'a'"), rootMessage(swapped));
        assertTrue(rootMessage(swapped).contains("Set adjustSchema=GenerateDynamicCsvMapping"), rootMessage(swapped));
        var extra = assertThrows(Exception.class, () -> env.spark.sql("select 'A' as a, 'B' as b, 'C' as c").write()
                .format("kusto").options(writeOptions("Positions")).mode(SaveMode.Append).save());
        assertTrue(rootMessage(extra).contains("DataFrame columns [c] would be dropped"), rootMessage(extra));
        assertEquals(0, count("Positions"));
        // Other names are written by position, as the established connector does.
        env.spark.sql("select 'A' as x, 'B' as y").write().format("kusto").options(writeOptions("Positions"))
                .mode(SaveMode.Append).save();
        assertEquals("A,B", env.read("Positions | project v = strcat(a, ',', b)").load().collectAsList().get(0).getString(0));
    }

    @Test
    void aNamedCsvMappingPlacesTheColumnsOfAStreamingWrite() throws Exception {
        env.mgmt(".create table Mapped (['a']:long, ['b']:string)");
        env.mgmt(".create table Mapped ingestion csv mapping 'swap' '[{\"column\":\"b\",\"Properties\":{\"Ordinal\":\"0\"}},"
                + "{\"column\":\"a\",\"Properties\":{\"Ordinal\":\"1\"}}]'");
        Dataset<Row> frame = env.spark.sql("select 'one' as b, 1L as a");
        frame.write().format("kusto").options(writeOptions("Mapped"))
                .option("sparkIngestionPropertiesJson", "{\"csvMappingNameReference\":\"swap\"}").mode(SaveMode.Append).save();
        Row row = env.read("Mapped").load().collectAsList().get(0);
        assertEquals(1L, row.getLong(0));
        assertEquals("one", row.getString(1));
        var missing = assertThrows(Exception.class, () -> frame.write().format("kusto").options(writeOptions("Mapped"))
                .option("sparkIngestionPropertiesJson", "{\"csvMappingNameReference\":\"nope\"}").mode(SaveMode.Append)
                .save());
        assertTrue(rootMessage(missing).contains("csvMappingNameReference names CSV mapping 'nope', which table 'Mapped'"
                + " does not have; its CSV mappings: [swap]"), rootMessage(missing));
        var mistyped = assertThrows(Exception.class, () -> env.spark.sql("select 1L as b, 'one' as a").write().format("kusto")
                .options(writeOptions("Mapped")).option("sparkIngestionPropertiesJson",
                        "{\"csvMappingNameReference\":\"swap\"}").mode(SaveMode.Append).save());
        assertTrue(rootMessage(mistyped).contains("DataFrame column 'a' (string) into table column 'a' (long)"),
                rootMessage(mistyped));
        assertEquals(1, count("Mapped"));
    }

    @Test
    void saveModesOtherThanAppendAreRefused() {
        var e = assertThrows(Exception.class, () -> env.allTypesFrame().write().format("kusto").options(writeOptions("Written"))
                .mode(SaveMode.ErrorIfExists).save());
        assertTrue(rootMessage(e).contains("ErrorIfExists"), rootMessage(e));
        var ignore = assertThrows(Exception.class, () -> env.allTypesFrame().write().format("kusto").options(writeOptions("Written"))
                .mode(SaveMode.Ignore).save());
        assertTrue(rootMessage(ignore).contains("Ignore"), rootMessage(ignore));
        var overwrite = assertThrows(Exception.class, () -> env.allTypesFrame().write().format("kusto")
                .options(writeOptions("Written")).mode(SaveMode.Overwrite).save());
        assertTrue(rootMessage(overwrite).toLowerCase().contains("truncate"), rootMessage(overwrite));
    }

    static StructType stripMetadata(StructType schema) {
        StructType plain = new StructType();
        for (var field : schema.fields()) {
            plain = plain.add(field.name(), field.dataType(), field.nullable());
        }
        return plain;
    }

    static String rootMessage(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t.getMessage()).append(" | ");
        }
        return sb.toString();
    }
}
