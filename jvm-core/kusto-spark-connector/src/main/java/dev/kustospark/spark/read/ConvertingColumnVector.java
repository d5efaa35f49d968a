package dev.kustospark.spark.read;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Decimal;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarArray;
import org.apache.spark.sql.vectorized.ColumnarMap;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * A column of Spark's Parquet reader seen as the type single mode gives: timespan ticks as Kusto's
 * timespan text, dynamic JSON text as {@link ParquetValueConverter#dynamicText}, decimals rescaled to
 * the read schema's precision and scale, and narrower numbers widened. Values are converted when
 * read, so columns Spark never touches cost nothing.
 */
final class ConvertingColumnVector extends ColumnVector {
    private enum Kind { TIMESPAN, DYNAMIC, DECIMAL, INT_TO_LONG, FLOAT_TO_DOUBLE }

    private final ColumnVector inner;
    private final Kind kind;
    private final String column;
    private final DecimalType innerDecimal;

    private ConvertingColumnVector(ColumnVector inner, StructField field, Kind kind) {
        super(field.dataType());
        this.inner = inner;
        this.kind = kind;
        this.column = field.name();
        this.innerDecimal = inner.dataType() instanceof DecimalType d ? d : null;
    }

    /**
     * The column as {@code field} needs it: itself when the types already agree, a converting view
     * when this class knows the conversion, else null (the caller then decodes the file another way).
     * {@code kustoType}, the column's type in Kusto, tells a timespan's ticks from a long and dynamic
     * JSON text from a string.
     */
    static ColumnVector of(ColumnVector column, StructField field, String kustoType) {
        DataType source = column.dataType();
        DataType target = field.dataType();
        if (target.equals(DataTypes.StringType)) {
            if (source.equals(DataTypes.LongType) && "timespan".equals(kustoType)) {
                return new ConvertingColumnVector(column, field, Kind.TIMESPAN);
            }
            if (source.equals(DataTypes.StringType)) {
                return "dynamic".equals(kustoType) ? new ConvertingColumnVector(column, field, Kind.DYNAMIC) : column;
            }
            return null;
        }
        if (target instanceof DecimalType) {
            if (source.equals(target)) {
                return column;
            }
            return source instanceof DecimalType ? new ConvertingColumnVector(column, field, Kind.DECIMAL) : null;
        }
        if (target.equals(DataTypes.LongType) && source.equals(DataTypes.IntegerType)) {
            return new ConvertingColumnVector(column, field, Kind.INT_TO_LONG);
        }
        if (target.equals(DataTypes.DoubleType) && source.equals(DataTypes.FloatType)) {
            return new ConvertingColumnVector(column, field, Kind.FLOAT_TO_DOUBLE);
        }
        if (source.equals(target) || (target.equals(DataTypes.TimestampNTZType) && source.equals(DataTypes.TimestampType))) {
            return column;
        }
        return null;
    }

    @Override
    public UTF8String getUTF8String(int rowId) {
        if (inner.isNullAt(rowId)) {
            return null;
        }
        return switch (kind) {
            case TIMESPAN -> UTF8String.fromString(ParquetValueConverter.timespan(inner.getLong(rowId)));
            case DYNAMIC -> UTF8String.fromString(ParquetValueConverter.dynamicText(inner.getUTF8String(rowId).toString()));
            default -> throw new UnsupportedOperationException(kind + " has no string value");
        };
    }

    @Override
    public Decimal getDecimal(int rowId, int precision, int scale) {
        if (inner.isNullAt(rowId)) {
            return null;
        }
        return ValueFit.decimal(inner.getDecimal(rowId, innerDecimal.precision(), innerDecimal.scale()),
                DataTypes.createDecimalType(precision, scale), column);
    }

    @Override
    public long getLong(int rowId) {
        return kind == Kind.INT_TO_LONG ? inner.getInt(rowId) : inner.getLong(rowId);
    }

    @Override
    public double getDouble(int rowId) {
        return kind == Kind.FLOAT_TO_DOUBLE ? inner.getFloat(rowId) : inner.getDouble(rowId);
    }

    @Override
    public void close() {
        // The reader that owns the inner column closes it.
    }

    @Override
    public boolean hasNull() {
        return inner.hasNull();
    }

    @Override
    public int numNulls() {
        return inner.numNulls();
    }

    @Override
    public boolean isNullAt(int rowId) {
        return inner.isNullAt(rowId);
    }

    @Override
    public boolean getBoolean(int rowId) {
        return inner.getBoolean(rowId);
    }

    @Override
    public byte getByte(int rowId) {
        return inner.getByte(rowId);
    }

    @Override
    public short getShort(int rowId) {
        return inner.getShort(rowId);
    }

    @Override
    public int getInt(int rowId) {
        return inner.getInt(rowId);
    }

    @Override
    public float getFloat(int rowId) {
        return inner.getFloat(rowId);
    }

    @Override
    public ColumnarArray getArray(int rowId) {
        return inner.getArray(rowId);
    }

    @Override
    public ColumnarMap getMap(int rowId) {
        return inner.getMap(rowId);
    }

    @Override
    public byte[] getBinary(int rowId) {
        return inner.getBinary(rowId);
    }

    @Override
    public ColumnVector getChild(int ordinal) {
        return inner.getChild(ordinal);
    }
}
