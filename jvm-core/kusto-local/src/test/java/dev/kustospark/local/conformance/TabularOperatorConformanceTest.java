package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tabular operators over a stored table, with the result shapes (names, types, order) Kusto gives. */
final class TabularOperatorConformanceTest extends ConformanceBase {

    @Override
    void createFixture() throws Exception {
        mgmt(".create table Sales (Id:int, Region:string, Product:string, Amount:long, Price:real, Ts:datetime)");
        mgmt(".ingest inline into table Sales <|\n"
                + "1,North America,Widget,10,2.5,2024-01-01T00:00:00Z\n"
                + "2,Europe,Gadget,5,10.0,2024-01-02T00:00:00Z\n"
                + "3,North America,Gadget,7,10.0,2024-01-03T00:00:00Z\n"
                + "4,Asia,Widget,,2.5,2024-01-04T00:00:00Z\n"
                + "5,Europe,Widget,3,2.5,2024-01-05T00:00:00Z");
        mgmt(".create table Regions (Region:string, Continent:string)");
        mgmt(".ingest inline into table Regions <|\n"
                + "North America,Americas\n"
                + "Europe,EU\n"
                + "Europe,EU-dup\n"
                + "Antarctica,Ice");
    }

    @Test
    void whereFiltersRowsAndNullComparisonsAreFalse() throws Exception {
        fixture();
        assertEquals(List.of("1", "3"), firstColumn("Sales | where Amount > 6 | project Id | sort by Id asc"));
        // A null Amount satisfies neither the predicate nor its negation.
        assertEquals(List.of("2", "5"), firstColumn("Sales | where not(Amount > 6) | project Id | sort by Id asc"));
        assertEquals(List.of("4"), firstColumn("Sales | where isnull(Amount) | project Id"));
        assertEquals(List.of("2", "3"),
                firstColumn("Sales | where Price > 5 and Product == 'Gadget' | project Id | sort by Id asc"));
    }

    @Test
    void projectComputesAndNamesColumns() throws Exception {
        fixture();
        KustoResultSetTable result = query("Sales | where Id == 1 | project Id, Doubled = Amount * 2, Amount + 1");
        assertEquals(List.of("Id", "Doubled", "Column1"), columnNames(result));
        assertEquals(List.of("int", "long", "long"), columnTypes(result));
        assertEquals(table("1,20,11"), rows(result));
    }

    @Test
    void projectAwayRenameReorder() throws Exception {
        fixture();
        assertEquals(List.of("Id", "Region", "Ts"),
                columnNames(query("Sales | project-away Product, Amount, Price | take 1")));
        assertEquals(List.of("Id", "Area", "Product", "Amount", "Price", "Ts"),
                columnNames(query("Sales | project-rename Area = Region | take 1")));
        assertEquals(List.of("Ts", "Id", "Region", "Product", "Amount", "Price"),
                columnNames(query("Sales | project-reorder Ts, Id | take 1")));
    }

    @Test
    void extendAppendsColumnsWithComputedTypes() throws Exception {
        fixture();
        KustoResultSetTable result = query(
                "Sales | where Id == 2 | extend Total = Amount * Price, Amount * 2 | project Total, Column1");
        assertEquals(List.of("Total", "Column1"), columnNames(result));
        assertEquals(List.of("real", "long"), columnTypes(result));
        assertTrue(result.next());
        assertEquals(50.0, result.getDouble(0));
        assertEquals(10L, result.getLong(1));
    }

