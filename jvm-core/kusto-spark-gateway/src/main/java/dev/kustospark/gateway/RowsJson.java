package dev.kustospark.gateway;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Collected rows as JSON for the .NET binding, lossless for every type it maps:
 * <ul>
 *   <li>booleans and integral numbers as JSON literals; float and double as numbers, or the
 *       strings {@code NaN}, {@code Infinity}, {@code -Infinity};</li>
 *   <li>decimals as strings in plain notation, so that no digit goes through a binary double;</li>
 *   <li>timestamps (with or without time zone) as microseconds since 1970-01-01T00:00:00 UTC,
 *       dates as days since then; binary as base64;</li>
 *   <li>arrays as arrays, structs as arrays of their fields' values, maps as arrays of
 *       {@code [key, value]} pairs; anything else as its string form.</li>
 * </ul>
 * Null is {@code null} in every type.
 */
final class RowsJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private RowsJson() {
    }

    static String encode(StructType schema, List<Row> rows) {
        StringWriter out = new StringWriter();
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.writeStartObject();
            json.writeFieldName("schema");
            json.writeRawValue(schema.json());
            json.writeFieldName("rows");
            json.writeStartArray();
            for (Row row : rows) {
                writeStruct(json, schema, row);
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void writeStruct(JsonGenerator json, StructType type, Row row) throws IOException {
        json.writeStartArray();
        for (int i = 0; i < type.fields().length; i++) {
            writeValue(json, type.fields()[i].dataType(), row.isNullAt(i) ? null : row.get(i));
        }
        json.writeEndArray();
    }

    private static void writeValue(JsonGenerator json, DataType type, Object value) throws IOException {
        if (value == null) {
            json.writeNull();
        } else if (type instanceof BooleanType) {
            json.writeBoolean((Boolean) value);
        } else if (type instanceof DecimalType) {
            json.writeString(((BigDecimal) value).toPlainString());
        } else if (type instanceof DoubleType || type instanceof FloatType) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                json.writeString(Double.toString(number));
            } else if (type instanceof FloatType) {
                json.writeNumber((Float) value);
            } else {
                json.writeNumber(number);
            }
        } else if (type instanceof NumericType) {
            json.writeNumber(((Number) value).longValue());
        } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            json.writeNumber(epochMicros(value));
        } else if (type instanceof DateType) {
            json.writeNumber(epochDays(value));
        } else if (type instanceof BinaryType) {
            json.writeString(Base64.getEncoder().encodeToString((byte[]) value));
        } else if (type instanceof ArrayType array) {
            json.writeStartArray();
            for (Object element : CollectionConverters.asJava((scala.collection.Seq<?>) value)) {
                writeValue(json, array.elementType(), element);
            }
            json.writeEndArray();
        } else if (type instanceof MapType map) {
            json.writeStartArray();
            for (Map.Entry<?, ?> entry : CollectionConverters.asJava((scala.collection.Map<?, ?>) value).entrySet()) {
                json.writeStartArray();
                writeValue(json, map.keyType(), entry.getKey());
                writeValue(json, map.valueType(), entry.getValue());
                json.writeEndArray();
            }
            json.writeEndArray();
        } else if (type instanceof StructType struct) {
            writeStruct(json, struct, (Row) value);
        } else {
            json.writeString(value.toString());
        }
    }

    /** Timestamps are {@link Timestamp} or, with the Java 8 time API enabled, {@link Instant}. */
    private static long epochMicros(Object value) {
        Instant instant;
        if (value instanceof Timestamp timestamp) {
            instant = timestamp.toInstant();
        } else if (value instanceof LocalDateTime local) {
            instant = local.toInstant(ZoneOffset.UTC);
        } else {
            instant = (Instant) value;
        }
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    private static long epochDays(Object value) {
        LocalDate date = value instanceof Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
        return date.toEpochDay();
    }
}
