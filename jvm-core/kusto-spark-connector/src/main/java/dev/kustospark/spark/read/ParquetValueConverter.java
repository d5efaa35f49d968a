package dev.kustospark.spark.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.spark.types.KustoValueFormats;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;
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
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Turns one value of an exported Parquet file into the Spark value single mode gives for the same
 * Kusto value. Exports write datetime as a UTC timestamp, guid and dynamic as strings (dynamic as
 * JSON text) and timespan as its 100-nanosecond ticks; single mode gives timespan as Kusto prints it
 * and a dynamic string as the string itself, so those two are converted here.
 */
final class ParquetValueConverter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long TICKS_PER_DAY = 86_400L * TICKS_PER_SECOND;

    private ParquetValueConverter() {}

    /**
     * The value of {@code field} in {@code group}'s column {@code index} (of Parquet type {@code type}),
     * or null; {@code kustoType}, the column's type in Kusto, tells a timespan's ticks from a long and
     * dynamic JSON text from a string.
     */
    static Object convert(Group group, int index, PrimitiveType type, StructField field, String kustoType) {
        if (group.getFieldRepetitionCount(index) == 0) {
            return null;
        }
        DataType target = field.dataType();
        PrimitiveType.PrimitiveTypeName physical = type.getPrimitiveTypeName();
        LogicalTypeAnnotation logical = type.getLogicalTypeAnnotation();
        try {
            if (target instanceof StringType) {
                return UTF8String.fromString(text(group, index, type, kustoType));
            }
            if (target instanceof IntegerType) {
                return (int) ValueFit.integral(integral(group, index, physical), target, field.name());
            }
            if (target instanceof LongType) {
                return physical == PrimitiveType.PrimitiveTypeName.INT32 ? (long) group.getInteger(index, 0)
                        : group.getLong(index, 0);
            }
            if (target instanceof ShortType) {
                return (short) ValueFit.integral(integral(group, index, physical), target, field.name());
            }
            if (target instanceof ByteType) {
                return (byte) ValueFit.integral(integral(group, index, physical), target, field.name());
            }
            if (target instanceof BooleanType) {
                return group.getBoolean(index, 0);
            }
            if (target instanceof DoubleType) {
                return physical == PrimitiveType.PrimitiveTypeName.FLOAT ? (double) group.getFloat(index, 0)
                        : group.getDouble(index, 0);
            }
            if (target instanceof FloatType) {
                return physical == PrimitiveType.PrimitiveTypeName.DOUBLE
                        ? ValueFit.real4(group.getDouble(index, 0), field.name()) : group.getFloat(index, 0);
            }
            if (target instanceof DecimalType decimalType) {
                return ValueFit.decimal(bigDecimal(group, index, type), decimalType, field.name());
            }
            if (target instanceof TimestampType || target instanceof TimestampNTZType) {
                return micros(group, index, type);
            }
            if (target instanceof DateType) {
                return ValueFit.date(micros(group, index, type), field.name());
            }
        } catch (ArithmeticException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + field.name() + "': the exported Parquet value of type "
                    + type + " cannot be read as " + target.simpleString() + ": " + e.getMessage(), e);
        }
        throw new IllegalArgumentException("column '" + field.name() + "': Spark type " + target.simpleString()
                + " cannot be read from an export; use string, int, long, short, byte, boolean, double, float, decimal,"
                + " timestamp, timestamp_ntz or date in customSchema");
    }

    private static long integral(Group group, int index, PrimitiveType.PrimitiveTypeName physical) {
        return physical == PrimitiveType.PrimitiveTypeName.INT64 ? group.getLong(index, 0) : group.getInteger(index, 0);
    }

    private static String text(Group group, int index, PrimitiveType type, String kustoType) {
        switch (type.getPrimitiveTypeName()) {
            case BINARY, FIXED_LEN_BYTE_ARRAY -> {
                if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation) {
                    // As Kusto prints a decimal: no exponent, no trailing zeros.
                    return bigDecimal(group, index, type).stripTrailingZeros().toPlainString();
                }
                String value = group.getBinary(index, 0).toStringUsingUTF8();
                return "dynamic".equals(kustoType) ? dynamicText(value) : value;
            }
            case INT64 -> {
                if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
                    return KustoValueFormats.datetime(instant(group.getLong(index, 0), ts.getUnit()));
                }
                // A timespan's ticks, printed as Kusto prints a timespan; a long as its digits.
                return "timespan".equals(kustoType) ? timespan(group.getLong(index, 0))
                        : Long.toString(group.getLong(index, 0));
            }
            case INT32 -> {
                return Integer.toString(group.getInteger(index, 0));
            }
            case DOUBLE -> {
                return Double.toString(group.getDouble(index, 0));
            }
            case BOOLEAN -> {
                return Boolean.toString(group.getBoolean(index, 0));
            }
            default -> {
                return group.getValueToString(index, 0);
            }
        }
    }

    /** A string as itself, other JSON values as compact JSON: what single mode gives for dynamic. */
    static String dynamicText(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null) {
                return json;
            }
            return node.isTextual() ? node.asText() : JSON.writeValueAsString(node);
        } catch (Exception e) {
            return json;
        }
    }

    /** Kusto's text of a timespan: {@code [-][d.]hh:mm:ss[.fffffff]}. */
    static String timespan(long ticks) {
        BigInteger magnitude = BigInteger.valueOf(ticks).abs();
        long days = magnitude.divide(BigInteger.valueOf(TICKS_PER_DAY)).longValueExact();
        long rest = magnitude.mod(BigInteger.valueOf(TICKS_PER_DAY)).longValueExact();
        long fraction = rest % TICKS_PER_SECOND;
        long seconds = rest / TICKS_PER_SECOND;
        StringBuilder sb = new StringBuilder(ticks < 0 ? "-" : "");
        if (days > 0) {
            sb.append(days).append('.');
        }
        sb.append(String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60));
        if (fraction > 0) {
            sb.append(String.format(".%07d", fraction));
        }
        return sb.toString();
    }

    /** A Parquet timestamp as an instant, with all the precision its unit has. */
    private static Instant instant(long value, LogicalTypeAnnotation.TimeUnit unit) {
        return switch (unit) {
            case MILLIS -> Instant.ofEpochMilli(value);
            case MICROS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000L), Math.floorMod(value, 1_000_000L) * 1000L);
            case NANOS -> Instant.ofEpochSecond(Math.floorDiv(value, 1_000_000_000L), Math.floorMod(value, 1_000_000_000L));
        };
    }

    private static long micros(Group group, int index, PrimitiveType type) {
        if (type.getPrimitiveTypeName() != PrimitiveType.PrimitiveTypeName.INT64) {
            throw new IllegalArgumentException("expected an INT64 timestamp");
        }
        long value = group.getLong(index, 0);
        if (type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ts) {
            return switch (ts.getUnit()) {
                case MILLIS -> Math.multiplyExact(value, 1000L);
                case MICROS -> value;
                // Kusto's 100 ns digit is dropped, as in single mode.
                case NANOS -> Math.floorDiv(value, 1000L);
            };
        }
        return value;
    }

    private static BigDecimal bigDecimal(Group group, int index, PrimitiveType type) {
        int scale = type.getLogicalTypeAnnotation() instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation d
                ? d.getScale() : -1;
        return switch (type.getPrimitiveTypeName()) {
            case INT32 -> BigDecimal.valueOf(group.getInteger(index, 0), Math.max(scale, 0));
            case INT64 -> BigDecimal.valueOf(group.getLong(index, 0), Math.max(scale, 0));
            case DOUBLE -> BigDecimal.valueOf(group.getDouble(index, 0));
            case FLOAT -> new BigDecimal(Float.toString(group.getFloat(index, 0)));
            case BINARY, FIXED_LEN_BYTE_ARRAY -> scale >= 0
                    ? new BigDecimal(new BigInteger(group.getBinary(index, 0).getBytes()), scale)
                    // Decimals exported as text.
                    : new BigDecimal(group.getBinary(index, 0).toStringUsingUTF8().strip());
            default -> throw new IllegalArgumentException("expected a decimal");
        };
    }

    /** Whether a Parquet column can hold a value of this field (primitive, not repeated). */
    static boolean readable(Type type) {
        return type.isPrimitive() && !type.isRepetition(Type.Repetition.REPEATED);
    }
}
