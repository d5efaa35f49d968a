package dev.kustospark.local.protocol;

import dev.kustospark.local.KustoException;
import dev.kustospark.local.engine.Column;
import dev.kustospark.local.engine.RowsResult;
import dev.kustospark.local.engine.SqlResult;
import dev.kustospark.local.engine.TabularResult;
import dev.kustospark.local.types.KustoType;
import dev.kustospark.local.types.KustoValues;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSetMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Iterator;
import java.util.List;

/**
 * Reads the rows of one result, one at a time, and writes each as a JSON array. A {@link SqlResult}
 * runs on the request's connection when {@link #start()} is called (so that the first statement can
 * fail before the response status is sent) and is fetched in batches, never held whole.
 */
public abstract sealed class ResultCursor implements AutoCloseable {
    /** Rows per JDBC fetch. */
    static final int FETCH_SIZE = 2048;

    private final TabularResult result;

    private ResultCursor(TabularResult result) {
        this.result = result;
    }

    public static ResultCursor of(TabularResult result, Connection connection, ExecutionDeadline deadline) {
        if (result instanceof SqlResult sql) {
            return new SqlCursor(sql, connection, deadline);
        }
        return new RowsCursor((RowsResult) result);
    }

    public String name() {
        return result.name();
    }

    public List<Column> columns() {
        return result.columns();
    }

    /** Runs the statement (once); failures are the service's errors. */
    public abstract void start();

    /** Advances to the next row; false at the end. */
    abstract boolean next();

    /** Appends the current row as a JSON array. */
    abstract void writeRow(JsonBuffer out);

    @Override
    public abstract void close();

    private static final class RowsCursor extends ResultCursor {
        private final List<Column> columns;
        private final Iterator<List<Object>> rows;
        private final ValueWriter values = new ValueWriter();
        private List<Object> current;

        RowsCursor(RowsResult result) {
            super(result);
            this.columns = result.columns();
            this.rows = result.rows().iterator();
        }

        @Override
        public void start() {}

        @Override
        boolean next() {
            if (!rows.hasNext()) {
                return false;
            }
            current = rows.next();
            return true;
        }

        @Override
        void writeRow(JsonBuffer out) {
            out.ascii('[');
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.ascii(',');
                }
                values.write(out, current.get(i), columns.get(i).type());
            }
            out.ascii(']');
        }

        @Override
        public void close() {}
    }

    private static final class SqlCursor extends ResultCursor {
        private final SqlResult sql;
        private final Connection connection;
        private final ExecutionDeadline deadline;
        private final KustoType[] types;
        private PreparedStatement statement;
        private ResultSet rows;
        private JdbcRowEncoder encoder;

        SqlCursor(SqlResult sql, Connection connection, ExecutionDeadline deadline) {
            super(sql);
            this.sql = sql;
            this.connection = connection;
            this.deadline = deadline;
            this.types = sql.columns().stream().map(Column::type).toArray(KustoType[]::new);
        }

        @Override
        public void start() {
            if (rows != null) {
                return;
            }
            try {
                if (deadline != null) {
                    deadline.check();
                }
                statement = prepare();
                statement.setFetchSize(FETCH_SIZE);
                List<Object> parameters = sql.parameters();
                for (int i = 0; i < parameters.size(); i++) {
                    bind(statement, i + 1, parameters.get(i));
                }
                if (deadline != null) {
                    deadline.running(statement);
                }
                rows = statement.executeQuery();
                if (rows.getMetaData().getColumnCount() != types.length) {
                    throw KustoException.internal("result '" + sql.name() + "' declares " + types.length
                            + " columns but its SQL selects " + rows.getMetaData().getColumnCount(), null);
                }
                encoder = JdbcRowEncoder.of(types, rows.getMetaData());
            } catch (SQLException e) {
                close();
                throw QueryFailures.fromSql(e, deadline);
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        boolean next() {
            try {
                return rows.next();
            } catch (SQLException e) {
                throw QueryFailures.fromSql(e, deadline);
            }
        }

        @Override
        void writeRow(JsonBuffer out) {
            try {
                encoder.writeRow(rows, out);
            } catch (SQLException e) {
                throw QueryFailures.fromSql(e, deadline);
            }
        }

        /**
         * Prepares the statement in the form that is cheapest to read ({@link JdbcRowEncoder#wireSql}),
         * or as it is when that form does not apply or does not prepare.
         */
        private PreparedStatement prepare() throws SQLException {
            PreparedStatement plain = connection.prepareStatement(sql.sql());
            String wire;
            try {
                ResultSetMetaData metadata = plain.getMetaData();
                wire = JdbcRowEncoder.wireSql(sql.sql(), sql.columns().stream().map(Column::type).toList(), metadata);
            } catch (SQLException e) {
                return plain;
            }
            if (wire == null) {
                return plain;
            }
            try {
                PreparedStatement wrapped = connection.prepareStatement(wire);
                plain.close();
                return wrapped;
            } catch (SQLException e) {
                return plain;
            }
        }

        @Override
        public void close() {
            try {
                if (rows != null) {
                    rows.close();
                }
                if (statement != null) {
                    statement.close();
                }
            } catch (SQLException ignored) {
                // closing after a failure or cancellation: the connection is discarded by the caller anyway
            }
        }

        /** Binds a value held by the Java conventions of KustoType in its DuckDB storage form. */
        private static void bind(PreparedStatement statement, int index, Object value) throws SQLException {
            if (value instanceof Instant instant) {
                statement.setObject(index, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
            } else if (value instanceof Duration duration) {
                statement.setLong(index, KustoValues.toTicks(duration));
            } else {
                statement.setObject(index, value);
            }
        }
    }
}
