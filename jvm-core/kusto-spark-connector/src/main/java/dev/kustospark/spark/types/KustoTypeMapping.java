package dev.kustospark.spark.types;

import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Kusto and Spark types, both ways, as the established Kusto connector maps them so that existing
 * jobs see the same schemas: string, guid, timespan and dynamic read as strings (timespans in Kusto's
 * own {@code [-][d.]hh:mm:ss[.fffffff]} text, dynamic values as JSON), decimal as {@code DECIMAL(38,18)}.
 */
public final class KustoTypeMapping {
    /** Kusto's decimal has 34 significant digits; Spark's widest decimal is 38 digits, 18 of them fractional. */
    public static final DecimalType KUSTO_DECIMAL = DataTypes.createDecimalType(38, 18);

    private KustoTypeMapping() {}

    /**
     * The Kusto type name in the form results use: lower case, with the .NET names and aliases that
     * schemas and older v1 responses carry ({@code System.Int64}, {@code Int64}, {@code date}, ...) folded in.
     */
    public static String canonicalKustoType(String type) {
        if (type == null) {
            throw new IllegalArgumentException("a Kusto column has no type");
        }
        String t = type.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("system.")) {
            t = t.substring("system.".length());
        }
        return switch (t) {
            case "string", "guid", "timespan", "dynamic", "int", "long", "bool", "real", "decimal", "datetime" -> t;
            case "uniqueid", "uuid" -> "guid";
            case "time" -> "timespan";
            case "object" -> "dynamic";
            case "int32", "int16", "byte", "sbyte" -> "int";
            case "int64" -> "long";
            case "boolean" -> "bool";
            case "double", "single", "float" -> "real";
            case "date" -> "datetime";
            case "data.sqltypes.sqldecimal", "sqldecimal" -> "decimal";
            default -> throw new IllegalArgumentException("unknown Kusto type '" + type
                    + "': expected one of string, guid, timespan, dynamic, int, long, bool, real, decimal, datetime");
        };
    }

    /** The Spark type a Kusto column reads as. */
    public static DataType toSpark(String kustoType) {
        return switch (canonicalKustoType(kustoType)) {
            case "int" -> DataTypes.IntegerType;
            case "long" -> DataTypes.LongType;
            case "bool" -> DataTypes.BooleanType;
            case "real" -> DataTypes.DoubleType;
            case "decimal" -> KUSTO_DECIMAL;
            case "datetime" -> DataTypes.TimestampType;
            default -> DataTypes.StringType;
        };
    }

    /** The Spark schema of a Kusto result: every column nullable, as every Kusto value may be null. */
    public static StructType toSpark(List<KustoColumn> columns) {
        StructField[] fields = new StructField[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            KustoColumn c = columns.get(i);
            fields[i] = new StructField(c.name(), toSpark(c.kustoType()), true, Metadata.empty());
        }
        return new StructType(fields);
    }

    /** The Kusto column type a Spark column is written into; structs, maps and arrays become {@code dynamic}. */
    public static String toKusto(DataType type) {
        if (type instanceof StringType || type instanceof BinaryType) {
            return "string";
        }
        if (type instanceof IntegerType || type instanceof ShortType || type instanceof ByteType) {
            return "int";
        }
        if (type instanceof LongType) {
            return "long";
        }
        if (type instanceof BooleanType) {
            return "bool";
        }
        if (type instanceof DoubleType || type instanceof FloatType) {
            return "real";
        }
        if (type instanceof DecimalType) {
            return "decimal";
        }
        if (type instanceof TimestampType || type instanceof TimestampNTZType || type instanceof DateType) {
            return "datetime";
        }
        if (type instanceof StructType || type instanceof MapType || type instanceof ArrayType) {
            return "dynamic";
        }
        throw new IllegalArgumentException("Spark type " + type.simpleString()
                + " has no Kusto column type: cast the column to string, a number, boolean, decimal, timestamp,"
                + " date, struct, map or array before writing");
    }
}
