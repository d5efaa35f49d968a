package dev.kustospark.spark.read;

import java.util.List;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/** The partitions of a read, planned on the driver without contacting Kusto. */
final class KustoBatch implements Batch {
    private final List<InputPartition> partitions;
    private final KustoPartitionReaderFactory readerFactory;

    KustoBatch(List<? extends InputPartition> partitions, KustoPartitionReaderFactory readerFactory) {
        this.partitions = List.copyOf(partitions);
        this.readerFactory = readerFactory;
    }

    @Override
    public InputPartition[] planInputPartitions() {
        return partitions.toArray(new InputPartition[0]);
    }

    @Override
    public PartitionReaderFactory createReaderFactory() {
        return readerFactory;
    }
}
