package dev.kustospark.spark.read;

import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.types.KustoValueFormats;
import java.math.BigDecimal;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.ShortType;

/**
 * Keeps a read from changing values: a Kusto value goes into the Spark type of its column (the
 * connector's default, or {@code customSchema}'s) only when that type holds it exactly, else the read
 * fails naming the column, the value and a type that would hold it. Decimals are never rounded,
 * integers never wrapped, datetimes read as dates never lose their time of day; a float holds a real
 * rounded to float precision, but never one beyond float's range.
 */
final class ValueFit {
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private ValueFit() {}

    /** {@code value} as a Spark decimal of {@code type}, when it fits without rounding. */
    static Decimal decimal(BigDecimal value, DecimalType type, String column) {
        BigDecimal stripped = value.stripTrailingZeros();
        int scale = Math.max(stripped.scale(), 0);
        int wholeDigits = Math.max(stripped.precision() - stripped.scale(), 0);
        if (scale > type.scale() || wholeDigits > type.precision() - type.scale()) {
            String wider = wholeDigits + scale <= DecimalType.MAX_PRECISION()
                    ? "decimal(" + DecimalType.MAX_PRECISION() + "," + scale + ") or " : "";
            throw doesNotFit(column, stripped.toPlainString(), type, "digits before the point and after it: "
                    + wholeDigits + " and " + scale + ", where it holds " + (type.precision() - type.scale()) + " and "
                    + type.scale(), wider + "string");
        }
        Decimal decimal = Decimal.apply(value.setScale(type.scale()));
        decimal.changePrecision(type.precision(), type.scale());
        return decimal;
    }

    /** A Spark decimal read from an export, in the read schema's precision and scale. */
    static Decimal decimal(Decimal value, DecimalType type, String column) {
        return decimal(value.toJavaBigDecimal(), type, column);
    }

    /** A whole number in the range of {@code type} (int, smallint or tinyint; a bigint holds any long). */
    static long integral(long value, DataType type, String column) {
        long min = type instanceof IntegerType ? Integer.MIN_VALUE : type instanceof ShortType ? Short.MIN_VALUE
                : type instanceof ByteType ? Byte.MIN_VALUE : Long.MIN_VALUE;
        long max = type instanceof IntegerType ? Integer.MAX_VALUE : type instanceof ShortType ? Short.MAX_VALUE
                : type instanceof ByteType ? Byte.MAX_VALUE : Long.MAX_VALUE;
        if (value < min || value > max) {
            throw doesNotFit(column, Long.toString(value), type, "it is outside " + min + ".." + max, "bigint");
        }
        return value;
    }

    /** A whole number for an integral type; a fraction or a number beyond a long does not fit. */
    static long integral(BigDecimal value, DataType type, String column) {
        try {
            return integral(value.longValueExact(), type, column);
        } catch (ArithmeticException e) {
            throw doesNotFit(column, value.toPlainString(), type, "it is not a whole number within bigint's range",
                    "double, decimal or string");
        }
    }

    /** A real as a float: rounded to float precision, but a finite value must not become infinite or zero. */
    static float real4(double value, String column) {
        float f = (float) value;
        if (Double.isFinite(value) && (Float.isInfinite(f) || f == 0 && value != 0)) {
            throw doesNotFit(column, Double.toString(value), DataTypes.FloatType,
                    "it is beyond float's range", "double");
        }
        return f;
    }

    /** Microseconds of a datetime as days, when the datetime is a midnight. */
    static int date(long micros, String column) {
        if (Math.floorMod(micros, MICROS_PER_DAY) != 0) {
            throw doesNotFit(column, KustoValueFormats.datetimeFromMicros(micros),
                    DataTypes.DateType, "it has a time of day", "timestamp");
        }
        return Math.toIntExact(Math.floorDiv(micros, MICROS_PER_DAY));
    }

    /** A text value read into a boolean: Kusto's true and false, nothing else. */
    static boolean bool(String text, String column) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw doesNotFit(column, t, DataTypes.BooleanType, "it is not true or false",
                "string");
    }

    private static KustoConnectorException doesNotFit(String column, String value, DataType type, String why,
            String readAs) {
        String shown = value.length() > 100 ? value.substring(0, 100) + "..." : value;
        return KustoConnectorException.refusal("column '" + column + "': the Kusto value " + shown + " does not fit the"
                + " Spark type " + type.simpleString() + " it is read into (" + why + "), and the read refuses to change"
                + " it. Read the column as " + readAs + " with option customSchema (Spark DDL of the result's columns),"
                + " or convert it in kustoQuery");
    }
}
