package dev.kustospark.spark.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import org.junit.jupiter.api.Test;

class CsvRowEncoderTest {
    @Test
    void encodesEveryTypeInKustosCsvForms() {
        StructType inner = new StructType().add("k", "string").add("v", "double");
        StructType schema = new StructType().add("s", "string").add("i", "int").add("l", "long").add("b", "boolean")
                .add("r", "double").add("f", "float").add("d", DataTypes.createDecimalType(38, 18))
                .add("t", "timestamp").add("day", "date").add("bin", "binary")
                .add("arr", DataTypes.createArrayType(DataTypes.IntegerType))
                .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType)).add("st", inner);
        Instant t = Instant.parse("2024-01-02T03:04:05.123456Z");
        InternalRow row = new GenericInternalRow(new Object[] {
            UTF8String.fromString("a,\"b\"\r\nc"), 7, 9007199254740993L, true, Double.NaN, 0.1f,
            Decimal.apply(new BigDecimal("12345678901234567890.123456789012345678")),
            t.getEpochSecond() * 1_000_000L + t.getNano() / 1000, (int) LocalDate.parse("2024-02-29").toEpochDay(),
            new byte[] {1, 2, 3}, new GenericArrayData(new Object[] {1, null}),
            ArrayBasedMapData.apply(new Object[] {UTF8String.fromString("x")}, new Object[] {5L}),
            new GenericInternalRow(new Object[] {UTF8String.fromString("q\""), 1.5})
        });
        StringBuilder out = new StringBuilder();
        new CsvRowEncoder(schema, new CsvLayout(SchemaLayout.identity(schema), new String[schema.size()])).encode(row, out);
        assertEquals("\"a,\"\"b\"\"\r\nc\",7,9007199254740993,true,NaN,0.1,12345678901234567890.123456789012345678,"
                + "2024-01-02T03:04:05.1234560Z,2024-02-29T00:00:00.0000000Z,AQID,\"[1,null]\",\"{\"\"x\"\":5}\","
                + "\"{\"\"k\"\":\"\"q\\\"\"\"\",\"\"v\"\":1.5}\"\r\n", out.toString());
    }

    @Test
    void nullsAreEmptyFieldsAndEmptyStringsAreQuoted() {
        StructType schema = new StructType().add("s", "string").add("e", "string").add("i", "int");
        StringBuilder out = new StringBuilder();
        new CsvRowEncoder(schema, new CsvLayout(SchemaLayout.identity(schema), new String[schema.size()])).encode(new GenericInternalRow(new Object[] {null, UTF8String.fromString(""), null}), out);
        assertEquals(",\"\",\r\n", out.toString());
    }

    @Test
    void fieldsAreLaidOutInTheTargetOrderWithGapsForMissingColumns() {
        StructType schema = new StructType().add("a", "int").add("b", "int");
        StringBuilder out = new StringBuilder();
        new CsvRowEncoder(schema, new CsvLayout(new int[] {1, -1, 0}, new String[2])).encode(new GenericInternalRow(new Object[] {1, 2}), out);
        assertEquals("2,,1\r\n", out.toString());
    }

    @Test
    void stringsIntoGuidAndTimespanColumnsMustBeOne() {
        StructType schema = new StructType().add("g", "string").add("t", "string");
        CsvRowEncoder encoder = new CsvRowEncoder(schema, new CsvLayout(new int[] {0, 1}, new String[] {"guid", "timespan"}));
        StringBuilder out = new StringBuilder();
        for (String[] good : new String[][] {{"5f3c1c5e-1b8e-4bb0-9b33-6a2a9c1f0e11", "1.02:03:04.5"},
                {"{5F3C1C5E-1B8E-4BB0-9B33-6A2A9C1F0E11}", "-00:00:01"}, {"5f3c1c5e1b8e4bb09b336a2a9c1f0e11", "23:59"}}) {
            encoder.encode(new GenericInternalRow(new Object[] {UTF8String.fromString(good[0]),
                UTF8String.fromString(good[1])}), out);
        }
        assertEquals(3, out.toString().split("\r\n").length);
        var guid = org.junit.jupiter.api.Assertions.assertThrows(dev.kustospark.spark.KustoConnectorException.class,
                () -> encoder.encode(new GenericInternalRow(new Object[] {UTF8String.fromString("not-a-guid"), null}),
                        new StringBuilder()));
        assertEquals("DataFrame column 'g' holds 'not-a-guid', which is not a guid: Kusto would store null in the guid"
                + " column it goes into. Correct or filter out the value, or write the column into a string column",
                guid.getMessage());
        var timespan = org.junit.jupiter.api.Assertions.assertThrows(dev.kustospark.spark.KustoConnectorException.class,
                () -> encoder.encode(new GenericInternalRow(new Object[] {null, UTF8String.fromString("25:00:00")}),
                        new StringBuilder()));
        org.junit.jupiter.api.Assertions.assertTrue(timespan.getMessage().contains("'25:00:00', which is not a timespan"),
                timespan.getMessage());
    }
}
