/**
 * Ingestion: parsing payloads in the service's data formats and writing them into tables.
 *
 * <h2>Formats</h2>
 * Names are case-insensitive. {@code csv} (RFC 4180), {@code tsv}, {@code tsve} (tab separated with
 * backslash escapes), {@code scsv} ({@code ;}), {@code sohsv} (U+0001), {@code psv} ({@code |}),
 * {@code txt} (each non-blank line one record of one field), {@code raw} (the whole payload one
 * value), {@code json} (objects one after another), {@code multijson} (objects or arrays of objects,
 * any whitespace), {@code singlejson} (one object) and {@code parquet}. {@code avro},
 * {@code apacheavro}, {@code orc}, {@code w3clogfile}, {@code sstream} and {@code azmonstream} are
 * rejected with a 400 naming the format. Text is UTF-8; a gzip payload is recognised by its magic
 * bytes whatever the request's headers say.
 *
 * <h2>Columns</h2>
 * Without a mapping, delimited formats map field <i>n</i> to column <i>n</i> (missing fields are
 * nulls, extra fields are ignored), txt and raw fill the first column, JSON and Parquet match
 * top-level property or column names exactly (case-sensitively). With a mapping (inline JSON or a
 * named mapping of the table; an unknown name is a 400), columns it does not name are null.
 *
 * <h2>Mappings</h2>
 * Element properties are matched case-insensitively, in {@code Properties} or at the top level,
 * with string or number values: {@code Column}/{@code Name}, {@code DataType} (informational:
 * columns are never created or altered), {@code Ordinal} (csv kind), {@code Path} (JSONPath
 * {@code $}, {@code $.a.b}, {@code $['a b']}, {@code $.a[0]}; a Path not starting with {@code $} is
 * a constant), {@code Field} (a top-level name), {@code ConstValue} and {@code Transform}:
 * SourceLocation (null: streamed payloads have no source URI), SourceLineNumber,
 * DateTimeFromUnixSeconds/Milliseconds/Microseconds/Nanoseconds, PropertyBagArrayToDictionary.
 *
 * <h2>Values</h2>
 * Text converts as the service does: an empty field is null except for string columns (empty
 * string); bool takes true/false in any case and 1/0; real takes NaN and (-)Infinity; datetime takes
 * ISO 8601 (no zone means UTC) and RFC 822/850 forms; timespan takes {@code [-][d.]hh:mm[:ss[.f]]}
 * and KQL literals; guid takes the .NET forms; dynamic keeps valid JSON and makes other text a JSON
 * string. A value that does not convert is ingested as null; it does not fail the record. JSON
 * values convert to the column type (whole numbers into int/long, anything into string as its
 * text, anything into dynamic as its JSON).
 */
package dev.kustospark.local.ingest;
