/**
 * The data sources Spark finds by format name (registered in
 * {@code META-INF/services/org.apache.spark.sql.sources.DataSourceRegister}): {@code kusto}
 * ({@link dev.kustospark.spark.source.KustoTableProvider}, also under the established connector's
 * format names), whose table hands reads to {@code read} and writes to {@code write}, and
 * {@code kusto-cleanup} and {@code kusto-async-writes}, whose rows the driver computes, the way the
 * Python and C# bindings reach the driver's clean-up and asynchronous write outcomes.
 */
package dev.kustospark.spark.source;
