package dev.kustospark.local.mgmt;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.storage.DuckDbCatalog;
import dev.kustospark.local.storage.TableSource;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Moves command results between memory and DuckDB: a {@link RowsResult} becomes a temporary table
 * (so KQL can read it as {@code $command_results}), and a {@link SqlResult} is read back into rows.
 */
final class CommandResultsTable {
    private static final AtomicLong NEXT_ID = new AtomicLong();

    private CommandResultsTable() {}

    /** Writes {@code rows} into a new temporary table on {@code connection}; columns {@code c0, c1...}. */
    static TableSource materialize(Connection connection, RowsResult rows) {
        String table = "kl_command_results_" + NEXT_ID.incrementAndGet();
        List<Column> columns = rows.columns();
        List<String> physical = new ArrayList<>();
        StringBuilder ddl = new StringBuilder("CREATE TEMP TABLE \"").append(table).append("\" (");
        StringBuilder insert = new StringBuilder("INSERT INTO \"").append(table).append("\" VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            String name = "c" + i;
            physical.add(name);
            ddl.append(i == 0 ? "" : ", ").append('"').append(name).append("\" ")
                    .append(columns.get(i).type().duckDbType());
            insert.append(i == 0 ? "" : ", ").append(switch (columns.get(i).type()) {
                case DATETIME -> "make_timestamp(?)";
                case DYNAMIC -> "?::JSON";
                case GUID -> "?::UUID";
                case DECIMAL -> "?::DECIMAL(38,18)";
                default -> "?";
            });
        }
        ddl.append(')');
        insert.append(')');
        try (Statement st = connection.createStatement()) {
            st.execute(ddl.toString());
            if (!rows.rows().isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(insert.toString())) {
                    for (List<Object> row : rows.rows()) {
                        for (int i = 0; i < columns.size(); i++) {
                            ps.setObject(i + 1, toStorage(row.get(i)));
                        }
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        } catch (SQLException e) {
            throw KustoException.internal("cannot hold the command's results for the query", e);
        }
        return new TableSource("\"" + table + "\"", physical, columns);
    }

    private static Object toStorage(Object value) {
        if (value instanceof Instant instant) {
            return KustoValues.toEpochMicros(instant);
        }
        if (value instanceof Duration d) {
            return KustoValues.toTicks(d);
        }
        if (value instanceof UUID || value instanceof BigDecimal) {
            return value.toString();
        }
        return value;
    }

    /** Runs {@code result} on {@code connection} and returns its rows in the Java value conventions. */
    static RowsResult read(Connection connection, SqlResult result) {
        List<Column> columns = result.columns();
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(result.sql())) {
            for (int i = 0; i < result.parameters().size(); i++) {
                DuckDbCatalog.bindValue(ps, i + 1, result.parameters().get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(columns.size());
                    for (int i = 0; i < columns.size(); i++) {
                        row.add(fromStorage(columns.get(i), rs, i + 1));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw KustoException.badRequest("cannot run the query: " + e.getMessage());
        }
        return new RowsResult(result.name(), columns, rows);
    }

    private static Object fromStorage(Column column, ResultSet rs, int index) throws SQLException {
        Object raw = rs.getObject(index);
        if (raw == null) {
            return null;
        }
        return switch (column.type()) {
            case BOOL -> rs.getBoolean(index);
            case INT -> rs.getInt(index);
            case LONG -> rs.getLong(index);
            case REAL -> rs.getDouble(index);
            case DECIMAL -> rs.getBigDecimal(index);
            case STRING, DYNAMIC -> rs.getString(index);
            case DATETIME -> toInstant(raw, rs, index);
            case TIMESPAN -> KustoValues.fromTicks(rs.getLong(index));
            case GUID -> raw instanceof UUID u ? u : UUID.fromString(raw.toString());
        };
    }

    private static Instant toInstant(Object raw, ResultSet rs, int index) throws SQLException {
        if (raw instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (raw instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        LocalDateTime ldt = rs.getObject(index, LocalDateTime.class);
        return ldt.toInstant(ZoneOffset.UTC);
    }
}
