package dev.kustospark.local.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.types.KustoType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandParserTest {
    @Test
    void stringLiteralsInEveryForm() {
        CommandParser p = new CommandParser("'it\\'s' \"q\\\"d\" @'C:\\dir''s' h'secret' h@\"raw\\\" ```multi\nline```");
        assertEquals("it's", p.singleString());
        assertEquals("q\"d", p.singleString());
        assertEquals("C:\\dir's", p.singleString());
        assertEquals("secret", p.singleString());
        assertEquals("raw\\", p.singleString());
        assertEquals("multi\nline", p.singleString());
        assertTrue(p.atEnd());
    }

    @Test
    void adjacentLiteralsConcatenateButANameTakesOne() {
        CommandParser p = new CommandParser("\"m1\" '[' '{\"a\":1}' ']'");
        assertEquals("m1", p.nameOrString());
        assertEquals("[{\"a\":1}]", p.string());
    }

    @Test
    void namesPlainAndBracketed() {
        CommandParser p = new CommandParser("Plain ['with space'] [\"dq\"] [ 'spaced' ]");
        assertEquals("Plain", p.name());
        assertEquals("with space", p.name());
        assertEquals("dq", p.name());
        assertEquals("spaced", p.name());
    }

    @Test
    void schemasPropertiesAndComments() {
        CommandParser p = new CommandParser("// leading comment\n(a:int, ['b c']:string, d:datetime)"
                + " with (folder='f', docstring=@'d', hidden=true, creationTime=datetime(2020-01-01)) with (x=1.5)");
        assertEquals(List.of(new Column("a", KustoType.INT), new Column("b c", KustoType.STRING),
                new Column("d", KustoType.DATETIME)), p.schema());
        Map<String, String> props = p.withProperties();
        assertEquals(Map.of("folder", "f", "docstring", "d", "hidden", "true", "creationTime", "2020-01-01",
                "x", "1.5"), props);
        assertTrue(p.atEnd());
    }

    @Test
    void errorsNameThePositionAndTheCommand() {
        CommandParser p = new CommandParser(".create table T\n  (a:int, b:notatype)");
        p.acceptKeywords("create");
        KustoException e = assertThrows(KustoException.class, () -> {
            p.expect(".");
            p.acceptKeywords("create", "table");
            p.name();
            p.schema();
        });
        assertTrue(e.getMessage().contains("unknown column type 'notatype'"), e.getMessage());
        assertTrue(e.getMessage().contains("[line:position=2:13]"), e.getMessage());
        assertTrue(e.getMessage().contains(".create table T"), e.getMessage());
        KustoException unterminated = assertThrows(KustoException.class,
                () -> new CommandParser("'never closed").string());
        assertTrue(unterminated.getMessage().contains("unterminated"), unterminated.getMessage());
    }
}