    @Test
    void summarizeAggregatesWithDefaultColumnNames() throws Exception {
        fixture();
        KustoResultSetTable result = query("Sales | summarize count(), countif(Amount > 4), sum(Amount), "
                + "sumif(Amount, Region == 'Europe'), avg(Amount), min(Amount), max(Amount), dcount(Region)");
        assertEquals(List.of("count_", "countif_", "sum_Amount", "sumif_Amount", "avg_Amount", "min_Amount",
                "max_Amount", "dcount_Region"), columnNames(result));
        assertEquals(List.of("long", "long", "long", "long", "real", "long", "long", "long"), columnTypes(result));
        assertTrue(result.next());
        assertEquals(5L, result.getLong(0));
        assertEquals(3L, result.getLong(1));
        assertEquals(25L, result.getLong(2));
        assertEquals(8L, result.getLong(3));
        // avg ignores the null Amount: 25 / 4.
        assertEquals(6.25, result.getDouble(4));
        assertEquals(3L, result.getLong(5));
        assertEquals(10L, result.getLong(6));
        assertEquals(3L, result.getLong(7));
    }

    @Test
    void summarizeByGroupsAndNamesAssignedAggregates() throws Exception {
        fixture();
        KustoResultSetTable result = query(
                "Sales | summarize Rows = count(), Total = sum(Amount) by Region | where Region != 'Asia' | sort by Region asc");
        assertEquals(List.of("Region", "Rows", "Total"), columnNames(result));
        assertEquals(table("Europe,2,8", "North America,2,17"), rows(result));
    }

    @Test
    void makeListAndMakeSetReturnDynamicArrays() throws Exception {
        fixture();
        KustoResultSetTable result = query(
                "Sales | where Region == 'Europe' | summarize make_list(Product), make_set(Region)");
        assertEquals(List.of("list_Product", "set_Region"), columnNames(result));
        assertEquals(List.of("dynamic", "dynamic"), columnTypes(result));
        assertTrue(result.next());
        List<String> products = new ArrayList<>();
        result.getJSONObject(0).forEach(node -> products.add(node.asText()));
        Collections.sort(products);
        assertEquals(List.of("Gadget", "Widget"), products);
        assertEquals(1, result.getJSONObject(1).size());
        assertEquals("Europe", result.getJSONObject(1).get(0).asText());
    }

    @Test
    void argMaxAndArgMinReturnTheExtremeAndItsRow() throws Exception {
        fixture();
        // The Kusto documentation page "arg_max() (aggregation function)": the maximized column keeps its name.
        KustoResultSetTable max = query("Sales | summarize arg_max(Amount, Id)");
        assertEquals(List.of("Amount", "Id"), columnNames(max));
        assertEquals(table("10,1"), rows(max));
        KustoResultSetTable min = query("Sales | summarize arg_min(Amount, Id)");
        assertEquals(List.of("Amount", "Id"), columnNames(min));
        assertEquals(table("3,5"), rows(min));
        // With *, the columns keep their own names.
        KustoResultSetTable star = query("Sales | summarize arg_max(Amount, *) | project Id, Amount, Region");
        assertEquals(table("1,10,North America"), rows(star));
    }

    @Test
    void percentileNamesItsColumnAfterTheValue() throws Exception {
        fixture();
        KustoResultSetTable result = query("Sales | summarize percentile(Id, 50)");
        assertEquals(List.of("percentile_Id_50"), columnNames(result));
        assertTrue(result.next());
        assertEquals(3L, result.getLong(0));
    }

    @Test
    void binGroupsNumbersTimespansAndDatetimes() throws Exception {
        // Examples from the Kusto documentation page "bin()".
        assertEquals(4.0, scalarDouble("print bin(4.5, 1)"));
        assertEquals("14.00:00:00", scalarString("print bin(time(16d), 7d)"));
        assertEquals("1970-05-11T00:00:00Z",
                java.time.Instant.parse(scalarString("print bin(datetime(1970-05-11 13:45:07), 1d)")).toString());
    }

    @Test
    void summarizeByBinKeepsTheColumnName() throws Exception {
        fixture();
        KustoResultSetTable result = query("Sales | summarize count() by bin(Id, 5) | sort by Id asc");
        assertEquals(List.of("Id", "count_"), columnNames(result));
        assertEquals(table("0,4", "5,1"), rows(result));
    }

