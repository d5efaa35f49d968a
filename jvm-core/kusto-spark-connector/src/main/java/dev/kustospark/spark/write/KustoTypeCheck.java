package dev.kustospark.spark.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.internal.Json;
import dev.kustospark.spark.types.KustoColumn;
import dev.kustospark.spark.types.KustoTypeMapping;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The types of a write, checked on the driver before any row moves: every DataFrame column needs a
 * Kusto counterpart, and every column must land in a table column that stores its values unchanged.
 * Kusto's ingestion stores null for a value it cannot read as the column's type, and never says so.
 */
final class KustoTypeCheck {
    /** Spark types a hint may suggest casting to, in the order it lists them. */
    private static final Map<String, DataType> CASTS = new LinkedHashMap<>();

    static {
        CASTS.put("boolean", DataTypes.BooleanType);
        CASTS.put("bigint", DataTypes.LongType);
        CASTS.put("int", DataTypes.IntegerType);
        CASTS.put("smallint", DataTypes.ShortType);
        CASTS.put("tinyint", DataTypes.ByteType);
        CASTS.put("double", DataTypes.DoubleType);
        CASTS.put("float", DataTypes.FloatType);
        CASTS.put("decimal", DataTypes.createDecimalType(38, 18));
        CASTS.put("timestamp", DataTypes.TimestampType);
        CASTS.put("timestamp_ntz", DataTypes.TimestampNTZType);
        CASTS.put("date", DataTypes.DateType);
        CASTS.put("string", DataTypes.StringType);
    }

    private KustoTypeCheck() {}

    static String requireWritable(StructField field) {
        try {
            return KustoTypeMapping.toKusto(field.dataType());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("column '" + field.name() + "': " + e.getMessage(), e);
        }
    }

    /**
     * Whether Kusto stores every value of Spark type {@code type}, as {@link CsvRowEncoder} writes it,
     * unchanged in a column of {@code kustoType}: its own column type; narrower integers into long,
     * decimal and real (an int is exact in a double); integral decimals into int or long when their
     * precision fits; any value into string (as its text, as the established connector writes it);
     * anything but a decimal into dynamic (a dynamic number is a long or a real, which would round a
     * decimal). Strings into guid and timespan columns fit only when the text is one: those values are
     * checked one by one ({@link CsvRowEncoder}).
     */
    static boolean fits(DataType type, String kustoType) {
        String own = KustoTypeMapping.toKusto(type);
        if (own.equals(kustoType) || kustoType.equals("string")) {
            return true;
        }
        boolean narrowInteger = type instanceof IntegerType || type instanceof ShortType || type instanceof ByteType;
        return switch (kustoType) {
            case "long" -> narrowInteger || integralDecimal(type, 18);
            case "int" -> integralDecimal(type, 9);
            case "decimal" -> own.equals("int") || own.equals("long");
            case "real" -> narrowInteger;
            case "guid", "timespan" -> type instanceof StringType;
            case "dynamic" -> !(type instanceof DecimalType);
            default -> false;
        };
    }

    private static boolean integralDecimal(DataType type, int maxPrecision) {
        return type instanceof DecimalType d && d.scale() == 0 && d.precision() <= maxPrecision;
    }

    /**
     * Checks the columns that land in each table column: {@code pairs} maps a DataFrame field index to
     * the table column it goes into ({@code placement} says how the write placed them). Fails naming
     * every column that does not fit, both types and the casts that would fit, before any row moves.
     *
     * @return for each DataFrame field, the Kusto type its string values must parse as (guid or
     *     timespan), or null when any value is stored as is
     */
    static String[] requireFits(StructType schema, List<Pair> pairs, String table, String placement) {
        String[] parsedAs = new String[schema.size()];
        List<String> problems = new ArrayList<>();
        for (Pair pair : pairs) {
            StructField field = schema.fields()[pair.field()];
            String kustoType = pair.column().kustoType();
            if (!fits(field.dataType(), kustoType)) {
                problems.add("DataFrame column '" + field.name() + "' (" + field.dataType().simpleString()
                        + ") into table column '" + pair.column().name() + "' (" + kustoType + "): " + hint(kustoType));
            } else if (field.dataType() instanceof StringType && (kustoType.equals("guid") || kustoType.equals("timespan"))) {
                parsedAs[pair.field()] = kustoType;
            }
        }
        if (!problems.isEmpty()) {
            throw KustoConnectorException.refusal("Writing into table '" + table + "' (" + placement + ") would change"
                    + " values, since Kusto stores null for a value it cannot read as the column's type: "
                    + String.join("; ", problems));
        }
        return parsedAs;
    }

