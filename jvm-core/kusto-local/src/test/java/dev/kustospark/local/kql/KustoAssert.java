package dev.kustospark.local.kql;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import org.junit.jupiter.api.function.Executable;

/** Assertions on the errors the compiler raises. */
final class KustoAssert {
    private KustoAssert() {}

    static KustoException semanticError(Executable query, String fragment) {
        KustoException e = assertThrows(KustoException.class, query);
        assertTrue(e.getMessage().startsWith("Semantic error: "), e.getMessage());
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
        return e;
    }

    static KustoException error(Executable query, String expectedMessage) {
        KustoException e = assertThrows(KustoException.class, query);
        org.junit.jupiter.api.Assertions.assertEquals(expectedMessage, e.getMessage());
        return e;
    }
}
