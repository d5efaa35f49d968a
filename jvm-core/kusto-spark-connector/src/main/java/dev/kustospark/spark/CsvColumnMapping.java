package dev.kustospark.spark;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.spark.internal.AsciiNumbers;
import dev.kustospark.spark.internal.Json;
import java.io.IOException;
import java.io.Serializable;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One column of a CSV ingestion mapping: the target column, where its value comes from (an ordinal
 * of the CSV record, or a constant) and optionally its Kusto data type. Written in Kusto's CSV
 * mapping form {@code {"Name":"ColA","DataType":"string","Ordinal":0}} / {@code "ConstValue":"x"}.
 */
public final class CsvColumnMapping implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final Integer ordinal;
    private final String dataType;
    private final String constValue;

    private CsvColumnMapping(String name, Integer ordinal, String dataType, String constValue) {
        this.name = name;
        this.ordinal = ordinal;
        this.dataType = dataType;
        this.constValue = constValue;
    }

    /** Column {@code name} from field {@code ordinal} (0-based) of each CSV record. */
    public static CsvColumnMapping ofOrdinal(String name, int ordinal) {
        return new CsvColumnMapping(requireName(name), requireOrdinal(ordinal, name), null, null);
    }

    /** Column {@code name} set to {@code constValue} in every row. */
    public static CsvColumnMapping ofConstant(String name, String constValue) {
        return new CsvColumnMapping(requireName(name), null, null,
                Objects.requireNonNull(constValue, () -> "the constant value of mapped column '" + name + "' is null"));
    }

    /** This mapping with the column's Kusto data type ({@code string}, {@code long}, {@code datetime}...). */
    public CsvColumnMapping withDataType(String kustoType) {
        if (kustoType == null || !kustoType.matches("[A-Za-z][A-Za-z0-9]*")) {
            throw new IllegalArgumentException("csvMapping column '" + name + "' has DataType '" + kustoType
                    + "'; expected a Kusto type name such as string, long or datetime");
        }
        return new CsvColumnMapping(name, ordinal, kustoType, constValue);
    }

    public String name() {
        return name;
    }

    public OptionalInt ordinal() {
        return ordinal == null ? OptionalInt.empty() : OptionalInt.of(ordinal);
    }

    public Optional<String> dataType() {
        return Optional.ofNullable(dataType);
    }

    public Optional<String> constValue() {
        return Optional.ofNullable(constValue);
    }

    void writeTo(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("Name", name);
        if (dataType != null) {
            g.writeStringField("DataType", dataType);
        }
        if (ordinal != null) {
            g.writeNumberField("Ordinal", ordinal);
        }
        if (constValue != null) {
            g.writeStringField("ConstValue", constValue);
        }
        g.writeEndObject();
    }

    /**
     * Reads one mapping in Kusto's CSV form ({@code Name}, {@code DataType}, {@code Ordinal},
     * {@code ConstValue}) or its newer form ({@code Column}, {@code DataType},
     * {@code Properties: {Ordinal, ConstValue}}); ordinals may be numbers or numeric strings.
     */
    static CsvColumnMapping fromJson(JsonNode node, int index) {
        String where = "csvMapping entry " + index;
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object such as {\"Name\":\"ColA\",\"Ordinal\":0}");
        }
        String name = null;
        String dataType = null;
        JsonNode ordinal = null;
        JsonNode constValue = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode v = f.getValue();
            switch (f.getKey()) {
                case "Name", "Column" -> name = v.asText(null);
                case "DataType", "datatype" -> dataType = v.isNull() || v.asText().isEmpty() ? null : v.asText();
                case "Ordinal" -> ordinal = v;
                case "ConstValue" -> constValue = v;
                case "Properties" -> {
                    if (!v.isObject()) {
                        throw new IllegalArgumentException(where + ": Properties must be a JSON object");
                    }
                    for (Iterator<Map.Entry<String, JsonNode>> p = v.fields(); p.hasNext(); ) {
                        Map.Entry<String, JsonNode> prop = p.next();
                        switch (prop.getKey()) {
                            case "Ordinal" -> ordinal = prop.getValue();
                            case "ConstValue" -> constValue = prop.getValue();
                            default -> throw new IllegalArgumentException(where + " has an unknown property '"
                                    + prop.getKey() + "'; allowed: Ordinal, ConstValue");
                        }
                    }
                }
                default -> throw new IllegalArgumentException(where + " has an unknown field '" + f.getKey()
                        + "'; allowed: Name, DataType, Ordinal, ConstValue (or Column, DataType, Properties)");
            }
        }
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException(where + " has no Name");
        }
        if ((ordinal == null || ordinal.isNull()) == (constValue == null || constValue.isNull())) {
            throw new IllegalArgumentException(where + " (column '" + name + "') needs exactly one of Ordinal and ConstValue");
        }
        CsvColumnMapping mapping;
        if (ordinal != null && !ordinal.isNull()) {
            int value;
            try {
                value = ordinal.isIntegralNumber() ? ordinal.intValue() : AsciiNumbers.parseInt(ordinal.asText().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(where + " (column '" + name + "') has Ordinal '" + ordinal.asText()
                        + "'; expected a whole number >= 0");
            }
            mapping = ofOrdinal(name, value);
        } else {
            mapping = ofConstant(name, constValue.asText());
        }
        return dataType == null ? mapping : mapping.withDataType(dataType);
    }

    private static String requireName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a mapped column name must not be empty");
        }
        return name;
    }

    private static int requireOrdinal(int ordinal, String name) {
        if (ordinal < 0) {
            throw new IllegalArgumentException("csvMapping column '" + name + "' has Ordinal " + ordinal
                    + "; expected a whole number >= 0");
        }
        return ordinal;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvColumnMapping m && name.equals(m.name) && Objects.equals(ordinal, m.ordinal)
                && Objects.equals(dataType, m.dataType) && Objects.equals(constValue, m.constValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, ordinal, dataType, constValue);
    }

    @Override
    public String toString() {
        return Json.write(this::writeTo);
    }
}
