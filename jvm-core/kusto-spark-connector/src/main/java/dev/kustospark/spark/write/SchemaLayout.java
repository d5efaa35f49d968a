package dev.kustospark.spark.write;

import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.types.KustoColumn;
import dev.kustospark.spark.types.KustoTypeMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The CSV column layouts of {@code adjustSchema}: by position, checked equal, or by column name. */
final class SchemaLayout {
    private SchemaLayout() {}

    /** NoAdjustment: the DataFrame's columns by position, as the established connector writes them. */
    static int[] identity(StructType schema) {
        int[] layout = new int[schema.size()];
        for (int i = 0; i < layout.length; i++) {
            layout[i] = i;
        }
        return layout;
    }

    /**
     * NoAdjustment over an existing table: by position, refusing the layouts where position would
     * silently move or drop data: more DataFrame columns than table columns (the extra fields would be
     * dropped), or a DataFrame column that lands in another table column although the table has one of
     * its name (the columns are in another order). Fewer columns leave the last table columns null.
     */
    static int[] positional(StructType schema, List<KustoColumn> table, String tableName) {
        List<String> problems = new ArrayList<>();
        if (schema.size() > table.size()) {
            problems.add("the DataFrame has " + schema.size() + " columns and the table " + table.size() + ", so DataFrame"
                    + " columns " + List.of(schema.fieldNames()).subList(table.size(), schema.size()) + " would be dropped");
        }
        List<String> tableNames = table.stream().map(KustoColumn::name).toList();
        for (int i = 0; i < Math.min(schema.size(), table.size()); i++) {
            String name = schema.fields()[i].name();
            int own = tableNames.indexOf(name);
            if (own >= 0 && own != i) {
                problems.add("DataFrame column '" + name + "' (position " + (i + 1) + ") would go into table column '"
                        + tableNames.get(i) + "', not into the table's column '" + name + "' (position " + (own + 1) + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw KustoConnectorException.refusal("adjustSchema=NoAdjustment writes columns by position into table '"
                    + tableName + "' " + tableNames + ", which would move data: " + String.join("; ", problems)
                    + ". Set adjustSchema=GenerateDynamicCsvMapping to write columns by name, or select the table's"
                    + " columns in its order");
        }
        return identity(schema);
    }

    /** FailIfNotMatch: the DataFrame must have the table's columns, names and Kusto types, in the table's order. */
    static int[] requireSame(StructType schema, List<KustoColumn> table, String tableName) {
        List<String> differences = new ArrayList<>();
        Map<String, String> tableTypes = new HashMap<>();
        table.forEach(c -> tableTypes.put(c.name(), c.kustoType()));
        Map<String, String> frameTypes = new HashMap<>();
        for (StructField field : schema.fields()) {
            frameTypes.put(field.name(), KustoTypeMapping.toKusto(field.dataType()));
        }
        for (StructField field : schema.fields()) {
            String tableType = tableTypes.get(field.name());
            String frameType = frameTypes.get(field.name());
            if (tableType == null) {
                differences.add("column '" + field.name() + "' (" + frameType + ") is not in the table");
            } else if (!tableType.equals(frameType)) {
                differences.add("column '" + field.name() + "' is " + frameType + " in the DataFrame but " + tableType
                        + " in the table");
            }
        }
        for (KustoColumn column : table) {
            if (!frameTypes.containsKey(column.name())) {
                differences.add("table column '" + column.name() + "' (" + column.kustoType() + ") is not in the DataFrame");
            }
        }
        if (differences.isEmpty()) {
            List<String> frameOrder = List.of(schema.fieldNames());
            List<String> tableOrder = table.stream().map(KustoColumn::name).toList();
            if (!frameOrder.equals(tableOrder)) {
                differences.add("the columns are in a different order: DataFrame " + frameOrder + ", table " + tableOrder);
            }
        }
        if (!differences.isEmpty()) {
            throw new KustoOptionException("adjustSchema=FailIfNotMatch: the DataFrame does not match table '" + tableName
                    + "': " + String.join("; ", differences)
                    + ". Align the DataFrame, or set adjustSchema=GenerateDynamicCsvMapping to write columns by name");
        }
        return identity(schema);
    }

    /**
     * GenerateDynamicCsvMapping: each table column takes the DataFrame column of the same name; table
     * columns the DataFrame lacks get nulls. Kusto's streaming ingestion takes mappings only by
     * reference, so the mapping is applied here, in the order of the CSV fields, to the same effect.
     */
    static int[] byName(StructType schema, List<KustoColumn> table, String tableName) {
        Map<String, Integer> frameIndexes = new HashMap<>();
        for (int i = 0; i < schema.size(); i++) {
            frameIndexes.put(schema.fields()[i].name(), i);
        }
        List<String> unknown = new ArrayList<>(frameIndexes.keySet());
        int[] layout = new int[table.size()];
        for (int i = 0; i < layout.length; i++) {
            Integer index = frameIndexes.get(table.get(i).name());
            layout[i] = index == null ? -1 : index;
            unknown.remove(table.get(i).name());
        }
        if (!unknown.isEmpty()) {
            throw new KustoOptionException("adjustSchema=GenerateDynamicCsvMapping: DataFrame columns " + unknown
                    + " are not columns of table '" + tableName + "' (" + table.stream().map(KustoColumn::name).toList()
                    + "); drop or rename them, or add them to the table");
        }
        return layout;
    }
}
