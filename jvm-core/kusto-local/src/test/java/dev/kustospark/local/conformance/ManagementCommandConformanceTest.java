package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.WellKnownDataSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Management commands through {@code executeMgmt}, with the result shapes the documentation gives. */
final class ManagementCommandConformanceTest extends ConformanceBase {
    static final ObjectMapper JSON = new ObjectMapper();

    List<String> tableNames() throws Exception {
        KustoResultSetTable tables = mgmt(".show tables");
        List<String> names = new ArrayList<>();
        while (tables.next()) {
            names.add(tables.getString("TableName"));
        }
        return names;
    }

    List<String> columnsOf(String table) throws Exception {
        List<String> columns = new ArrayList<>();
        for (List<String> row : rows(query(table + " | getschema"))) {
            columns.add(row.get(0) + ":" + row.get(3));
        }
        return columns;
    }

    @Test
    void showDatabasesListsTheConfiguredDatabase() throws Exception {
        KustoResultSetTable result = mgmt(".show databases");
        // The service's columns, in its order (the Kusto documentation page ".show databases command").
        assertEquals(List.of("DatabaseName", "PersistentStorage", "Version", "IsCurrent", "DatabaseAccessMode",
                "PrettyName", "ReservedSlot1", "DatabaseId", "InTransitionTo", "SuspensionState"), columnNames(result));
        List<String> names = new ArrayList<>();
        while (result.next()) {
            names.add(result.getString("DatabaseName"));
        }
        assertTrue(names.contains(DB), names::toString);
    }

    @Test
    void showTableDetailsHasTheServiceColumnsEndingWithTheTableId() throws Exception {
        mgmt(".create table Detailed (a:long)");
        KustoResultSetTable details = mgmt(".show table Detailed details");
        // The columns of the Kusto documentation page ".show table details command", in its order.
        assertEquals(List.of("TableName", "DatabaseName", "Folder", "DocString", "TotalExtents", "TotalExtentSize",
                "TotalOriginalSize", "TotalRowCount", "HotExtents", "HotExtentSize", "HotOriginalSize", "HotRowCount",
                "AuthorizedPrincipals", "RetentionPolicy", "CachingPolicy", "ShardingPolicy", "MergePolicy",
                "StreamingIngestionPolicy", "IngestionBatchingPolicy", "MinExtentsCreationTime",
                "MaxExtentsCreationTime", "RowOrderPolicy", "TableId"), columnNames(details));
        assertEquals("string", columnTypes(details).get(22));
        assertTrue(details.next());
        String id = details.getString("TableId");
        assertEquals(id, UUID.fromString(id).toString());
        KustoResultSetTable again = mgmt(".show tables (Detailed) details");
        assertTrue(again.next());
        assertEquals(id, again.getString("TableId"));
    }

    /**
     * A command piped into a query answers as a query does: the primary result, the query
     * properties, the query status and the table of contents, four tables where a command has one.
     */
    @Test
    void commandPipedIntoAQueryAnswersInTheShapeOfAQuery() throws Exception {
        mgmt(".create table PipedShape (a:long)");
        KustoOperationResult piped = client.executeMgmt(DB, ".show tables | where TableName == 'PipedShape'");
        List<WellKnownDataSet> kinds = piped.getResultTables().stream().map(KustoResultSetTable::getTableKind).toList();
        assertEquals(List.of(WellKnownDataSet.PrimaryResult, WellKnownDataSet.QueryProperties,
                WellKnownDataSet.QueryCompletionInformation, WellKnownDataSet.TableOfContents), kinds);
        KustoResultSetTable primary = piped.getPrimaryResults();
        assertEquals(List.of("TableName", "DatabaseName", "Folder", "DocString"), columnNames(primary));
        assertTrue(primary.next());
        assertEquals("PipedShape", primary.getString("TableName"));
        assertFalse(primary.next());
        assertEquals(1, client.executeMgmt(DB, ".show tables").getResultTables().size());
    }

    @Test
    void showVersion() throws Exception {
        KustoResultSetTable result = mgmt(".show version");
        assertTrue(columnNames(result).containsAll(List.of("BuildVersion", "BuildTime", "ServiceType", "ProductVersion")),
                columnNames(result)::toString);
        assertTrue(result.next());
        assertEquals("Engine", result.getString("ServiceType"));
    }

