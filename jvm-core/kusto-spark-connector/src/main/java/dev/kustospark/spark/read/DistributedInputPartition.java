package dev.kustospark.spark.read;

import java.util.List;
import org.apache.spark.sql.connector.read.InputPartition;

/** The exported Parquet files one task of a distributed read decodes. */
record DistributedInputPartition(int index, List<ExportedBlob> blobs) implements InputPartition {}
