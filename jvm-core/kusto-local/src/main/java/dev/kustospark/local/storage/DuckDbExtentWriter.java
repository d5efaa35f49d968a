package dev.kustospark.local.storage;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.types.KustoValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * Writes one extent through DuckDB's appender inside a transaction. Rows reach the table in its
 * physical column order ({@code _extent} first, then {@code c<n>} by n), which differs from the
 * Kusto column order once a table was altered.
 */
final class DuckDbExtentWriter implements ExtentWriter {
    private static final int DECIMAL_SCALE = 18;

    private final TableInfo table;
    private final List<String> tags;
    private final Instant createdOn;
    private final Connection connection;
    private final boolean ownsConnection;
    /** Whether this writer began the transaction and so must end it. */
    private final boolean ownsTransaction;
    private final UUID extentId = UUID.randomUUID();
    private final ColumnInfo[] physicalOrder;
    private final int[] valueIndex;
    private DuckDBAppender appender;
    private long rows;
    private long bytes;
    private boolean finished;
    /** Why an append failed inside DuckDB; the extent can then only be discarded. */
    private String broken;

    DuckDbExtentWriter(TableInfo table, List<String> tags, Instant createdOn,
            Connection connection, boolean ownsConnection) throws SQLException {
        this.table = table;
        this.tags = List.copyOf(tags);
        this.createdOn = DuckDbCatalog.truncateToMicros(createdOn);
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        List<ColumnInfo> columns = table.columns();
        this.physicalOrder = columns.stream()
                .sorted(Comparator.comparingInt(c -> Integer.parseInt(c.physicalName().substring(1))))
                .toArray(ColumnInfo[]::new);
        this.valueIndex = new int[physicalOrder.length];
        for (int i = 0; i < physicalOrder.length; i++) {
            valueIndex[i] = columns.indexOf(physicalOrder[i]);
        }
        boolean begin = connection.getAutoCommit();
        try {
            if (begin) {
                connection.setAutoCommit(false);
            }
            // An appender flushing outside an active transaction commits on its own; a statement
            // makes DuckDB open the transaction that the flush then joins.
            try (Statement st = connection.createStatement()) {
                st.execute("SELECT 1");
            }
            this.appender = connection.unwrap(DuckDBConnection.class)
                    .createAppender(DuckDBConnection.DEFAULT_SCHEMA, table.physicalName());
        } catch (SQLException e) {
            if (begin) {
                connection.setAutoCommit(true);
            }
            if (ownsConnection) {
                DuckDbCatalog.closeQuietly(connection);
            }
            throw e;
        }
        this.ownsTransaction = begin;
    }

    @Override
    public void appendRow(Object[] values) {
        if (finished) {
            throw new IllegalStateException("extent already committed or closed");
        }
        if (broken != null) {
            throw KustoException.badRequest("cannot write more rows of table '" + table.name() + "': " + broken);
        }
        if (values.length != physicalOrder.length) {
            throw KustoException.badRequest("a row of table '" + table.name() + "' needs " + physicalOrder.length
                    + " values, got " + values.length);
        }
        // Every value is checked before the row starts: DuckDB's appender silently discards all rows
        // when it is closed with a row begun but not ended.
        Object[] storage = new Object[physicalOrder.length];
        long rowBytes = 0;
        for (int i = 0; i < physicalOrder.length; i++) {
            Object value = values[valueIndex[i]];
            storage[i] = value == null ? null : toStorage(physicalOrder[i], value);
            rowBytes += sizeOf(physicalOrder[i], storage[i]);
        }
        try {
            appender.beginRow();
            appender.append(extentId);
            for (int i = 0; i < physicalOrder.length; i++) {
                appendStorage(physicalOrder[i], storage[i]);
            }
            appender.endRow();
            rows++;
            bytes += rowBytes;
        } catch (SQLException e) {
            broken = e.getMessage();
            throw KustoException.badRequest("cannot write a row of table '" + table.name() + "': " + e.getMessage());
        }
    }

    /** The value in the form the appender takes for the column's DuckDB type. */
    private static Object toStorage(ColumnInfo column, Object value) {
        try {
            return switch (column.type()) {
                case BOOL -> (Boolean) value;
                case INT -> Math.toIntExact(integral((Number) value));
                case LONG -> integral((Number) value);
                case REAL -> ((Number) value).doubleValue();
                case DECIMAL -> decimal(value);
                case STRING, DYNAMIC -> (String) value;
                case DATETIME -> KustoValues.toEpochMicros((Instant) value);
                case TIMESPAN -> KustoValues.toTicks((Duration) value);
                case GUID -> (UUID) value;
            };
        } catch (ClassCastException e) {
            throw KustoException.badRequest("column '" + column.name() + "' of type " + column.type()
                    + " cannot hold a " + value.getClass().getSimpleName() + " value");
        } catch (ArithmeticException | NumberFormatException e) {
            throw KustoException.badRequest("column '" + column.name() + "' of type " + column.type()
                    + " cannot hold the value " + value);
        }
    }