    @Test
    void createTableReturnsTheSchemaAndShowsIt() throws Exception {
        KustoResultSetTable created = mgmt(".create table Created (a:int, b:string, c:datetime)");
        assertEquals(List.of("TableName", "Schema", "DatabaseName", "Folder", "DocString"), columnNames(created));
        assertTrue(created.next());
        assertEquals("Created", created.getString("TableName"));
        assertEquals(DB, created.getString("DatabaseName"));

        KustoResultSetTable shown = mgmt(".show table Created schema as json");
        assertEquals(List.of("TableName", "Schema", "DatabaseName", "Folder", "DocString"), columnNames(shown));
        assertTrue(shown.next());
        JsonNode schema = JSON.readTree(shown.getString("Schema"));
        assertEquals("Created", schema.get("Name").asText());
        JsonNode columns = schema.get("OrderedColumns");
        assertEquals(3, columns.size());
        assertEquals("a", columns.get(0).get("Name").asText());
        assertEquals("int", columns.get(0).get("CslType").asText());
        assertEquals("System.Int32", columns.get(0).get("Type").asText());
        assertEquals("System.String", columns.get(1).get("Type").asText());
        assertEquals("datetime", columns.get(2).get("CslType").asText());
        assertEquals("System.DateTime", columns.get(2).get("Type").asText());

        KustoResultSetTable tables = mgmt(".show tables");
        assertEquals(List.of("TableName", "DatabaseName", "Folder", "DocString"), columnNames(tables));
        assertTrue(tableNames().contains("Created"));
    }

    @Test
    void createTableWithFolderAndDocString() throws Exception {
        mgmt(".create table Documented (a:int) with (folder='Logs', docstring='Some docs')");
        assertFolderAndDocString("Documented", "Logs", "Some docs");
    }

    void assertFolderAndDocString(String table, String folder, String docString) throws Exception {
        KustoResultSetTable shown = mgmt(".show tables | where TableName == '" + table + "'");
        assertTrue(shown.next());
        assertEquals(folder, shown.getString("Folder"));
        assertEquals(docString, shown.getString("DocString"));
    }

    @Test
    void cslSchemaListsNameTypePairs() throws Exception {
        mgmt(".create table Csl (a:int, b:string)");
        KustoResultSetTable result = mgmt(".show table Csl cslschema");
        assertTrue(result.next());
        assertEquals("Csl", result.getString("TableName"));
        // Same form as the example on the Kusto documentation page ".show external table schema command".
        assertEquals("a:int,b:string", result.getString("Schema"));
    }

    @Test
    void databaseSchemaAsJsonDescribesEveryTable() throws Exception {
        mgmt(".create table InDbSchema (x:long, y:dynamic)");
        KustoResultSetTable result = mgmt(".show database " + DB + " schema as json");
        assertTrue(result.next());
        JsonNode root = JSON.readTree(result.getString(0));
        JsonNode table = root.get("Databases").get(DB).get("Tables").get("InDbSchema");
        assertNotNull(table, root::toString);
        assertEquals("InDbSchema", table.get("Name").asText());
        assertEquals("x", table.get("OrderedColumns").get(0).get("Name").asText());
        assertEquals("System.Int64", table.get("OrderedColumns").get(0).get("Type").asText());
        assertEquals("System.Object", table.get("OrderedColumns").get(1).get("Type").asText());
    }

    @Test
    void createOfAnExistingTableSucceedsWithoutChangingIt() throws Exception {
        // The Kusto documentation page ".create table command": an existing table is left as it is.
        mgmt(".create table Existing (a:int)");
        mgmt(".create table Existing (other:string)");
        assertEquals(List.of("a:int"), columnsOf("Existing"));
    }

    @Test
    void createMergeAddsMissingColumns() throws Exception {
        mgmt(".create table Merged (a:int)");
        mgmt(".create-merge table Merged (a:int, b:string)");
        assertEquals(List.of("a:int", "b:string"), columnsOf("Merged"));
        mgmt(".create-merge table MergedNew (z:real)");
        assertEquals(List.of("z:real"), columnsOf("MergedNew"));
    }

