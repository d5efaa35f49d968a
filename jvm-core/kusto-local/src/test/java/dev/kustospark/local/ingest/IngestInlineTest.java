package dev.kustospark.local.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.mgmt.CommandExecutor;
import dev.kustospark.local.storage.DuckDbCatalog;
import dev.kustospark.local.storage.TableInfo;
import dev.kustospark.local.types.KustoType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code .ingest inline} goes through the Ingestor: formats, mappings and tags from the command. */
class IngestInlineTest {
    private DuckDbCatalog catalog;
    private CommandExecutor executor;
    private Connection connection;

    @BeforeEach
    void open() {
        catalog = DuckDbCatalog.open(null);
        catalog.createDatabase("db1", false);
        executor = new CommandExecutor(catalog, new Ingestor(catalog));
        connection = catalog.connect();
        catalog.createTable("db1", "T", List.of(new Column("Id", KustoType.LONG), new Column("Text", KustoType.STRING),
                new Column("When", KustoType.DATETIME)), null, null);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
        catalog.close();
    }

    private RowsResult run(String command) {
        List<TabularResult> results = executor.execute(connection, "db1", command, Map.of(),
                Instant.parse("2024-05-06T07:08:09Z"));
        return (RowsResult) results.get(0);
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
