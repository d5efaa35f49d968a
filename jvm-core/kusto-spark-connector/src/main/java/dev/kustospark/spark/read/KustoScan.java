package dev.kustospark.spark.read;

import dev.kustospark.spark.KustoConnectorException;
import dev.kustospark.spark.KustoOptionException;
import dev.kustospark.spark.ReadMode;
import dev.kustospark.spark.config.ReadConfig;
import dev.kustospark.spark.types.KqlSyntax;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A read of the user's query with the pushed-down operators appended. The read mode is chosen here,
 * once ({@link ReadModeChoice}: {@code readMode}, else by the estimated row count), logged, and shown
 * with its reason in {@link #description()}; it is never switched behind the user's back.
 */
final class KustoScan implements Scan {
    private static final Logger LOG = LoggerFactory.getLogger(KustoScan.class);

    private final KustoSchemaProbe probe;
    private final ReadConfig config;
    private final StructType fullSchema;
    private final StructType readSchema;
    private final FilterTranslation filters;
    private final Integer limit;
    private final ReadMode mode;
    /** The mode, why, and the storage of distributed reads and fallbacks. */
    private final ReadModeChoice choice;
    private DistributedBatch distributedBatch;
    /** The hashed column in partitioned mode, else null. */
    private final String partitionColumn;

    KustoScan(KustoSchemaProbe probe, StructType fullSchema, StructType readSchema, FilterTranslation filters,
            Integer limit) {
        this.probe = probe;
        this.config = probe.config();
        this.fullSchema = fullSchema;
        this.readSchema = readSchema;
        this.filters = filters;
        this.limit = limit;
        this.choice = ReadModeChoice.choose(config, queryFor(null), countOnly(), limit);
        this.mode = choice.mode();
        this.partitionColumn = mode == ReadMode.ForcePartitionedMode ? resolvePartitionColumn() : null;
        if (mode == ReadMode.ForcePartitionedMode) {
            LOG.info("Kusto read of database '{}' with {} partitions on column '{}'", config.connection().database(),
                    config.numPartitions(), partitionColumn);
        }
    }

    @Override
    public StructType readSchema() {
        return readSchema;
    }

    @Override
    public String description() {
        StringBuilder sb = new StringBuilder("KustoScan[mode=").append(mode);
        if (mode == ReadMode.ForcePartitionedMode) {
            sb.append(", partitions=").append(config.numPartitions()).append(", partitionColumn=").append(partitionColumn);
        }
        sb.append(", database=").append(config.connection().database());
        if (mode == ReadMode.ForcePartitionedMode) {
            sb.append(", query of partition 0=").append(KustoConnectorException.oneLineQuery(queryFor(0)));
        } else {
            sb.append(", query=").append(KustoConnectorException.oneLineQuery(queryFor(null)));
        }
        sb.append(", modeChoice=").append(choice.reason());
        choice.storage().ifPresent(storage -> sb.append(", transientStorage=").append(storage));
        return sb.append(']').toString();
    }

    @Override
    public Batch toBatch() {
        List<InputPartition> partitions = new ArrayList<>();
        if (mode == ReadMode.ForcePartitionedMode) {
            int n = config.numPartitions();
            for (int i = 0; i < n; i++) {
                partitions.add(new KustoInputPartition(i, queryFor(i)));
            }
        } else if (mode == ReadMode.ForceDistributedMode) {
            return distributedBatch();
        } else if (choice.fallback()) {
            KustoExport export = new KustoExport(config.connection(), choice.storage().orElseThrow(),
                    config.exportOptionsJson().orElse(null), config.compressExport(),
                    config.connection().timeout());
            partitions.add(new FallbackInputPartition(new KustoInputPartition(0, queryFor(null)), export));
            return new KustoBatch(partitions, new KustoPartitionReaderFactory(config.connection(), readSchema,
                    probe.columnsOf(readSchema), countOnly()));
        } else {
            partitions.add(new KustoInputPartition(0, queryFor(null)));
        }
        return new KustoBatch(partitions, new KustoPartitionReaderFactory(config.connection(), readSchema, List.of(),
                countOnly()));
    }

    /**
     * One batch, and so one export, per scan: Spark copies physical plans (adaptive execution, a
     * second action on the same Dataset) and asks each copy for its batch, and the copies share
     * this scan.
     */
    private synchronized DistributedBatch distributedBatch() {
        if (distributedBatch == null) {
            distributedBatch = new DistributedBatch(config, choice.storage().orElseThrow(), queryFor(null),
                    new KustoPartitionReaderFactory(config.connection(), readSchema, probe.columnsOf(readSchema), false));
        }
        return distributedBatch;
    }

    private boolean countOnly() {
        return readSchema.isEmpty();
    }

    /** {@code partitionColumn}, checked against the result's columns, or the first column. */
    private String resolvePartitionColumn() {
        if (config.partitionColumn().isPresent()) {
            String column = config.partitionColumn().get();
            if (!List.of(fullSchema.fieldNames()).contains(column)) {
                throw new KustoOptionException("option partitionColumn: '" + column + "' is not a column of the query's"
                        + " result; use one of " + String.join(", ", fullSchema.fieldNames()));
            }
            return column;
        }
        if (fullSchema.isEmpty()) {
            throw new IllegalArgumentException("readMode=ForcePartitionedMode needs a column to hash, and the query has none");
        }
        return fullSchema.fields()[0].name();
    }

    /**
     * Selects one hash bucket. Kusto hashes strings, longs, datetimes and timespans natively (ints are
     * widened to long); a null has no hash, so bucket 0 also takes the nulls. Other types are hashed as
     * text, where a null is "". The Kusto type decides, whatever Spark type a user-given schema says.
     * Either way every row lands in exactly one bucket.
     */
    private String partitionPredicate(int partition) {
        String column = KqlSyntax.quoteName(partitionColumn);
        String kustoType = probe.kustoTypeOf(partitionColumn);
        String n = Integer.toString(config.numPartitions());
        if (kustoType == null || !List.of("string", "long", "int", "datetime", "timespan").contains(kustoType)) {
            return "hash(tostring(" + column + "), " + n + ") == " + partition;
        }
        String hashed = "int".equals(kustoType) ? "tolong(" + column + ")" : column;
        String bucket = "hash(" + hashed + ", " + n + ") == " + partition;
        return partition == 0 ? "(" + bucket + " or isnull(" + column + "))" : bucket;
    }

    /** The query of one hash partition, or of the whole read when {@code partition} is null. */
    String queryFor(Integer partition) {
        List<String> operators = new ArrayList<>();
        filters.predicate().ifPresent(p -> operators.add("where " + p));
        if (partition != null) {
            operators.add("where " + partitionPredicate(partition));
        }
        if (limit != null) {
            operators.add("take " + limit);
        }
        if (countOnly()) {
            operators.add("count");
        } else if (!readSchema.equals(fullSchema) || config.customSchema().isPresent()) {
            operators.add("project " + Arrays.stream(readSchema.fieldNames()).map(KqlSyntax::quoteName)
                    .collect(Collectors.joining(", ")));
        }
        return KustoQueryText.withOperators(config.query(), operators);
    }
}
