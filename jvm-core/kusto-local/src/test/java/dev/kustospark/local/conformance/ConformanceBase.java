package dev.kustospark.local.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.Client;
import com.microsoft.azure.kusto.data.ClientFactory;
import com.microsoft.azure.kusto.data.ClientRequestProperties;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.data.exceptions.DataServiceException;
import dev.kustospark.local.KustoLocal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * One in-memory kusto-local per test class, spoken to only through the official Java SDK, so every
 * assertion holds for the wire format as well as for the semantics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ConformanceBase {
    static final String DB = "db1";

    KustoLocal kusto;
    Client client;

    @BeforeAll
    void startServer() throws Exception {
        kusto = KustoLocal.builder().inMemory().database(DB).start();
        client = ClientFactory.createClient(new ConnectionStringBuilder(kusto.url()));
        setUpData();
    }

    /** Prepares what every test of a class needs (clients); runs once after the server is up. */
    void setUpData() throws Exception {}

    private boolean fixtureAttempted;
    private Exception fixtureFailure;

    /** Creates the tables a class queries; see {@link #fixture()}. */
    void createFixture() throws Exception {}

    /**
     * Creates the class's tables on first use; a failure fails only the tests that need them, so the
     * others still report on their own feature.
     */
    final void fixture() throws Exception {
        if (!fixtureAttempted) {
            fixtureAttempted = true;
            try {
                createFixture();
            } catch (Exception e) {
                fixtureFailure = e;
            }
        }
        if (fixtureFailure != null) {
            throw new IllegalStateException("the class's tables could not be created", fixtureFailure);
        }
    }

    @AfterAll
    void stopServer() throws Exception {
        if (client instanceof AutoCloseable closeable) {
            closeable.close();
        }
        if (kusto != null) {
            kusto.close();
        }
    }

    KustoResultSetTable query(String kql) throws Exception {
        return client.executeQuery(DB, kql).getPrimaryResults();
    }

    KustoResultSetTable query(String kql, ClientRequestProperties properties) throws Exception {
        return client.executeQuery(DB, kql, properties).getPrimaryResults();
    }

    KustoResultSetTable mgmt(String command) throws Exception {
        return client.executeMgmt(DB, command).getPrimaryResults();
    }

    /** The single value of a one-row, one-column result. */
    Object scalar(String kql) throws Exception {
        return singleRow(kql).getObject(0);
    }

    long scalarLong(String kql) throws Exception {
        return singleRow(kql).getLong(0);
    }

    String scalarString(String kql) throws Exception {
        return singleRow(kql).getString(0);
    }

    boolean scalarBool(String kql) throws Exception {
        return singleRow(kql).getBoolean(0);
    }

    double scalarDouble(String kql) throws Exception {
        return singleRow(kql).getDouble(0);
    }

    /** The result of {@code kql}, checked to have exactly one row and positioned on it. */
    private KustoResultSetTable singleRow(String kql) throws Exception {
        KustoResultSetTable table = query(kql);
        assertEquals(1, table.count(), () -> "rows of " + kql);
        assertTrue(table.next());
        return table;
    }

    /** Every row rendered as a list of {@code toString()}s (null stays null), in result order. */
    static List<List<String>> rows(KustoResultSetTable table) {
        List<List<String>> rows = new ArrayList<>();
        for (List<Object> row : table.getData()) {
            List<String> rendered = new ArrayList<>();
            for (Object value : row) {
                rendered.add(value == null ? null : value.toString());
            }
            rows.add(rendered);
        }
        return rows;
    }

    List<List<String>> rows(String kql) throws Exception {
        return rows(query(kql));
    }

    static List<String> columnNames(KustoResultSetTable table) {
        List<String> names = new ArrayList<>();
        for (var column : table.getColumns()) {
            names.add(column.getColumnName());
        }
        return names;
    }

    static List<String> columnTypes(KustoResultSetTable table) {
        List<String> types = new ArrayList<>();
        for (var column : table.getColumns()) {
            types.add(column.getColumnType());
        }
        return types;
    }

    /** The values of the first column, rendered with {@code toString()}. */
    List<String> firstColumn(String kql) throws Exception {
        List<String> values = new ArrayList<>();
        for (List<String> row : rows(kql)) {
            values.add(row.get(0));
        }
        return values;
    }

    static List<List<String>> table(String... rowsAsCsv) {
        List<List<String>> rows = new ArrayList<>();
        for (String row : rowsAsCsv) {
            List<String> cells = new ArrayList<>();
            for (String cell : row.split(",", -1)) {
                cells.add(cell.equals("<null>") ? null : cell);
            }
            rows.add(cells);
        }
        return rows;
    }

    DataServiceException assertQueryFails(String kql, String... messageFragments) {
        DataServiceException error = assertThrows(DataServiceException.class, () -> query(kql), kql);
        for (String fragment : messageFragments) {
            assertTrue(error.getMessage().contains(fragment),
                    () -> "message of " + kql + " should contain '" + fragment + "': " + error.getMessage());
        }
        return error;
    }

    DataServiceException assertMgmtFails(String command, String... messageFragments) {
        DataServiceException error = assertThrows(DataServiceException.class, () -> mgmt(command), command);
        for (String fragment : messageFragments) {
            assertTrue(error.getMessage().contains(fragment),
                    () -> "message of " + command + " should contain '" + fragment + "': " + error.getMessage());
        }
        return error;
    }
}
