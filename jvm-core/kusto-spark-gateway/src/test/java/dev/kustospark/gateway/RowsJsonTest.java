package dev.kustospark.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import scala.jdk.javaapi.CollectionConverters;

/** The encoding the .NET binding decodes (its RowDecoder), value by value and with nulls. */
class RowsJsonTest {
    private static final StructType SCHEMA = new StructType()
            .add("b", "boolean").add("i", "int").add("l", "long").add("f", "float").add("r", "double")
            .add("d", DataTypes.createDecimalType(38, 18)).add("s", "string").add("bin", "binary")
            .add("ts", "timestamp").add("ntz", "timestamp_ntz").add("day", "date")
            .add("arr", DataTypes.createArrayType(DataTypes.IntegerType))
            .add("m", DataTypes.createMapType(DataTypes.StringType, DataTypes.LongType))
            .add("st", new StructType().add("x", "int"));

    @Test
    void everyTypeIsEncodedLosslessly() {
        Row values = RowFactory.create(true, 7, 9_000_000_000L, 1.5f, Double.NaN,
                new BigDecimal("12345678901234567890.123456789012345678"), "q\"\n", new byte[] {1, 2, (byte) 255},
                Timestamp.from(Instant.parse("1969-12-31T23:59:59.999999Z")), LocalDateTime.parse("2024-01-02T03:04:05"),
                Date.valueOf(LocalDate.parse("2024-02-29")), seq(1, null, 3),
                CollectionConverters.asScala(Map.of("k", 5L)), RowFactory.create(3));
        Row nulls = RowFactory.create(new Object[SCHEMA.fields().length]);

        String json = RowsJson.encode(SCHEMA, List.of(values, nulls));

        assertEquals("{\"schema\":" + SCHEMA.json() + ",\"rows\":["
                + "[true,7,9000000000,1.5,\"NaN\",\"12345678901234567890.123456789012345678\",\"q\\\"\\n\",\"AQL/\","
                + "-1,1704164645000000,19782,[1,null,3],[[\"k\",5]],[3]],"
                + "[null,null,null,null,null,null,null,null,null,null,null,null,null,null]]}", json);
    }

    private static scala.collection.immutable.Seq<Object> seq(Object... values) {
        return CollectionConverters.asScala(Arrays.asList(values)).toSeq();
    }
}
