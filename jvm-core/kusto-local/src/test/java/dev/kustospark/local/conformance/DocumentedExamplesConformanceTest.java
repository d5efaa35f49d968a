package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Examples of the Kusto documentation's function and operator pages, run as written, against the output tables
 * the pages give. Where a page says an order is undefined, the values are compared sorted.
 */
final class DocumentedExamplesConformanceTest extends ConformanceBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The input of the null-handling examples of the arg_max() and arg_min() pages. */
    private static final String FRUITS = """
            datatable(Fruit: string, Color: string, Version: int) [
                "Apple", "Red", 1,
                "Apple", "Green", int(null),
                "Banana", "Yellow", int(null),
                "Banana", "Green", int(null),
                "Pear", "Brown", 1,
                "Pear", "Green", 2,
            ]
            """;

    /** The input of the make_list() page's examples. */
    private static final String SHAPES = """
            let shapes = datatable (name: string, sideCount: int)
            [
                "triangle", 3,
                "square", 4,
                "rectangle", 4,
                "pentagon", 5,
                "hexagon", 6,
                "heptagon", 7,
                "octagon", 8,
                "nonagon", 9,
                "decagon", 10
            ];
            """;

    /** arg_max(): a group whose values are all null still gives a row, with the null value. */
    @Test
    void argMaxHandlesNulls() throws Exception {
        KustoResultSetTable result = query(FRUITS + "| summarize arg_max(Version, *) by Fruit | order by Fruit asc");
        assertEquals(List.of("Fruit", "Version", "Color"), columnNames(result));
        assertEquals(table("Apple,1,Red", "Banana,<null>,Yellow", "Pear,2,Green"), rows(result));
    }

    /** arg_min(): the same, minimizing. */
    @Test
    void argMinHandlesNulls() throws Exception {
        KustoResultSetTable result = query(FRUITS + "| summarize arg_min(Version, *) by Fruit | order by Fruit asc");
        assertEquals(List.of("Fruit", "Version", "Color"), columnNames(result));
        assertEquals(table("Apple,1,Red", "Banana,<null>,Yellow", "Pear,1,Brown"), rows(result));
    }

    /** make_set(): "Set from array column", whose elements join the set (the order is undefined). */
    @Test
    void makeSetOfAnArrayColumnHoldsTheArraysElements() throws Exception {
        KustoResultSetTable result = query("""
                datatable (Val: int, Arr1: dynamic)
                [
                    1, dynamic(['A1', 'A2', 'A3']),
                    5, dynamic(['A2', 'C1']),
                    7, dynamic(['C2', 'A3']),
                    5, dynamic(['C2', 'A1'])
                ]
                | summarize Val_set=make_set(Val), Arr1_set=make_set(Arr1)
                """);
        assertEquals(List.of("Val_set", "Arr1_set"), columnNames(result));
        List<List<String>> rows = rows(result);
        assertEquals(1, rows.size());
        assertEquals(List.of("1", "5", "7"), sortedElements(rows.get(0).get(0)));
        assertEquals(List.of("A1", "A2", "A3", "C1", "C2"), sortedElements(rows.get(0).get(1)));
    }

    /** make_list(): "One column", in the input's order. */
    @Test
    void makeListOfOneColumn() throws Exception {
        assertEquals(List.of(List.of("[\"triangle\",\"square\",\"rectangle\",\"pentagon\",\"hexagon\",\"heptagon\","
                + "\"octagon\",\"nonagon\",\"decagon\"]")), jsonRows(SHAPES + "shapes | summarize mylist = make_list(name)"));
    }

    /** make_list(): "Using the 'by' clause". */
    @Test
    void makeListByAGroup() throws Exception {
        assertEquals(List.of(List.of("false", "[\"triangle\",\"pentagon\",\"heptagon\",\"nonagon\"]"),
                List.of("true", "[\"square\",\"rectangle\",\"hexagon\",\"octagon\",\"decagon\"]")),
                jsonRows(SHAPES + "shapes | summarize mylist = make_list(name) by isEvenSideCount = sideCount % 2 == 0"
                        + " | order by isEvenSideCount asc"));
    }

    /** make_list(): "Packing a dynamic object"; a list keeps each bag whole. */
    @Test
    void makeListOfPackedBags() throws Exception {
        assertEquals(List.of(
                List.of("false", "[{\"name\":\"triangle\",\"sideCount\":3},{\"name\":\"pentagon\",\"sideCount\":5},"
                        + "{\"name\":\"heptagon\",\"sideCount\":7},{\"name\":\"nonagon\",\"sideCount\":9}]"),
                List.of("true", "[{\"name\":\"square\",\"sideCount\":4},{\"name\":\"rectangle\",\"sideCount\":4},"
                        + "{\"name\":\"hexagon\",\"sideCount\":6},{\"name\":\"octagon\",\"sideCount\":8},"
                        + "{\"name\":\"decagon\",\"sideCount\":10}]")),
                jsonRows(SHAPES + "shapes | extend d = bag_pack(\"name\", name, \"sideCount\", sideCount)"
                        + " | summarize mylist = make_list(d) by isEvenSideCount = sideCount % 2 == 0"
                        + " | order by isEvenSideCount asc"));
    }

    /** mv-expand: "Zipped two columns", expanded in parallel, the shorter padded with null. */
    @Test
    void mvExpandZipsTwoColumns() throws Exception {
        KustoResultSetTable result = query("""
                datatable (a: int, b: dynamic, c: dynamic)[
                    1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 4, 3])
                ]
                | mv-expand b, c
                """);
        assertEquals(List.of("a", "b", "c"), columnNames(result));
        assertEquals(List.of("int", "dynamic", "dynamic"), columnTypes(result));
        assertEquals(List.of(List.of("1", "{\"prop1\":\"a\"}", "5"), List.of("1", "{\"prop2\":\"b\"}", "4"),
                java.util.Arrays.asList("1", null, "3")), jsonRows(result));
    }

    /** mv-expand: "Cartesian product of two columns", one expansion after the other. */
    @Test
    void mvExpandOneAfterTheOtherIsACartesianProduct() throws Exception {
        assertEquals(List.of(List.of("1", "{\"prop1\":\"a\"}", "5"), List.of("1", "{\"prop1\":\"a\"}", "6"),
                List.of("1", "{\"prop2\":\"b\"}", "5"), List.of("1", "{\"prop2\":\"b\"}", "6")),
                jsonRows(query("""
                        datatable (a: int, b: dynamic, c: dynamic)
                        [
                            1, dynamic({"prop1": "a", "prop2": "b"}), dynamic([5, 6])
                        ]
                        | mv-expand b
                        | mv-expand c
                        """)));
    }

    /** mv-expand: "Convert output", where only the column given a type changes type. */
    @Test
    void mvExpandOfTwoColumnsConvertsOnlyTheTypedOne() throws Exception {
        assertEquals(table("a,0,System.String,string", "b,1,System.Object,dynamic", "c,2,System.Int32,int"),
                rows("""
                        datatable (a: string, b: dynamic, c: dynamic)[
                            "Constant", dynamic([1, 2, 3, 4]), dynamic([6, 7, 8, 9])
                        ]
                        | mv-expand b, c to typeof(int)
                        | getschema
                        """));
    }

    /** dynamic_to_json(): equal bags give the same text, their properties sorted by name at every level. */
    @Test
    void dynamicToJsonIsCanonical() throws Exception {
        KustoResultSetTable result = query("""
                let bag1 = dynamic_to_json(
                  dynamic({
                    'Y10':dynamic({}),
                    'X8': dynamic({
                      'c3':1,
                      'd8':5,
                      'a4':6
                    }),
                    'D1':114,
                    'A1':12,
                    'B1':2,
                    'C1':3,
                    'A14':[15, 13, 18]
                }));
                let bag2 = dynamic_to_json(
                  dynamic({
                    'X8': dynamic({
                      'a4':6,
                      'c3':1,
                      'd8':5
                    }),
                    'A14':[15, 13, 18],
                    'C1':3,
                    'B1':2,
                    'Y10': dynamic({}),
                    'A1':12, 'D1':114
                  }));
                print AreEqual=bag1 == bag2, Result=bag1
                """);
        assertEquals(List.of("bool", "string"), columnTypes(result));
        assertEquals(List.of(List.of("true",
                "{\"A1\":12,\"A14\":[15,13,18],\"B1\":2,\"C1\":3,\"D1\":114,\"X8\":{\"a4\":6,\"c3\":1,\"d8\":5},\"Y10\":{}}")),
                rows(result));
    }

    /** dynamic_to_json() of what is not an array or bag is its tostring(); nulls inside stay. */
    @Test
    void dynamicToJsonOfScalarsAndNulls() throws Exception {
        assertEquals(List.of("abc", "", "12", "[1,null,\"x\"]", "{\"a\":null,\"b\":[]}"),
                rows("print dynamic_to_json(dynamic('abc')), dynamic_to_json(dynamic(null)), dynamic_to_json(12),"
                        + " dynamic_to_json(dynamic([1, null, 'x'])), dynamic_to_json(dynamic({'b': [], 'a': null}))")
                        .get(0));
    }

    /** The rows of {@code kql}, with each dynamic value in compact JSON (as the pages print them). */
    private List<List<String>> jsonRows(String kql) throws Exception {
        return jsonRows(query(kql));
    }

    private static List<List<String>> jsonRows(KustoResultSetTable table) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (List<String> row : rows(table)) {
            List<String> compact = new ArrayList<>();
            for (String cell : row) {
                compact.add(cell != null && (cell.startsWith("[") || cell.startsWith("{"))
                        ? JSON.writeValueAsString(JSON.readTree(cell)) : cell);
            }
            rows.add(compact);
        }
        return rows;
    }

    private static List<String> sortedElements(String array) throws Exception {
        List<String> elements = new ArrayList<>();
        for (JsonNode element : JSON.readTree(array)) {
            elements.add(element.asText());
        }
        elements.sort(null);
        return elements;
    }
}
