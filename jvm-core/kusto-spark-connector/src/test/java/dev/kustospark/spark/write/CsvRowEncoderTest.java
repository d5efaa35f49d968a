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
        new CsvRowEncoder(schema, SchemaLayout.identity(schema)).encode(row, out);
        assertEquals("\"a,\"\"b\"\"\r\nc\",7,9007199254740993,true,NaN,0.1,12345678901234567890.123456789012345678,"
                + "2024-01-02T03:04:05.1234560Z,2024-02-29T00:00:00.0000000Z,AQID,\"[1,null]\",\"{\"\"x\"\":5}\","
                + "\"{\"\"k\"\":\"\"q\\\"\"\"\",\"\"v\"\":1.5}\"\r\n", out.toString());
    }

    @Test
    void nullsAreEmptyFieldsAndEmptyStringsAreQuoted() {
        StructType schema = new StructType().add("s", "string").add("e", "string").add("i", "int");
        StringBuilder out = new StringBuilder();
        new CsvRowEncoder(schema, SchemaLayout.identity(schema)).encode(new GenericInternalRow(new Object[] {null, UTF8String.fromString(""), null}), out);
        assertEquals(",\"\",\r\n", out.toString());
    }

    @Test
    void fieldsAreLaidOutInTheTargetOrderWithGapsForMissingColumns() {
        StructType schema = new StructType().add("a", "int").add("b", "int");
        StringBuilder out = new StringBuilder();
        new CsvRowEncoder(schema, new int[] {1, -1, 0}).encode(new GenericInternalRow(new Object[] {1, 2}), out);
        assertEquals("2,,1\r\n", out.toString());
    }
}
