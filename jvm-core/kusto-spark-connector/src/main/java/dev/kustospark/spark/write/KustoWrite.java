package dev.kustospark.spark.write;

import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.SchemaAdjustmentMode;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.TableCreationMode;
import dev.kustospark.spark.WriteMode;
import dev.kustospark.spark.config.WriteConfig;
import dev.kustospark.spark.types.KustoColumn;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.connector.write.streaming.StreamingWrite;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a write on the driver: checks the mode and options and, for queued ingestion, that the
 * cluster hands out an ingestion queue ({@link IngestionResources}), removes what writes and reads that
 * died left in the database ({@link CrashLeftovers}), makes sure the table exists (creating it with
 * {@code tableCreateOptions=CreateIfNotExist}), applies {@code adjustSchema}, fixes the CSV column
 * layout every task then uses, and for a transactional write creates the temporary table.
 */
final class KustoWrite implements Write {
    private static final Logger LOG = LoggerFactory.getLogger(KustoWrite.class);

    private final WriteConfig config;
    private final StructType schema;
    private final String queryId;

    KustoWrite(WriteConfig config, StructType schema, String queryId) {
        this.config = config;
        this.schema = schema;
        this.queryId = queryId;
    }

    @Override
    public String description() {
        return "KustoWrite[mode=" + config.writeMode() + ", database=" + config.connection().database() + ", table="
                + config.table() + "]";
    }

    @Override
    public BatchWrite toBatch() {
        for (StructField field : schema.fields()) {
            KustoTypeCheck.requireWritable(field);
        }
        if (config.writeMode() == WriteMode.KustoStreaming) {
            CrashLeftovers.removeBeforeWrite(config.connection());
            return streaming();
        }
        IngestionResources.requireQueue(config.connection(), config.table());
        CrashLeftovers.removeBeforeWrite(config.connection());
        SparkIngestionProperties ingestion = config.sparkIngestionProperties();
        Target target = target(ingestion);
        long maxBlobBytes = config.clientBatchingLimitMb() * 1024L * 1024L;
        IngestionStorage storage = storage();
        if (config.writeMode() == WriteMode.Queued) {
            LOG.info("Kusto write of query {} into table '{}' of database '{}' by queued ingestion (fire and forget) in"
                    + " blobs of at most {} MB", queryId, config.table(), config.connection().database(),
                    config.clientBatchingLimitMb());
            QueuedIngestion queued = new QueuedIngestion(config.connection(), config.table(), ingestion, false, storage,
                    config.flushFullBlobs());
            return new DirectBatchWrite(config.table(), WriteMode.Queued,
                    new QueuedDataWriterFactory(queued, null, schema, target.layout(), maxBlobBytes, null));
        }
        return transactional(ingestion, target, maxBlobBytes, storage);
    }

    private BatchWrite transactional(SparkIngestionProperties ingestion, Target target, long maxBlobBytes,
            IngestionStorage storage) {
        List<String> ifNotExists = ingestion.ingestIfNotExists().orElse(List.of());
        if (!ifNotExists.isEmpty() && StagingTable.targetHasIngestByTag(config.connection(), config.table(), ifNotExists)) {
            LOG.info("Kusto write of query {} into table '{}' skipped: the table already has extents tagged ingest-by"
                    + " with one of the ingestIfNotExists tags {}", queryId, config.table(), ifNotExists);
            return new SkippedBatchWrite();
        }
        String requestId = config.connection().requestId();
        StagingTable staging;
        if (config.tempTableName().isPresent()) {
            staging = new StagingTable(config.connection(), config.tempTableName().get(), config.table());
            staging.setAutoDelete(config.stagingResourcesAutoCleanupTimeout());
        } else {
            staging = new StagingTable(config.connection(), StagingTable.generatedName(appName(), config.table(),
                    requestId), config.table());
            staging.create(target.columns(), config.stagingResourcesAutoCleanupTimeout());
        }
        target.copyCsvMappingTo(staging);
        boolean pollOnDriver = config.pollingOnDriver() || config.writeEnableAsync();
        LOG.info("Kusto write of query {} into table '{}' of database '{}', staged in temporary table '{}' (blobs of at"
                        + " most {} MB, ingestion results awaited on the {})", queryId, config.table(),
                config.connection().database(), staging.name(), config.clientBatchingLimitMb(),
                pollOnDriver ? "driver" : "tasks");
        // The target was checked above; the temporary table would wrongly see the first partition's
        // ingest-by tags and skip every other partition.
        SparkIngestionProperties staged = ingestion.toBuilder().ingestIfNotExists(null).build();
        QueuedIngestion queued = new QueuedIngestion(config.connection(), staging.name(), staged, true, storage,
                config.flushFullBlobs());
        String writeId = UUID.randomUUID().toString().substring(0, 8);
        QueuedDataWriterFactory factory = new QueuedDataWriterFactory(queued, writeId, schema, target.layout(),
                maxBlobBytes, pollOnDriver ? null : config.connection().timeout());
        return new TransactionalBatchWrite(config.connection(), config.table(), staging, writeId, factory, pollOnDriver,
                config.writeEnableAsync(), config.writeResultLimit(), config.moveBatchSize(), config.moveRetries());
    }