    @Test
    void alterReplacesTheColumnListAndAlterMergeExtendsIt() throws Exception {
        mgmt(".create table Altered (a:int, b:string, c:real)");
        mgmt(".ingest inline into table Altered <| 1,x,1.5");
        mgmt(".alter table Altered (a:int, b:string)");
        assertEquals(List.of("a:int", "b:string"), columnsOf("Altered"));
        mgmt(".alter-merge table Altered (d:long)");
        assertEquals(List.of("a:int", "b:string", "d:long"), columnsOf("Altered"));
        assertEquals(table("1,x,<null>"), rows("Altered"));
    }

    @Test
    void renameAndDropTables() throws Exception {
        mgmt(".create table ToRename (a:int)");
        mgmt(".ingest inline into table ToRename <| 7");
        mgmt(".rename table ToRename to Renamed");
        assertFalse(tableNames().contains("ToRename"));
        assertEquals(table("7"), rows("Renamed"));
        KustoResultSetTable dropped = mgmt(".drop table Renamed");
        assertTrue(columnNames(dropped).containsAll(List.of("TableName", "DatabaseName")));
        assertFalse(tableNames().contains("Renamed"));
        mgmt(".drop table Renamed ifexists");
        mgmt(".create table DropA (a:int)");
        mgmt(".create table DropB (a:int)");
        mgmt(".drop tables (DropA, DropB, DropMissing) ifexists");
        assertFalse(tableNames().contains("DropA"));
        assertFalse(tableNames().contains("DropB"));
    }

    @Test
    void ingestInlineReturnsTheExtent() throws Exception {
        mgmt(".create table Inline (a:int, s:string)");
        KustoResultSetTable result = mgmt(".ingest inline into table Inline <|\n1,one\n2,\"two, quoted\"");
        assertTrue(columnNames(result).contains("ExtentId"));
        assertTrue(result.next());
        assertNotNull(result.getUUID("ExtentId"));
        assertEquals(List.of(List.of("1", "one"), List.of("2", "two, quoted")), rows("Inline | sort by a asc"));
    }

    @Test
    void setAppendSetOrAppendSetOrReplace() throws Exception {
        mgmt(".set Derived <| range x from 1 to 3 step 1");
        assertEquals(List.of("x:long"), columnsOf("Derived"));
        assertEquals(3L, scalarLong("Derived | count"));
        mgmt(".append Derived <| range x from 4 to 5 step 1");
        assertEquals(5L, scalarLong("Derived | count"));
        mgmt(".set-or-append Derived <| print x = 6");
        assertEquals(6L, scalarLong("Derived | count"));
        mgmt(".set-or-append DerivedNew <| print x = 1, y = 'a'");
        assertEquals(List.of("x:long", "y:string"), columnsOf("DerivedNew"));
        mgmt(".set-or-replace Derived <| print x = 100");
        assertEquals(table("100"), rows("Derived"));
    }

    @Test
    void appendWithTagsAndCreationTimeShowsInExtents() throws Exception {
        mgmt(".create table Tagged (a:int)");
        mgmt(".append Tagged with (tags='[\"drop-by:first\",\"team:blue\"]', creationTime='2020-03-04T05:06:07Z') <| print a = 1");
        mgmt(".append Tagged with (tags='[\"drop-by:second\"]') <| print a = 2");
        KustoResultSetTable extents = mgmt(".show table Tagged extents");
        assertTrue(columnNames(extents).containsAll(List.of("ExtentId", "TableName", "RowCount", "MinCreatedOn",
                "MaxCreatedOn", "Tags")), columnNames(extents)::toString);
        assertEquals(2, extents.count());
        boolean sawFirst = false;
        while (extents.next()) {
            String tags = extents.getString("Tags");
            if (tags.contains("drop-by:first")) {
                sawFirst = true;
                // Several tags are joined by CR LF.
                assertEquals("drop-by:first\r\nteam:blue", tags);
                assertEquals(Instant.parse("2020-03-04T05:06:07Z"), Instant.parse(extents.getString("MaxCreatedOn")));
                assertEquals(1L, extents.getLong("RowCount"));
            }
        }
        assertTrue(sawFirst);
        KustoResultSetTable piped = mgmt(".show table Tagged extents | where Tags has 'second' | count");
        assertTrue(piped.next());
        assertEquals(1, piped.getInt(0));
    }

