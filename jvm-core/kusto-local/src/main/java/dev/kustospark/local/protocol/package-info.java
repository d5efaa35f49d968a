/**
 * The service's wire formats: v2 frames ({@link dev.kustospark.local.protocol.V2ResponseWriter}),
 * v1 tables ({@link dev.kustospark.local.protocol.V1ResponseWriter}) and the error object
 * ({@link dev.kustospark.local.protocol.ErrorPayload}), written with a streaming JSON generator so
 * that no result is ever held whole. Value encodings follow what the Java and Python SDK parsers
 * accept: reals always with a decimal point or exponent, NaN and infinities and decimals as
 * strings, datetimes with seven fractional digits and {@code Z}, timespans as .NET prints them,
 * dynamic values embedded as JSON, and never a null string.
 */
package dev.kustospark.local.protocol;
