/**
 * Translation of KQL scalar functions, string operators and aggregations into DuckDB SQL over the
 * storage forms of {@link dev.kustospark.local.types.KustoType}.
 *
 * <p>Entry points are {@link dev.kustospark.local.kql.functions.ScalarFunctions} and
 * {@link dev.kustospark.local.kql.functions.AggregateFunctions}; the other classes are internal.
 * Each call returns SQL text and the Kusto result type; wrong arity or argument types raise a
 * semantic error naming the function and its position, and a known but unimplemented form raises
 * an "unsupported" error rather than answering differently from the service.
 *
 * <p>Where kusto-local knowingly differs from the service:
 * <ul>
 *   <li>datetimes keep microseconds, so tick-level arithmetic ({@code datetime_add('nanosecond')},
 *       {@code datetime_diff('nanosecond')}, the seventh fraction digit) is truncated, and
 *       {@code endofday} and friends end at the last microsecond;</li>
 *   <li>{@code dcount} and {@code percentile} are exact (distinct count, nearest rank) where the
 *       service estimates; they agree on small inputs;</li>
 *   <li>{@code hash} is exact XXH64 for strings, longs, timespans and datetimes and rejects other
 *       types.</li>
 * </ul>
 *
 * <p>Argument SQL may appear more than once in a result; where that would repeat work, the value
 * is bound once through a single-element list lambda whose parameter name depends only on the
 * value's text, so translating the same expression twice yields identical SQL (as GROUP BY needs).
 */
package dev.kustospark.local.kql.functions;
