package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service's datetime range, 0001-01-01 through 9999-12-31 (the Kusto documentation page "The
 * datetime data type"), in literals, storage and comparisons, including the sentinels that filters
 * compare against.
 */
final class DatetimeRangeConformanceTest extends ConformanceBase {

    @Override
    void createFixture() throws Exception {
        mgmt(".create table Moments (Id:long, At:datetime)");
        mgmt(".ingest inline into table Moments <|\n"
                + "1,0001-01-01T00:00:00Z\n"
                + "2,1500-03-01T12:00:00Z\n"
                + "3,2020-01-01T00:00:00Z\n"
                + "4,2020-01-01T00:00:00.000001Z\n"
                + "5,9999-12-31T23:59:59.999999Z\n"
                + "6,");
    }

    @Test
    void literalsAtBothEndsOfTheRange() throws Exception {
        assertEquals(table("0001-01-01T00:00:00.0000000Z,9999-12-31T23:59:59.9999990Z"),
                rows("print datetime(0001-01-01), datetime(9999-12-31 23:59:59.999999)"));
    }

    @Test
    void ticksAndWeekdayOfAnEarlyDate() throws Exception {
        // The documentation page's own example: 31241376000000000 ticks is Friday, 0100-01-01, midnight.
        assertEquals(table("31241376000000000,5.00:00:00"),
                rows("print tolong(datetime(0100-01-01)), dayofweek(datetime(0100-01-01))"));
    }

    @Test
    void storedValuesAtBothEndsReadBack() throws Exception {
        fixture();
        assertEquals(table("1,0001-01-01T00:00:00.0000000Z", "2,1500-03-01T12:00:00.0000000Z",
                "5,9999-12-31T23:59:59.9999990Z"), rows("Moments | where Id in (1, 2, 5) | order by Id asc"));
        assertEquals(table("0001-01-02T00:00:00.0000000Z"), rows("Moments | where Id == 1 | project At + 1d"));
    }

    @Test
    void comparisonsWithTheEndsOfTheRangeAsSentinels() throws Exception {
        fixture();
        assertEquals(List.of("1", "2", "3", "4"), ids("At < datetime(9999-12-31)"));
        assertEquals(List.of("2", "3", "4", "5"), ids("At > datetime(0001-01-01)"));
        assertEquals(List.of("1", "2", "3", "4", "5"), ids("At >= datetime(0001-01-01)"));
        assertEquals(List.of("1"), ids("At == datetime(0001-01-01)"));
    }

    /**
     * .NET's DateTime.MaxValue, 9999-12-31 23:59:59.9999999, is a common sentinel: kusto-local keeps
     * microseconds, and still answers every comparison with such a literal exactly.
     */
    @Test
    void comparisonsWithALiteralFinerThanAMicrosecondAreExact() throws Exception {
        fixture();
        assertEquals(List.of("1", "2", "3", "4", "5"), ids("At < datetime(9999-12-31 23:59:59.9999999)"));
        assertEquals(List.of(), ids("At > datetime(9999-12-31 23:59:59.9999999)"));
        String justAfter2020 = "datetime(2020-01-01 00:00:00.0000001)";
        assertEquals(List.of("1", "2", "3"), ids("At < " + justAfter2020));
        assertEquals(List.of("1", "2", "3"), ids("At <= " + justAfter2020));
        assertEquals(List.of("4", "5"), ids("At > " + justAfter2020));
        assertEquals(List.of("4", "5"), ids("At >= " + justAfter2020));
        assertEquals(List.of("4", "5"), ids(justAfter2020 + " < At"));
        assertEquals(List.of(), ids("At == " + justAfter2020));
        assertEquals(List.of("1", "2", "3", "4", "5", "6"), ids("At != " + justAfter2020));
        assertEquals(List.of("4", "5"),
                ids("At between (" + justAfter2020 + " .. datetime(9999-12-31 23:59:59.9999999))"));
    }

    @Test
    void aLiteralFinerThanAMicrosecondIsRefusedWhereItWouldBeRounded() throws Exception {
        ErrorConformanceTest.assertBadRequest(assertQueryFails("print datetime(2020-01-01 00:00:00.0000001)",
                "datetime(2020-01-01T00:00:00.0000001Z)", "microseconds"));
        ErrorConformanceTest.assertBadRequest(assertQueryFails(
                "print datetime(9999-12-31 23:59:59.9999999) - datetime(2020-01-01)",
                "datetime(9999-12-31T23:59:59.9999999Z)"));
    }

    private List<String> ids(String predicate) throws Exception {
        return firstColumn("Moments | where " + predicate + " | order by Id asc | project Id");
    }
}