    /** Tags and MaxCreatedOn of each extent of a table, as "tags|instant" strings, sorted. */
    List<String> extentTagsAndTimes(String tableName) throws Exception {
        KustoResultSetTable extents = mgmt(".show table " + tableName + " extents");
        List<String> described = new ArrayList<>();
        while (extents.next()) {
            described.add(extents.getString("Tags") + "|" + Instant.parse(extents.getString("MaxCreatedOn")));
        }
        described.sort(null);
        return described;
    }

    @Test
    void everyQueryFedCommandAcceptsTagsAndCreationTime() throws Exception {
        mgmt(".set SetTagged with (tags='[\"t:set\"]', creationTime='2021-01-01') <| print a = 1");
        assertEquals(List.of("t:set|2021-01-01T00:00:00Z"), extentTagsAndTimes("SetTagged"));
        mgmt(".set-or-append SetTagged with (tags='[\"t:soa\"]', creationTime='2021-02-02T10:00:00Z') <| print a = 2");
        assertEquals(List.of("t:set|2021-01-01T00:00:00Z", "t:soa|2021-02-02T10:00:00Z"), extentTagsAndTimes("SetTagged"));
        mgmt(".set-or-replace SetTagged with (tags='[\"t:sor\"]', creationTime='2021-03-03') <| print a = 3");
        assertEquals(List.of("t:sor|2021-03-03T00:00:00Z"), extentTagsAndTimes("SetTagged"));
        assertEquals(table("3"), rows("SetTagged"));
        mgmt(".ingest inline into table SetTagged with (tags='[\"t:inline\"]', creationTime='2021-04-04') <| 4");
        assertEquals(List.of("t:inline|2021-04-04T00:00:00Z", "t:sor|2021-03-03T00:00:00Z"), extentTagsAndTimes("SetTagged"));
    }

    @Test
    void dropExtentsByQueryAndById() throws Exception {
        mgmt(".create table Extents (a:int)");
        mgmt(".append Extents with (tags='[\"drop-by:old\"]') <| print a = 1");
        mgmt(".append Extents <| print a = 2");
        mgmt(".append Extents <| print a = 3");
        mgmt(".drop extents <| .show table Extents extents | where Tags has 'drop-by:old'");
        assertEquals(List.of("2", "3"), firstColumn("Extents | sort by a asc"));
        KustoResultSetTable extents = mgmt(".show table Extents extents");
        assertTrue(extents.next());
        UUID first = extents.getUUID("ExtentId");
        mgmt(".drop extent " + first);
        assertEquals(1L, scalarLong("Extents | count"));
    }

    @Test
    void moveExtentsBetweenTables() throws Exception {
        mgmt(".create table MoveFrom (a:int)");
        mgmt(".create table MoveTo (a:int)");
        mgmt(".ingest inline into table MoveFrom <| 1");
        mgmt(".ingest inline into table MoveFrom <| 2");
        mgmt(".ingest inline into table MoveTo <| 3");
        KustoResultSetTable moved = mgmt(".move extents all from table MoveFrom to table MoveTo");
        assertTrue(columnNames(moved).containsAll(List.of("OriginalExtentId", "ResultExtentId")),
                columnNames(moved)::toString);
        assertEquals(0L, scalarLong("MoveFrom | count"));
        assertEquals(List.of("1", "2", "3"), firstColumn("MoveTo | sort by a asc"));
    }

    @Test
    void moveExtentsSelectedByACommand() throws Exception {
        // The form the Spark connector uses to publish staged data.
        mgmt(".create table Staging (a:int)");
        mgmt(".create table Published (a:int)");
        mgmt(".ingest inline into table Staging <| 1");
        mgmt(".ingest inline into table Staging <| 2");
        mgmt(".move extents to table Published <| .show table Staging extents");
        assertEquals(List.of("1", "2"), firstColumn("Published | sort by a asc"));
        assertEquals(0L, scalarLong("Staging | count"));
        KustoResultSetTable extents = mgmt(".show table Published extents | count");
        assertTrue(extents.next());
        assertEquals(2, extents.getInt(0));
    }

