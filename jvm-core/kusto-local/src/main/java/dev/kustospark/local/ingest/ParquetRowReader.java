package dev.kustospark.local.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kustospark.local.KustoException;
import dev.kustospark.local.types.KustoValues;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Rows of a Parquet payload. The payload is spooled to a temporary file (Parquet needs random
 * access) and read with DuckDB's {@code read_parquet}, streaming the result. Each row becomes a JSON
 * object keyed by the file's column names, so JSON paths and name matching apply as for JSON;
 * nested columns become nested JSON, timestamps ISO 8601 text, binary base64 text.
 */
final class ParquetRowReader implements RowReader {
    /** How a Parquet column reaches Java. */
    private enum Kind { PLAIN, EPOCH_MICROS, JSON, BIG_NUMBER, BINARY }

    private final Path file;
    private final ColumnPlan plan;
    private final Connection connection;
    private final PreparedStatement statement;
    private final ResultSet rows;
    private final List<String> names = new ArrayList<>();
    private final List<Kind> kinds = new ArrayList<>();
    private long records;

    ParquetRowReader(InputStream body, ColumnPlan plan) {
        this.plan = plan;
        Path spooled = null;
        Connection conn = null;
        PreparedStatement stmt = null;
        try {
            spooled = Files.createTempFile("kusto-local-ingest-", ".parquet");
            Files.copy(body, spooled, StandardCopyOption.REPLACE_EXISTING);
            Properties props = new Properties();
            props.setProperty("jdbc_stream_results", "true");
            conn = DriverManager.getConnection("jdbc:duckdb:", props);
            describe(conn, spooled);
            stmt = conn.prepareStatement(selectSql());
            stmt.setString(1, spooled.toString());
            this.rows = stmt.executeQuery();
        } catch (IOException e) {
            cleanUp(null, conn, spooled);
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            cleanUp(stmt, conn, spooled);
            throw KustoException.badRequest("The parquet data could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            cleanUp(stmt, conn, spooled);
            throw e;
        }
        this.file = spooled;
        this.connection = conn;
        this.statement = stmt;
    }

    private void describe(Connection conn, Path spooled) throws SQLException {
        try (PreparedStatement describe = conn.prepareStatement("DESCRIBE SELECT * FROM read_parquet(?)")) {
            describe.setString(1, spooled.toString());
            try (ResultSet rs = describe.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                    kinds.add(kindOf(rs.getString(2)));
                }
            }
        }
    }

    private static Kind kindOf(String duckDbType) {
        String t = duckDbType.toUpperCase(Locale.ROOT);
        if (t.startsWith("TIMESTAMP") || t.equals("DATE")) {
            return Kind.EPOCH_MICROS;
        }
        if (t.startsWith("STRUCT") || t.startsWith("MAP") || t.endsWith("]") || t.startsWith("UNION")
                || t.equals("JSON")) {
            return Kind.JSON;
        }
        if (t.equals("BLOB")) {
            return Kind.BINARY;
        }
        if (t.equals("HUGEINT") || t.equals("UHUGEINT") || t.equals("UBIGINT")) {
            return Kind.BIG_NUMBER;
        }
        return Kind.PLAIN;
    }

    /** Column names come from the file, so they are quoted as identifiers, never pasted raw. */
    private String selectSql() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            String column = "\"" + names.get(i).replace("\"", "\"\"") + "\"";
            switch (kinds.get(i)) {
                case EPOCH_MICROS -> sql.append("epoch_us(").append(column).append(")");
                case JSON -> sql.append("CAST(to_json(").append(column).append(") AS VARCHAR)");
                case BIG_NUMBER -> sql.append("CAST(").append(column).append(" AS VARCHAR)");
                // Binary becomes base64 text, as the service's Spark connector writes binary columns.
                case BINARY -> sql.append("base64(").append(column).append(")");
                case PLAIN -> sql.append(column);
                default -> throw new IllegalStateException();
            }
        }
        if (names.isEmpty()) {
            sql.append("1");
        }
        return sql.append(" FROM read_parquet(?)").toString();
    }

    @Override
    public Object[] next() {
        try {
            if (!rows.next()) {
                return null;
            }
            records++;
            ObjectNode record = JsonNodeFactory.instance.objectNode();
            for (int i = 0; i < names.size(); i++) {
                record.set(names.get(i), toJson(rows.getObject(i + 1), kinds.get(i)));
            }
            return plan.rowFromJson(record, records);
        } catch (SQLException e) {
            throw KustoException.badRequest("The parquet data could not be read at row " + (records + 1) + ": "
                    + e.getMessage());
        }
    }

    private static JsonNode toJson(Object value, Kind kind) throws SQLException {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        switch (kind) {
            case EPOCH_MICROS: {
                long micros = ((Number) value).longValue();
                Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        Math.floorMod(micros, 1_000_000L) * 1000L);
                return f.textNode(KustoValues.formatDateTime(instant));
            }
            case JSON:
                try {
                    return ValueConverter.JSON_DOCUMENT.readTree(value.toString());
                } catch (JsonProcessingException e) {
                    return f.textNode(value.toString());
                }
            case BIG_NUMBER:
                return f.numberNode(new BigInteger(value.toString()));
            default:
                break;
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            return f.numberNode(((Number) value).intValue());
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof Float || value instanceof Double) {
            return f.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return f.numberNode(d);
        }
        if (value instanceof BigInteger i) {
            return f.numberNode(i);
        }
        return f.textNode(value.toString());
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (SQLException e) {
            // released with the connection below
        }
        cleanUp(statement, connection, file);
    }

    private static void cleanUp(PreparedStatement statement, Connection connection, Path file) {
        try {
            if (statement != null) {
                statement.close();
            }
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // the in-memory database goes away with its last connection
        }
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
