package dev.kustospark.local.kql.functions;

import static dev.kustospark.local.kql.functions.Harness.call;
import static dev.kustospark.local.kql.functions.Harness.column;
import static dev.kustospark.local.kql.functions.Harness.lng;
import static dev.kustospark.local.kql.functions.Harness.nullOf;
import static dev.kustospark.local.kql.functions.Harness.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StringOperatorsTest {
    @AutoClose
    private static final Harness db = new Harness();

    private static boolean op(String operator, String left, String right) {
        TypedSql result = call(operator, str(left), str(right));
        assertEquals(KustoType.BOOL, result.type());
        return (Boolean) db.eval(result);
    }

    /** Every example of the string operators table of the Kusto documentation yields true. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|=~|ABC", "aBc|!~|xyz",
        "FabriKam|contains|BRik", "Fabrikam|!contains|xyz",
        "FabriKam|contains_cs|Kam", "Fabrikam|!contains_cs|Kam",
        "Fabrikam|endswith|Kam", "Fabrikam|!endswith|brik",
        "Fabrikam|endswith_cs|kam", "Fabrikam|!endswith_cs|brik",
        "North America|has|america", "North America|!has|amer",
        "North America|has_cs|America", "North America|!has_cs|amer",
        "North America|hasprefix|ame", "North America|!hasprefix|mer",
        "North America|hasprefix_cs|Ame", "North America|!hasprefix_cs|CA",
        "North America|hassuffix|ica", "North America|!hassuffix|americ",
        "North America|hassuffix_cs|ica", "North America|!hassuffix_cs|icA",
        "Fabrikam|matches regex|b.*k",
        "Fabrikam|startswith|fab", "Fabrikam|!startswith|kam",
        "Fabrikam|startswith_cs|Fab", "Fabrikam|!startswith_cs|fab"})
    void documentedExamplesAreTrue(String left, String operator, String right) {
        assertTrue(op(operator, left, right), left + " " + operator + " " + right);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "abc|!~|ABC", "FabriKam|!contains|BRik", "Fabrikam|contains_cs|KAM",
        "North America|has|amer", "North America|has_cs|america", "North America|hasprefix|mer",
        "North America|hassuffix|americ", "Fabrikam|startswith_cs|fab", "Fabrikam|matches regex|^k"})
    void oppositesAreFalse(String left, String operator, String right) {
        assertFalse(op(operator, left, right), left + " " + operator + " " + right);
    }

    /** The documentation's term example: terms are maximal runs of letters and digits. */
    @Test
    void hasMatchesWholeTermsOnly() {
        String text = "Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun";
        assertTrue(op("has", text, "c1db"));
        assertTrue(op("has", text, "KUSTOEXPLORERQUERYRUN"));
        assertTrue(op("has", text, "kusto"));
        assertFalse(op("has", text, "c1d"));
        assertFalse(op("has", text, "Explorer"));
        // a needle holding punctuation matches at term boundaries
        assertTrue(op("has", text, "c1db-4f9f"));
        assertTrue(op("has", text, "Kusto: ad67d136"));
        assertFalse(op("has", text, "db-4f"));
        assertTrue(op("hasprefix", text, "Explo") == false);
        assertTrue(op("hasprefix", text, "kustoexp"));
        assertTrue(op("hassuffix", text, "QueryRun"));
        assertTrue(op("has", "a.b", "."));
        assertTrue(op("has", "anything", ""));
    }

    @Test
    void regexMetacharactersInNeedlesAreLiteral() {
        assertFalse(op("has", "abc", "a.c"));
        assertTrue(op("has", "x a.c y", "a.c"));
        assertFalse(op("contains", "abc", "a.c"));
        assertTrue(op("contains", "price (usd)", "(USD)"));
    }

    /** Operators over columns: non-constant needles, null (empty) strings, numbers on the left. */
    @Test
    void columnsAndNullsAndNonStrings() {
        String table = "(VALUES ('North America', 'america', 1), (NULL, 'x', 2), ('a-b', 'A-B', 3), ('ab', '', 4)) "
                + "t(s, n, k) ORDER BY k";
        TypedSql s = column("s", KustoType.STRING);
        TypedSql n = column("n", KustoType.STRING);
        assertEquals(Arrays.asList(true, false, true, true), db.evalOver(call("has", s, n), table));
        assertEquals(Arrays.asList(false, true, false, false), db.evalOver(call("!has", s, n), table));
        assertEquals(Arrays.asList(true, false, true, true), db.evalOver(call("contains", s, n), table));
        assertEquals(Arrays.asList(false, false, true, false), db.evalOver(call("=~", s, n), table));
        assertEquals(List.of(false, true, false, false),
                db.evalOver(call("=~", s, str("")), table));
        assertEquals(Arrays.asList(true, false, false, false),
                db.evalOver(call("hasprefix", s, str("amer")), table));
        assertTrue((Boolean) db.eval(call("contains", lng(12345), str("234"))));
        assertTrue((Boolean) db.eval(call("!contains", nullOf(KustoType.STRING), str("x"))));
        assertFalse((Boolean) db.eval(call("startswith", nullOf(KustoType.STRING), str("x"))));
    }

    @Test
    void nonConstantNeedleWithPunctuation() {
        String table = "(VALUES ('c1db-4f9f', 1), ('db-4f', 2), ('a.c', 3)) t(n, k) ORDER BY k";
        TypedSql text = str("ad67d136-c1db-4f9f-88ef x a.c");
        assertEquals(List.of(true, false, true),
                db.evalOver(call("has", text, column("n", KustoType.STRING)), table));
    }

    @Test
    void hasAnyAndHasAll() {
        TypedSql text = str("North America, Europe");
        assertTrue((Boolean) db.eval(call("has_any", text, str("asia"), str("europe"))));
        assertFalse((Boolean) db.eval(call("has_any", text, str("asia"), str("eur"))));
        assertTrue((Boolean) db.eval(call("has_all", text, str("america"), str("EUROPE"))));
        assertFalse((Boolean) db.eval(call("has_all", text, str("america"), str("asia"))));
        assertTrue((Boolean) db.eval(call("has_any", text, Harness.dyn("[\"x\", \"north\"]"))));
        assertFalse((Boolean) db.eval(call("has_any", text)));
        assertTrue((Boolean) db.eval(call("has_all", text)));
        assertEquals(List.of(true, false), db.evalOver(call("has_any", column("s", KustoType.STRING), str("b"),
                column("n", KustoType.STRING)), "(VALUES ('a b', 'z', 1), ('a', 'c', 2)) t(s, n, k) ORDER BY k"));
    }

    @Test
    void malformedConstantRegexIsASemanticError() {
        KustoException e = assertThrows(KustoException.class, () -> call("matches regex", str("a"), str("(ab")));
        assertTrue(e.getMessage().contains("invalid regular expression '(ab'"), e.getMessage());
        assertTrue(e.getMessage().contains("'matches regex'"), e.getMessage());
        assertTrue((Boolean) db.eval(call("matches regex", str("ab12"), str("(?P<letters>[a-z]+)[0-9]+"))));
    }

    @Test
    void wrongArityIsASemanticErrorNamingTheOperator() {
        KustoException e = assertThrows(KustoException.class, () -> call("has", str("a")));
        assertTrue(e.getMessage().contains("'has'"), e.getMessage());
        assertTrue(e.getMessage().contains("[line:position=1:5]"), e.getMessage());
    }
}
