/**
 * The connector's options: the registry {@link dev.kustospark.spark.config.KustoOption} (keys,
 * defaults, sides, secrecy, descriptions and value checks), the typed configurations built from it
 * ({@link dev.kustospark.spark.config.ReadConfig}, {@link dev.kustospark.spark.config.WriteConfig},
 * {@link dev.kustospark.spark.config.ConnectionConfig}, {@link dev.kustospark.spark.config.AuthConfig})
 * and the generated reference ({@link dev.kustospark.spark.config.OptionReference}). Every bad option
 * is a {@link dev.kustospark.spark.config.KustoOptionException} naming the option, the value (never a
 * secret's) and what is allowed.
 */
package dev.kustospark.spark.config;
