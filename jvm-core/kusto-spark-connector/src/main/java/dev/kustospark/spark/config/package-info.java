/**
 * The connector's options: the registry {@link dev.kustospark.spark.config.KustoOption} (keys,
 * defaults, sides, secrecy, descriptions; generated from {@code options/kusto-options.json}, as are the
 * Python and C# registries and {@code docs/options.md}), the value checks
 * ({@code OptionValues}) and the typed configurations built from them
 * ({@link dev.kustospark.spark.config.ReadConfig}, {@link dev.kustospark.spark.config.WriteConfig},
 * {@link dev.kustospark.spark.config.ConnectionConfig}, {@link dev.kustospark.spark.config.AuthConfig}). Every bad option
 * is a {@link dev.kustospark.spark.config.KustoOptionException} naming the option, the value (never a
 * secret's) and what is allowed.
 */
package dev.kustospark.spark.config;
