package dev.kustospark.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.protocol.ResultLimits;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueryRequestTest {
    private static QueryRequest parse(String json) throws Exception {
        return QueryRequest.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void propertiesAsAJsonStringAsTheSdksSendThem() throws Exception {
        QueryRequest r = parse("{\"db\":\"db1\",\"csl\":\"  T | take p1 \\n\",\"properties\":"
                + "\"{\\\"Options\\\":{\\\"truncationmaxrecords\\\":10,\\\"servertimeout\\\":\\\"00:00:30\\\"},"
                + "\\\"Parameters\\\":{\\\"p1\\\":\\\"int(5)\\\"}}\"}");
        assertEquals("db1", r.database());
        assertEquals("T | take p1", r.csl());
        assertEquals(Duration.ofSeconds(30), r.timeout());
        assertEquals(10, r.limits().maxRecords());
        assertEquals(ResultLimits.DEFAULT.maxBytes(), r.limits().maxBytes());
        assertEquals("int(5)", r.parameters().get("p1"));
    }

    @Test
    void propertiesAsAnObjectWithJsonScalarParameters() throws Exception {
        QueryRequest r = parse("{\"db\":\"db1\",\"csl\":\"print 1\",\"properties\":{\"Options\":{\"notruncation\":true,"
                + "\"servertimeout\":90000},\"Parameters\":{\"n\":5,\"big\":12345678901234567890,\"x\":1.5,\"b\":false,"
                + "\"s\":\"text\",\"nothing\":null}}}");
        assertEquals(ResultLimits.NONE, r.limits());
        assertEquals(Duration.ofSeconds(90), r.timeout());
        assertEquals(5L, r.parameters().get("n"));
        assertEquals(new BigDecimal("12345678901234567890"), r.parameters().get("big"));
        assertEquals(1.5, r.parameters().get("x"));
        assertEquals(false, r.parameters().get("b"));
        assertEquals("text", r.parameters().get("s"));
        assertTrue(!r.parameters().containsKey("nothing"), "a null leaves the declared default in force");
    }

    @Test
    void defaultsDependOnTheKindOfRequest() throws Exception {
        QueryRequest query = parse("{\"db\":\"db1\",\"csl\":\"print 1\"}");
        assertEquals(Duration.ofMinutes(4), query.timeout());
        assertEquals(ResultLimits.DEFAULT, query.limits());
        assertNull(parse("{\"csl\":\"print 1\"}").database());
        assertEquals(Duration.ofMinutes(10), parse("{\"db\":\"db1\",\"csl\":\".show tables\"}").timeout());
    }

    @Test
    void timeoutForms() {
        com.fasterxml.jackson.databind.node.JsonNodeFactory f = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        assertEquals(Duration.ofMinutes(50), QueryRequest.parseTimeout(f.textNode("50m")));
        assertEquals(Duration.ofMillis(600000), QueryRequest.parseTimeout(f.textNode("600000")));
        assertEquals(Duration.ofMillis(1500), QueryRequest.parseTimeout(f.numberNode(1500L)));
        assertEquals(Duration.ofHours(1), QueryRequest.parseTimeout(f.textNode("1.00:00:00")), "capped at an hour");
        KustoException bad = assertThrows(KustoException.class, () -> QueryRequest.parseTimeout(f.textNode("-5m")));
        assertTrue(bad.getMessage().contains("servertimeout"));
    }

    @Test
    void badOptionsNameTheProperty() {
        KustoException e = assertThrows(KustoException.class, () -> parse(
                "{\"csl\":\"print 1\",\"properties\":{\"Options\":{\"truncationmaxrecords\":\"many\"}}}"));
        assertTrue(e.getMessage().contains("truncationmaxrecords") && e.getMessage().contains("many"), e.getMessage());
        KustoException flag = assertThrows(KustoException.class, () -> parse(
                "{\"csl\":\"print 1\",\"properties\":{\"Options\":{\"notruncation\":\"yes\"}}}"));
        assertTrue(flag.getMessage().contains("notruncation"), flag.getMessage());
    }

    @Test
    void setStatementsOfTheQueryWinOverRequestProperties() throws Exception {
        QueryRequest sent = parse("{\"csl\":\"T\",\"properties\":{\"Options\":{\"TruncationMaxRecords\":10,"
                + "\"servertimeout\":\"00:00:30\"}}}");
        QueryRequest set = sent.withSetOptions(java.util.Map.of("truncationmaxrecords", "3"));
        assertEquals(3, set.limits().maxRecords());
        assertEquals(Duration.ofSeconds(30), set.timeout());
        assertEquals(ResultLimits.NONE, sent.withSetOptions(java.util.Map.of("notruncation", "true")).limits());
        assertEquals(10, sent.limits().maxRecords(), "the request as sent is unchanged");
        assertThrows(KustoException.class, () -> sent.withSetOptions(java.util.Map.of("truncationmaxrecords", "lots")));
    }
}
