package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClient;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unusual table and column names round-trip through create, ingest and query. The Kusto documentation
 * page "Entity names" allows letters (any script), digits, underscore, space, dot and dash, quoted as
 * {@code ['name']} or {@code ["name"]}; semicolons, colons, quotes and brackets are not supported in
 * names, so those are rejected (and must never reach storage as text).
 */
final class IdentifierConformanceTest extends ConformanceBase {

    @Test
    void spacesDotsDashesRoundTrip() throws Exception {
        mgmt(".create table ['My Table.v-2'] (['first col']:int, ['second.col-x']:string)");
        mgmt(".ingest inline into table ['My Table.v-2'] <| 1,one");
        KustoResultSetTable result = query("['My Table.v-2'] | where ['first col'] == 1 | project ['second.col-x']");
        assertEquals(List.of("second.col-x"), columnNames(result));
        assertEquals(table("one"), rows(result));
        assertEquals(1L, scalarLong("[\"My Table.v-2\"] | count"));
    }

    @Test
    void unicodeNamesRoundTrip() throws Exception {
        mgmt(".create table ['Données_日本語'] (['Größe']:long, ['名前']:string)");
        mgmt(".ingest inline into table ['Données_日本語'] <| 5,テスト");
        KustoResultSetTable result = query("['Données_日本語'] | project ['名前'], ['Größe']");
        assertEquals(List.of("名前", "Größe"), columnNames(result));
        assertEquals(table("テスト,5"), rows(result));
        KustoResultSetTable tables = mgmt(".show tables | where TableName == 'Données_日本語'");
        assertEquals(1, tables.count());
    }

    @Test
    void streamingIngestionIntoDottedDashedNamesAndUnicodeColumns() throws Exception {
        mgmt(".create table ['Stream-Table.v2'] (['col one']:long, ['Größe']:string)");
        mgmt(".alter table ['Stream-Table.v2'] policy streamingingestion enable");
        IngestionProperties properties = new IngestionProperties(DB, "Stream-Table.v2");
        properties.setDataFormat(IngestionProperties.DataFormat.CSV);
        try (IngestClient ingest = IngestClientFactory.createStreamingIngestClient(new ConnectionStringBuilder(kusto.url()))) {
            ingest.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(
                    "1,groß\n2,klein\n".getBytes(StandardCharsets.UTF_8))), properties);
        }
        assertEquals(table("1,groß", "2,klein"), rows("['Stream-Table.v2'] | sort by ['col one'] asc"));
        assertEquals(table("klein"), rows("['Stream-Table.v2'] | where ['col one'] == 2 | project ['Größe']"));
    }

    @Test
    void keywordAndLiteralLookingNamesNeedQuotingAndWork() throws Exception {
        mgmt(".create table ['where'] (['project']:int, ['1day']:string, ['true']:bool)");
        mgmt(".ingest inline into table ['where'] <| 3,x,true");
        KustoResultSetTable result = query("['where'] | where ['project'] > 1 | project ['1day'], ['true']");
        assertEquals(List.of("1day", "true"), columnNames(result));
        assertEquals(table("x,true"), rows(result));
    }

    @Test
    void namesDifferingOnlyInCaseAreDistinct() throws Exception {
        mgmt(".create table CaseT (a:int)");
        mgmt(".create table caset (a:int)");
        mgmt(".ingest inline into table CaseT <| 1");
        assertEquals(1L, scalarLong("CaseT | count"));
        assertEquals(0L, scalarLong("caset | count"));
    }

    @Test
    void schemaCommandsReportQuotedNamesVerbatim() throws Exception {
        mgmt(".create table ['Schema Table-1'] (['a b']:int)");
        KustoResultSetTable schema = mgmt(".show table ['Schema Table-1'] schema as json");
        assertTrue(schema.next());
        assertEquals("Schema Table-1", schema.getString("TableName"));
        assertTrue(schema.getString("Schema").contains("\"a b\""), schema.getString("Schema"));
    }

    @Test
    void namesWithUnsupportedCharactersAreRejectedAndStorageIsUntouched() throws Exception {
        mgmt(".create table Survivor (a:int)");
        mgmt(".ingest inline into table Survivor <| 1");
        List<String> accepted = new java.util.ArrayList<>();
        for (String hostile : List.of("['semi;colon']", "['quote''s']", "[\"dq\\\"x\"]", "['x\"; DROP TABLE t1; --']",
                "['br]acket']", "['colon:x']")) {
            // A fresh table per column name: .create of an existing table succeeds without looking at the columns.
            String columnTable = "Hostile" + accepted.size() + "_" + Math.abs(hostile.hashCode());
            for (String command : List.of(".create table " + hostile + " (a:int)",
                    ".create table " + columnTable + " (" + hostile + ":int)")) {
                try {
                    mgmt(command);
                    accepted.add(command);
                } catch (com.microsoft.azure.kusto.data.exceptions.DataServiceException expected) {
                    assertEquals(400, expected.getStatusCode(), expected.getMessage());
                }
            }
        }
        assertEquals(1L, scalarLong("Survivor | count"));
        assertTrue(mgmt(".show tables | where TableName == 'Survivor'").count() == 1);
        assertEquals(List.of(), accepted, "commands with unsupported characters in names that were accepted");
    }

    @Test
    void hostileStringValuesRoundTrip() throws Exception {
        mgmt(".create table Values (s:string)");
        mgmt(".ingest inline into table Values <|\n"
                + "\"it's \"\"quoted\"\"; DROP TABLE x; --\"\n"
                + "\"[bracket] \\\\ backslash\"\n"
                + "\"emoji 😀 and ünïcödé\"");
        assertEquals(List.of("[bracket] \\\\ backslash", "emoji 😀 and ünïcödé", "it's \"quoted\"; DROP TABLE x; --"),
                firstColumn("Values | sort by s asc"));
        assertEquals(1L, scalarLong("Values | where s == 'it\\'s \"quoted\"; DROP TABLE x; --' | count"));
    }
}
