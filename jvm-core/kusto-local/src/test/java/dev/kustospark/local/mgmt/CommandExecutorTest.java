package dev.kustospark.local.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.storage.ExtentWriter;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.testing.InMemoryCommandTest;
import dev.kustospark.local.types.KustoType;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommandExecutorTest extends InMemoryCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RowsResult run(String command) {
        List<TabularResult> results = execute(command);
        assertEquals(1, results.size());
        return assertInstanceOf(RowsResult.class, results.get(0));
    }

    private static List<String> names(RowsResult r) {
        return r.columns().stream().map(Column::name).toList();
    }

    private static List<Object> column(RowsResult r, String name) {
        int i = names(r).indexOf(name);
        assertTrue(i >= 0, "no column " + name + " in " + names(r));
        return r.rows().stream().map(row -> row.get(i)).toList();
    }

    private KustoException fails(String command) {
        return assertThrows(KustoException.class, () -> execute(command));
    }

    private void addExtent(String table, List<String> tags, Object[]... rows) {
        TableInfo t = catalog.table("db1", table);
        try (ExtentWriter w = catalog.openExtent(t, tags, null, null)) {
            for (Object[] row : rows) {
                w.appendRow(row);
            }
            w.commit();
        }
    }

    @Test
    void showDatabasesVersionAndCluster() {
        catalog.createDatabase("db2", false);
        RowsResult dbs = run(".show databases");
        assertEquals("Table_0", dbs.name());
        assertEquals(List.of("DatabaseName", "PersistentStorage", "Version", "IsCurrent", "DatabaseAccessMode",
                "PrettyName", "ReservedSlot1", "DatabaseId", "InTransitionTo", "SuspensionState"), names(dbs));
        assertEquals(List.of("db1", "db2"), column(dbs, "DatabaseName"));
        assertEquals(List.of(true, false), column(dbs, "IsCurrent"));
        RowsResult version = run(".show version");
        assertEquals(List.of("BuildVersion", "BuildTime", "ServiceType", "ProductVersion"), names(version));
        assertEquals("Engine", column(version, "ServiceType").get(0));
        assertEquals(1, run(".show cluster").rows().size());
        assertEquals(0, run(".show functions").rows().size());
        assertEquals(0, run(".show cluster extents").rows().size());
        RowsResult created = run(".create database ['new db'] ifnotexists");
        assertEquals(List.of("new db"), column(created, "DatabaseName"));
        assertEquals("BadRequest_EntityAlreadyExists", fails(".create database ['new db']").code());
    }

    @Test
    void createTableAnswersWithItsSchemaAndShowsIt() throws Exception {
        RowsResult created = run(".create table T (a:int, ['b c']:string, [\"d.e-f\"]:dynamic, f:datetime, g:timespan,"
                + " h:guid, i:real, j:decimal, k:bool, l:long) with (folder='F', docstring=\"the doc\")");
        assertEquals(List.of("TableName", "Schema", "DatabaseName", "Folder", "DocString"), names(created));
        assertEquals(List.of("T", "db1", "F", "the doc"), List.of(created.rows().get(0).get(0),
                created.rows().get(0).get(2), created.rows().get(0).get(3), created.rows().get(0).get(4)));
        JsonNode schema = JSON.readTree((String) created.rows().get(0).get(1));
        assertEquals("T", schema.get("Name").asText());
        assertEquals("b c", schema.get("OrderedColumns").get(1).get("Name").asText());
        assertEquals("System.String", schema.get("OrderedColumns").get(1).get("Type").asText());
        assertEquals("d.e-f", schema.get("OrderedColumns").get(2).get("Name").asText());
        assertEquals("dynamic", schema.get("OrderedColumns").get(2).get("CslType").asText());
        assertEquals("System.Object", schema.get("OrderedColumns").get(2).get("Type").asText());
        assertEquals("System.Data.SqlTypes.SqlDecimal", schema.get("OrderedColumns").get(7).get("Type").asText());
        assertEquals(created, run(".show table T schema as json"));

        RowsResult csl = run(".show table T cslschema");
        assertEquals("a:int,['b c']:string,['d.e-f']:dynamic,f:datetime,g:timespan,h:guid,i:real,j:decimal,k:bool,"
                + "l:long", column(csl, "Schema").get(0));

        RowsResult tables = run(".show tables");
        assertEquals(List.of("TableName", "DatabaseName", "Folder", "DocString"), names(tables));
        assertEquals(List.of(List.of("T", "db1", "F", "the doc")), tables.rows());
        assertEquals(tables, run(".show tables with (IncludeHiddenTables=true)"));
        run(".create table Hidden (x:int) with(hidden=true)");
        assertEquals(List.of("T"), column(run(".show tables"), "TableName"));
        assertEquals(List.of("T", "Hidden"), column(run(".show tables with (IncludeHiddenTables=true)"), "TableName"));
        assertTrue(catalog.isTableHidden("db1", "Hidden"));

        RowsResult dbSchema = run(".show database schema as json");
        JsonNode db = JSON.readTree((String) dbSchema.rows().get(0).get(0)).get("Databases").get("db1");
        assertEquals("db1", db.get("Name").asText());
        assertEquals("l", db.get("Tables").get("T").get("OrderedColumns").get(9).get("Name").asText());
        assertEquals(dbSchema, run(".show database db1 schema as json"));
        assertTrue(db.get("Tables").get("T").get("DefaultColumn").isNull());
        assertEquals(1, db.get("MajorVersion").asInt());

        // Shaped as the example of the .show database schema command page.
        RowsResult rows = run(".show database db1 schema");
        assertEquals(List.of("DatabaseName", "TableName", "ColumnName", "ColumnType", "IsDefaultTable",
                "IsDefaultColumn", "PrettyName", "Version", "Folder", "DocString"), names(rows));
        assertEquals(1 + 11 + 2, rows.rows().size());
        assertEquals(List.of("db1", "", "", "", false, false, "", "v.1.1"), rows.rows().get(0).subList(0, 8));
        assertEquals(List.of("db1", "T", "a", "System.Int32"), rows.rows().get(2).subList(0, 4));
    }

    @Test
    void namesAreCaseSensitiveAndHostileNamesStayNames() {
        run(".create table T (a:int)");
        run(".create table t (b:string)");
        run(".create table ['drop table t1 -- x'] (['a.b']:long)");
        run(".create table [\"Ünï 表\"] (c:int)");
        assertEquals(List.of("T", "t", "drop table t1 -- x", "Ünï 表"), column(run(".show tables"), "TableName"));
        assertEquals("b", catalog.table("db1", "t").columns().get(0).name());
        assertEquals("a.b", catalog.table("db1", "drop table t1 -- x").columns().get(0).name());
        assertEquals("BadRequest_EntityNotFound", fails(".show table TT extents").code());
        // As the service does, a schema request for a missing table answers with no rows.
        RowsResult missing = run(".show table TT schema as json");
        assertEquals(ResultShapes.SCHEMA_COLUMNS, missing.columns());
        assertEquals(0, missing.rows().size());
        assertEquals(0, run(".show table TT cslschema").rows().size());
        run(".drop table ['drop table t1 -- x']");
        assertEquals(List.of("T", "t", "Ünï 表"), column(run(".show tables"), "TableName"));
        // Quotes, brackets, semicolons and colons are outside the service's naming rules.
        for (String bad : List.of("['x; drop table t1; --']", "['a]b']", "[\"q'uote\"]", "['colon:x']")) {
            assertEquals(400, fails(".create table " + bad + " (a:int)").httpStatus(), bad);
            assertEquals(400, fails(".create table Fine (" + bad + ":int)").httpStatus(), bad);
        }
        assertEquals(List.of("T", "t", "Ünï 表"), column(run(".show tables"), "TableName"));
    }

    @Test
    void createMergeAlterAndAlterMerge() {
        run(".create table T (a:int, b:string)");
        // An existing table is left as it is by .create table.
        run(".create table T (z:long)");
        assertEquals(List.of("a", "b"), catalog.table("db1", "T").columns().stream().map(c -> c.name()).toList());
        run(".create-merge table T (c:real, a:int)");
        assertEquals(List.of("a", "b", "c"), catalog.table("db1", "T").columns().stream().map(c -> c.name()).toList());
        KustoException conflict = fails(".create-merge table T (a:string)");
        assertTrue(conflict.getMessage().contains("'a'"), conflict.getMessage());
        run(".alter table T (c:real, a:int) with (docstring='d2')");
        TableInfo t = catalog.table("db1", "T");
        assertEquals(List.of("c", "a"), t.columns().stream().map(c -> c.name()).toList());
        assertEquals("d2", t.docString());
        run(".alter-merge table T (n:long)");
        assertEquals(List.of("c", "a", "n"), catalog.table("db1", "T").columns().stream().map(c -> c.name()).toList());
        assertEquals("BadRequest_EntityNotFound", fails(".alter-merge table Missing (n:long)").code());
        run(".alter table T folder 'Folder1'");
        assertEquals("Folder1", catalog.table("db1", "T").folder());
        run(".alter-merge table T (m1:int, m2:string, m3:bool)");
        RowsResult dropped = run(".drop table T columns (m1, m3)");
        assertEquals(ResultShapes.SCHEMA_COLUMNS, dropped.columns());
        run(".drop column T.m2");
        assertEquals(List.of("c", "a", "n"), catalog.table("db1", "T").columns().stream().map(c -> c.name()).toList());
        assertEquals("BadRequest_EntityNotFound", fails(".drop column T.nope").code());
        run(".create-merge table New (x:int)");
        assertTrue(catalog.findTable("db1", "New").isPresent());
        RowsResult two = run(".create tables A (x:int), B (y:string)");
        assertEquals(List.of("A", "B"), column(two, "TableName"));
    }

    @Test
    void dropAndRenameTables() throws Exception {
        run(".create table A (x:int)");
        run(".create table B (x:int)");
        run(".create table C (x:int)");
        RowsResult remaining = run(".drop table A");
        assertEquals(List.of("TableName", "DatabaseName"), names(remaining));
        assertEquals(List.of("B", "C"), column(remaining, "TableName"));
        assertEquals("BadRequest_EntityNotFound", fails(".drop table A").code());
        assertEquals(List.of("B", "C"), column(run(".drop table A ifexists"), "TableName"));
        assertEquals("BadRequest_EntityNotFound", fails(".drop tables (B, Missing)").code());
        assertTrue(catalog.findTable("db1", "B").isPresent());
        assertEquals(List.of("C"), column(run(".drop tables (B, Missing) ifexists"), "TableName"));
        run(".rename table C to ['D d']");
        assertEquals(List.of("D d"), column(run(".show tables"), "TableName"));
        addExtent("D d", List.of(), new Object[] {5});
        RowsResult renamed = run(".rename column ['D d'].x to ['y z']");
        assertTrue(((String) column(renamed, "Schema").get(0)).contains("\"y z\""));
        run(".rename column db1.['D d'].['y z'] to w");
        TableInfo d = catalog.table("db1", "D d");
        assertEquals(List.of("w"), d.columns().stream().map(c -> c.name()).toList());
        assertEquals("c0", d.columns().get(0).physicalName());
        assertEquals("BadRequest_EntityNotFound", fails(".rename column ['D d'].nope to q").code());
        // .alter column: the documented behaviour is that earlier values read as null.
        RowsResult altered = run(".alter column ['D d'].w type=string");
        assertEquals(List.of("EntityName", "DataType", "Policy"), names(altered));
        TableInfo a = catalog.table("db1", "D d");
        assertEquals(KustoType.STRING, a.columns().get(0).type());
        assertEquals("c1", a.columns().get(0).physicalName());
        addExtent("D d", List.of(), new Object[] {"new"});
        assertEquals(2, catalog.extents("db1", "D d").stream().mapToLong(e -> e.rowCount()).sum());
        try (java.sql.Statement st = connection.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT c1 FROM \"" + a.physicalName() + "\" ORDER BY c1")) {
            List<String> values = new java.util.ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            assertEquals(java.util.Arrays.asList("new", null), values);
        }
        assertEquals(400, fails(".alter column ['D d'].w type=nosuchtype").httpStatus());
    }

    @Test
    void errorsNameTheCommandAndPosition() {
        KustoException unknown = fails(".frobnicate table T");
        assertEquals(400, unknown.httpStatus());
        assertTrue(unknown.getMessage().contains(".frobnicate table T"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("line:position=1:1"), unknown.getMessage());
        KustoException badType = fails(".create table T (a:integer_x)");
        assertTrue(badType.getMessage().contains("unknown column type 'integer_x'"), badType.getMessage());
        assertTrue(badType.getMessage().contains("[line:position=1:20]"), badType.getMessage());
        KustoException unterminated = fails(".create table ['T (a:int)");
        assertTrue(unterminated.getMessage().contains("unterminated"), unterminated.getMessage());
        KustoException trailing = fails(".show tables extra");
        assertTrue(trailing.getMessage().contains("unexpected text"), trailing.getMessage());
        assertEquals(400, fails(".show table T fancy").httpStatus());
        assertEquals("BadRequest_EntityNotFound", executorFails("nope", ".show tables").code());
    }

    private KustoException executorFails(String db, String command) {
        return assertThrows(KustoException.class, () -> executor.execute(connection, db, command, Map.of(), NOW));
    }

    @Test
    void netDefaultDbResolvesToTheFirstDatabase() {
        run(".create table T (a:int)");
        RowsResult r = assertInstanceOf(RowsResult.class,
                executor.execute(connection, "NetDefaultDb", ".show tables", Map.of(), NOW).get(0));
        assertEquals(List.of("T"), column(r, "TableName"));
    }

    @Test
    void setAppendAndReplaceFromANestedCommand() {
        run(".create table Src1 (a:int) with (folder='f1')");
        run(".create table Src2 (a:int)");
        RowsResult set = run(".set Copy with (tags='[\"drop-by:x\",\"ingest-by:first\"]',"
                + " creationTime='2020-01-02T03:04:05Z') <| .show tables");
        assertEquals(List.of("ExtentId", "OriginalSize", "ExtentSize", "ColumnSize", "IndexSize", "RowCount"),
                names(set));
        assertEquals(List.of(2L), column(set, "RowCount"));
        TableInfo copy = catalog.table("db1", "Copy");
        assertEquals(List.of("TableName", "DatabaseName", "Folder", "DocString"),
                copy.columns().stream().map(c -> c.name()).toList());
        ExtentInfo extent = catalog.extents("db1", "Copy").get(0);
        assertEquals(set.rows().get(0).get(0), extent.id());
        assertEquals(Instant.parse("2020-01-02T03:04:05Z"), extent.createdOn());
        assertEquals(List.of("drop-by:x", "ingest-by:first"), extent.tags());
        assertEquals("BadRequest_EntityAlreadyExists", fails(".set Copy <| .show tables").code());

        run(".append Copy <| .show tables");
        assertEquals(2, catalog.extents("db1", "Copy").size());
        // ingestIfNotExists skips when an extent already carries ingest-by:first.
        assertEquals(0, run(".set-or-append Copy with (ingestIfNotExists='[\"first\"]') <| .show tables").rows().size());
        assertEquals(2, catalog.extents("db1", "Copy").size());
        assertEquals("BadRequest_EntityNotFound", fails(".append Missing <| .show tables").code());

        RowsResult replaced = run(".set-or-replace Copy <| .show tables");
        List<ExtentInfo> after = catalog.extents("db1", "Copy");
        assertEquals(1, after.size());
        assertEquals(3L, after.get(0).rowCount());
        assertEquals(after.get(0).id(), replaced.rows().get(0).get(0));

        // Columns match by position and type, never by name.
        KustoException count = fails(".append Copy <| .show cluster");
        assertTrue(count.getMessage().contains("returns 9 columns and table 'Copy' has 4"), count.getMessage());
        KustoException type = fails(".append Copy <| .show version");
        assertTrue(type.getMessage().contains("column 1 ('BuildTime') is of type 'datetime'"), type.getMessage());
        assertEquals(1, catalog.extents("db1", "Copy").size());
        run(".create table Narrow (Name:string)");
        assertEquals(400, fails(".append Narrow <| .show tables").httpStatus());
        run(".append Narrow with (extend_schema=true) <| .show tables");
        assertEquals(List.of("Name", "DatabaseName", "Folder", "DocString"),
                catalog.table("db1", "Narrow").columns().stream().map(c -> c.name()).toList());
        assertEquals(1, catalog.extents("db1", "Narrow").size());
    }

    @Test
    void asyncCommandsAnswerWithAnOperationId() {
        run(".create table Src (a:int)");
        RowsResult async = run(".set-or-append async Target <| .show tables");
        assertEquals(List.of("OperationId"), names(async));
        UUID id = (UUID) async.rows().get(0).get(0);
        RowsResult op = run(".show operations " + id);
        assertEquals(List.of("OperationId", "Operation", "NodeId", "StartedOn", "LastUpdatedOn", "Duration", "State",
                "Status"), names(op).subList(0, 8));
        assertEquals(KustoType.TIMESPAN, op.columns().get(5).type());
        assertEquals(List.of("Completed"), column(op, "State"));
        assertEquals(List.of("TableSetOrAppend"), column(op, "Operation"));
        RowsResult details = run(".show operation " + id + " details");
        assertEquals(List.of(1L), column(details, "RowCount"));
        assertTrue(catalog.findTable("db1", "Target").isPresent());
        fails(".drop table Missing");
        RowsResult all = run(".show operations");
        assertTrue(column(all, "State").contains("BadInput"));
        assertTrue(column(all, "Operation").contains("TableCreate"));
    }

    @Test
    void showExtentsWithTagsAndFilters() {
        run(".create table T (a:long)");
        addExtent("T", List.of("drop-by:x", "ingest-by:AAA"), new Object[] {1L}, new Object[] {2L});
        addExtent("T", List.of("BBB"), new Object[] {3L});
        RowsResult extents = run(".show table T extents");
        assertEquals(List.of("ExtentId", "DatabaseName", "TableName", "MaxCreatedOn", "OriginalSize", "ExtentSize",
                "CompressedSize", "IndexSize", "Blocks", "Segments", "ReservedSlot1", "ReservedSlot2",
                "ExtentContainerId", "RowCount", "MinCreatedOn", "Tags", "Kind", "ReservedSlot3", "DeletedRowCount"),
                names(extents));
        assertEquals(List.of("drop-by:x\r\ningest-by:AAA", "BBB"), column(extents, "Tags"));
        assertEquals(List.of(2L, 1L), column(extents, "RowCount"));
        assertEquals(List.of("T", "T"), column(extents, "TableName"));
        assertEquals(1, run(".show table T extents where tags has 'drop-by:x'").rows().size());
        assertEquals(0, run(".show table T extents where tags has 'drop-by'").rows().size());
        assertEquals(1, run(".show table T extents where tags contains 'bb'").rows().size());
        assertEquals(1, run(".show table T extents where tags !has 'BBB'").rows().size());
        assertEquals(0, run(".show table T extents where tags contains 'aaa' and tags has 'BBB'").rows().size());
        UUID first = (UUID) extents.rows().get(0).get(0);
        assertEquals(List.of(first), column(run(".show table T extents (" + first + ")"), "ExtentId"));
        assertEquals(2, run(".show tables (T) extents").rows().size());
        assertEquals(2, run(".show database extents").rows().size());
    }

    @Test
    void moveExtentsAllAndByNestedCommand() {
        run(".create table A (x:long, y:string)");
        run(".create table B (x:long, y:string)");
        run(".create table C (y:string, x:long, z:int)");
        addExtent("A", List.of("t1"), new Object[] {1L, "one"});
        addExtent("A", List.of(), new Object[] {2L, "two"});
        RowsResult moved = run(".move extents all from table A to table B");
        assertEquals(List.of("OriginalExtentId", "ResultExtentId", "Details"), names(moved));
        assertEquals(2, moved.rows().size());
        assertEquals(0, catalog.extents("db1", "A").size());
        List<ExtentInfo> inB = catalog.extents("db1", "B");
        assertEquals(column(moved, "ResultExtentId"), inB.stream().map(e -> e.id().toString()).toList());
        assertEquals(List.of("t1"), inB.get(0).tags());

        RowsResult async = run(".move async extents to table C <| .show table B extents");
        UUID op = (UUID) async.rows().get(0).get(0);
        RowsResult details = run(".show operation " + op + " details");
        assertEquals(2, details.rows().size());
        assertEquals(0, catalog.extents("db1", "B").size());
        assertEquals(2, catalog.extents("db1", "C").size());

        run(".create table D (z:int, y:string, x:long, w:bool)");
        UUID one = catalog.extents("db1", "C").get(0).id();
        run(".move extents (" + one + ") from table C to table D");
        assertEquals(1, catalog.extents("db1", "D").size());
        assertEquals(1, catalog.extents("db1", "C").size());
        // B lacks C's column z: moving C's extents into B is refused, nothing moves.
        assertEquals(400, fails(".move extents all from table C to table B").httpStatus());
        assertEquals(1, catalog.extents("db1", "C").size());

        // The service's current syntax names the extents after the target table.
        UUID last = catalog.extents("db1", "C").get(0).id();
        run(".move extents from table C to table D (" + last + ")");
        assertEquals(2, catalog.extents("db1", "D").size());
        assertEquals(0, catalog.extents("db1", "C").size());
    }

    @Test
    void moveExtentsHonoursCreationTimeWindow() {
        run(".create table A (x:long)");
        run(".create table B (x:long)");
        TableInfo a = catalog.table("db1", "A");
        for (String when : List.of("2020-01-01T00:00:00Z", "2021-01-01T00:00:00Z")) {
            try (ExtentWriter w = catalog.openExtent(a, List.of(), Instant.parse(when), null)) {
                w.appendRow(new Object[] {1L});
                w.commit();
            }
        }
        RowsResult moved = run(".move extents to table B with (extentCreatedOnFrom='2020-06-01T00:00:00Z',"
                + " extentCreatedOnTo='2022-01-01T00:00:00Z') <| .show table A extents");
        assertEquals(1, moved.rows().size());
        assertEquals(Instant.parse("2021-01-01T00:00:00Z"), catalog.extents("db1", "B").get(0).createdOn());
    }

    @Test
    void dropExtentsAndExtentTags() {
        run(".create table T (a:long)");
        addExtent("T", List.of("drop-by:x", "keep"), new Object[] {1L});
        addExtent("T", List.of("drop-by:y"), new Object[] {2L});
        addExtent("T", List.of(), new Object[] {3L});
        RowsResult retagged = run(".drop extent tags from table T ('drop-by:x', 'nothing')");
        assertEquals(List.of("OriginalExtentId", "ResultExtentId", "ResultExtentTags", "Details"), names(retagged));
        assertEquals(List.of("keep"), column(retagged, "ResultExtentTags"));
        assertEquals(List.of("keep"), catalog.extents("db1", "T").get(0).tags());
        assertEquals(column(retagged, "ResultExtentId").get(0), catalog.extents("db1", "T").get(0).id().toString());

        RowsResult asyncTags = run(".drop async table T extent tags <| .show table T extents where tags has 'drop-by:y'");
        assertEquals(List.of("OperationId"), names(asyncTags));
        assertEquals(List.of(), catalog.extents("db1", "T").get(1).tags());

        UUID first = catalog.extents("db1", "T").get(0).id();
        RowsResult dropped = run(".drop extents <| .show table T extents where tags has 'keep'");
        assertEquals(List.of("ExtentId", "TableName", "CreatedOn"), names(dropped));
        assertEquals(List.of(first), column(dropped, "ExtentId"));
        assertEquals(2, catalog.extents("db1", "T").size());
        UUID second = catalog.extents("db1", "T").get(0).id();
        assertEquals(List.of(second), column(run(".drop extent " + second), "ExtentId"));
        assertEquals(1, run(".drop extents from T").rows().size());
        assertEquals(0, catalog.extents("db1", "T").size());
    }

    @Test
    void policiesAreStoredShownAndAutoDeleteIsHonoured() {
        run(".create table T (a:int)");
        run(".create table Keep (a:int)");
        RowsResult streaming = run(".alter table T policy streamingingestion enable");
        assertEquals(List.of("PolicyName", "EntityName", "Policy", "ChildEntities", "EntityType"), names(streaming));
        assertEquals(List.of("StreamingIngestionPolicy", "[db1].[T]"), streaming.rows().get(0).subList(0, 2));
        RowsResult shown = run(".show table T policy streamingingestion");
        assertTrue(((String) column(shown, "Policy").get(0)).contains("\"IsEnabled\":true"));
        assertEquals("null", column(run(".show table T policy retention"), "Policy").get(0));
        run(".alter table T policy retention '{\"SoftDeletePeriod\":\"1.00:00:00\",\"Recoverability\":\"Enabled\"}'");
        run(".alter-merge table T policy retention '{\"Recoverability\":\"Disabled\"}'");
        String retention = (String) column(run(".show table T policy retention"), "Policy").get(0);
        assertTrue(retention.contains("\"SoftDeletePeriod\":\"1.00:00:00\"") && retention.contains("Disabled"),
                retention);
        run(".delete table T policy retention");
        assertEquals("null", column(run(".show table T policy retention"), "Policy").get(0));
        assertEquals("{\"IsEnabled\":true}",
                column(run(".alter table T policy ingestiontime true"), "Policy").get(0));
        assertEquals(400, fails(".alter table T policy nonsense '{}'").httpStatus());
        assertEquals(400, fails(".alter table T policy retention 'not json'").httpStatus());

        RowsResult autoDelete = run(".alter table Keep policy auto_delete @'{\"ExpiryDate\":\"2999-01-01\","
                + "\"DeleteIfNotEmpty\":true}'");
        assertEquals("AutoDeletePolicy", autoDelete.rows().get(0).get(0));
        assertEquals("Table", autoDelete.rows().get(0).get(4));
        run(".alter table T policy auto_delete @'{\"ExpiryDate\":\"2000-01-01T00:00:00Z\",\"DeleteIfNotEmpty\":true}'");
        assertEquals(List.of("Keep"), column(run(".show tables"), "TableName"));
        assertEquals("BadRequest_EntityNotFound", fails(".show table T extents").code());
        assertEquals(0, run(".show table T schema as json").rows().size());
    }

    @Test
    void ingestionMappingsAreStoredAndShown() {
        run(".create table T (a:int, b:string)");
        RowsResult created = run(".create table T ingestion csv mapping \"m1\" '[{\"Column\":\"a\",\"Properties\":"
                + "{\"Ordinal\":\"0\"}},' '{\"Column\":\"b\",\"Properties\":{\"Ordinal\":\"1\"}}]'");
        assertEquals(List.of("Name", "Kind", "Mapping", "LastUpdatedOn", "Database", "Table"), names(created));
        assertEquals(List.of("m1", "Csv"), created.rows().get(0).subList(0, 2));
        String mapping = catalog.ingestionMapping("db1", "T", "csv", "m1").orElseThrow();
        assertTrue(mapping.startsWith("[{\"Column\":\"a\"") && mapping.endsWith("}}]"), mapping);
        assertEquals("BadRequest_EntityAlreadyExists",
                fails(".create table T ingestion csv mapping 'm1' '[]'").code());
        run(".create-or-alter table T ingestion csv mapping 'm1' @'[{\"Column\":\"a\",\"Properties\":{\"Ordinal\":\"1\"}}]'");
        run(".create table T ingestion json mapping 'j1' '[{\"Column\":\"a\",\"Properties\":{\"Path\":\"$.a\"}}]'");
        RowsResult all = run(".show table T ingestion mappings");
        assertEquals(List.of("m1", "j1"), column(all, "Name"));
        assertEquals(List.of("j1"), column(run(".show table T ingestion json mappings"), "Name"));
        assertEquals(List.of("m1"), column(run(".show table T ingestion csv mapping 'm1'"), "Name"));
        assertEquals(400, fails(".create table T ingestion csv mapping 'bad' '{\"not\":\"array\"}'").httpStatus());
        run(".drop table T ingestion json mapping 'j1'");
        assertEquals(List.of("m1"), column(run(".show table T ingestion mappings"), "Name"));
    }

    @Test
    void connectorStyleMoveWithTwoWithClausesAndATrailingSemicolon() {
        run(".create table Src (x:long)");
        run(".create table Dst (x:long)");
        addExtent("Src", List.of(), new Object[] {1L});
        RowsResult moved = run(".move async extents to table Dst with(SetNewIngestionTime=true)"
                + " with(extentCreatedOnFrom='2000-01-01T00:00:00Z', extentCreatedOnTo='2999-01-01T00:00:00Z') <|\n"
                + "       .show table Src extents with(extentsShowFilteringRuntimePolicy='{\"MaximumResultsCount\":10}');\n"
                + "       ");
        assertEquals(List.of("OperationId"), names(moved));
        assertEquals(1, catalog.extents("db1", "Dst").size());
        assertEquals(0, catalog.extents("db1", "Src").size());
    }

    @Test
    void tableDetailsDatabasePoliciesAndCacheCommands() {
        run(".create table T (x:long)");
        addExtent("T", List.of(), new Object[] {1L}, new Object[] {2L});
        RowsResult details = run(".show table T details");
        assertEquals(ResultShapes.TABLE_DETAILS_COLUMNS, details.columns());
        assertEquals(List.of(2L), column(details, "TotalRowCount"));
        assertTrue(((String) column(details, "ShardingPolicy").get(0)).contains("\"UseShardEngine\":true"));
        assertEquals(1, run(".show tables details").rows().size());
        // What the connector marks its temporary tables with, and how anyone finds them: the docstring,
        // and a TableId that stays the table's.
        Object id = column(details, "TableId").get(0);
        assertTrue(id.toString().matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"), id.toString());
        run(".alter table T docstring \"{\\\"createdBy\\\":\\\"x\\\"}\"");
        RowsResult altered = run(".show tables details");
        assertEquals(List.of("{\"createdBy\":\"x\"}"), column(altered, "DocString"));
        assertEquals(List.of(id), column(altered, "TableId"));

        RowsResult dbPolicy = run(".alter database db1 policy ingestionbatching @'{\"MaximumBatchingTimeSpan\":\"00:00:30\"}'");
        assertEquals(List.of("IngestionBatchingPolicy", "[db1]"), dbPolicy.rows().get(0).subList(0, 2));
        assertEquals("Database", dbPolicy.rows().get(0).get(4));
        assertTrue(((String) column(run(".show database db1 policy ingestionbatching"), "Policy").get(0))
                .contains("00:00:30"));
        run(".delete database db1 policy ingestionbatching");
        assertEquals("null", column(run(".show database db1 policy ingestionbatching"), "Policy").get(0));

        assertEquals(List.of("NodeId", "Status"), names(run(".clear table T cache streamingingestion schema")));
        assertEquals(List.of("NodeId", "Status"),
                names(run(".refresh database 'db1' table 'T' cache ingestionbatchingpolicy")));
        assertEquals(List.of("Success"), column(run(".clear table T data"), "Status"));
        assertEquals(0, catalog.extents("db1", "T").size());
    }

    @Test
    void commandResultsRoundTripThroughATemporaryTable() {
        List<Column> columns = List.of(new Column("b", KustoType.BOOL), new Column("i", KustoType.INT),
                new Column("l", KustoType.LONG), new Column("r", KustoType.REAL), new Column("d", KustoType.DECIMAL),
                new Column("s", KustoType.STRING), new Column("t", KustoType.DATETIME),
                new Column("ts", KustoType.TIMESPAN), new Column("g", KustoType.GUID),
                new Column("dy", KustoType.DYNAMIC));
        List<Object> values = java.util.Arrays.asList(true, 5, 6L, 1.25, new java.math.BigDecimal("1.500000000000000000"),
                "s'\"", Instant.parse("2024-01-02T03:04:05.123456Z"), java.time.Duration.ofMillis(1500),
                UUID.randomUUID(), "{\"a\":1}");
        List<Object> nulls = java.util.Arrays.asList(new Object[columns.size()]);
        RowsResult rows = new RowsResult("x", columns, List.of(values, nulls));
        var source = CommandResultsTable.materialize(connection, rows);
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('"').append(source.physicalColumns().get(i)).append('"');
        }
        sql.append(" FROM ").append(source.fromSql());
        RowsResult back = CommandResultsTable.read(connection,
                new dev.kustospark.local.engine.SqlResult("x", columns, sql.toString(), List.of()));
        assertEquals(rows.rows(), back.rows());
    }

    @Test
    void concurrentCommandsOnTheirOwnConnections() throws Exception {
        run(".create table Src (a:int)");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (int n = 0; n < 4; n++) {
                int thread = n;
                futures.add(pool.submit(() -> {
                    try (Connection own = catalog.connect()) {
                        for (int i = 0; i < 5; i++) {
                            executor.execute(own, "db1", ".set-or-append Target <| .show tables", Map.of(), NOW);
                            executor.execute(own, "db1", ".create-merge table Extra" + thread + " (x:long)", Map.of(),
                                    NOW);
                            executor.execute(own, "db1", ".show tables", Map.of(), NOW);
                        }
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(20, catalog.extents("db1", "Target").size());
        assertEquals(6, catalog.tables("db1").size());
    }

    @Test
    void showOperationsIsNotItselfRecorded() {
        run(".create table T (a:int)");
        RowsResult ops = run(".show operations");
        assertEquals(1, ops.rows().size());
        assertFalse(column(run(".show operations"), "Operation").contains("OperationsShow"));
    }
}
