package dev.kustospark.local.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.kustospark.local.KustoException;
import org.junit.jupiter.api.Test;

class ErrorPositionsTest {
    @Test
    void firstLinePositionsMoveByTheCommandAndPrefix() {
        String text = ".show tables | where x";
        KustoException e = KustoException.syntaxError("bad", 1, 26);
        KustoException moved = ErrorPositions.shift(e, text, text.indexOf('|'), "$command_results ".length());
        // Column 26 of "$command_results | where x" is 'x'; in the command text 'x' is column 22.
        assertEquals("Syntax error: SYN0002: bad [line:position=1:22]", moved.getMessage());
        assertEquals(e.code(), moved.code());
        assertEquals(e.httpStatus(), moved.httpStatus());
    }

    @Test
    void laterLinesMoveByTheCommandLines() {
        String text = ".show tables;\n$command_results\n| frob";
        KustoException e = KustoException.syntaxError("bad", 3, 3);
        KustoException moved = ErrorPositions.shift(e, text, text.indexOf(';') + 1, 0);
        assertEquals("Syntax error: SYN0002: bad [line:position=3:3]", moved.getMessage());
    }

    @Test
    void errorsWithoutAPositionAreKept() {
        KustoException e = KustoException.badRequest("no position here");
        assertSame(e, ErrorPositions.shift(e, ".show tables | x", 13, 17));
    }
}
