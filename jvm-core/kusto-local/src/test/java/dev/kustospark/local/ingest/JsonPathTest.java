package dev.kustospark.local.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kustospark.local.KustoException;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private static final String DOC = "{\"a\":{\"b\":[10,{\"c\":\"deep\"}]},\"odd key\":1,\"q'\":2}";

    private static String select(String path) throws Exception {
        JsonNode node = JsonPath.parse(path).select(ValueConverter.JSON_DOCUMENT.readTree(DOC));
        return node == null ? null : node.toString();
    }

    @Test
    void selectsPropertiesIndexesAndRoot() throws Exception {
        assertEquals("{\"b\":[10,{\"c\":\"deep\"}]}", select("$.a"));
        assertEquals("10", select("$.a.b[0]"));
        assertEquals("\"deep\"", select("$.a.b[1].c"));
        assertEquals("\"deep\"", select("$['a']['b'][1][\"c\"]"));
        assertEquals("{\"c\":\"deep\"}", select("$.a.b[-1]"));
        assertEquals("1", select("$['odd key']"));
        assertEquals("2", select("$['q\\'']"));
        assertEquals(ValueConverter.JSON_DOCUMENT.readTree(DOC).toString(), select("$"));
    }

    @Test
    void missingPartsSelectNothing() throws Exception {
        assertNull(select("$.nope"));
        assertNull(select("$.a.b[5]"));
        assertNull(select("$.a.b.c"));
        assertNull(select("$.a[0]"));
    }

    @Test
    void rejectsUnsupportedSyntax() {
        KustoException e = assertThrows(KustoException.class, () -> JsonPath.parse("$.a[*]"));
        assertTrue(e.getMessage().contains("$.a[*]"), e.getMessage());
        assertThrows(KustoException.class, () -> JsonPath.parse("a.b"));
        assertThrows(KustoException.class, () -> JsonPath.parse("$['a'"));
        assertThrows(KustoException.class, () -> JsonPath.parse("$..a"));
    }
}
