package dev.kustospark.spark.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.types.KustoColumn;
import java.util.List;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SchemaLayoutTest {
    private static final List<KustoColumn> TABLE = List.of(new KustoColumn("a", "long"), new KustoColumn("b", "string"),
            new KustoColumn("c", "real"));

    @Test
    void failIfNotMatchListsEveryDifference() {
        StructType frame = new StructType().add("a", "int").add("b", "string").add("x", "boolean");
        var e = assertThrows(KustoOptionException.class, () -> SchemaLayout.requireSame(frame, TABLE, "T"));
        String message = e.getMessage();
        assertTrue(message.contains("column 'a' is int in the DataFrame but long in the table"), message);
        assertTrue(message.contains("column 'x' (bool) is not in the table"), message);
        assertTrue(message.contains("table column 'c' (real) is not in the DataFrame"), message);
        assertTrue(message.contains("GenerateDynamicCsvMapping"), message);
    }

    @Test
    void failIfNotMatchRequiresTheTablesOrder() {
        StructType reordered = new StructType().add("b", "string").add("a", "long").add("c", "double");
        var e = assertThrows(KustoOptionException.class, () -> SchemaLayout.requireSame(reordered, TABLE, "T"));
        assertTrue(e.getMessage().contains("different order"), e.getMessage());
        StructType same = new StructType().add("a", "long").add("b", "string").add("c", "double");
        assertArrayEquals(new int[] {0, 1, 2}, SchemaLayout.requireSame(same, TABLE, "T"));
    }

    @Test
    void positionalLayoutRefusesShiftedAndDroppedColumns() {
        StructType swapped = new StructType().add("b", "string").add("a", "long");
        var e = assertThrows(KustoConnectorException.class, () -> SchemaLayout.positional(swapped, TABLE, "T"));
        assertTrue(e.getMessage().contains("DataFrame column 'b' (position 1) would go into table column 'a', not into the"
                + " table's column 'b' (position 2)"), e.getMessage());
        assertTrue(e.getMessage().contains("adjustSchema=GenerateDynamicCsvMapping"), e.getMessage());
        StructType wider = new StructType().add("a", "long").add("b", "string").add("c", "double").add("d", "int");
        var dropped = assertThrows(KustoConnectorException.class, () -> SchemaLayout.positional(wider, TABLE, "T"));
        assertTrue(dropped.getMessage().contains("DataFrame columns [d] would be dropped"), dropped.getMessage());
        // Other names by position, and fewer columns (the last table columns stay null), are the positional write.
        assertArrayEquals(new int[] {0, 1}, SchemaLayout.positional(new StructType().add("x", "long").add("b", "string"),
                TABLE, "T"));
    }

    @Test
    void generatedMappingPlacesColumnsByNameAndRefusesUnknownOnes() {
        StructType frame = new StructType().add("c", "double").add("a", "long");
        assertArrayEquals(new int[] {1, -1, 0}, SchemaLayout.byName(frame, TABLE, "T"));
        var e = assertThrows(KustoOptionException.class,
                () -> SchemaLayout.byName(new StructType().add("z", "int"), TABLE, "T"));
        assertTrue(e.getMessage().contains("[z]") && e.getMessage().contains("'T'"), e.getMessage());
    }
}
