package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import com.microsoft.azure.kusto.data.exceptions.DataWebException;
import org.junit.jupiter.api.Test;

/**
 * Bad requests fail as the service fails them: HTTP 400, permanent, with a message naming the problem,
 * in the error object of the Kusto documentation page "Query V2 HTTP response": a general outer
 * error and, in {@code innererror}, the specific one ({@code SEM0100}, {@code SemanticException}).
 */
final class ErrorConformanceTest extends ConformanceBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    void createFixture() throws Exception {
        mgmt(".create table Items (Id:long, Name:string)");
    }

    static void assertBadRequest(DataServiceException error) {
        assertEquals(400, error.getStatusCode(), error.getMessage());
        assertTrue(error.isPermanent(), error.getMessage());
    }

    /** The {@code error} object of the response body, as the SDK received it. */
    static JsonNode payload(DataServiceException error) throws Exception {
        DataWebException web = assertInstanceOf(DataWebException.class, error.getCause(), error.getMessage());
        return JSON.readTree(web.getMessage()).get("error");
    }

    /** The outer and inner codes and types, and the fields both carry. */
    static void assertPayload(DataServiceException error, String code, String type, String innerCode,
            String innerType) throws Exception {
        JsonNode e = payload(error);
        assertEquals(code, e.get("code").asText(), e::toString);
        assertEquals("Request is invalid and cannot be executed.", e.get("message").asText(), e::toString);
        assertEquals(type, e.get("@type").asText(), e::toString);
        assertTrue(e.get("@permanent").asBoolean(), e::toString);
        // the SDK shows @message
        assertTrue(error.getMessage().startsWith(e.get("@message").asText()), error::getMessage);
        JsonNode inner = e.get("innererror");
        assertEquals(innerCode, inner.get("code").asText(), e::toString);
        assertEquals(innerCode, inner.get("@errorCode").asText(), e::toString);
        assertEquals(innerType, inner.get("@type").asText(), e::toString);
        assertEquals(inner.get("message").asText(), inner.get("@errorMessage").asText(), e::toString);
        assertEquals(e.get("@message").asText(), inner.get("@message").asText(), e::toString);
        assertTrue(inner.get("@permanent").asBoolean(), e::toString);
        assertEquals(e.get("@context").get("activityId"), inner.get("@context").get("activityId"), e::toString);
    }

    @Test
    void syntaxErrorsCarryTheSyntaxErrorCodes() throws Exception {
        DataServiceException query = assertQueryFails("Items | where Id > ");
        assertPayload(query, "BadRequest_SyntaxError", "Kusto.Data.Exceptions.SyntaxException", "SYN0002",
                "Kusto.Data.Exceptions.SyntaxException");
        assertTrue(payload(query).get("@message").asText().startsWith("Syntax error: SYN0002: "), query::getMessage);
        DataServiceException command = assertMgmtFails(".create table Broken (a:nosuchtype)", "nosuchtype");
        assertPayload(command, "BadRequest_SyntaxError", "Kusto.Data.Exceptions.SyntaxException", "SYN0002",
                "Kusto.Data.Exceptions.SyntaxException");
    }

    /** The documentation page's own example: an unknown table is SEM0100, a SemanticException inside. */
    @Test
    void unknownTableIsSem0100InTheDocumentedShape() throws Exception {
        DataServiceException error = assertQueryFails("NoSuchTable");
        assertPayload(error, "General_BadRequest", "Kusto.Data.Exceptions.KustoBadRequestException", "SEM0100",
                "Kusto.Data.Exceptions.SemanticException");
        JsonNode e = payload(error);
        assertEquals("'table' operator: Failed to resolve table expression named 'NoSuchTable' [line:position=1:1]",
                e.get("innererror").get("@errorMessage").asText());
        assertEquals("Semantic error: SEM0100: " + e.get("innererror").get("@errorMessage").asText(),
                e.get("@message").asText());
    }

    @Test
    void unknownColumnIsSem0100() throws Exception {
        fixture();
        DataServiceException error = assertQueryFails("Items\n| project NoSuchColumn");
        assertPayload(error, "General_BadRequest", "Kusto.Data.Exceptions.KustoBadRequestException", "SEM0100",
                "Kusto.Data.Exceptions.SemanticException");
        assertTrue(payload(error).get("innererror").get("@errorMessage").asText().endsWith(
                "Failed to resolve scalar expression named 'NoSuchColumn' [line:position=2:11]"), error::getMessage);
    }

    @Test
    void unknownDatabaseIsADatabaseNotFoundException() throws Exception {
        DataServiceException error = org.junit.jupiter.api.Assertions.assertThrows(DataServiceException.class,
                () -> client.executeQuery("NoSuchDatabase", "print 1"));
        assertBadRequest(error);
        assertPayload(error, "BadRequest_EntityNotFound", "Kusto.Data.Exceptions.DatabaseNotFoundException",
                "BadRequest_EntityNotFound", "Kusto.Data.Exceptions.DatabaseNotFoundException");
        assertEquals("Database 'NoSuchDatabase' was not found.", payload(error).get("@message").asText());
    }

    @Test
    void anErrorInKqlAfterACommandPointsIntoTheCommand() throws Exception {
        DataServiceException error = assertMgmtFails(".show tables\n| where NoSuchColumn == 1", "line:position=2:9");
        assertEquals("SEM0100", payload(error).get("innererror").get("code").asText());
        assertTrue(payload(error).get("innererror").get("@errorMessage").asText().endsWith("[line:position=2:9]"),
                error::getMessage);
    }

    @Test
    void syntaxErrorReportsLineAndPosition() throws Exception {
        DataServiceException error = assertQueryFails("Items | where Id > ", "Syntax error", "[line:position=1:");
        assertBadRequest(error);
    }

    @Test
    void syntaxErrorOnALaterLineReportsThatLine() throws Exception {
        assertBadRequest(assertQueryFails("Items\n| take 1\n| project (Id", "[line:position=3:"));
    }

    @Test
    void unknownTableIsASemanticError() throws Exception {
        DataServiceException error = assertQueryFails("NoSuchTable | take 1", "NoSuchTable", "Failed to resolve");
        assertBadRequest(error);
        assertTrue(error.getMessage().contains("Semantic error"), error.getMessage());
    }

    @Test
    void unknownColumnIsASemanticError() throws Exception {
        fixture();
        assertBadRequest(assertQueryFails("Items | project NoSuchColumn", "NoSuchColumn", "Failed to resolve"));
    }

    @Test
    void unknownFunctionIsNamed() throws Exception {
        assertBadRequest(assertQueryFails("print nosuchfunction(1)", "nosuchfunction"));
    }

    @Test
    void typeMismatchIsRejected() throws Exception {
        fixture();
        assertBadRequest(assertQueryFails("Items | where Name > now()"));
    }

    @Test
    void unsupportedOperatorNamesTheConstructInsteadOfAnsweringWrongly() throws Exception {
        fixture();
        // An operator outside what the server implements must fail with its name and position, never run.
        DataServiceException error = assertQueryFails("Items | evaluate bag_unpack(Name)", "evaluate");
        assertBadRequest(error);
        assertTrue(error.getMessage().contains("1:"), error.getMessage());
    }

    /** What kusto-local cannot answer exactly fails at once, naming the construct and where it is. */
    @Test
    void unsupportedConstructsAreRefusedByName() throws Exception {
        fixture();
        for (String[] c : new String[][] {
                {"let f = (x:long) { x + 1 };\nprint f(1)", "user-defined functions [line:position=1:9]"},
                {"let v = view () { print 1 };\nv", "views [line:position=1:9]"}}) {
            DataServiceException error = assertQueryFails(c[0], "kusto-local does not support " + c[1]);
            assertBadRequest(error);
        }
    }

    /** dynamic_to_json follows 8 levels of nesting; a deeper value fails naming the limit, never cut short. */
    @Test
    void dynamicToJsonBeyondItsDepthFailsNamingTheLimit() throws Exception {
        assertEquals("[[[[[[[[1]]]]]]]]", scalarString("print dynamic_to_json(dynamic([[[[[[[[1]]]]]]]]))"));
        assertBadRequest(assertQueryFails("print dynamic_to_json(dynamic([[[[[[[[[1]]]]]]]]]))",
                "dynamic_to_json: the value nests arrays and bags more than 8 levels deep"));
    }

    @Test
    void dropOfAnUnknownTableFails() throws Exception {
        // Without ifexists, .drop table fails on a missing table (Kusto documentation page ".drop table command").
        assertBadRequest(assertMgmtFails(".drop table NoSuchTable", "NoSuchTable"));
    }

    @Test
    void commandsOnAnUnknownTableFail() throws Exception {
        assertBadRequest(assertMgmtFails(".drop table NoSuchTable", "NoSuchTable"));
        assertBadRequest(assertMgmtFails(".show table NoSuchTable extents", "NoSuchTable"));
    }

    /**
     * The schema commands answer an unknown table with no rows: the established Spark connector
     * decides whether a table exists from their row count.
     */
    @Test
    void schemaOfAnUnknownTableHasNoRows() throws Exception {
        assertEquals(0, mgmt(".show table NoSuchTable schema as json").count());
        assertEquals(0, mgmt(".show table NoSuchTable cslschema").count());
    }

    @Test
    void unknownCommandIsRejected() throws Exception {
        assertBadRequest(assertMgmtFails(".frobnicate everything"));
    }

    @Test
    void createMergeWithAConflictingColumnTypeFails() throws Exception {
        fixture();
        // The Kusto documentation page ".create-merge table command": a type conflict fails the command.
        assertBadRequest(assertMgmtFails(".create-merge table Items (Id:string)", "Id"));
    }

    @Test
    void unknownDatabaseFails() throws Exception {
        DataServiceException error = org.junit.jupiter.api.Assertions.assertThrows(DataServiceException.class,
                () -> client.executeQuery("NoSuchDatabase", "print 1"));
        assertTrue(error.getMessage().contains("NoSuchDatabase"), error.getMessage());
    }
}
