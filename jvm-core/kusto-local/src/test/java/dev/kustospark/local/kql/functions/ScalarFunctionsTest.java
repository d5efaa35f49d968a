package dev.kustospark.local.kql.functions;

import static dev.kustospark.local.kql.functions.Harness.bool;
import static dev.kustospark.local.kql.functions.Harness.call;
import static dev.kustospark.local.kql.functions.Harness.column;
import static dev.kustospark.local.kql.functions.Harness.dt;
import static dev.kustospark.local.kql.functions.Harness.dyn;
import static dev.kustospark.local.kql.functions.Harness.integer;
import static dev.kustospark.local.kql.functions.Harness.lng;
import static dev.kustospark.local.kql.functions.Harness.nullOf;
import static dev.kustospark.local.kql.functions.Harness.real;
import static dev.kustospark.local.kql.functions.Harness.str;
import static dev.kustospark.local.kql.functions.Harness.ts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ScalarFunctionsTest {
    @AutoClose
    private static final Harness db = new Harness();

    @Test
    void nullAndEmptyChecks() {
        assertEquals(true, db.eval(call("isnull", nullOf(KustoType.LONG)), KustoType.BOOL));
        assertEquals(false, db.eval(call("isnull", lng(1)), KustoType.BOOL));
        assertEquals(false, db.eval(call("isnull", str("")), KustoType.BOOL));
        assertEquals(true, db.eval(call("isnotnull", str("")), KustoType.BOOL));
        assertEquals(true, db.eval(call("isempty", str("")), KustoType.BOOL));
        assertEquals(false, db.eval(call("isempty", str("x")), KustoType.BOOL));
        assertEquals(true, db.eval(call("isempty", nullOf(KustoType.STRING)), KustoType.BOOL));
        assertEquals(true, db.eval(call("isempty", nullOf(KustoType.INT)), KustoType.BOOL));
        assertEquals(false, db.eval(call("isempty", dyn("[]")), KustoType.BOOL));
        assertEquals(true, db.eval(call("isnull", dyn("null")), KustoType.BOOL));
        assertEquals(true, db.eval(call("isnotempty", str("x")), KustoType.BOOL));
        assertEquals(false, db.eval(call("not", bool(true)), KustoType.BOOL));
    }

    @Test
    void iffCaseAndCoalesce() {
        assertEquals("yes", db.eval(call("iff", bool(true), str("yes"), str("no")), KustoType.STRING));
        assertEquals("no", db.eval(call("iif", nullOf(KustoType.BOOL), str("yes"), str("no")), KustoType.STRING));
        // int and long branches promote to long
        assertEquals(2L, db.eval(call("iff", bool(false), integer(1), lng(2)), KustoType.LONG));
        assertEquals(2.5, db.eval(call("iff", bool(false), integer(1), real(2.5)), KustoType.REAL));
        TypedSql size = column("n", KustoType.LONG);
        TypedSql bucket = call("case", lessThan3(size), str("small"), str("large"));
        assertEquals("large", db.evalOver(bucket, "(VALUES (CAST(5 AS BIGINT))) t(n)").get(0));
        // documented: coalesce(tolong("not a number"), tolong("42"), 33) == 42
        assertEquals(42L, db.eval(call("coalesce", call("tolong", str("not a number")), call("tolong", str("42")),
                lng(33)), KustoType.LONG));
        // for strings coalesce skips empty values
        assertEquals("b", db.eval(call("coalesce", str(""), nullOf(KustoType.STRING), str("b")), KustoType.STRING));
        KustoException e = assertThrows(KustoException.class, () -> call("iff", bool(true), str("a"), lng(1)));
        assertTrue(e.getMessage().contains("one type"), e.getMessage());
        assertThrows(KustoException.class, () -> call("iff", lng(1), str("a"), str("b")));
        assertThrows(KustoException.class, () -> call("case", bool(true), str("a")));
    }

    /** A predicate {@code n < 3} as the translator would hand it over. */
    private static TypedSql lessThan3(TypedSql n) {
        return TypedSql.of("(" + n.sql() + " < 3)", KustoType.BOOL);
    }

    @Test
    void stringFunctions() {
        assertEquals(5L, db.eval(call("strlen", str("hello")), KustoType.LONG));
        assertEquals(0L, db.eval(call("strlen", nullOf(KustoType.STRING)), KustoType.LONG));
        assertEquals(5L, db.eval(call("strlen", str("⒦⒰⒮⒯⒪")), KustoType.LONG));
        assertEquals("abc", db.eval(call("tolower", str("AbC")), KustoType.STRING));
        assertEquals("ABC", db.eval(call("toupper", str("AbC")), KustoType.STRING));
        assertEquals("cba", db.eval(call("reverse", str("abc")), KustoType.STRING));
        assertEquals(2L, db.eval(call("indexof", str("abcdefg"), str("cde")), KustoType.LONG));
        assertEquals(-1L, db.eval(call("indexof", str("abcdefg"), str("xyz")), KustoType.LONG));
        KustoException e = assertThrows(KustoException.class,
                () -> call("indexof", str("abcdefg"), str("cde"), integer(1), integer(4)));
        assertTrue(e.getMessage().contains("does not support 'indexof' with a start index"), e.getMessage());
    }

    /** The documented substring examples, and the edges past them. */
    @Test
    void substring() {
        assertEquals("23456", db.eval(call("substring", str("123456"), integer(1)), KustoType.STRING));
        assertEquals("34", db.eval(call("substring", str("123456"), integer(2), integer(2)), KustoType.STRING));
        assertEquals("AB", db.eval(call("substring", str("ABCD"), integer(0), integer(2)), KustoType.STRING));
        assertEquals("56", db.eval(call("substring", str("123456"), integer(-2), integer(2)), KustoType.STRING));
        assertEquals("", db.eval(call("substring", str("123456"), integer(10)), KustoType.STRING));
        assertEquals("56", db.eval(call("substring", str("123456"), integer(4), integer(100)), KustoType.STRING));
        assertEquals("12", db.eval(call("substring", str("123456"), integer(-100), integer(2)), KustoType.STRING));
        assertEquals("", db.eval(call("substring", str("123456"), integer(1), integer(-1)), KustoType.STRING));
        assertEquals("", db.eval(call("substring", nullOf(KustoType.STRING), integer(1)), KustoType.STRING));
    }

    @Test
    void strcatConvertsEveryArgumentAsTostringDoes() {
        assertEquals("hello world", db.eval(call("strcat", str("hello"), str(" "), str("world")), KustoType.STRING));
        assertEquals("a1-2.5-true-2024-01-02T03:04:05Z-1.00:00:00-",
                db.eval(call("strcat", str("a"), lng(1), str("-"), real(2.5), str("-"), bool(true), str("-"),
                        dt("2024-01-02T03:04:05Z"), str("-"), ts("1d"), str("-"), nullOf(KustoType.LONG)),
                        KustoType.STRING));
        assertEquals("a,b,1", db.eval(call("strcat_delim", str(","), str("a"), str("b"), lng(1)), KustoType.STRING));
        // documented: strcat_delim('-', 1, '2', 'A', 1s) is "1-2-A-00:00:01"
        assertEquals("1-2-A-00:00:01", db.eval(call("strcat_delim", str("-"), lng(1), str("2"), str("A"), ts("1s")),
                KustoType.STRING));
    }

    /** The documented split examples. */
    @Test
    void split() {
        assertEquals("[\"aa\",\"bb\"]", db.eval(call("split", str("aa_bb"), str("_")), KustoType.DYNAMIC));
        assertEquals("[\"bbb\"]", db.eval(call("split", str("aaa_bbb_ccc"), str("_"), integer(1)), KustoType.DYNAMIC));
        assertEquals("[\"\"]", db.eval(call("split", str(""), str("_")), KustoType.DYNAMIC));
        assertEquals("[\"a\",\"\",\"b\"]", db.eval(call("split", str("a__b"), str("_")), KustoType.DYNAMIC));
        assertEquals("[\"aa\",\"cc\"]", db.eval(call("split", str("aabbcc"), str("bb")), KustoType.DYNAMIC));
        assertEquals("[]", db.eval(call("split", str("aa_bb"), str("_"), integer(5)), KustoType.DYNAMIC));
    }

    @Test
    void trimAndReplace() {
        assertEquals("https://bing.com",
                db.eval(call("trim", str("--"), str("--https://bing.com--")), KustoType.STRING));
        assertEquals("Te st1// $", db.eval(call("trim_start", str("[^\\w]+"), str("-  Te st1// $")), KustoType.STRING));
        assertEquals("-  Te st1", db.eval(call("trim_end", str("[^\\w]+"), str("-  Te st1// $")), KustoType.STRING));
        assertEquals("A magic trick can turn a hamster into a dog",
                db.eval(call("replace_string", str("A magic trick can turn a cat into a dog"), str("cat"),
                        str("hamster")), KustoType.STRING));
        assertEquals("a.b", db.eval(call("replace_string", str("a.b"), str(""), str("x")), KustoType.STRING));
        assertEquals("Number is 20, Number is 30",
                db.eval(call("replace_regex", str("Number was: 20, Number was: 30"), str("was: ([0-9]+)"),
                        str("is \\1")), KustoType.STRING));
    }

    /** The documented extract examples. */
    @Test
    void extract() {
        assertEquals("45.6", db.eval(call("extract", str("x=([0-9.]+)"), integer(1), str("hello x=45.6|wo")),
                KustoType.STRING));
        assertEquals(45.6, db.eval(call("extract", str("x=([0-9.]+)"), integer(1), str("hello x=45.6|wo"),
                str("real")), KustoType.REAL));
        assertEquals("", db.eval(call("extract", str("x=([0-9.]+)"), integer(1), str("no match")), KustoType.STRING));
        assertNull(db.eval(call("extract", str("x=([0-9.]+)"), integer(1), str("no match"),
                nullOf(KustoType.LONG)), KustoType.LONG));
        assertEquals(123L, db.eval(call("extract", str("id=([0-9]+)"), integer(1), str("id=123;"),
                nullOf(KustoType.LONG)), KustoType.LONG));
        assertEquals("x=45.6", db.eval(call("extract", str("x=([0-9.]+)"), integer(0), str("hello x=45.6|wo")),
                KustoType.STRING));
    }

    /** The documented gettype examples. */
    @Test
    void gettype() {
        assertEquals("string", db.eval(call("gettype", str("a")), KustoType.STRING));
        assertEquals("long", db.eval(call("gettype", lng(111)), KustoType.STRING));
        assertEquals("bool", db.eval(call("gettype", bool(true)), KustoType.STRING));
        assertEquals("datetime", db.eval(call("gettype", call("now")), KustoType.STRING));
        assertEquals("timespan", db.eval(call("gettype", ts("1s")), KustoType.STRING));
        assertEquals("int", db.eval(call("gettype", call("parse_json", str("1"))), KustoType.STRING));
        assertEquals("string", db.eval(call("gettype", call("parse_json", str(" \"abc\" "))), KustoType.STRING));
        assertEquals("dictionary",
                db.eval(call("gettype", call("parse_json", str(" {\"abc\":1} "))), KustoType.STRING));
        assertEquals("array", db.eval(call("gettype", call("parse_json", str(" [1, 2, 3] "))), KustoType.STRING));
        assertEquals("real", db.eval(call("gettype", real(123.45)), KustoType.STRING));
        assertEquals("null", db.eval(call("gettype", call("parse_json", str(""))), KustoType.STRING));
        assertEquals("long", db.eval(call("gettype", dyn("3000000000")), KustoType.STRING));
    }

    /** The documented array_length, pack_array and bag_pack examples. */
    @Test
    void dynamicBuilders() {
        assertEquals(4L, db.eval(call("array_length", dyn("[1, 2, 3, \"four\"]")), KustoType.LONG));
        assertEquals(0L, db.eval(call("array_length", dyn("[]")), KustoType.LONG));
        assertNull(db.eval(call("array_length", dyn("{\"a\":1}")), KustoType.LONG));
        assertEquals("[1,2,3]", db.eval(call("pack_array", lng(1), lng(2), lng(3)), KustoType.DYNAMIC));
        assertEquals("[\"a\",1.5,null,\"2024-01-01T00:00:00Z\",[1]]", db.eval(call("pack_array", str("a"), real(1.5),
                nullOf(KustoType.LONG), dt("2024-01-01"), dyn("[1]")), KustoType.DYNAMIC));
        assertEquals("{\"Level\":\"Information\",\"ProcessID\":1234}", db.eval(call("bag_pack", str("Level"),
                str("Information"), str("ProcessID"), lng(1234)), KustoType.DYNAMIC));
        assertEquals("{\"a\":1}", db.eval(call("pack", str("a"), lng(1)), KustoType.DYNAMIC));
        assertThrows(KustoException.class, () -> call("bag_pack", str("a")));
    }

    @Test
    void minOfMaxOfCountofStrrep() {
        assertEquals(-3L, db.eval(call("min_of", lng(10), lng(1), lng(-3), lng(17)), KustoType.LONG));
        assertEquals(17L, db.eval(call("max_of", lng(10), lng(1), lng(-3), lng(17)), KustoType.LONG));
        assertEquals(1L, db.eval(call("min_of", nullOf(KustoType.LONG), lng(1)), KustoType.LONG));
        assertEquals(2.5, db.eval(call("max_of", integer(2), real(2.5)), KustoType.REAL));
        assertEquals(3L, db.eval(call("countof", str("aaa"), str("a")), KustoType.LONG));
        assertEquals(2L, db.eval(call("countof", str("aaaa"), str("aa")), KustoType.LONG));
        assertEquals(1L, db.eval(call("countof", str("ababa"), str("aba")), KustoType.LONG));
        assertEquals(2L, db.eval(call("countof", str("abcabc"), str("a.c"), str("regex")), KustoType.LONG));
        assertEquals(0L, db.eval(call("countof", str("abc"), str("")), KustoType.LONG));
        assertEquals("ABCABC", db.eval(call("strrep", str("ABC"), integer(2)), KustoType.STRING));
        assertEquals("ABC ABC ABC", db.eval(call("strrep", str("ABC"), integer(3), str(" ")), KustoType.STRING));
        assertEquals("", db.eval(call("strrep", str("ABC"), integer(0), str(" ")), KustoType.STRING));
    }

    /** The documented tohex, base64, strcat_array and bag_keys examples. */
    @Test
    void encodingsAndArrays() {
        assertEquals("100", db.eval(call("tohex", lng(256)), KustoType.STRING));
        assertEquals("fffffffffffffdde", db.eval(call("tohex", lng(-546)), KustoType.STRING));
        assertEquals("fffffdde", db.eval(call("tohex", integer(-546)), KustoType.STRING));
        assertEquals("00000030", db.eval(call("tohex", integer(48), integer(8)), KustoType.STRING));
        assertEquals("S3VzdG8x", db.eval(call("base64_encode_tostring", str("Kusto1")), KustoType.STRING));
        assertEquals("Kusto1", db.eval(call("base64_decode_tostring", str("S3VzdG8x")), KustoType.STRING));
        assertNull(db.eval(call("base64_decode_tostring", str("U3RyaW5n0KHR0tGA0L7Rh9C60LA=\u00ff")),
                KustoType.STRING));
        assertEquals("1->2->3", db.eval(call("strcat_array", dyn("[1, 2, 3]"), str("->")), KustoType.STRING));
        assertEquals("a,,[2]", db.eval(call("strcat_array", dyn("[\"a\", null, [2]]"), str(",")), KustoType.STRING));
        assertEquals("[\"a\",\"b\"]", db.eval(call("bag_keys", dyn("{\"a\":1,\"b\":{\"c\":2}}")), KustoType.DYNAMIC));
        assertNull(db.eval(call("bag_keys", dyn("[1]")), KustoType.DYNAMIC));
    }

    @Test
    void randomValuesAndConstants() {
        double r = (Double) db.eval(call("rand"), KustoType.REAL);
        assertTrue(r >= 0 && r < 1);
        long n = (Long) db.eval(call("rand", lng(10)), KustoType.LONG);
        assertTrue(n >= 0 && n < 10);
        assertEquals(36, ((String) db.eval(call("new_guid"), KustoType.GUID)).length());
        assertEquals(Math.PI, db.eval(call("pi"), KustoType.REAL));
    }

    @Test
    void unknownFunctionsAreUnsupportedWithPosition() {
        assertFalse(ScalarFunctions.isKnown("no_such_function"));
        assertTrue(ScalarFunctions.isKnown("has"));
        assertTrue(ScalarFunctions.isKnown("!has"));
        assertTrue(ScalarFunctions.isKnown("bin"));
        KustoException e = assertThrows(KustoException.class, () -> call("no_such_function", lng(1)));
        assertTrue(e.getMessage().contains("no_such_function") && e.getMessage().contains("1:5"), e.getMessage());
        assertEquals(400, e.httpStatus());
    }
}