    /** The Spark types a column could be cast to before writing into a column of {@code kustoType}. */
    private static String hint(String kustoType) {
        String casts = CASTS.entrySet().stream().filter(e -> fits(e.getValue(), kustoType)).map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
        String decimals = kustoType.equals("long") ? ", decimal(p,0) with p <= 18"
                : kustoType.equals("int") ? ", decimal(p,0) with p <= 9" : "";
        return "cast it to " + casts + decimals + " first";
    }

    /** A DataFrame field (by index) and the table column its values are written into. */
    record Pair(int field, KustoColumn column) {}

    /** The pairs of a CSV layout: {@code layout[i]} is the DataFrame field written into table column i, or -1. */
    static List<Pair> pairs(int[] layout, List<KustoColumn> table) {
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < Math.min(layout.length, table.size()); i++) {
            if (layout[i] >= 0) {
                pairs.add(new Pair(layout[i], table.get(i)));
            }
        }
        return pairs;
    }

    /**
     * The pairs of a CSV mapping ({@code Name} or {@code Column}, with {@code Ordinal} directly or in
     * {@code Properties}): the DataFrame's columns are written by position and the mapping takes CSV
     * field {@code Ordinal} into the named column. Constants and transforms take no DataFrame column,
     * and a column the table lacks is left for Kusto to judge. A field beyond the DataFrame's columns
     * would leave its column null, so it fails the write.
     */
    static List<Pair> mappingPairs(String mappingJson, String mappingOption, StructType schema, List<KustoColumn> table,
            String tableName) {
        Map<String, KustoColumn> columns = new LinkedHashMap<>();
        table.forEach(c -> columns.put(c.name(), c));
        List<Pair> pairs = new ArrayList<>();
        for (JsonNode entry : Json.parse(mappingJson, mappingOption)) {
            JsonNode column = field(entry, "column");
            JsonNode name = column != null ? column : field(entry, "name");
            JsonNode properties = field(entry, "properties");
            JsonNode ordinal = field(entry, "ordinal") != null ? field(entry, "ordinal")
                    : properties != null ? field(properties, "ordinal") : null;
            if (name == null || ordinal == null || ordinal.asText().isBlank()) {
                continue;
            }
            int field = ordinal.isIntegralNumber() ? ordinal.intValue() : Integer.parseInt(ordinal.asText().trim());
            if (field >= schema.size()) {
                throw KustoConnectorException.refusal(mappingOption + " takes CSV field " + field + " (0-based) into column '"
                        + name.asText() + "' of table '" + tableName + "', but the DataFrame has " + schema.size() + " columns "
                        + List.of(schema.fieldNames()) + ", written in their order: the column would be null in every"
                        + " row. Add the column to the DataFrame or correct the mapping's Ordinal");
            }
            KustoColumn target = columns.get(name.asText());
            if (target != null) {
                pairs.add(new Pair(field, target));
            }
        }
        return pairs;
    }

    /** A field of a mapping entry, whose names Kusto reads in any case ({@code Column}, {@code column}); null if absent. */
    private static JsonNode field(JsonNode object, String lowerCaseName) {
        for (var it = object.fields(); it.hasNext(); ) {
            var f = it.next();
            if (f.getKey().equalsIgnoreCase(lowerCaseName) && !f.getValue().isNull()) {
                return f.getValue();
            }
        }
        return null;
    }
}
