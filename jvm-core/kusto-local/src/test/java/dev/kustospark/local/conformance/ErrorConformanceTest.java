package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import org.junit.jupiter.api.Test;

/** Bad requests fail as the service fails them: HTTP 400, permanent, with a message naming the problem. */
final class ErrorConformanceTest extends ConformanceBase {

    @Override
    void createFixture() throws Exception {
        mgmt(".create table Items (Id:long, Name:string)");
    }

    static void assertBadRequest(DataServiceException error) {
        assertEquals(400, error.getStatusCode(), error.getMessage());
        assertTrue(error.isPermanent(), error.getMessage());
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
