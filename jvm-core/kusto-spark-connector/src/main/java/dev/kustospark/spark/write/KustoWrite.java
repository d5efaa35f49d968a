package dev.kustospark.spark.write;

import dev.kustospark.spark.SchemaAdjustmentMode;
import dev.kustospark.spark.SparkIngestionProperties;
import dev.kustospark.spark.TableCreationMode;
import dev.kustospark.spark.WriteMode;
import dev.kustospark.spark.config.KustoOptionException;
import dev.kustospark.spark.config.WriteConfig;
import dev.kustospark.spark.types.KustoColumn;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.connector.write.BatchWrite;
import org.apache.spark.sql.connector.write.Write;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a write on the driver: checks the mode and options, makes sure the table exists (creating
 * it with {@code tableCreateOptions=CreateIfNotExist}), applies {@code adjustSchema}, and fixes the
 * CSV column layout every task then uses.
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
        if (config.writeMode() != WriteMode.KustoStreaming) {
            throw new UnsupportedOperationException("writeMode=" + config.writeMode() + " is not available in this"
                    + " version of the connector; set option writeMode=KustoStreaming (rows streamed straight into"
                    + " the table; the default Transactional mode and Queued mode need ingestion storage and come later)");
        }
        for (StructField field : schema.fields()) {
            KustoTypeCheck.requireWritable(field);
        }
        SparkIngestionProperties ingestion = config.sparkIngestionProperties();
        List<String> unsupported = ingestion.fieldsUnsupportedByStreaming();
        if (!unsupported.isEmpty()) {
            throw new KustoOptionException("sparkIngestionPropertiesJson sets " + String.join(", ", unsupported)
                    + ", which Kusto's streaming ingestion does not support with writeMode=KustoStreaming;"
                    + " remove them from sparkIngestionPropertiesJson");
        }
        Optional<String> mappingReference = ingestion.csvMappingNameReference();
        int[] layout = layout(mappingReference.isPresent());
        LOG.info("Kusto write of query {} into table '{}' of database '{}' by streaming ingestion in batches of at"
                        + " most {} MB", queryId, config.table(), config.connection().database(),
                config.streamingIngestSizeInMb());
        return new KustoBatchWrite(config.table(), new KustoDataWriterFactory(config.connection(), config.table(), schema,
                layout, config.streamingIngestSizeInMb() * 1024L * 1024L, mappingReference.orElse(null)));
    }

    /** Which DataFrame field goes into which CSV field, after the table check and schema adjustment. */
    private int[] layout(boolean userMapping) {
        KustoTargetTable target = new KustoTargetTable(config.connection(), config.table());
        Optional<List<KustoColumn>> existing = target.columns();
        if (existing.isEmpty()) {
            if (config.tableCreationMode() != TableCreationMode.CreateIfNotExist) {
                throw new KustoOptionException("table '" + config.table() + "' (option kustoTable) does not exist in"
                        + " database '" + config.connection().database() + "'; create it, or set option"
                        + " tableCreateOptions=CreateIfNotExist to create it from the DataFrame's schema");
            }
            target.create(schema);
            return SchemaLayout.identity(schema);
        }
        if (userMapping) {
            return SchemaLayout.identity(schema);
        }
        SchemaAdjustmentMode adjustment = config.schemaAdjustmentMode();
        return switch (adjustment) {
            case NoAdjustment -> SchemaLayout.identity(schema);
            case FailIfNotMatch -> SchemaLayout.requireSame(schema, existing.get(), config.table());
            case GenerateDynamicCsvMapping -> SchemaLayout.byName(schema, existing.get(), config.table());
        };
    }
}
