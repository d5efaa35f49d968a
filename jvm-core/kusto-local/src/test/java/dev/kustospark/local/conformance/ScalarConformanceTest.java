package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Scalar operators and functions, mostly through {@code print}, with Kusto's null and case rules. */
final class ScalarConformanceTest extends ConformanceBase {

    static Instant instant(String wire) {
        return Instant.parse(wire);
    }

    Instant scalarInstant(String kql) throws Exception {
        return instant(scalarString(kql));
    }

    @Test
    void arithmeticKeepsKustoTypesAndIntegerDivisionTruncates() throws Exception {
        assertEquals(3L, scalarLong("print 7 / 2"));
        assertEquals(-3L, scalarLong("print -7 / 2"));
        assertEquals(1L, scalarLong("print 7 % 3"));
        assertEquals(3.5, scalarDouble("print 7 / 2.0"));
        assertEquals(List.of("long", "real", "int"),
                columnTypes(query("print a = 1 + 2, b = 1 + 2.0, c = toint(1) + toint(2)")));
        assertEquals(14L, scalarLong("print 2 + 3 * 4"));
    }

    @Test
    void nullsPropagateThroughArithmeticAndComparisons() throws Exception {
        assertNull(scalar("print long(null) + 1"));
        assertNull(scalar("print int(null) * 2"));
        assertFalse(scalarBool("print isnotnull(real(null) - 1.0)"));
        assertTrue(scalarBool("print isnull(long(null) > 1)"));
    }

    @Test
    void nullEqualityFollowsTheDocumentedTable() throws Exception {
        // Example from the Kusto documentation page "Null values".
        KustoResultSetTable result = query("datatable(val:int)[5, int(null)]\n"
                + "| extend IsBiggerThan3 = val > 3\n"
                + "| extend IsBiggerThan3OrNull = val > 3 or isnull(val)\n"
                + "| extend IsEqualToNull = val == int(null)\n"
                + "| extend IsNotEqualToNull = val != int(null)");
        assertEquals(table("5,true,true,false,true", "<null>,<null>,true,<null>,<null>"), rows(result));
        // where drops rows whose predicate is null, and keeps a null compared unequal to a value.
        assertEquals(table("<null>,b"),
                rows("datatable(ival:int, sval:string)[5, 'a', int(null), 'b'] | where ival != 5"));
    }

    @Test
    void logicalOperators() throws Exception {
        assertTrue(scalarBool("print true and not(false)"));
        assertTrue(scalarBool("print false or true"));
        assertFalse(scalarBool("print not(true)"));
        assertTrue(scalarBool("print 1 != 2 and 2 >= 2 and 1 <= 1 and 3 > 2 and 1 < 2"));
    }

    @Test
    void stringEqualityIsCaseSensitiveAndTildeIsNot() throws Exception {
        assertFalse(scalarBool("print 'abc' == 'ABC'"));
        assertTrue(scalarBool("print 'abc' != 'ABC'"));
        assertTrue(scalarBool("print 'abc' =~ 'ABC'"));
        assertFalse(scalarBool("print 'abc' !~ 'ABC'"));
    }

    @Test
    void containsStartsWithEndsWithIgnoreCase() throws Exception {
        assertTrue(scalarBool("print 'Hello World' contains 'WORLD'"));
        assertFalse(scalarBool("print 'Hello World' !contains 'lo w'"));
        assertTrue(scalarBool("print 'Hello World' contains_cs 'World'"));
        assertFalse(scalarBool("print 'Hello World' contains_cs 'world'"));
        assertTrue(scalarBool("print 'Hello World' startswith 'hello'"));
        assertTrue(scalarBool("print 'Hello World' endswith 'WORLD'"));
        assertFalse(scalarBool("print 'Hello World' startswith 'World'"));
    }

    @Test
    void hasMatchesWholeTermsOnly() throws Exception {
        assertTrue(scalarBool("print 'North America' has 'america'"));
        assertTrue(scalarBool("print 'error: disk full' has 'disk'"));
        assertFalse(scalarBool("print 'Northern lights' has 'north'"));
        assertTrue(scalarBool("print 'Northern lights' !has 'north'"));
        assertFalse(scalarBool("print 'North America' !has 'NORTH'"));
    }

    @Test
    void matchesRegex() throws Exception {
        assertTrue(scalarBool("print 'abc123' matches regex '^[a-z]+[0-9]+$'"));
        assertFalse(scalarBool("print 'ABC' matches regex '^[a-z]+$'"));
    }