    /** DECIMAL(38,18) holds 20 digits before the point; more would fail inside the appender. */
    private static BigDecimal decimal(Object value) {
        BigDecimal d = (value instanceof BigDecimal b ? b : new BigDecimal(value.toString()))
                .setScale(DECIMAL_SCALE, RoundingMode.HALF_EVEN);
        if (d.precision() > 38) {
            throw new ArithmeticException("more than 38 digits");
        }
        return d;
    }

    private static long sizeOf(ColumnInfo column, Object storage) {
        if (storage == null) {
            return 0;
        }
        return switch (column.type()) {
            case BOOL -> 1;
            case INT -> 4;
            case DECIMAL, GUID -> 16;
            case STRING, DYNAMIC -> ((String) storage).getBytes(StandardCharsets.UTF_8).length;
            default -> 8;
        };
    }

    private void appendStorage(ColumnInfo column, Object storage) throws SQLException {
        if (storage == null) {
            appender.appendNull();
            return;
        }
        switch (column.type()) {
            case BOOL -> appender.append(((Boolean) storage).booleanValue());
            case INT -> appender.append(((Integer) storage).intValue());
            case LONG, TIMESPAN -> appender.append(((Long) storage).longValue());
            case REAL -> appender.append(((Double) storage).doubleValue());
            case DECIMAL -> appender.append((BigDecimal) storage);
            case STRING, DYNAMIC -> appender.append((String) storage);
            case DATETIME -> appender.appendEpochMicros((Long) storage);
            case GUID -> appender.append((UUID) storage);
        }
    }

    /** The value as a long, refusing fractions and overflow rather than truncating them. */
    private static long integral(Number value) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value.longValue();
        }
        return new BigDecimal(value.toString()).longValueExact();
    }

    @Override
    public long rowCount() {
        return rows;
    }

    @Override
    public ExtentInfo commit() {
        if (finished) {
            throw new IllegalStateException("extent already committed or closed");
        }
        finished = true;
        if (broken != null) {
            rollback();
            release();
            throw KustoException.badRequest("cannot write extent of table '" + table.name() + "': " + broken);
        }
        ExtentInfo extent = new ExtentInfo(extentId, table.database(), table.name(), createdOn, rows, bytes, tags);
        try {
            appender.close();
            appender = null;
            checkDynamicValues();
            ExtentRecords.recordExtent(connection, table.id(), extent);
            if (ownsTransaction) {
                connection.commit();
            }
            return extent;
        } catch (SQLException e) {
            rollback();
            throw KustoException.badRequest("cannot write extent of table '" + table.name() + "': " + e.getMessage());
        } catch (RuntimeException e) {
            rollback();
            throw e;
        } finally {
            release();
        }
    }

    /**
     * DuckDB's appender stores any text in a JSON column unchecked; a dynamic value that is not JSON
     * would surface later as a wrong answer, so the extent is refused instead.
     */
    private void checkDynamicValues() throws SQLException {
        for (ColumnInfo column : physicalOrder) {
            if (column.type() != dev.kustospark.local.types.KustoType.DYNAMIC) {
                continue;
            }
            try (java.sql.PreparedStatement ps = connection.prepareStatement("SELECT \"" + column.physicalName()
                    + "\"::VARCHAR FROM \"" + table.physicalName() + "\" WHERE \"" + TableInfo.EXTENT_COLUMN
                    + "\" = ? AND NOT json_valid(\"" + column.physicalName() + "\") LIMIT 1")) {
                ps.setObject(1, extentId);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        String bad = rs.getString(1);
                        throw KustoException.badRequest("column '" + column.name() + "' of table '" + table.name()
                                + "' is dynamic and '" + (bad.length() > 100 ? bad.substring(0, 100) + "..." : bad)
                                + "' is not JSON");
                    }
                }
            }
        }
    }

    @Override
    public void close() {
        if (!finished) {
            finished = true;
            rollback();
            release();
        }
    }

    private void rollback() {
        if (appender != null) {
            // Closing flushes into the open transaction, which the rollback below discards.
            DuckDbCatalog.closeQuietly(appender);
            appender = null;
        }
        if (ownsTransaction) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // The connection is released next; DuckDB drops an unfinished transaction with it.
            }
        }
    }

    private void release() {
        try {
            if (ownsTransaction && !ownsConnection) {
                connection.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // Leaving the caller's connection as found is best effort once the extent is settled.
        } finally {
            if (ownsConnection) {
                DuckDbCatalog.closeQuietly(connection);
            }
        }
    }
}