    @Test
    void takeAndLimitBoundTheRowCount() throws Exception {
        fixture();
        assertEquals(2, query("Sales | take 2").count());
        assertEquals(3, query("Sales | limit 3").count());
        assertEquals(5, query("Sales | take 100").count());
    }

    @Test
    void sortDefaultsToDescendingWithNullsLastAndAscendingWithNullsFirst() throws Exception {
        fixture();
        assertEquals(Arrays.asList("10", "7", "5", "3", null), firstColumn("Sales | sort by Amount | project Amount"));
        assertEquals(Arrays.asList("10", "7", "5", "3", null),
                firstColumn("Sales | order by Amount desc | project Amount"));
        assertEquals(Arrays.asList(null, "3", "5", "7", "10"),
                firstColumn("Sales | sort by Amount asc | project Amount"));
        assertEquals(Arrays.asList("3", "5", "7", "10", null),
                firstColumn("Sales | sort by Amount asc nulls last | project Amount"));
        assertEquals(Arrays.asList(null, "10", "7", "5", "3"),
                firstColumn("Sales | sort by Amount desc nulls first | project Amount"));
        assertEquals(List.of("1", "4", "5", "2", "3"),
                firstColumn("Sales | sort by Product desc, Id asc | project Id"));
    }

    @Test
    void topTakesTheFirstRowsOfASort() throws Exception {
        fixture();
        assertEquals(List.of("10", "7"), firstColumn("Sales | top 2 by Amount | project Amount"));
        assertEquals(List.of("3", "5"), firstColumn("Sales | top 2 by Amount asc nulls last | project Amount"));
    }

    @Test
    void distinctAndCount() throws Exception {
        fixture();
        assertEquals(List.of("Asia", "Europe", "North America"),
                firstColumn("Sales | distinct Region | sort by Region asc"));
        assertEquals(2L, scalarLong("Sales | distinct Product, Price | count"));
        KustoResultSetTable count = query("Sales | count");
        assertEquals(List.of("Count"), columnNames(count));
        assertEquals(List.of("long"), columnTypes(count));
        assertEquals(table("5"), rows(count));
    }

    /**
     * The established Spark connector picks its read mode from {@code | evaluate estimate_rows_count()},
     * reading the second column of the first row as a number. The plugin's schema is not documented;
     * kusto-local counts, so its estimate is the count.
     */
    @Test
    void estimateRowsCountGivesTheCountInItsSecondColumn() throws Exception {
        fixture();
        KustoResultSetTable estimate = query("Sales | where Amount > 4 | evaluate estimate_rows_count()");
        assertEquals(List.of("RowsCount", "EstimatedRowsCount"), columnNames(estimate));
        assertTrue(estimate.next());
        assertEquals(3, ((Number) estimate.getCurrentRow().get(1)).intValue());
        assertEquals(0L, scalarLong("Sales | take 0 | evaluate estimate_rows_count() | project EstimatedRowsCount"));
        ErrorConformanceTest.assertBadRequest(
                assertQueryFails("Sales | evaluate estimate_rows_count(Id)", "'evaluate estimate_rows_count'"));
    }

    @Test
    void unionConcatenatesAndWithsourceNamesTheOrigin() throws Exception {
        fixture();
        assertEquals(10L, scalarLong("union Sales, Sales | count"));
        assertEquals(9L, scalarLong("Sales | union Regions | count"));
        assertEquals(table("Regions,4", "Sales,5"),
                rows("union withsource=Source Sales, Regions | summarize count() by Source | sort by Source asc"));
        // Columns missing from one side are null there.
        assertEquals(4L, scalarLong("union Sales, Regions | where isnull(Id) | count"));
    }

    @Test
    void joinDefaultIsInnerUniqueDeduplicatingTheLeftKeys() throws Exception {
        fixture();
        // Left has North America twice and Europe twice; innerunique keeps one left row per key.
        assertEquals(3L, scalarLong("Sales | project Region | join (Regions) on Region | count"));
        assertEquals(3L, scalarLong("Sales | project Region | join kind=innerunique (Regions) on Region | count"));
        KustoResultSetTable result = query("Sales | project Region | join kind=inner (Regions) on Region | take 1");
        assertEquals(List.of("Region", "Region1", "Continent"), columnNames(result));
    }

