package dev.kustospark.local.kql;

import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.types.KustoValues;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Compiles KQL against its own {@link TestCatalog} and runs the SQL, reading values in readable form.
 * Closing the runner closes the catalog.
 */
final class KqlRunner implements AutoCloseable {
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");

    /** One result: columns as {@code name:type} and rows with datetimes and timespans as Kusto text. */
    record Result(List<String> columns, List<List<Object>> rows) {}

    private final TestCatalog catalog;
    private final Map<String, Object> parameters;

    KqlRunner() {
        this(new TestCatalog(), Map.of());
    }

    private KqlRunner(TestCatalog catalog, Map<String, Object> parameters) {
        this.catalog = catalog;
        this.parameters = parameters;
    }

    /** A row as {@link Result#rows()} holds it; unlike {@code List.of} it may contain nulls. */
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }

    /** The catalog queries run against; tests create their tables here. */
    TestCatalog catalog() {
        return catalog;
    }

    /** A runner over the same catalog with query parameters; closing this runner closes that catalog. */
    KqlRunner withParameters(Map<String, Object> values) {
        return new KqlRunner(catalog, values);
    }

    CompiledQuery compile(String kql) {
        return KqlCompiler.compile(kql, new KqlContext(TestCatalog.DB, catalog, parameters, NOW, null));
    }

    Result run(String kql) {
        return results(kql).get(0);
    }

    List<Result> results(String kql) {
        List<Result> out = new ArrayList<>();
        for (SqlResult r : compile(kql).results()) {
            out.add(execute(r));
        }
        return out;
    }

    private Result execute(SqlResult r) {
        List<String> columns = r.columns().stream().map(c -> c.name() + ":" + c.type().kqlName()).toList();
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = catalog.connection().prepareStatement(r.sql())) {
            for (int i = 0; i < r.parameters().size(); i++) {
                ps.setObject(i + 1, r.parameters().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.getMetaData().getColumnCount() != r.columns().size()) {
                    throw new AssertionError("SQL has " + rs.getMetaData().getColumnCount() + " columns for "
                            + r.columns().size() + ": " + r.sql());
                }
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 0; i < r.columns().size(); i++) {
                        row.add(read(rs, i + 1, r.columns().get(i)));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new AssertionError("SQL failed: " + r.sql(), e);
        }
        return new Result(columns, rows);
    }

    private static Object read(ResultSet rs, int i, Column c) throws SQLException {
        Object v = rs.getObject(i);
        if (v == null) {
            return null;
        }
        return switch (c.type()) {
            case DATETIME -> KustoValues.formatDateTime(rs.getObject(i, LocalDateTime.class));
            case TIMESPAN -> KustoValues.formatTimespan(((Number) v).longValue());
            case DYNAMIC, GUID -> v.toString();
            default -> v;
        };
    }

    @Override
    public void close() {
        catalog.close();
    }
}
