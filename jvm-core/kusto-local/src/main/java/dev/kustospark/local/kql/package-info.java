/**
 * The KQL compiler: {@link dev.kustospark.local.kql.KqlCompiler} turns a query into DuckDB SQL.
 *
 * <p>{@code Lexer} and {@code Parser} build an {@code Ast} whose nodes keep their line and column;
 * {@code QueryTranslator} walks the statements, with {@code ExprTranslator} for scalar expressions
 * and {@code SummarizeTranslator} and {@code JoinTranslator} for the two operators that need more
 * than one SELECT. Named functions and the string operators are translated by
 * {@code kql.functions}.
 *
 * <p>Every intermediate result ({@code Relation}) is a subquery whose columns are named
 * {@code c0, c1...} by position, with the Kusto names and types kept beside it: Kusto names are
 * case-sensitive while DuckDB's are not, and no name from a request ever reaches SQL text. Constants
 * are rendered by {@code SqlLiterals} as escaped literals. Row order, which DuckDB does not carry
 * out of a subquery, travels as a hidden column {@code o} set by sort, top, serialize and literal
 * tables, kept by the order-preserving operators and applied by the final SELECT.
 *
 * <p>Whatever lies outside the supported subset fails with {@code KustoException.unsupported}
 * naming the construct and its position.
 */
package dev.kustospark.local.kql;
