package dev.kustospark.spark.write;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.types.KustoValueFormats;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.regex.Pattern;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.catalyst.util.MapData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Encodes Spark rows as RFC 4180 CSV records in the forms Kusto's CSV ingestion reads exactly:
 * datetimes in UTC with 7 fractional digits, decimals in plain notation, reals with NaN and
 * (-)Infinity spelled out, binary as base64, structs, maps and arrays as JSON (dynamic columns).
 * A null is an empty field; an empty string is {@code ""}.
 *
 * <p>The layout says which row field is written as each CSV field (-1: left empty); that is how rows
 * are laid out by name over an existing table's column order. Strings written into guid and timespan
 * columns are checked to be one, since Kusto would store null for any other text.
 */
final class CsvRowEncoder {
    private static final JsonFactory JSON = new JsonFactory();
    /** A guid in a form .NET's parser reads; a timespan as {@code [-][d.]hh:mm[:ss[.fffffff]]}, as Kusto prints it. */
    private static final Pattern GUID = Pattern.compile(
            "[({]?[0-9A-Fa-f]{8}(-?)[0-9A-Fa-f]{4}\\1[0-9A-Fa-f]{4}\\1[0-9A-Fa-f]{4}\\1[0-9A-Fa-f]{12}[)}]?");
    private static final Pattern TIMESPAN = Pattern.compile(
            "-?(\\d+\\.)?([01]?\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,7})?)?");

    private final DataType[] types;
    private final String[] names;
    private final int[] sourceIndexes;
    private final String[] parsedAs;

    CsvRowEncoder(StructType schema, CsvLayout layout) {
        this.sourceIndexes = layout.sources();
        this.parsedAs = layout.parsedAs();
        this.names = schema.fieldNames();
        this.types = new DataType[schema.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = schema.fields()[i].dataType();
            KustoTypeCheck.requireWritable(schema.fields()[i]);
        }
    }

    /** Appends one record, ending with CRLF, to {@code out}. */
    void encode(InternalRow row, StringBuilder out) {
        for (int i = 0; i < sourceIndexes.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            int source = sourceIndexes[i];
            if (source >= 0 && !row.isNullAt(source)) {
                appendField(row, source, types[source], out);
            }
        }
        out.append("\r\n");
    }