    @Test
    void joinKindsProduceTheDocumentedRowCounts() throws Exception {
        fixture();
        String left = "Sales | project Id, Region";
        assertEquals(6L, scalarLong(left + " | join kind=inner (Regions) on Region | count"));
        assertEquals(7L, scalarLong(left + " | join kind=leftouter (Regions) on Region | count"));
        assertEquals(7L, scalarLong(left + " | join kind=rightouter (Regions) on Region | count"));
        assertEquals(8L, scalarLong(left + " | join kind=fullouter (Regions) on Region | count"));
        assertEquals(List.of("4"), firstColumn(left + " | join kind=leftanti (Regions) on Region | project Id"));
        assertEquals(List.of("Antarctica"),
                firstColumn(left + " | join kind=rightanti (Regions) on Region | project Region"));
        assertEquals(List.of("1", "2", "3", "5"),
                firstColumn(left + " | join kind=leftsemi (Regions) on Region | project Id | sort by Id asc"));
        assertEquals(List.of("EU", "EU-dup", "Americas").stream().sorted().toList(),
                firstColumn(left + " | join kind=rightsemi (Regions) on Region | project Continent | sort by Continent asc"));
        KustoResultSetTable leftOuter = query(left
                + " | join kind=leftouter (Regions) on Region | where Id == 4 | project Id, Region1, Continent");
        assertTrue(leftOuter.next());
        assertEquals(4, leftOuter.getInt(0));
        // Strings have no null in Kusto: an unmatched string column is empty.
        assertEquals("", leftOuter.getString(2));
    }

    @Test
    void joinOnDifferentlyNamedColumns() throws Exception {
        fixture();
        assertEquals(List.of("1", "3"), firstColumn("Sales | join kind=inner (Regions | where Continent == 'Americas' "
                + "| project Area = Region) on $left.Region == $right.Area | project Id | sort by Id asc"));
    }

    @Test
    void summarizeOverNoRows() throws Exception {
        fixture();
        // Without grouping keys there is always one row; with keys, one per group and so none here.
        assertEquals(table("0"), rows("Sales | where Id > 100 | summarize count()"));
        assertEquals(0, query("Sales | where Id > 100 | summarize count() by Region").count());
    }

    @Test
    void aggregatesIgnoreNulls() throws Exception {
        fixture();
        // The Kusto documentation page "Null values": make_list, dcount and others skip nulls.
        KustoResultSetTable list = query("Sales | summarize l = make_list(Amount)");
        assertTrue(list.next());
        assertEquals(4, list.getJSONObject(0).size());
        assertEquals(4L, scalarLong("Sales | summarize dcount(Amount)"));
    }

    /** The documentation page "count() (aggregation function)": null values are ignored. */
    @Test
    void countOfAnExpressionIgnoresNulls() throws Exception {
        fixture();
        KustoResultSetTable counts = query("Sales | summarize count(Amount), count() by Product | sort by Product asc");
        assertEquals(List.of("Product", "count_Amount", "count_"), columnNames(counts));
        assertEquals(List.of("string", "long", "long"), columnTypes(counts));
        assertEquals(table("Gadget,2,2", "Widget,2,3"), rows(counts));
        // strings are never null in Kusto, so every row counts
        assertEquals(5L, scalarLong("Sales | summarize count(Region)"));
        assertEquals(0L, scalarLong("print x = long(null) | summarize count(x)"));
    }

    @Test
    void extendReplacesAnExistingColumnInPlace() throws Exception {
        fixture();
        KustoResultSetTable result = query("Sales | where Id == 1 | extend Amount = Amount * 2");
        assertEquals(List.of("Id", "Region", "Product", "Amount", "Price", "Ts"), columnNames(result));
        assertTrue(result.next());
        assertEquals(20L, result.getLong(3));
    }

