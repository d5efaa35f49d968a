package dev.kustospark.spark.read;

import dev.kustospark.spark.config.ReadConfig;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A distributed read: the query is exported once, when Spark first plans the partitions, and each
 * exported file becomes one partition (the export's {@code sizeLimit}, settable through
 * {@code kustoExportOptionsJson}, sets the size of a file and so of a task). The export lives as
 * long as this batch (see {@link ExportRegistry}), so running the same plan again rereads it.
 */
final class DistributedBatch implements Batch {
    private static final Logger LOG = LoggerFactory.getLogger(DistributedBatch.class);

    private final ReadConfig config;
    private final List<ExportLocation> storage;
    private final String query;
    private final KustoPartitionReaderFactory readerFactory;
    private InputPartition[] partitions;

    DistributedBatch(ReadConfig config, List<ExportLocation> storage, String query, KustoPartitionReaderFactory readerFactory) {
        this.config = config;
        this.storage = List.copyOf(storage);
        this.query = query;
        this.readerFactory = readerFactory;
    }

    @Override
    public synchronized InputPartition[] planInputPartitions() {
        if (partitions == null) {
            List<ExportedBlob> blobs = export();
            List<InputPartition> planned = new ArrayList<>();
            for (ExportedBlob blob : blobs) {
                planned.add(new DistributedInputPartition(planned.size(), List.of(blob)));
            }
            partitions = planned.toArray(new InputPartition[0]);
        }
        return partitions.clone();
    }

    private List<ExportedBlob> export() {
        KustoExport export = new KustoExport(config.connection(), storage, config.exportOptionsJson().orElse(null),
                config.compressExport(), config.connection().timeout());
        if (!config.distributedReadModeTransientCache()) {
            List<ExportedBlob> blobs = export.run(query);
            ExportRegistry.deleteWhenUnreachable(this, blobs);
            return blobs;
        }
        ExportRegistry.CacheKey key = ExportRegistry.CacheKey.of(config.connection().clusterUrl(),
                config.connection().database(), query, config.exportOptionsJson().orElse(null), storage);
        if (ExportRegistry.isCached(key)) {
            LOG.info("Reusing the cached export of query '{}' (distributedReadModeTransientCache=true)",
                    dev.kustospark.spark.KustoConnectorException.oneLineQuery(query));
        }
        return ExportRegistry.cached(key, () -> export.run(query));
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return readerFactory;
    }
}
