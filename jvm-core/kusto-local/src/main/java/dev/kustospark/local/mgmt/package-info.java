/**
 * Management commands ({@code .show}, {@code .create}, {@code .alter}, {@code .drop}, {@code .set},
 * {@code .append}, {@code .ingest inline}, {@code .move extents}...) with the result tables of the
 * service.
 *
 * <p>{@link dev.kustospark.local.mgmt.CommandExecutor} parses the command with
 * {@code CommandParser} and answers with a {@code RowsResult} named {@code Table_0}. Text after the
 * command is KQL over its results: {@code | ...} is compiled as {@code $command_results | ...} and
 * {@code ; query} as the query itself, with the rows first written to a temporary table on the
 * request's connection. A command after {@code <|} ({@code .move extents to table B <| .show table A
 * extents}) runs nested on the same connection.
 *
 * <p>Commands run to completion before they answer; {@code async} ones answer with the id of an
 * operation already {@code Completed}, whose results {@code .show operation <id> details} returns.
 * Commands of other packages plug in as {@link dev.kustospark.local.mgmt.CommandExtension}s (the
 * data-management ones of {@code dm}); those may record an operation {@code InProgress} and finish
 * it later ({@code .export async}).
 */
package dev.kustospark.local.mgmt;
