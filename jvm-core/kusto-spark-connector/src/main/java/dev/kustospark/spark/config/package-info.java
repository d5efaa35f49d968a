/**
 * The typed configurations of a read, a write and a clean-up, built from options checked against the
 * registry {@link dev.kustospark.spark.KustoOption} (keys, defaults, sides, secrecy, descriptions and
 * the value checks; generated from {@code options/kusto-options.json}, as are the Python and C#
 * registries and {@code docs/options.md}):
 * {@link dev.kustospark.spark.config.ReadConfig}, {@link dev.kustospark.spark.config.WriteConfig},
 * {@link dev.kustospark.spark.config.ConnectionConfig}, {@link dev.kustospark.spark.config.AuthConfig}. Every bad option
 * is a {@link dev.kustospark.spark.KustoOptionException} naming the option, the value (never a
 * secret's) and what is allowed.
 */
package dev.kustospark.spark.config;
