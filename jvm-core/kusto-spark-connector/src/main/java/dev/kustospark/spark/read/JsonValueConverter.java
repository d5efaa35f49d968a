package dev.kustospark.spark.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.kustospark.spark.types.KustoValueFormats;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
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
        if (type instanceof LongType || type instanceof IntegerType) {
            return p -> {
                long value = integral(p, type, column);
                return type instanceof LongType ? (Object) value : (Object) (int) value;
            };
        }
        if (type instanceof ShortType) {
            return p -> (short) integral(p, type, column);
        }
        if (type instanceof ByteType) {
            return p -> (byte) integral(p, type, column);
        }
        if (type instanceof DoubleType) {
            return JsonValueConverter::real;
        }
        if (type instanceof FloatType) {
            return p -> ValueFit.real4(real(p), column);
        }
        if (type instanceof BooleanType) {
            return p -> switch (p.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                case VALUE_NUMBER_INT -> p.getIntValue() != 0;
                default -> ValueFit.bool(p.getText(), column);
            };
        }
        if (type instanceof DecimalType decimalType) {
            return p -> ValueFit.decimal(p.currentToken().isNumeric() ? p.getDecimalValue()
                    : new BigDecimal(p.getText().trim()), decimalType, column);
        }
        if (type instanceof TimestampType) {
            return p -> KustoValueFormats.parseDatetimeToMicros(p.getText());
        }
        if (type instanceof TimestampNTZType) {
            // Kusto datetimes are UTC, so the wall-clock time without zone is the same count of microseconds.
            return p -> KustoValueFormats.parseDatetimeToMicros(p.getText());
        }
        if (type instanceof DateType) {
            return p -> ValueFit.date(KustoValueFormats.parseDatetimeToMicros(p.getText()), column);
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

    /** A whole number: a JSON integer as it is, any other number or text only when it has no fraction. */
    private static long integral(JsonParser p, DataType type, String column) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
            return ValueFit.integral(p.getLongValue(), type, column);
        }
        BigDecimal value = p.currentToken().isNumeric() ? p.getDecimalValue() : new BigDecimal(p.getText().trim());
        return ValueFit.integral(value, type, column);
    }

    /** One factory for the generators that re-serialise dynamic values. */
    final class JsonFactoryHolder {
        static final JsonFactory FACTORY = new JsonFactory();

        private JsonFactoryHolder() {}
    }
}
