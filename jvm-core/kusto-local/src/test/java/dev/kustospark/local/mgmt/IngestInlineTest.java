package dev.kustospark.local.mgmt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.ingest.IngestionRequest;
import dev.kustospark.local.storage.ExtentInfo;
import dev.kustospark.local.testing.InMemoryCommandTest;
import java.io.ByteArrayInputStream;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code .ingest inline}; needs the Ingestor. */
class IngestInlineTest extends InMemoryCommandTest {
    @BeforeEach
    void requireIngestor() {
        catalog.createTable("db1", "probe", List.of(new dev.kustospark.local.engine.Column("a",
                dev.kustospark.local.types.KustoType.LONG)), null, null);
        boolean wired;
        try {
            ingestor.ingest("db1", "probe", IngestionRequest.of("csv"), new ByteArrayInputStream(new byte[0]));
            wired = true;
        } catch (KustoException e) {
            wired = !e.getMessage().contains("not yet wired");
        }
        Assumptions.assumeTrue(wired, "the Ingestor is not part of this build yet");
    }

    private RowsResult run(String command) {
        return assertInstanceOf(RowsResult.class, execute(command).get(0));
    }

    private List<List<Object>> data(String table) throws Exception {
        var t = catalog.table("db1", table);
        List<List<Object>> rows = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("SELECT c0, c1 FROM \"" + t.physicalName() + "\" ORDER BY c0")) {
            while (rs.next()) {
                rows.add(List.of(rs.getLong(1), rs.getString(2)));
            }
        }
        return rows;
    }

    @Test
    void ingestsCsvRowsAsOneExtent() throws Exception {
        run(".create table T (a:long, s:string)");
        RowsResult r = run(".ingest inline into table T with (tags='[\"drop-by:i\"]') <|\n1,one\n2,\"two, quoted\"\n");
        assertEquals(List.of("ExtentId"), r.columns().stream().map(c -> c.name()).toList());
        List<ExtentInfo> extents = catalog.extents("db1", "T");
        assertEquals(1, extents.size());
        assertEquals(r.rows().get(0).get(0), extents.get(0).id());
        assertEquals(List.of("drop-by:i"), extents.get(0).tags());
        assertEquals(List.of(List.of(1L, "one"), List.of(2L, "two, quoted")), data("T"));
        run(".ingest inline into table T <| 3,three");
        assertEquals(3, data("T").size());
    }
}
