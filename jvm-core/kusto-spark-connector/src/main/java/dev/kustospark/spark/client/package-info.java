/**
 * The Kusto SDK clients the connector talks through, shared per cluster and credentials, and the
 * request properties each request carries.
 */
package dev.kustospark.spark.client;
