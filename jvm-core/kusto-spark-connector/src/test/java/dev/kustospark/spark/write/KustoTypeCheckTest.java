package dev.kustospark.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.types.KustoColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class KustoTypeCheckTest {
    private static final List<String> KUSTO_TYPES = List.of("bool", "int", "long", "real", "decimal", "datetime",
            "timespan", "guid", "string", "dynamic");

    /** The table of docs/read-write.md ("Writing into an existing table"): Spark type, then the Kusto column types it fits. */
    @Test
    void everySparkTypeFitsExactlyTheKustoColumnTypesTheDocsList() {
        Map<String, DataType> spark = new java.util.LinkedHashMap<>();
        spark.put("string", DataTypes.StringType);
        spark.put("binary", DataTypes.BinaryType);
        spark.put("boolean", DataTypes.BooleanType);
        spark.put("tinyint", DataTypes.ByteType);
        spark.put("smallint", DataTypes.ShortType);
        spark.put("int", DataTypes.IntegerType);
        spark.put("bigint", DataTypes.LongType);
        spark.put("float", DataTypes.FloatType);
        spark.put("double", DataTypes.DoubleType);
        spark.put("decimal(38,18)", DataTypes.createDecimalType(38, 18));
        spark.put("decimal(18,0)", DataTypes.createDecimalType(18, 0));
        spark.put("decimal(9,0)", DataTypes.createDecimalType(9, 0));
        spark.put("timestamp", DataTypes.TimestampType);
        spark.put("timestamp_ntz", DataTypes.TimestampNTZType);
        spark.put("date", DataTypes.DateType);
        spark.put("struct", new StructType().add("a", "int"));
        spark.put("map", DataTypes.createMapType(DataTypes.StringType, DataTypes.IntegerType));
        spark.put("array", DataTypes.createArrayType(DataTypes.IntegerType));
        Map<String, String> fits = new TreeMap<>();
        spark.forEach((name, type) -> {
            List<String> into = new ArrayList<>();
            for (String kusto : KUSTO_TYPES) {
                if (KustoTypeCheck.fits(type, kusto)) {
                    into.add(kusto);
                }
            }
            fits.put(name, String.join(" ", into));
        });
        Map<String, String> expected = new TreeMap<>(Map.ofEntries(
                Map.entry("string", "timespan guid string dynamic"),
                Map.entry("binary", "string dynamic"),
                Map.entry("boolean", "bool string dynamic"),
                Map.entry("tinyint", "int long real decimal string dynamic"),
                Map.entry("smallint", "int long real decimal string dynamic"),
                Map.entry("int", "int long real decimal string dynamic"),
                Map.entry("bigint", "long decimal string dynamic"),
                Map.entry("float", "real string dynamic"),
                Map.entry("double", "real string dynamic"),
                Map.entry("decimal(38,18)", "decimal string"),
                Map.entry("decimal(18,0)", "long decimal string"),
                Map.entry("decimal(9,0)", "int long decimal string"),
                Map.entry("timestamp", "datetime string dynamic"),
                Map.entry("timestamp_ntz", "datetime string dynamic"),
                Map.entry("date", "datetime string dynamic"),
                Map.entry("struct", "string dynamic"),
                Map.entry("map", "string dynamic"),
                Map.entry("array", "string dynamic")));
        assertEquals(expected, fits);
    }

    @Test
    void aColumnThatDoesNotFitFailsNamingBothColumnsBothTypesAndTheCasts() {
        StructType frame = new StructType().add("id", "string").add("n", "bigint").add("g", "string");
        List<KustoColumn> table = List.of(new KustoColumn("id", "long"), new KustoColumn("n", "int"),
                new KustoColumn("g", "guid"));
        var e = assertThrows(KustoConnectorException.class, () -> KustoTypeCheck.requireFits(frame,
                KustoTypeCheck.pairs(new int[] {0, 1, 2}, table), "T", "adjustSchema=NoAdjustment: columns by position"));
        assertEquals("Writing into table 'T' (adjustSchema=NoAdjustment: columns by position) would change values, since"
                + " Kusto stores null for a value it cannot read as the column's type: DataFrame column 'id' (string) into"
                + " table column 'id' (long): cast it to bigint, int, smallint, tinyint, decimal(p,0) with p <= 18 first;"
                + " DataFrame column 'n' (bigint) into table column 'n' (int): cast it to int, smallint, tinyint,"
                + " decimal(p,0) with p <= 9 first", e.getMessage());
    }

    @Test
    void stringsIntoGuidAndTimespanColumnsAreCheckedValueByValue() {
        StructType frame = new StructType().add("g", "string").add("t", "string").add("s", "string");
        List<KustoColumn> table = List.of(new KustoColumn("g", "guid"), new KustoColumn("t", "timespan"),
                new KustoColumn("s", "string"));
        assertArrayEquals(new String[] {"guid", "timespan", null},
                KustoTypeCheck.requireFits(frame, KustoTypeCheck.pairs(new int[] {0, 1, 2}, table), "T", "p"));
    }

    @Test
    void aMappingPairsItsOrdinalsAndRefusesAFieldTheDataFrameLacks() {
        StructType frame = new StructType().add("x", "bigint").add("y", "string");
        List<KustoColumn> table = List.of(new KustoColumn("a", "long"), new KustoColumn("b", "string"),
                new KustoColumn("c", "datetime"));
        String mapping = "[{\"column\":\"a\",\"Properties\":{\"Ordinal\":\"0\"}},{\"Column\":\"b\",\"DataType\":\"\","
                + "\"Properties\":{\"Ordinal\":\"1\"}},{\"Name\":\"c\",\"Properties\":{\"Transform\":\"SourceLocation\"}}]";
        List<KustoTypeCheck.Pair> pairs = KustoTypeCheck.mappingPairs(mapping, "m", frame, table, "T");
        assertEquals(List.of(new KustoTypeCheck.Pair(0, table.get(0)), new KustoTypeCheck.Pair(1, table.get(1))), pairs);
        var e = assertThrows(KustoConnectorException.class, () -> KustoTypeCheck.mappingPairs(
                "[{\"Name\":\"c\",\"Ordinal\":2}]", "csvMapping", frame, table, "T"));
        assertTrue(e.getMessage().startsWith("csvMapping takes CSV field 2 (0-based) into column 'c' of table 'T', but"
                + " the DataFrame has 2 columns [x, y]"), e.getMessage());
    }
}
