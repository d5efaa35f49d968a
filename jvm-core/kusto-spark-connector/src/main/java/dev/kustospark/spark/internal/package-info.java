/**
 * Helpers shared by the connector's packages (JSON, Kusto's time and number text); not an API, and
 * free to change in any release.
 */
package dev.kustospark.spark.internal;
