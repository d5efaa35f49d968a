/**
 * The service's wire formats: v2 frames ({@link dev.kustospark.local.protocol.V2ResponseWriter}),
 * v1 tables ({@link dev.kustospark.local.protocol.V1ResponseWriter}) and the error object
 * ({@link dev.kustospark.local.protocol.ErrorPayload}), written as a stream so that no result is
 * ever held whole: a JSON generator writes the frames, and the rows, the bulk of a large response,
 * are encoded straight to bytes ({@link dev.kustospark.local.protocol.JdbcRowEncoder},
 * {@link dev.kustospark.local.protocol.WireValues}). Value encodings follow what the Java and Python SDK parsers
 * accept: reals always with a decimal point or exponent, NaN and infinities and decimals as
 * strings, datetimes with seven fractional digits and {@code Z}, timespans as .NET prints them,
 * dynamic values embedded as JSON, and never a null string.
 */
package dev.kustospark.local.protocol;
