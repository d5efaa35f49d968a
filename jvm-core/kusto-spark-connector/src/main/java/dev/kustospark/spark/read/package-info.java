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
 *   <li>{@code ForceSingleMode}: one task on an executor runs the query through the
 *       SDK's streaming query and turns the v2 response into rows as it arrives; the driver only
 *       asks for the schema.</li>
 *   <li>{@code ForcePartitionedMode}: {@code numPartitions} tasks each run
 *       {@code <query> | where hash(<partitionColumn>, N) == i}; the partition column defaults to
 *       the first column. Bucket 0 also takes the nulls, and types Kusto does not hash natively are
 *       hashed as text, so every row lands in exactly one partition.</li>
 *   <li>{@code ForceDistributedMode}: {@link dev.kustospark.spark.read.KustoExport} exports the
 *       query to transient storage ({@link dev.kustospark.spark.read.TransientStorage}) once, when
 *       {@link dev.kustospark.spark.read.DistributedBatch} plans its partitions; each task downloads
 *       one Parquet file with the Azure Storage SDK and decodes it with parquet-mr
 *       ({@link dev.kustospark.spark.read.ParquetBlobReader}) into the values single mode gives
 *       ({@link dev.kustospark.spark.read.ParquetValueConverter}). {@link
 *       dev.kustospark.spark.read.ExportRegistry} deletes the files when the plan is gone or the
 *       application ends, and keeps them for reuse with {@code distributedReadModeTransientCache}; the
 *       owner blob next to them lets {@link dev.kustospark.spark.read.StaleExports} delete them when
 *       the process dies first.</li>
 *   <li>Not set: {@link dev.kustospark.spark.read.ReadModeChoice} estimates the rows; small reads run
 *       in single mode ({@link dev.kustospark.spark.read.FallbackPartitionReader} exports instead when
 *       Kusto's result limits stop the query), large ones are exported when storage is available.</li>
 * </ul>
 * The mode and the reason for it are logged and shown in the scan's description ({@code explain()}). The data queries ask
 * for {@code notruncation} unless {@code clientRequestPropertiesJson} sets a truncation option of its
 * own, since Kusto otherwise stops a result at 500,000 records or 64 MB.
 *
 * <h2>Pushdown</h2>
 * Operators are appended on new lines after the query: {@code where} for the filters that
 * {@link dev.kustospark.spark.read.KustoFilterTranslator} can express exactly (see there; it is off
 * with {@code queryFilterPushDown=false}), {@code take} for a limit, {@code project} for the
 * required columns, or {@code count} when Spark needs no column at all. String filters are pushed
 * only for columns that are Kusto strings, which {@link dev.kustospark.spark.read.KustoSchemaProbe}
 * tells, for a user-given schema too.
 */
package dev.kustospark.spark.read;
