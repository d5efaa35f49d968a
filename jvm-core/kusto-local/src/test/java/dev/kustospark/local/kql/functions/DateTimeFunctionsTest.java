package dev.kustospark.local.kql.functions;

import static dev.kustospark.local.kql.functions.Harness.call;
import static dev.kustospark.local.kql.functions.Harness.dt;
import static dev.kustospark.local.kql.functions.Harness.integer;
import static dev.kustospark.local.kql.functions.Harness.lng;
import static dev.kustospark.local.kql.functions.Harness.nullOf;
import static dev.kustospark.local.kql.functions.Harness.str;
import static dev.kustospark.local.kql.functions.Harness.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DateTimeFunctionsTest {
    @AutoClose
    private static final Harness db = new Harness();

    @Test
    void nowAndAgoSeeTheFixedInstantOfTheQuery() {
        assertEquals("2024-03-15T10:20:30.123456Z", db.datetimeText(call("now")));
        assertEquals("2024-03-15T09:20:30.123456Z", db.datetimeText(call("ago", ts("1h"))));
        assertEquals("2024-03-16T10:20:30.123456Z", db.datetimeText(call("ago", ts("-1d"))));
        assertEquals("2024-03-15T10:20:40.123456Z", db.datetimeText(call("now", ts("10s"))));
    }

    /** The documented startof / endof examples with offsets -1, 0 and 1. */
    @ParameterizedTest
    @CsvSource({
        "startofday, -1, 2016-12-31T00:00:00Z", "startofday, 0, 2017-01-01T00:00:00Z",
        "startofday, 1, 2017-01-02T00:00:00Z",
        "startofweek, -1, 2016-12-25T00:00:00Z", "startofweek, 0, 2017-01-01T00:00:00Z",
        "startofweek, 1, 2017-01-08T00:00:00Z",
        "startofmonth, -1, 2016-12-01T00:00:00Z", "startofmonth, 0, 2017-01-01T00:00:00Z",
        "startofmonth, 1, 2017-02-01T00:00:00Z",
        "startofyear, -1, 2016-01-01T00:00:00Z", "startofyear, 0, 2017-01-01T00:00:00Z",
        "startofyear, 1, 2018-01-01T00:00:00Z",
        "endofday, -1, 2016-12-31T23:59:59.999999Z", "endofday, 0, 2017-01-01T23:59:59.999999Z",
        "endofday, 1, 2017-01-02T23:59:59.999999Z",
        "endofweek, -1, 2016-12-31T23:59:59.999999Z", "endofweek, 0, 2017-01-07T23:59:59.999999Z",
        "endofweek, 1, 2017-01-14T23:59:59.999999Z",
        "endofmonth, -1, 2016-12-31T23:59:59.999999Z", "endofmonth, 0, 2017-01-31T23:59:59.999999Z",
        "endofmonth, 1, 2017-02-28T23:59:59.999999Z",
        "endofyear, -1, 2016-12-31T23:59:59.999999Z", "endofyear, 0, 2017-12-31T23:59:59.999999Z",
        "endofyear, 1, 2018-12-31T23:59:59.999999Z"})
    void startAndEndOfPeriods(String function, int offset, String expected) {
        assertEquals(expected, db.datetimeText(call(function, dt("2017-01-01 10:10:17"), integer(offset))));
    }

    @Test
    void startOfWeekIsSunday() {
        assertEquals("2024-03-10T00:00:00Z", db.datetimeText(call("startofweek", dt("2024-03-15T10:00:00Z"))));
        assertEquals("2024-03-10T00:00:00Z", db.datetimeText(call("startofweek", dt("2024-03-10T00:00:00Z"))));
        assertEquals("2024-03-15T00:00:00Z", db.datetimeText(call("startofday", dt("2024-03-15T23:59:59.999Z"))));
        assertNull(db.eval(call("startofday", nullOf(KustoType.DATETIME)), KustoType.DATETIME));
    }

    /** The documented datetime_add examples. */
    @ParameterizedTest
    @CsvSource({
        "year, 2018-01-01T00:00:00Z", "quarter, 2017-04-01T00:00:00Z", "month, 2017-02-01T00:00:00Z",
        "week, 2017-01-08T00:00:00Z", "day, 2017-01-02T00:00:00Z", "hour, 2017-01-01T01:00:00Z",
        "minute, 2017-01-01T00:01:00Z", "second, 2017-01-01T00:00:01Z", "millisecond, 2017-01-01T00:00:00.001Z",
        "microsecond, 2017-01-01T00:00:00.000001Z"})
    void datetimeAdd(String period, String expected) {
        assertEquals(expected, db.datetimeText(call("datetime_add", str(period), integer(1), dt("2017-01-01"))));
    }

    @Test
    void datetimeAddClampsToTheEndOfShorterMonths() {
        assertEquals("2024-02-29T00:00:00Z",
                db.datetimeText(call("datetime_add", str("month"), lng(1), dt("2024-01-31"))));
        assertEquals("2023-12-31T00:00:00Z",
                db.datetimeText(call("datetime_add", str("Day"), lng(-1), dt("2024-01-01"))));
    }

    /** The documented datetime_diff examples, which count period boundaries. */
    @Test
    void datetimeDiffCountsBoundaries() {
        assertEquals(17L, diff("year", "2017-01-01", "2000-12-31"));
        assertEquals(2L, diff("quarter", "2017-07-01", "2017-03-30"));
        assertEquals(13L, diff("month", "2017-01-01", "2015-12-30"));
        assertEquals(5L, diff("week", "2017-10-29 00:00", "2017-09-30 23:59"));
        assertEquals(29L, diff("day", "2017-10-29 00:00", "2017-09-30 23:59"));
        assertEquals(2L, diff("hour", "2017-10-31 01:00", "2017-10-30 23:59"));
        assertEquals(5L, diff("minute", "2017-10-30 23:05:01", "2017-10-30 23:00:59"));
        assertEquals(10L, diff("second", "2017-10-30 23:00:10.100", "2017-10-30 23:00:00.900"));
        assertEquals(100L, diff("millisecond", "2017-10-30 23:00:00.200100", "2017-10-30 23:00:00.100900"));
        assertEquals(100L, diff("microsecond", "2017-10-30 23:00:00.100900", "2017-10-30 23:00:00.100800"));
        assertEquals(-1000L, diff("nanosecond", "2017-10-30 23:00:00.000000", "2017-10-30 23:00:00.000001"));
        assertEquals(-17L, diff("year", "2000-12-31", "2017-01-01"));
    }

    private static Object diff(String period, String a, String b) {
        return db.eval(call("datetime_diff", str(period), dt(a), dt(b)), KustoType.LONG);
    }

    @Test
    void datePartsAndDayOfWeek() {
        // documented: dayofweek(datetime(1947-11-30 10:00:05)) is Sunday, 1970-05-11 a Monday
        assertEquals(0L, db.eval(call("dayofweek", dt("1947-11-30 10:00:05")), KustoType.TIMESPAN));
        assertEquals(KustoValues.TICKS_PER_DAY, db.eval(call("dayofweek", dt("1970-05-11")), KustoType.TIMESPAN));
        assertEquals(2015, db.eval(call("getyear", dt("2015-10-12")), KustoType.INT));
        assertEquals(10, db.eval(call("getmonth", dt("2015-10-12")), KustoType.INT));
        assertEquals(12, db.eval(call("dayofmonth", dt("2015-10-12")), KustoType.INT));
        assertEquals(285, db.eval(call("dayofyear", dt("2015-10-12")), KustoType.INT));
        assertEquals(7, db.eval(call("hourofday", dt("2015-10-12 07:15")), KustoType.INT));
        assertEquals(15, db.eval(call("datetime_part", str("Minute"), dt("2015-10-12 07:15")), KustoType.INT));
        assertEquals(123, db.eval(call("datetime_part", str("millisecond"), dt("2015-10-12 07:15:01.123456")),
                KustoType.INT));
    }

    /** The documented format_datetime examples, and fractions. */
    @Test
    void formatDatetime() {
        TypedSql when = dt("2017-01-29 09:00:05");
        assertEquals("17-01-29 [09:00:05]", format(when, "yy-MM-dd [HH:mm:ss]"));
        assertEquals("2017-1-29 [9:00:05]", format(when, "yyyy-M-dd [H:mm:ss]"));
        assertEquals("17-01-29 [09:00:05 AM]", format(when, "yy-MM-dd [hh:mm:ss tt]"));
        TypedSql afternoon = dt("2009-06-15T13:45:30.6175420Z");
        assertEquals("01:45:30 PM", format(afternoon, "hh:mm:ss tt"));
        assertEquals("6 61 617 6175 61754 617542 6175420", format(afternoon, "f ff fff ffff fffff ffffff fffffff"));
        assertEquals("30.617542", format(afternoon, "ss.FFFFFFF"));
        assertEquals("2009-06-15T13:45:30", format(afternoon, "yyyy-MM-ddTHH:mm:ss"));
        assertEquals("30", format(dt("2009-06-15T13:45:30Z"), "ss.FFF"));
        assertEquals("", format(nullOf(KustoType.DATETIME), "yyyy"));
        KustoException e = assertThrows(KustoException.class,
                () -> call("format_datetime", when, str("yyyy-MM-dd dddd")));
        assertTrue(e.getMessage().contains("dddd"), e.getMessage());
    }

    private static String format(TypedSql when, String format) {
        return (String) db.eval(call("format_datetime", when, str(format)), KustoType.STRING);
    }

    /** The documented unixtime_*_todatetime examples. */
    @Test
    void fromUnixTime() {
        assertEquals("2019-01-01T00:00:00Z", db.datetimeText(call("unixtime_seconds_todatetime", lng(1546300800))));
        assertEquals("2019-01-01T00:00:01.5Z", db.datetimeText(call("unixtime_seconds_todatetime",
                TypedSql.literal("CAST(1546300801.5 AS DOUBLE)", KustoType.REAL, 1546300801.5))));
        assertEquals("2019-01-01T00:00:00Z",
                db.datetimeText(call("unixtime_milliseconds_todatetime", lng(1546300800000L))));
        assertEquals("2019-01-01T00:00:00Z",
                db.datetimeText(call("unixtime_microseconds_todatetime", lng(1546300800000000L))));
        assertEquals("2019-01-01T00:00:00Z", db.datetimeText(call("unixtime_nanoseconds_todatetime",
                lng(1546300800000000000L))));
    }

    @Test
    void timeZonesAndConstructors() {
        assertEquals("2024-01-01T09:00:00Z",
                db.datetimeText(call("datetime_utc_to_local", dt("2024-01-01"), str("Asia/Tokyo"))));
        assertEquals("2024-07-01T02:00:00Z", db.datetimeText(call("datetime_utc_to_local", dt("2024-07-01"),
                str("Europe/Berlin"))));
        assertEquals("2024-01-01T00:00:00Z", db.datetimeText(call("datetime_local_to_utc", dt("2024-01-01 09:00"),
                str("Asia/Tokyo"))));
        KustoException e = assertThrows(KustoException.class,
                () -> call("datetime_utc_to_local", dt("2024-01-01"), str("Mars/Olympus")));
        assertTrue(e.getMessage().contains("Mars/Olympus"), e.getMessage());
        assertEquals(1, db.eval(call("week_of_year", dt("2024-01-01")), KustoType.INT));
        // documented: make_datetime(2017, 10, 01, 12, 10) and an invalid date giving null
        assertEquals("2017-10-01T12:10:00Z",
                db.datetimeText(call("make_datetime", lng(2017), lng(10), lng(1), lng(12), lng(10))));
        assertEquals("2017-10-01T12:10:30.5Z",
                db.datetimeText(call("make_datetime", lng(2017), lng(10), lng(1), lng(12),
                lng(10), TypedSql.literal("CAST(30.5 AS DOUBLE)", KustoType.REAL, 30.5))));
        assertEquals("2017-10-01T00:00:00Z", db.datetimeText(call("make_datetime", lng(2017), lng(10), lng(1))));
        assertNull(db.eval(call("make_datetime", lng(2017), lng(2), lng(30)), KustoType.DATETIME));
        // documented: make_timespan(1, 12, 30, 55.2) is 1.12:30:55.2
        assertEquals("1.12:30:55.2000000", db.eval(call("tostring", call("make_timespan", lng(1), lng(12), lng(30),
                TypedSql.literal("CAST(55.2 AS DOUBLE)", KustoType.REAL, 55.2))), KustoType.STRING));
        assertEquals(KustoValues.TICKS_PER_HOUR * 2 + KustoValues.TICKS_PER_MINUTE * 30,
                db.eval(call("make_timespan", lng(2), lng(30)), KustoType.TIMESPAN));
    }

    /** The documented format_timespan examples. */
    @Test
    void formatTimespan() {
        TypedSql t = ts("29.09:00:05.12345");
        assertEquals("29.09:00:05:12", db.eval(call("format_timespan", t, str("dd.hh:mm:ss:FF")), KustoType.STRING));
        assertEquals("029.9:00:05 [1234500]", db.eval(call("format_timespan", t, str("ddd.h:mm:ss [fffffff]")),
                KustoType.STRING));
        assertEquals("00:30", db.eval(call("format_timespan", ts("30m"), str("hh:mm")), KustoType.STRING));
        assertEquals("", db.eval(call("format_timespan", nullOf(KustoType.TIMESPAN), str("hh")), KustoType.STRING));
        assertThrows(KustoException.class, () -> call("format_timespan", t, str("hh:mm:ss tt")));
    }

    @Test
    void badArgumentsAreSemanticErrors() {
        assertThrows(KustoException.class, () -> call("datetime_add", str("fortnight"), lng(1), dt("2017-01-01")));
        assertThrows(KustoException.class, () -> call("startofday", lng(1)));
        assertThrows(KustoException.class, () -> call("ago", lng(1)));
        assertThrows(KustoException.class, () -> call("now", ts("1d"), ts("1d")));
    }
}
