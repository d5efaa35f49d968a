package dev.kustospark.local.kql;

import static dev.kustospark.local.kql.KqlRunner.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Examples from the Kusto documentation, with the outputs the documentation gives. */
class KqlDocExamplesTest {
    private static final String JOIN_TABLES = "let X = datatable(Key:string, Value1:long)['a',1, 'b',2, 'b',3, 'c',4];"
            + " let Y = datatable(Key:string, Value2:long)['b',10, 'c',20, 'c',30, 'd',40];";

    private static KqlRunner kql;

    @BeforeAll
    static void setUp() {
        kql = new KqlRunner();
    }

    @AfterAll
    static void tearDown() {
        kql.close();
    }

    @Test
    void range() {
        assertEquals(List.of(row(1L), row(4L), row(7L)), kql.run("range Steps from 1 to 8 step 3").rows());
    }

    @Test
    void print() {
        KqlRunner.Result r = kql.run("print 0 + 1 + 2 + 3 + 4 + 5, x = \"Wow!\"");
        assertEquals(List.of("print_0:long", "x:string"), r.columns());
        assertEquals(List.of(row(15L, "Wow!")), r.rows());
    }

    @Test
    void datatableWithFilterAndDynamicAccess() {
        KqlRunner.Result r = kql.run("datatable(Date:datetime, Event:string, MoreData:dynamic) [\n"
                + "    datetime(1910-06-11), \"Born\", dynamic({\"key1\":\"value3\", \"key2\":\"value4\"}),\n"
                + "    datetime(1930-01-01), \"Enters Ecole Navale\", dynamic({\"key1\":\"value5\", \"key2\":\"value6\"}),\n"
                + "    datetime(1953-01-01), \"Published first book\", dynamic({\"key1\":\"value7\", \"key2\":\"value8\"}),\n"
                + "    datetime(1997-06-25), \"Died\", dynamic({\"key1\":\"value9\", \"key2\":\"value10\"}),\n"
                + "]\n| where strlen(Event) > 4\n| extend key2 = MoreData.key2");
        assertEquals(List.of("Date:datetime", "Event:string", "MoreData:dynamic", "key2:dynamic"), r.columns());
        assertEquals(List.of(
                row("1930-01-01T00:00:00.0000000Z", "Enters Ecole Navale", "{\"key1\":\"value5\",\"key2\":\"value6\"}",
                        "\"value6\""),
                row("1953-01-01T00:00:00.0000000Z", "Published first book",
                        "{\"key1\":\"value7\",\"key2\":\"value8\"}", "\"value8\"")), r.rows());
    }

    @Test
    void defaultJoinKeepsOneLeftRowPerKey() {
        KqlRunner.Result r = kql.run(JOIN_TABLES + " X | join Y on Key | order by Value2 asc");
        assertEquals(List.of("Key:string", "Value1:long", "Key1:string", "Value2:long"), r.columns());
        assertEquals(3, r.rows().size());
        assertTrue(List.of(2L, 3L).contains(r.rows().get(0).get(1)));
        assertEquals(row("b", "b", 10L), row(r.rows().get(0).get(0), r.rows().get(0).get(2), r.rows().get(0).get(3)));
        assertEquals(List.of(row("c", 4L, "c", 20L), row("c", 4L, "c", 30L)), r.rows().subList(1, 3));
    }

    @Test
    void joinFlavors() {
        assertEquals(List.of(row("a", 1L, "", null), row("b", 2L, "b", 10L), row("b", 3L, "b", 10L),
                row("c", 4L, "c", 20L), row("c", 4L, "c", 30L)),
                kql.run(JOIN_TABLES + " X | join kind=leftouter Y on Key | order by Key asc, Value1 asc, Value2 asc")
                        .rows());
        assertEquals(List.of(row("a", 1L)), kql.run(JOIN_TABLES + " X | join kind=leftanti Y on Key").rows());
        assertEquals(List.of(row("b", 2L), row("b", 3L), row("c", 4L)),
                kql.run(JOIN_TABLES + " X | join kind=leftsemi Y on Key | order by Value1 asc").rows());
        assertEquals(List.of(row("d", 40L)), kql.run(JOIN_TABLES + " X | join kind=rightanti Y on Key").rows());
        assertEquals(List.of(row("b", 10L), row("c", 20L), row("c", 30L)),
                kql.run(JOIN_TABLES + " X | join kind=rightsemi Y on Key | order by Value2 asc").rows());
        assertEquals(List.of(row("", null, "d", 40L)),
                kql.run(JOIN_TABLES + " X | join kind=fullouter Y on Key | where Key1 == 'd'").rows());
        assertEquals(List.of(row(4L)), kql.run(JOIN_TABLES + " X | join kind=inner Y on Key | count").rows());
    }

    @Test
    void mvExpandOfABagAndWithItemIndex() {
        String bag = "datatable (a: int, b: dynamic)[1, dynamic({\"prop1\": \"a1\", \"prop2\": \"b1\"})]";
        assertEquals(List.of(row(1, "{\"prop1\":\"a1\"}"), row(1, "{\"prop2\":\"b1\"}")),
                kql.run(bag + " | mv-expand b").rows());
        assertEquals(List.of(row(1, "[\"prop1\",\"a1\"]"), row(1, "[\"prop2\",\"b1\"]")),
                kql.run(bag + " | mv-expand kind=array b").rows());
        KqlRunner.Result r = kql.run("range x from 1 to 4 step 1 | summarize x = make_list(x) "
                + "| mv-expand with_itemindex=Index x");
        assertEquals(List.of("x:dynamic", "Index:long"), r.columns());
        assertEquals(List.of(row("1", 0L), row("2", 1L), row("3", 2L), row("4", 3L)), r.rows());
    }
}