    @Test
    void ingestionMappingsAreCreatedAndShown() throws Exception {
        mgmt(".create table Mapped (a:long, b:string)");
        mgmt(".create table Mapped ingestion json mapping 'm1' '[{\"column\":\"a\",\"path\":\"$.x\"},"
                + "{\"column\":\"b\",\"path\":\"$.y\"}]'");
        KustoResultSetTable mappings = mgmt(".show table Mapped ingestion json mappings");
        assertTrue(columnNames(mappings).containsAll(List.of("Name", "Kind", "Mapping")), columnNames(mappings)::toString);
        assertTrue(mappings.next());
        assertEquals("m1", mappings.getString("Name"));
        assertEquals("Json", mappings.getString("Kind"));
        JsonNode mapping = JSON.readTree(mappings.getString("Mapping"));
        assertEquals("a", mapping.get(0).get("column").asText());
    }

    /**
     * The form of the official Python SDK's end-to-end setup: the mapping is written as adjacent string
     * literals, and its last element is followed by a comma, which the service accepts.
     */
    @Test
    void ingestionMappingWithATrailingCommaIsAccepted() throws Exception {
        mgmt(".create table Trailing (a:long, b:string)");
        mgmt(".create table Trailing ingestion json mapping 'JsonMapping' '['\n"
                + "  '{ \"column\" : \"a\", \"datatype\" : \"long\", \"Properties\":{\"Path\":\"$.x\"}},'\n"
                + "  '{ \"column\" : \"b\", \"datatype\" : \"string\", \"Properties\":{\"Path\":\"$.y\"}},'\n"
                + "  ']'");
        KustoResultSetTable shown = mgmt(".show table Trailing ingestion json mappings");
        assertTrue(shown.next());
        // shown as strict JSON, which every client can parse
        JsonNode mapping = JSON.readTree(shown.getString("Mapping"));
        assertEquals(2, mapping.size());
        mgmt(".ingest inline into table Trailing with (format='json', ingestionMappingReference='JsonMapping') <|\n"
                + "{\"x\":7,\"y\":\"seven\"}");
        mgmt(".ingest inline into table Trailing with (format='json', "
                + "ingestionMapping='[{\"column\":\"a\",\"Properties\":{\"Path\":\"$.x\"}},]') <| {\"x\":8}");
        assertEquals(table("7,seven", "8,"), rows("Trailing | order by a asc"));
    }

    /** {@code with (a=1,)}: the service accepts a comma after the last property of any command. */
    @Test
    void aTrailingCommaEndsThePropertiesOfACommand() throws Exception {
        mgmt(".create table Comma (a:long) with (folder='Logs', docstring='Some docs',)");
        assertFolderAndDocString("Comma", "Logs", "Some docs");
        mgmt(".ingest inline into table Comma with (tags='[\"t:comma\"]',) <| 1");
        assertEquals(List.of("1"), firstColumn("Comma"));
        ErrorConformanceTest.assertBadRequest(
                assertMgmtFails(".create table Comma2 (a:long) with (folder='Logs',,)", "line:position"));
    }

    @Test
    void clearDatabaseCacheOfStreamingIngestionSchema() throws Exception {
        // The official SDKs' end-to-end setup clears it after changing a table's streaming ingestion policy.
        KustoResultSetTable cleared = mgmt(".clear database cache streamingingestion schema");
        assertEquals(List.of("NodeId", "Status"), columnNames(cleared));
        assertTrue(cleared.next());
        assertEquals("Succeeded", cleared.getString("Status"));
    }

    /** kusto-local assigns no roles, so the list is empty, in the service's columns. */
    @Test
    void showDatabasePrincipalsInTheServiceSchema() throws Exception {
        List<String> columns = List.of("Role", "PrincipalType", "PrincipalDisplayName", "PrincipalObjectId",
                "PrincipalFQN", "Notes");
        assertEquals(columns, columnNames(mgmt(".show database " + DB + " principals")));
        assertEquals(columns, columnNames(mgmt(".show database principals")));
        ErrorConformanceTest.assertBadRequest(assertMgmtFails(".show database NoSuchDatabase principals",
                "NoSuchDatabase"));
    }

    @Test
    void dropTableIfExistsSkipSeal() throws Exception {
        mgmt(".create table Sealed (a:int)");
        mgmt(".drop table Sealed ifexists skip-seal");
        assertFalse(tableNames().contains("Sealed"));
        mgmt(".drop table Sealed ifexists skip-seal");
        mgmt(".create tables Sealed1 (a:int), Sealed2 (a:int)");
        mgmt(".drop tables (Sealed1, Sealed2) ifexists skip-seal");
        assertFalse(tableNames().contains("Sealed1") || tableNames().contains("Sealed2"));
    }

