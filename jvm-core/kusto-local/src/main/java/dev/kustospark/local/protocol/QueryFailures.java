package dev.kustospark.local.protocol;

import dev.kustospark.local.KustoException;
import java.sql.SQLException;
import java.time.Duration;

/** The service's errors for failures while a query runs or its results stream. */
public final class QueryFailures {
    /**
     * E_QUERY_RESULT_SET_TOO_LARGE, 0x80DA0003 as a signed HRESULT. The error's code, message and
     * type are the service's for a truncated result (a partial query failure, permanent).
     */
    static final int RESULT_SET_TOO_LARGE_HRESULT = 0x80DA0003;
    /** E_FAIL. */
    static final int GENERIC_FAILURE_HRESULT = 0x80004005;

    private QueryFailures() {}

    public static KustoException timeout(Duration timeout) {
        return KustoException.timeout("Query execution has resulted in error (0x80DA0006): Query is expired. The"
                + " server timeout of " + timeout.toMillis() + " ms passed (see the 'servertimeout' request property).");
    }

    static KustoException tooManyRecords(long limit) {
        return KustoException.limitsExceeded("The results of this query exceed the set limit of " + limit
                + " records, so not all records were returned (E_QUERY_RESULT_SET_TOO_LARGE, 0x80DA0003). "
                + "See https://aka.ms/kustoquerylimits for more information and possible solutions.");
    }

    static KustoException tooManyBytes(long limit) {
        return KustoException.limitsExceeded("Query result set has exceeded the internal data size limit " + limit
                + " (E_QUERY_RESULT_SET_TOO_LARGE, 0x80DA0003). "
                + "See https://aka.ms/kustoquerylimits for more information and possible solutions.");
    }

    /** A DuckDB failure: the timeout when the deadline cancelled it, otherwise the engine's message. */
    public static KustoException fromSql(SQLException e, ExecutionDeadline deadline) {
        if (deadline != null && deadline.expired()) {
            return timeout(deadline.timeout());
        }
        return KustoException.executionFailed(e.getMessage(), e);
    }

    /** The HRESULT the completion information reports for an error. */
    static int hresult(KustoException e) {
        return isLimits(e) ? RESULT_SET_TOO_LARGE_HRESULT : GENERIC_FAILURE_HRESULT;
    }

    /** How the v2 completion information names an error: its StatusCodeName, EventType and EventTypeName. */
    record CompletionEvent(String statusCodeName, int eventType, String eventTypeName) {}

    /** A truncated result as the service reports it; other errors by their code, as query information. */
    static CompletionEvent completionEvent(KustoException e) {
        if (isLimits(e)) {
            return new CompletionEvent("Query result set too large (E_QUERY_RESULT_SET_TOO_LARGE). ("
                    + RESULT_SET_TOO_LARGE_HRESULT + ")", 1, "QueryLimitsExceeded");
        }
        return new CompletionEvent(e.code(), 4, "QueryInfo");
    }

    private static boolean isLimits(KustoException e) {
        return "LimitsExceeded".equals(e.code());
    }
}
