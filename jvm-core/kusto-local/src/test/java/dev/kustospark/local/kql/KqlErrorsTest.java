package dev.kustospark.local.kql;

import static dev.kustospark.local.types.KustoType.LONG;
import static dev.kustospark.local.types.KustoType.STRING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KqlErrorsTest {
    private static KqlRunner kql;

    @BeforeAll
    static void setUp() {
        kql = new KqlRunner();
        kql.catalog().create("T", List.of(new Column("n", LONG), new Column("s", STRING)), "(1, 'a')");
    }

    @AfterAll
    static void tearDown() {
        kql.close();
    }

    @Test
    void unknownTableNamesTheTable() {
        KustoAssert.error(() -> kql.compile("Missing | count"), "Semantic error: SEM0100: 'table' operator: "
                + "Failed to resolve table expression named 'Missing' [line:position=1:1]");
        // names are case-sensitive
        KustoAssert.semanticError(() -> kql.compile("t | count"), "named 't'");
    }

    @Test
    void unknownColumnNamesTheOperatorAndPosition() {
        KustoAssert.error(() -> kql.compile("T\n| where N > 1"), "Semantic error: SEM0100: 'where' operator: "
                + "Failed to resolve scalar expression named 'N' [line:position=2:9]");
        KustoAssert.semanticError(() -> kql.compile("T | project n, x"), "'project' operator: Failed to resolve "
                + "scalar expression named 'x' [line:position=1:16]");
        KustoAssert.semanticError(() -> kql.compile("T | project-away zz"), "'project-away' operator");
        KustoAssert.semanticError(() -> kql.compile("T | project-away *"), "no columns are left");
        KustoAssert.semanticError(() -> kql.compile("T | join (T) on zz"), "'join' operator");
    }

    @Test
    void syntaxErrorsCarryPositions() {
        KustoAssert.error(() -> kql.compile("T | where n >"), "Syntax error: SYN0002: expected an expression but "
                + "found end of query [line:position=1:14]");
        KustoAssert.error(() -> kql.compile("T | project (n"), "Syntax error: SYN0002: expected ')' but found end "
                + "of query [line:position=1:15]");
        KustoAssert.error(() -> kql.compile("print 'abc"), "Syntax error: SYN0002: unterminated string literal "
                + "[line:position=1:7]");
        KustoException e = assertThrows(KustoException.class, () -> kql.compile("T | where n > 1 n"));
        assertEquals(400, e.httpStatus());
        assertEquals("Syntax error: SYN0002: expected ';' or end of query but found 'n' [line:position=1:17]",
                e.getMessage());
    }

    @Test
    void unsupportedConstructsAreNamed() {
        KustoAssert.error(() -> kql.compile("T | mv-apply s on (take 1)"),
                "kusto-local does not support the 'mv-apply' operator [line:position=1:5]");
        KustoAssert.error(() -> kql.compile("let f = (x:long) { x + 1 }; print f(1)"),
                "kusto-local does not support user-defined functions [line:position=1:9]");
        KustoAssert.error(() -> kql.compile("T | join kind=weird (T) on n"),
                "kusto-local does not support join kind 'weird' [line:position=1:5]");
    }

    @Test
    void typeErrorsAreSemantic() {
        KustoAssert.semanticError(() -> kql.compile("T | where s == 1"),
                "Cannot compare values of types string and long");
        KustoAssert.semanticError(() -> kql.compile("T | extend x = s + 'b'"),
                "operator '+' cannot be applied to string and string");
        KustoAssert.semanticError(() -> kql.compile("T | where n"), "predicate must be of type bool");
        KustoAssert.semanticError(() -> kql.compile("T | take -1"), "row count");
        KustoAssert.semanticError(() -> kql.compile("T | extend c = count()"), "aggregation function");
        KustoAssert.semanticError(() -> kql.compile("T | summarize x = n + 1"),
                "'summarize' operator: column 'n' is used outside of an aggregation function "
                        + "[line:position=1:19]");
    }
}
