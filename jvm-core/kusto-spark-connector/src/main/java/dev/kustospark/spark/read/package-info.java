/**
 * Reading a KQL query into a DataFrame.
 *
 * <h2>Schema</h2>
 * The schema is the result schema of {@code <kustoQuery> | take 0}, asked with the user's client
 * request properties, unless {@code customSchema} (a DDL string) or {@code .schema(...)} gives it.
 * Kusto types read as: string, guid, timespan (Kusto's {@code [-][d.]hh:mm:ss[.fffffff]} text) and
 * dynamic (JSON text; a dynamic string reads as the string itself) as {@code string}; int as
 * {@code int}; long as {@code bigint}; bool as {@code boolean}; real as {@code double}; decimal as
 * {@code decimal(38,18)}; datetime as {@code timestamp} (UTC, microseconds; Kusto's seventh
 * fractional digit is dropped).
 *
 * <h2>Modes ({@code readMode})</h2>
 * <ul>
 *   <li>{@code ForceSingleMode} (the default): one task on an executor runs the query through the
 *       SDK's streaming query and turns the v2 response into rows as it arrives; the driver only
 *       asks for the schema.</li>
 *   <li>{@code ForcePartitionedMode}: {@code numPartitions} tasks each run
 *       {@code <query> | where hash(<partitionColumn>, N) == i}; the partition column defaults to
 *       the first column. Bucket 0 also takes the nulls, and types Kusto does not hash natively are
 *       hashed as text, so every row lands in exactly one partition.</li>
 *   <li>{@code ForceDistributedMode} (export to transient storage) is refused with an error until it
 *       is implemented.</li>
 * </ul>
 * The mode is logged and shown in the scan's description ({@code explain()}). The data queries ask
 * for {@code notruncation} unless {@code clientRequestPropertiesJson} sets a truncation option of its
 * own, since Kusto otherwise stops a result at 500,000 records or 64 MB.
 *
 * <h2>Pushdown</h2>
 * Operators are appended on new lines after the query: {@code where} for the filters that
 * {@link dev.kustospark.spark.read.KustoFilterTranslator} can express exactly (see there; it is off
 * with {@code queryFilterPushDown=false}), {@code take} for a limit, {@code project} for the
 * required columns, or {@code count} when Spark needs no column at all. String filters are pushed
 * only for columns the probe found to be Kusto strings.
 */
package dev.kustospark.spark.read;