    @Test
    void inNotInAndCaseInsensitiveIn() throws Exception {
        assertTrue(scalarBool("print 2 in (1, 2, 3)"));
        assertFalse(scalarBool("print 5 in (1, 2, 3)"));
        assertTrue(scalarBool("print 5 !in (1, 2, 3)"));
        assertFalse(scalarBool("print 'A' in ('a', 'b')"));
        assertTrue(scalarBool("print 'A' in~ ('a', 'b')"));
    }

    @Test
    void betweenIsInclusive() throws Exception {
        assertTrue(scalarBool("print 3 between (1 .. 3)"));
        assertTrue(scalarBool("print 1 between (1 .. 3)"));
        assertFalse(scalarBool("print 4 between (1 .. 3)"));
        assertTrue(scalarBool("print datetime(2024-01-02) between (datetime(2024-01-01) .. 1d)"));
    }

    @Test
    void nullAndEmptyChecks() throws Exception {
        // A string is never null in Kusto: it is empty.
        assertFalse(scalarBool("print isnull('')"));
        assertTrue(scalarBool("print isempty('')"));
        assertTrue(scalarBool("print isnotempty('a')"));
        assertTrue(scalarBool("print isnull(long(null))"));
        assertTrue(scalarBool("print isnotnull(1)"));
        assertTrue(scalarBool("print isempty(long(null))"));
        assertEquals("", scalarString("print tostring(long(null))"));
    }

    @Test
    void conditionalFunctions() throws Exception {
        assertEquals("yes", scalarString("print iff(1 < 2, 'yes', 'no')"));
        assertEquals("no", scalarString("print iif(1 > 2, 'yes', 'no')"));
        assertEquals("mid", scalarString("print x = 7 | project case(x > 10, 'big', x > 5, 'mid', 'small')"));
        assertEquals("small", scalarString("print x = 1 | project case(x > 10, 'big', x > 5, 'mid', 'small')"));
        assertEquals(5L, scalarLong("print coalesce(long(null), 5, 6)"));
        assertEquals("b", scalarString("print coalesce('', 'b')"));
    }

    @Test
    void stringFunctions() throws Exception {
        assertEquals(5L, scalarLong("print strlen('hello')"));
        assertEquals("hello", scalarString("print tolower('HeLLo')"));
        assertEquals("HELLO", scalarString("print toupper('HeLLo')"));
        assertEquals("abc1", scalarString("print strcat('a', 'b', 'c', 1)"));
        // Examples from the Kusto documentation page "substring()".
        assertEquals("23456", scalarString("print substring('123456', 1)"));
        assertEquals("34", scalarString("print substring('123456', 2, 2)"));
        assertEquals("AB", scalarString("print substring('ABCD', 0, 2)"));
        assertEquals("56", scalarString("print substring('123456', -2, 2)"));
        // Example from the Kusto documentation page "trim()".
        assertEquals("https://bing.com", scalarString("print trim('--', '--https://bing.com--')"));
        assertEquals("A magic trick can turn a hamster into a dog",
                scalarString("print replace_string('A magic trick can turn a cat into a dog', 'cat', 'hamster')"));
    }

    @Test
    void splitReturnsADynamicArray() throws Exception {
        // Examples from the Kusto documentation page "split()".
        KustoResultSetTable result = query("print split('aaa_bbb_ccc', '_'), split('aa__bb', '_'), split('aaa_bbb_ccc', '_', 1)");
        assertEquals(List.of("dynamic", "dynamic", "dynamic"), columnTypes(result));
        assertTrue(result.next());
        assertEquals("[\"aaa\",\"bbb\",\"ccc\"]", result.getJSONObject(0).toString());
        assertEquals("[\"aa\",\"\",\"bb\"]", result.getJSONObject(1).toString());
        assertEquals("[\"bbb\"]", result.getJSONObject(2).toString());
    }

    @Test
    void extractReturnsTheCapturedGroup() throws Exception {
        // Example from the Kusto documentation page "extract()".
        assertEquals("45.6", scalarString("print extract('x=([0-9.]+)', 1, 'hello x=45.6|wo')"));
        assertEquals("", scalarString("print extract('y=([0-9]+)', 1, 'hello x=45')"));
    }

    @Test
    void extractConvertsToTheRequestedType() throws Exception {
        // Example from the Kusto documentation page "extract()".
        assertEquals(45.6, scalarDouble("print extract('x=([0-9.]+)', 1, 'hello x=45.6|wo', typeof(real))"));
    }