    private void appendField(InternalRow row, int i, DataType type, StringBuilder out) {
        if (type instanceof StringType) {
            String text = row.getUTF8String(i).toString();
            if (parsedAs[i] != null) {
                requireParsable(text, i);
            }
            quoted(text, out);
        } else if (type instanceof IntegerType) {
            out.append(row.getInt(i));
        } else if (type instanceof LongType) {
            out.append(row.getLong(i));
        } else if (type instanceof ShortType) {
            out.append(row.getShort(i));
        } else if (type instanceof ByteType) {
            out.append(row.getByte(i));
        } else if (type instanceof BooleanType) {
            out.append(row.getBoolean(i) ? "true" : "false");
        } else if (type instanceof DoubleType) {
            out.append(real(row.getDouble(i)));
        } else if (type instanceof FloatType) {
            // Float's own shortest text: widening to double first would print 0.1f as 0.10000000149011612.
            float f = row.getFloat(i);
            out.append(Float.isFinite(f) ? Float.toString(f) : real(f));
        } else if (type instanceof DecimalType d) {
            out.append(row.getDecimal(i, d.precision(), d.scale()).toJavaBigDecimal().toPlainString());
        } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            out.append(KustoValueFormats.datetimeFromMicros(row.getLong(i)));
        } else if (type instanceof DateType) {
            out.append(KustoValueFormats.datetime(LocalDate.ofEpochDay(row.getInt(i)).atStartOfDay(ZoneOffset.UTC).toInstant()));
        } else if (type instanceof BinaryType) {
            out.append(Base64.getEncoder().encodeToString(row.getBinary(i)));
        } else {
            quoted(json(row.get(i, type), type), out);
        }
    }

    private void requireParsable(String text, int field) {
        boolean guid = parsedAs[field].equals("guid");
        String trimmed = text.strip();
        boolean braced = trimmed.startsWith("{") == trimmed.endsWith("}") && trimmed.startsWith("(") == trimmed.endsWith(")");
        if (guid ? braced && GUID.matcher(trimmed).matches() : TIMESPAN.matcher(trimmed).matches()) {
            return;
        }
        String shown = text.length() > 100 ? text.substring(0, 100) + "..." : text;
        throw KustoConnectorException.refusal("DataFrame column '" + names[field] + "' holds '" + shown + "', which is not a "
                + (guid ? "guid" : "timespan ([-][d.]hh:mm[:ss[.fffffff]])") + ": Kusto would store null in the "
                + parsedAs[field] + " column it goes into. Correct or filter out the value, or write the column into a"
                + " string column");
    }

    private static String real(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return Double.toString(d);
    }

    /** Quotes every string, so that an empty string stays distinct from a null (an empty field). */
    private static void quoted(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static String json(Object value, DataType type) {
        StringWriter writer = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(writer)) {
            writeJson(g, value, type);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode a " + type.simpleString() + " value as JSON", e);
        }
        return writer.toString();
    }

    private static void writeJson(JsonGenerator g, Object value, DataType type) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (type instanceof StructType struct) {
            InternalRow row = (InternalRow) value;
            g.writeStartObject();
            StructField[] fields = struct.fields();
            for (int i = 0; i < fields.length; i++) {
                g.writeFieldName(fields[i].name());
                writeJson(g, row.isNullAt(i) ? null : row.get(i, fields[i].dataType()), fields[i].dataType());
            }
            g.writeEndObject();
        } else if (type instanceof ArrayType array) {
            ArrayData data = (ArrayData) value;
            g.writeStartArray();
            for (int i = 0; i < data.numElements(); i++) {
                writeJson(g, data.isNullAt(i) ? null : data.get(i, array.elementType()), array.elementType());
            }
            g.writeEndArray();
        } else if (type instanceof MapType map) {
            MapData data = (MapData) value;
            ArrayData keys = data.keyArray();
            ArrayData values = data.valueArray();
            g.writeStartObject();
            for (int i = 0; i < data.numElements(); i++) {
                Object key = keys.get(i, map.keyType());
                g.writeFieldName(map.keyType() instanceof StringType ? key.toString() : json(key, map.keyType()));
                writeJson(g, values.isNullAt(i) ? null : values.get(i, map.valueType()), map.valueType());
            }
            g.writeEndObject();
        } else if (type instanceof StringType) {
            g.writeString(value.toString());
        } else if (type instanceof BooleanType) {
            g.writeBoolean((Boolean) value);
        } else if (type instanceof IntegerType || type instanceof ShortType || type instanceof ByteType
                || type instanceof LongType) {
            g.writeNumber(((Number) value).longValue());
        } else if (type instanceof DoubleType || type instanceof FloatType) {
            double d = ((Number) value).doubleValue();
            if (Double.isFinite(d)) {
                g.writeNumber(type instanceof FloatType ? Float.toString((Float) value) : Double.toString(d));
            } else {
                g.writeString(real(d));
            }
        } else if (type instanceof DecimalType) {
            g.writeNumber(((org.apache.spark.sql.types.Decimal) value).toJavaBigDecimal());
        } else if (type instanceof TimestampType || type instanceof TimestampNTZType) {
            g.writeString(KustoValueFormats.datetimeFromMicros((Long) value));
        } else if (type instanceof DateType) {
            g.writeString(LocalDate.ofEpochDay((Integer) value).toString());
        } else if (type instanceof BinaryType) {
            g.writeString(Base64.getEncoder().encodeToString((byte[]) value));
        } else {
            g.writeString(String.valueOf(value));
        }
    }
}
