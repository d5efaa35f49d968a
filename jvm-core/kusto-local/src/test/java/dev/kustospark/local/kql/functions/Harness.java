package dev.kustospark.local.kql.functions;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kustospark.local.kql.CallSite;
import dev.kustospark.local.kql.TypedSql;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs translated SQL on an in-memory DuckDB and reads results back in a comparable form:
 * datetimes as {@code yyyy-MM-dd HH:mm:ss[.ffffff]} text, dynamic as JSON text, other values as
 * JDBC gives them.
 */
final class Harness implements AutoCloseable {
    static final Instant NOW = Instant.parse("2024-03-15T10:20:30.123456Z");

    private final Connection connection;

    Harness() {
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static CallSite site(String name) {
        return new CallSite(name, 1, 5, NOW);
    }

    static TypedSql call(String name, TypedSql... args) {
        return ScalarFunctions.call(site(name), Arrays.asList(args));
    }

    static TypedSql agg(String name, TypedSql... args) {
        return AggregateFunctions.call(site(name), Arrays.asList(args));
    }

    // ---- literals as the translator produces them ----------------------------------------

    static TypedSql str(String s) {
        return TypedSql.literal(Sql.quote(s), KustoType.STRING, s);
    }

    static TypedSql integer(int v) {
        return TypedSql.literal("CAST(" + v + " AS INTEGER)", KustoType.INT, v);
    }

    static TypedSql lng(long v) {
        return TypedSql.literal("CAST(" + v + " AS BIGINT)", KustoType.LONG, v);
    }

    static TypedSql real(double v) {
        return TypedSql.literal("CAST('" + v + "' AS DOUBLE)", KustoType.REAL, v);
    }

    static TypedSql dec(String v) {
        return TypedSql.literal("CAST('" + v + "' AS DECIMAL(38,18))", KustoType.DECIMAL, new java.math.BigDecimal(v));
    }

    static TypedSql bool(boolean v) {
        return TypedSql.literal(Boolean.toString(v), KustoType.BOOL, v);
    }

    static TypedSql dt(String text) {
        Instant instant = KustoValues.parseDateTime(text);
        return TypedSql.literal(Sql.timestampLiteral(instant), KustoType.DATETIME, instant);
    }

    static TypedSql ts(String text) {
        long ticks = KustoValues.parseTimespan(text);
        return TypedSql.literal("CAST(" + ticks + " AS BIGINT)", KustoType.TIMESPAN, KustoValues.fromTicks(ticks));
    }

    static TypedSql dyn(String json) {
        return TypedSql.literal("CAST(" + Sql.quote(json) + " AS JSON)", KustoType.DYNAMIC, json);
    }

    static TypedSql guid(String text) {
        return TypedSql.literal("CAST(" + Sql.quote(text) + " AS UUID)", KustoType.GUID, java.util.UUID.fromString(text));
    }

    static TypedSql nullOf(KustoType type) {
        return TypedSql.literal("CAST(NULL AS " + type.duckDbType() + ")", type, null);
    }

    static TypedSql column(String name, KustoType type) {
        return TypedSql.of(name, type);
    }

    // ---- evaluation ------------------------------------------------------------------------

    /** The value of a scalar expression. */
    Object eval(TypedSql expr) {
        return first(query("SELECT " + readable(expr) + " AS v"));
    }

    /** The value of a scalar expression, after checking the type the translation gave it. */
    Object eval(TypedSql expr, KustoType expectedType) {
        assertEquals(expectedType, expr.type(), "result type");
        return eval(expr);
    }

    /** A datetime result as Kusto prints it. */
    String datetimeText(TypedSql datetime) {
        assertEquals(KustoType.DATETIME, datetime.type(), "result type");
        return (String) eval(TypedSql.of(Sql.datetimeText(datetime.sql()), KustoType.STRING));
    }

    /** The value of {@code expr} evaluated in a query over {@code from} (e.g. a VALUES table). */
    List<Object> evalOver(TypedSql expr, String from) {
        return column(query("SELECT " + readable(expr) + " AS v FROM " + from));
    }

    /** The value of an aggregate expression over {@code from}. */
    Object aggregate(TypedSql expr, String from) {
        return first(query("SELECT " + readable(expr) + " AS v FROM " + from));
    }

    private static String readable(TypedSql expr) {
        switch (expr.type()) {
            case DATETIME:
            case DYNAMIC:
            case GUID:
                return "CAST(" + expr.sql() + " AS VARCHAR)";
            default:
                return expr.sql();
        }
    }

    /** All rows of a query. */
    List<List<Object>> query(String sql) {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    private static Object first(List<List<Object>> rows) {
        if (rows.size() != 1) {
            throw new IllegalStateException("expected one row, got " + rows.size());
        }
        return rows.get(0).get(0);
    }

    private static List<Object> column(List<List<Object>> rows) {
        List<Object> out = new ArrayList<>();
        for (List<Object> row : rows) {
            out.add(row.get(0));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
