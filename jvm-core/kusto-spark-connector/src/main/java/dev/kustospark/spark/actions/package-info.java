/**
 * What a job calls in the driver besides reads and writes:
 * {@link dev.kustospark.spark.actions.KustoCleanup} removes what writes and reads that died left
 * behind, {@link dev.kustospark.spark.actions.KustoAsyncWrites} waits for the writes with
 * {@code writeEnableAsync=true}. Both are thin facades over {@code write}.
 */
package dev.kustospark.spark.actions;
