package dev.kustospark.local.dm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Queue messages in the shapes the Java (camelCase) and Python (PascalCase) SDKs write. */
class IngestionMessageTest {
    private static String b64(String json) {
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void javaMessage() {
        IngestionMessage m = IngestionMessage.decode(b64("""
                {"blobPath":"http://127.0.0.1:1/devstoreaccount1/tempstorage/db1__T__x__1.csv.gz?sv=1&sig=s",
                 "rawDataSize":34,"databaseName":"db1","tableName":"T","id":"ed4e9228-0000-0000-0000-000000000001",
                 "retainBlobOnSuccess":true,"reportLevel":"FailuresAndSuccesses","reportMethod":"Table",
                 "flushImmediately":true,
                 "ingestionStatusInTable":{"tableConnectionString":"http://127.0.0.1:3/devstoreaccount1/ingestionsstatus?sv=1",
                   "partitionKey":"p","rowKey":"r"},
                 "additionalProperties":{"format":"csv","ignoreFirstRecord":"true","authorizationContext":"t",
                   "tags":"[\\"ingest-by:a\\",\\"drop-by:b\\",\\"c\\"]","ingestIfNotExists":"[\\"a\\"]",
                   "ingestionMappingReference":"m","creationTime":"2020-01-02T03:04:05Z"}}"""));
        assertEquals("db1", m.database());
        assertEquals("T", m.table());
        assertTrue(m.retainBlobOnSuccess());
        assertTrue(m.reportsSuccesses());
        assertTrue(m.toTable());
        assertFalse(m.toQueue());
        assertEquals("p", m.partitionKey());
        assertEquals("csv", m.request().format());
        assertTrue(m.request().ignoreFirstRecord());
        assertEquals(List.of("ingest-by:a", "drop-by:b", "c"), m.request().tags());
        assertEquals(List.of("a"), m.request().ingestIfNotExists());
        assertEquals("m", m.request().mappingName());
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), m.request().creationTime());
    }

    @Test
    void pythonMessageWithIntEnumsAndNoFormat() {
        IngestionMessage m = IngestionMessage.decode(b64("""
                {"BlobPath":"http://127.0.0.1:1/devstoreaccount1/tempstorage/x.json.gz?sig=s","DatabaseName":"db1",
                 "TableName":"T","Id":"ed4e9228-0000-0000-0000-000000000002","RetainBlobOnSuccess":false,
                 "ReportLevel":2,"ReportMethod":0,"FlushImmediately":true,
                 "AdditionalProperties":{"ignoreFirstRecord":false,"tags":["x"],"ingestionMapping":"[]"}}"""));
        assertEquals("json", m.request().format());
        assertTrue(m.reportsSuccesses());
        assertTrue(m.toQueue());
        assertFalse(m.toTable());
        assertNull(m.statusTable());
        assertEquals(List.of("x"), m.request().tags());
        assertEquals("[]", m.request().mappingJson());
    }
}