    @Test
    void autoDeletePolicyIsShownAndHonoured() throws Exception {
        mgmt(".create table Expiring (a:int)");
        mgmt(".create table Kept (a:int)");
        String expiry = Instant.now().plusSeconds(2).toString();
        KustoResultSetTable altered = mgmt(".alter table Expiring policy auto_delete @'{\"ExpiryDate\":\"" + expiry
                + "\",\"DeleteIfNotEmpty\":true}'");
        assertEquals(List.of("PolicyName", "EntityName", "Policy", "ChildEntities", "EntityType"), columnNames(altered));
        assertTrue(altered.next());
        assertEquals("AutoDeletePolicy", altered.getString("PolicyName"));
        assertEquals("[" + DB + "].[Expiring]", altered.getString("EntityName"));
        KustoResultSetTable shown = mgmt(".show table Expiring policy auto_delete");
        assertTrue(shown.next());
        assertTrue(shown.getString("Policy").contains("DeleteIfNotEmpty"), shown.getString("Policy"));
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (tableNames().contains("Expiring") && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        assertFalse(tableNames().contains("Expiring"), "auto_delete expiry is honoured");
        assertTrue(tableNames().contains("Kept"));
    }

    @Test
    void streamingIngestionPolicy() throws Exception {
        mgmt(".create table Streamed (a:int)");
        KustoResultSetTable altered = mgmt(".alter table Streamed policy streamingingestion '{\"IsEnabled\": true}'");
        assertTrue(altered.next());
        assertEquals("StreamingIngestionPolicy", altered.getString("PolicyName"));
        KustoResultSetTable shown = mgmt(".show table Streamed policy streamingingestion");
        assertTrue(shown.next());
        assertTrue(shown.getString("Policy").contains("\"IsEnabled\":true"), shown.getString("Policy"));
        mgmt(".alter table Streamed policy streamingingestion disable");
        mgmt(".alter table Streamed policy streamingingestion enable");
    }

    @Test
    void asyncCommandReturnsAnOperationShownAsCompleted() throws Exception {
        mgmt(".create table AsyncTarget (x:long)");
        KustoResultSetTable started = mgmt(".set-or-append async AsyncTarget <| range x from 1 to 4 step 1");
        assertTrue(started.next());
        UUID operationId = started.getUUID(0);
        String state = null;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            KustoResultSetTable operation = mgmt(".show operations " + operationId);
            assertTrue(columnNames(operation).containsAll(List.of("OperationId", "Operation", "StartedOn", "State", "Status")),
                    columnNames(operation)::toString);
            assertTrue(operation.next());
            state = operation.getString("State");
            if (!"InProgress".equals(state)) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals("Completed", state);
        assertEquals(4L, scalarLong("AsyncTarget | count"));
        KustoResultSetTable all = mgmt(".show operations");
        assertTrue(columnNames(all).contains("OperationId"));
        assertTrue(all.count() >= 1);
    }

    @Test
    void pipedSchemaCommandExpandsColumns() throws Exception {
        // The form the Spark connector sends to read a table's columns.
        mgmt(".create table PipedSchema (a:int, b:string)");
        KustoResultSetTable columns = mgmt(".show table PipedSchema schema as json "
                + "| project ColumnsJson = todynamic(Schema).OrderedColumns | mv-expand ColumnsJson");
        assertEquals(2, columns.count());
        assertTrue(columns.next());
        assertEquals("a", columns.getJSONObject(0).get("Name").asText());
        assertEquals("int", columns.getJSONObject(0).get("CslType").asText());
    }

    @Test
    void pipedCommandsFeedKql() throws Exception {
        mgmt(".create table Piped (a:int)");
        KustoResultSetTable count = mgmt(".show tables | where TableName == 'Piped' | count");
        assertTrue(count.next());
        assertEquals(1, count.getInt(0));
        KustoResultSetTable none = mgmt(".show tables | where TableName == 'NoSuchTableHere' | count");
        assertTrue(none.next());
        assertEquals(0, none.getInt(0));
        KustoResultSetTable extents = mgmt(".show table Piped extents | count");
        assertTrue(extents.next());
        assertEquals(0, extents.getInt(0));
    }
}