    @Test
    void conversions() throws Exception {
        KustoResultSetTable toInt = query("print toint('12')");
        assertEquals(List.of("int"), columnTypes(toInt));
        assertTrue(toInt.next());
        assertEquals(12, toInt.getInt(0));
        assertEquals(12L, scalarLong("print tolong('12')"));
        assertNull(scalar("print tolong('abc')"));
        assertEquals(1.5, scalarDouble("print toreal('1.5')"));
        assertEquals(1.5, scalarDouble("print todouble('1.5')"));
        assertEquals("123", scalarString("print tostring(123)"));
        assertTrue(scalarBool("print tobool('true')"));
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), scalarInstant("print todatetime('2020-01-02 03:04:05')"));
        assertEquals("1.02:03:04", scalarString("print totimespan('1.02:03:04')"));
        KustoResultSetTable decimal = query("print todecimal('1.5')");
        assertEquals(List.of("decimal"), columnTypes(decimal));
        assertTrue(decimal.next());
        assertEquals(0, new java.math.BigDecimal("1.5").compareTo(decimal.getBigDecimal(0)));
        KustoResultSetTable guid = query("print toguid('74be27de-1e4e-49d9-b579-fe0b331d3642')");
        assertEquals(List.of("guid"), columnTypes(guid));
        assertTrue(guid.next());
        assertEquals(java.util.UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642"), guid.getUUID(0));
    }

    @Test
    void conversionsTruncateAndNullsBecomeEmptyStrings() throws Exception {
        assertEquals(3L, scalarLong("print tolong(3.7)"));
        assertEquals(-3L, scalarLong("print tolong(-3.7)"));
        assertEquals("a", scalarString("print strcat('a', int(null))"));
        assertEquals(0L, scalarLong("print strlen(tostring(datetime(null)))"));
    }

    @Test
    void parseJsonAndTodynamicSupportPropertyAndIndexAccess() throws Exception {
        String json = "'{\"a\":{\"b\":[10,20,30]},\"name\":\"x\"}'";
        assertEquals(20L, scalarLong("print toint(parse_json(" + json + ").a.b[1])"));
        assertEquals("x", scalarString("print tostring(todynamic(" + json + ")['name'])"));
        KustoResultSetTable result = query("print d = parse_json(" + json + ").a");
        assertEquals(List.of("dynamic"), columnTypes(result));
        assertTrue(result.next());
        JsonNode node = result.getJSONObject(0);
        assertEquals(30, node.get("b").get(2).asInt());
        assertNull(scalar("print parse_json(" + json + ").missing"));
    }

    @Test
    void nowIsConstantWithinAQueryAndAgoIsRelativeToIt() throws Exception {
        assertTrue(scalarBool("print now() == now()"));
        assertTrue(scalarBool("print ago(1h) == now() - 1h"));
        Instant now = scalarInstant("print now()");
        assertTrue(Duration.between(now, Instant.now()).abs().compareTo(Duration.ofMinutes(1)) < 0);
    }

    @Test
    void startAndEndOfPeriods() throws Exception {
        String t = "datetime(2017-01-04 10:10:17)";
        assertEquals(Instant.parse("2017-01-04T00:00:00Z"), scalarInstant("print startofday(" + t + ")"));
        // Weeks start on Sunday.
        assertEquals(Instant.parse("2017-01-01T00:00:00Z"), scalarInstant("print startofweek(" + t + ")"));
        assertEquals(Instant.parse("2017-01-01T00:00:00Z"), scalarInstant("print startofmonth(" + t + ")"));
        assertEquals(Instant.parse("2017-01-01T00:00:00Z"), scalarInstant("print startofyear(datetime(2017-06-15))"));
        assertEquals(Instant.parse("2017-01-04T23:59:59.999999Z"),
                scalarInstant("print endofday(" + t + ")").truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Test
    @Disabled("datetime is stored as DuckDB TIMESTAMP (microseconds), a documented deviation (README, KustoType)")
    void datetimeKeepsTheServicePrecisionOfOneTick() throws Exception {
        // Kusto datetimes count 100-nanosecond ticks: the Kusto documentation page "endofday()" shows
        // 23:59:59.9999999, and a literal keeps its seventh fractional digit.
        assertEquals(Instant.parse("2017-01-04T23:59:59.9999999Z"),
                scalarInstant("print endofday(datetime(2017-01-04 10:10:17))"));
        assertEquals(Instant.parse("2020-01-01T00:00:00.0000001Z"), scalarInstant("print datetime(2020-01-01 00:00:00.0000001)"));
    }

    @Test
    void datetimeAddAndDiff() throws Exception {
        assertEquals(Instant.parse("2018-01-01T00:00:00Z"), scalarInstant("print datetime_add('year', 1, datetime(2017-01-01))"));
        assertEquals(Instant.parse("2017-03-01T00:00:00Z"), scalarInstant("print datetime_add('month', 2, datetime(2017-01-01))"));
        assertEquals(Instant.parse("2016-12-31T23:00:00Z"), scalarInstant("print datetime_add('hour', -1, datetime(2017-01-01))"));
        // Example from the Kusto documentation page "datetime_diff()".
        KustoResultSetTable result = query("print\n"
                + "year = datetime_diff('year',datetime(2017-01-01),datetime(2000-12-31)),\n"
                + "quarter = datetime_diff('quarter',datetime(2017-07-01),datetime(2017-03-30)),\n"
                + "month = datetime_diff('month',datetime(2017-01-01),datetime(2015-12-30)),\n"
                + "week = datetime_diff('week',datetime(2017-10-29 00:00),datetime(2017-09-30 23:59)),\n"
                + "day = datetime_diff('day',datetime(2017-10-29 00:00),datetime(2017-09-30 23:59)),\n"
                + "hour = datetime_diff('hour',datetime(2017-10-31 01:00),datetime(2017-10-30 23:59)),\n"
                + "minute = datetime_diff('minute',datetime(2017-10-30 23:05:01),datetime(2017-10-30 23:00:59)),\n"
                + "second = datetime_diff('second',datetime(2017-10-30 23:00:10.100),datetime(2017-10-30 23:00:00.900)),\n"
                + "millisecond = datetime_diff('millisecond',datetime(2017-10-30 23:00:00.200100),datetime(2017-10-30 23:00:00.100900))");
        assertEquals(table("17,2,13,5,29,2,5,10,100"), rows(result));
    }

    @Test
    void dayOfWeekGetYearAndFormatDatetime() throws Exception {
        // dayofweek counts days since the preceding Sunday, as a timespan.
        assertEquals("1.00:00:00", scalarString("print dayofweek(datetime(2015-12-14))"));
        assertEquals("00:00:00", scalarString("print dayofweek(datetime(2015-12-20))"));
        assertEquals(2015L, scalarLong("print getyear(datetime(2015-10-12))"));
        // Examples from the Kusto documentation page "format_datetime()".
        assertEquals("17-01-29 [09:00:05]", scalarString("print format_datetime(datetime(2017-01-29 09:00:05), 'yy-MM-dd [HH:mm:ss]')"));
        assertEquals("2017-1-29 [9:00:05]", scalarString("print format_datetime(datetime(2017-01-29 09:00:05), 'yyyy-M-dd [H:mm:ss]')"));
        assertEquals("17-01-29 [09:00:05 AM]", scalarString("print format_datetime(datetime(2017-01-29 09:00:05), 'yy-MM-dd [hh:mm:ss tt]')"));
    }

    @Test
    void datetimeAndTimespanArithmetic() throws Exception {
        assertEquals(Instant.parse("2024-01-02T06:00:00Z"), scalarInstant("print datetime(2024-01-01) + 1d + 6h"));
        assertEquals("1.06:00:00", scalarString("print datetime(2024-01-02 06:00) - datetime(2024-01-01)"));
        assertEquals("02:30:00", scalarString("print 2h + 30m"));
        assertEquals("01:00:00", scalarString("print 2h / 2"));
        assertEquals("-00:00:01.5000000", scalarString("print -1500ms"));
        assertEquals(List.of("datetime", "timespan"), columnTypes(query("print datetime(2024-01-01) - 1h, 1d - 1h")));
        assertEquals(24.0, scalarDouble("print 1d / 1h"));
    }

    @Test
    void mathFunctions() throws Exception {
        assertEquals(4.0, scalarDouble("print floor(4.5, 1)"));
        assertEquals(2.988, scalarDouble("print round(2.98765, 3)"));
        assertEquals(5L, scalarLong("print abs(-5)"));
        assertEquals(8.0, scalarDouble("print pow(2, 3)"));
        assertEquals(2.0, scalarDouble("print sqrt(4)"));
        assertEquals(1.0, scalarDouble("print log(exp(1))"), 1e-12);
    }

    @Test
    void hashMatchesTheDocumentedValues() throws Exception {
        // Examples from the Kusto documentation page "hash()".
        assertEquals(1846988464401551951L, scalarLong("print hash('World')"));
        assertEquals(51L, scalarLong("print hash('World', 100)"));
    }
}