    @Test
    void takeZeroKeepsTheSchema() throws Exception {
        fixture();
        KustoResultSetTable result = query("Sales | take 0");
        assertEquals(0, result.count());
        assertEquals(List.of("Id", "Region", "Product", "Amount", "Price", "Ts"), columnNames(result));
        assertEquals(List.of("int", "string", "string", "long", "real", "datetime"), columnTypes(result));
    }

    @Test
    void getschemaDescribesColumns() throws Exception {
        fixture();
        KustoResultSetTable result = query("Sales | getschema");
        assertEquals(List.of("ColumnName", "ColumnOrdinal", "DataType", "ColumnType"), columnNames(result));
        assertEquals(table("Id,0,System.Int32,int", "Region,1,System.String,string", "Product,2,System.String,string",
                "Amount,3,System.Int64,long", "Price,4,System.Double,real", "Ts,5,System.DateTime,datetime"),
                rows(result));
    }

    @Test
    void datatableIsAnInlineTable() throws Exception {
        KustoResultSetTable result = query(
                "datatable(Name:string, Age:long, Active:bool)['Ann', 30, true, 'Bob', 25, false] | sort by Age asc");
        assertEquals(List.of("Name", "Age", "Active"), columnNames(result));
        assertEquals(List.of("string", "long", "bool"), columnTypes(result));
        assertEquals(table("Bob,25,false", "Ann,30,true"), rows(result));
    }

    @Test
    void printNamesUnnamedColumnsPrintN() throws Exception {
        KustoResultSetTable result = query("print 1 + 1, x = 'a', 2.5");
        assertEquals(List.of("print_0", "x", "print_2"), columnNames(result));
        assertEquals(List.of("long", "string", "real"), columnTypes(result));
    }

    @Test
    void rangeGeneratesASeries() throws Exception {
        KustoResultSetTable result = query("range x from 1 to 5 step 2");
        assertEquals(List.of("x"), columnNames(result));
        assertEquals(List.of("long"), columnTypes(result));
        assertEquals(table("1", "3", "5"), rows(result));
        assertEquals(List.of("1.00:00:00", "2.00:00:00"), firstColumn("range t from 1d to 2d step 1d"));
    }

    @Test
    void asNamesAnIntermediateResult() throws Exception {
        assertEquals(3L, scalarLong("range x from 1 to 3 step 1 | as R | count"));
    }

    @Test
    void letBindsScalarsAndTabularExpressions() throws Exception {
        fixture();
        assertEquals(List.of("1", "3"),
                firstColumn("let threshold = 6; Sales | where Amount > threshold | project Id | sort by Id asc"));
        assertEquals(2L, scalarLong("let Big = Sales | where Amount > 6; Big | count"));
        assertEquals(List.of("1", "2", "3"),
                firstColumn("let n = 3; let R = range i from 1 to n step 1; R"));
    }

    @Test
    void declareQueryParametersUsesDefaultsWhenNotSupplied() throws Exception {
        fixture();
        assertEquals(List.of("1", "3"), firstColumn(
                "declare query_parameters(threshold:long = 6); Sales | where Amount > threshold | project Id | sort by Id asc"));
    }

    @Test
    void pipelinesComposeOperators() throws Exception {
        fixture();
        KustoResultSetTable result = query("Sales | where isnotnull(Amount) | extend Revenue = Amount * Price "
                + "| summarize Revenue = sum(Revenue) by Product | sort by Revenue desc");
        assertEquals(List.of("Product", "Revenue"), columnNames(result));
        assertTrue(result.next());
        assertEquals("Gadget", result.getString(0));
        assertEquals(120.0, result.getDouble(1));
        assertTrue(result.next());
        assertEquals("Widget", result.getString(0));
        assertEquals(32.5, result.getDouble(1));
    }
}
