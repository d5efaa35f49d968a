/**
 * The Kusto SDK clients the connector talks through, leased per use from a reference-counted cache
 * per endpoint and credentials and closed a while after their last use, and the request properties
 * each request carries.
 */
package dev.kustospark.spark.client;
