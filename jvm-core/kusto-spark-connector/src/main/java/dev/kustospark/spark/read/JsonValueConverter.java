package dev.kustospark.spark.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kustospark.spark.types.KustoValueFormats;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Converts one JSON value of a v2 result row, the parser positioned on its first token and not null,
 * into Spark's internal representation for the column's Spark type.
 */
@FunctionalInterface
interface JsonValueConverter {
    Object convert(JsonParser parser) throws IOException;

    static JsonValueConverter forType(DataType type, String column) {
        if (type instanceof StringType) {
            return JsonValueConverter::text;
        }
        if (type instanceof LongType) {
            return p -> p.currentToken().isNumeric() ? p.getLongValue() : Long.parseLong(p.getText().trim());
        }
        if (type instanceof IntegerType) {
            return p -> p.currentToken().isNumeric() ? p.getIntValue() : Integer.parseInt(p.getText().trim());
        }
        if (type instanceof ShortType) {
            return p -> (short) (p.currentToken().isNumeric() ? p.getIntValue() : Integer.parseInt(p.getText().trim()));
        }
        if (type instanceof ByteType) {
            return p -> (byte) (p.currentToken().isNumeric() ? p.getIntValue() : Integer.parseInt(p.getText().trim()));
        }
        if (type instanceof DoubleType) {
            return JsonValueConverter::real;
        }
        if (type instanceof FloatType) {
            return p -> (float) real(p);
        }
        if (type instanceof BooleanType) {
            return p -> switch (p.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NUMBER_INT -> p.getIntValue() != 0;
                default -> Boolean.parseBoolean(p.getText().trim());
            };
        }
        if (type instanceof DecimalType decimalType) {
            return p -> decimal(p, decimalType, column);
        }
        if (type instanceof TimestampType) {
            return p -> KustoValueFormats.parseDatetimeToMicros(p.getText());
        }
        if (type instanceof TimestampNTZType) {
            // Kusto datetimes are UTC, so the wall-clock time without zone is the same count of microseconds.
            return p -> KustoValueFormats.parseDatetimeToMicros(p.getText());
        }
        if (type instanceof DateType) {
            return p -> (int) LocalDate.ofInstant(Instant.parse(p.getText()), ZoneOffset.UTC).toEpochDay();
        }
        throw new IllegalArgumentException("column '" + column + "': Spark type " + type.simpleString()
                + " cannot be read from Kusto; use string, int, long, short, byte, boolean, double, float, decimal,"
                + " timestamp, timestamp_ntz or date in customSchema");
    }

    /** Strings as they are; numbers and booleans as their JSON text; objects and arrays (dynamic) as compact JSON. */
    private static Object text(JsonParser p) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            StringWriter out = new StringWriter();
            try (JsonGenerator g = JsonFactoryHolder.FACTORY.createGenerator(out)) {
                g.copyCurrentStructure(p);
            }
            return UTF8String.fromString(out.toString());
        }
        return UTF8String.fromString(p.getText());
    }

    private static double real(JsonParser p) throws IOException {
        if (p.currentToken().isNumeric()) {
            return p.getDoubleValue();
        }
        // Kusto writes NaN and the infinities as strings.
        return switch (p.getText().trim()) {
            case "NaN" -> Double.NaN;
            case "Infinity", "+Infinity" -> Double.POSITIVE_INFINITY;
            case "-Infinity" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(p.getText().trim());
        };
    }

    private static Decimal decimal(JsonParser p, DecimalType type, String column) throws IOException {
        BigDecimal value = p.currentToken() == JsonToken.VALUE_NUMBER_FLOAT || p.currentToken() == JsonToken.VALUE_NUMBER_INT
                ? p.getDecimalValue() : new BigDecimal(p.getText().trim());
        Decimal decimal = Decimal.apply(value);
        if (!decimal.changePrecision(type.precision(), type.scale())) {
            throw new ArithmeticException("column '" + column + "': decimal value " + value.toPlainString()
                    + " does not fit " + type.simpleString() + "; read it as string through customSchema");
        }
        return decimal;
    }

    /** One factory for the generators that re-serialise dynamic values. */
    final class JsonFactoryHolder {
        static final JsonFactory FACTORY = new JsonFactory();

        private JsonFactoryHolder() {}
    }
}
