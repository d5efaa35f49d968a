package dev.kustospark.local.protocol;

/**
 * Query result truncation: at most {@code maxRecords} records and about {@code maxBytes} bytes of
 * encoded rows across the results of one query; beyond, the service reports
 * E_QUERY_RESULT_SET_TOO_LARGE after the rows that fit.
 */
public record ResultLimits(long maxRecords, long maxBytes) {
    /** The service's defaults: 500,000 records, 64 MB. */
    public static final ResultLimits DEFAULT = new ResultLimits(500_000L, 64L * 1024 * 1024);

    /** {@code notruncation}: no limit at all. */
    public static final ResultLimits NONE = new ResultLimits(Long.MAX_VALUE, Long.MAX_VALUE);

    public ResultLimits {
        if (maxRecords < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("truncation limits must not be negative");
        }
    }
}
