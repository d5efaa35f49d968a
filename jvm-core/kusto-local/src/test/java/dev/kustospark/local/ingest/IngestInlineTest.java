package dev.kustospark.local.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.testing.InMemoryCommandTest;
import dev.kustospark.local.types.KustoType;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code .ingest inline} goes through the Ingestor: formats, mappings and tags from the command. */
class IngestInlineTest extends InMemoryCommandTest {
    @BeforeEach
    void createTable() {
        catalog.createTable("db1", "T", List.of(new Column("Id", KustoType.LONG), new Column("Text", KustoType.STRING),
                new Column("When", KustoType.DATETIME)), null, null);
    }

    private RowsResult run(String command) {
        return (RowsResult) execute(command).get(0);
    }

    private List<String> rows() throws Exception {
        TableInfo t = catalog.table("db1", "T");
        List<String> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT \""
                + t.columns().get(0).physicalName() + "\", \"" + t.columns().get(1).physicalName() + "\", \""
                + t.columns().get(2).physicalName() + "\" FROM \"" + t.physicalName() + "\" ORDER BY ALL")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3));
            }
        }
        return rows;
    }

    @Test
    void quotedCsvWithTags() throws Exception {
        RowsResult result = run(".ingest inline into table T with (tags='[\"ingest-by:b1\"]') <|\n"
                + "1,\"a, \"\"quoted\"\" text\",2024-01-02T03:04:05Z\n2,,\n");
        assertEquals(1, result.rows().size());
        assertEquals(List.of("1|a, \"quoted\" text|2024-01-02 03:04:05.0", "2||null"), rows());
        assertTrue(catalog.hasExtentTag("db1", "T", "ingest-by:b1"));
    }

    @Test
    void jsonWithInlineMapping() throws Exception {
        run(".ingest inline into table T with (format='multijson', ingestionMapping='"
                + "[{\"column\":\"Id\",\"Properties\":{\"Path\":\"$.id\"}},"
                + "{\"column\":\"Text\",\"Properties\":{\"ConstValue\":\"const\"}}]') <|\n"
                + "[{\"id\": 7}, {\"id\": 8}]");
        assertEquals(List.of("7|const|null", "8|const|null"), rows());
    }

    @Test
    void unsupportedFormatFails() {
        KustoException e = assertThrows(KustoException.class,
                () -> run(".ingest inline into table T with (format='avro') <|\nabc"));
        assertTrue(e.getMessage().contains("avro"), e.getMessage());
    }
}