    @Override
    public StreamingWrite toStreaming() {
        for (StructField field : schema.fields()) {
            KustoTypeCheck.requireWritable(field);
        }
        StreamingSinkOptions.requireSupported(config);
        // Once when the query starts, not at every micro-batch.
        IngestionResources.requireQueue(config.connection(), config.table());
        CrashLeftovers.removeBeforeWrite(config.connection());
        SparkIngestionProperties ingestion = config.sparkIngestionProperties();
        Target target = target(ingestion);
        return new StreamingSinkWrite(config.connection(), config.table(), queryId, target, ingestion, schema,
                config.clientBatchingLimitMb() * 1024L * 1024L, config.flushFullBlobs(),
                config.stagingResourcesAutoCleanupTimeout(), config.pollingOnDriver(), appName(), storage());
    }

    /** The user's ingestion containers; their SAS tokens go to the tasks, which upload with them. */
    private IngestionStorage storage() {
        return config.ingestionStorageContainer().map(IngestionStorage::parse).orElse(null);
    }

    private static String appName() {
        return SparkSession.getActiveSession().map(s -> s.sparkContext().appName()).getOrElse(() -> "spark");
    }

    private BatchWrite streaming() {
        SparkIngestionProperties ingestion = config.sparkIngestionProperties();
        List<String> unsupported = ingestion.fieldsUnsupportedByStreaming();
        if (!unsupported.isEmpty()) {
            throw new KustoOptionException("sparkIngestionPropertiesJson sets " + String.join(", ", unsupported)
                    + ", which Kusto's streaming ingestion does not support with writeMode=KustoStreaming;"
                    + " remove them from sparkIngestionPropertiesJson");
        }
        CsvLayout layout = target(ingestion).layout();
        LOG.info("Kusto write of query {} into table '{}' of database '{}' by streaming ingestion in batches of at"
                        + " most {} MB", queryId, config.table(), config.connection().database(),
                config.streamingIngestSizeInMb());
        return new DirectBatchWrite(config.table(), WriteMode.KustoStreaming,
                new StreamingIngestDataWriterFactory(config.connection(), config.table(), schema, layout,
                        config.streamingIngestSizeInMb() * 1024L * 1024L,
                        ingestion.csvMappingNameReference().orElse(null)));
    }

    /**
     * The target table as the write finds it (created with {@code tableCreateOptions=CreateIfNotExist}
     * when missing), its CSV layout after {@code adjustSchema} or the user's mapping, checked so that
     * every DataFrame column lands in a table column that stores its values unchanged, and the JSON of
     * the named mapping ({@code csvMappingNameReference}) that temporary tables need a copy of.
     */
    private Target target(SparkIngestionProperties ingestion) {
        KustoTargetTable target = new KustoTargetTable(config.connection(), config.table());
        Optional<List<KustoColumn>> existing = target.columns();
        if (existing.isEmpty()) {
            if (config.tableCreationMode() != TableCreationMode.CreateIfNotExist) {
                throw new KustoOptionException("table '" + config.table() + "' (option kustoTable) does not exist in"
                        + " database '" + config.connection().database() + "'; create it, or set option"
                        + " tableCreateOptions=CreateIfNotExist to create it from the DataFrame's schema");
            }
            target.create(schema);
        }
        List<KustoColumn> columns = existing.isPresent() ? existing.get() : target.columns().orElseThrow(
                () -> new KustoOptionException("table '" + config.table() + "' (option kustoTable) disappeared while the"
                        + " write was prepared"));
        Optional<String> mappingName = ingestion.csvMappingNameReference();
        String mappingJson = mappingName.map(target::csvMapping).orElse(null);
        int[] sources;
        List<KustoTypeCheck.Pair> pairs;
        String placement;
        if (ingestion.csvMapping().isPresent() || mappingJson != null) {
            // An inline csvMapping wins over a named one, as in the ingestion properties.
            boolean inline = ingestion.csvMapping().isPresent();
            String option = inline ? "csvMapping" : "CSV mapping '" + mappingName.get() + "' of csvMappingNameReference";
            sources = SchemaLayout.identity(schema);
            pairs = KustoTypeCheck.mappingPairs(inline ? ingestion.csvMappingJson().get() : mappingJson,
                    "sparkIngestionPropertiesJson " + option, schema, columns, config.table());
            placement = "columns by position, placed by the " + option;
        } else {
            SchemaAdjustmentMode adjustment = existing.isEmpty() ? SchemaAdjustmentMode.NoAdjustment
                    : config.schemaAdjustmentMode();
            sources = switch (adjustment) {
                case NoAdjustment -> SchemaLayout.positional(schema, columns, config.table());
                case FailIfNotMatch -> SchemaLayout.requireSame(schema, columns, config.table());
                case GenerateDynamicCsvMapping -> SchemaLayout.byName(schema, columns, config.table());
            };
            pairs = KustoTypeCheck.pairs(sources, columns);
            placement = "adjustSchema=" + adjustment + ": columns by "
                    + (adjustment == SchemaAdjustmentMode.GenerateDynamicCsvMapping ? "name" : "position");
        }
        String[] parsedAs = KustoTypeCheck.requireFits(schema, pairs, config.table(), placement);
        return new Target(columns, new CsvLayout(sources, parsedAs), mappingName.orElse(null), mappingJson);
    }

    /**
     * The target's columns, the checked CSV layout, and the named CSV mapping (null without
     * {@code csvMappingNameReference}) that a temporary table needs too.
     */
    record Target(List<KustoColumn> columns, CsvLayout layout, String csvMappingName, String csvMappingJson) {
        /** Ingestion into a temporary table references the mapping by name, so the table gets a copy of it. */
        void copyCsvMappingTo(StagingTable staging) {
            if (csvMappingName != null) {
                staging.copyCsvMapping(csvMappingName, csvMappingJson);
            }
        }
    }
}
