package dev.kustospark.spark.read;

import org.apache.spark.sql.connector.read.InputPartition;

/** One query to run on an executor: the whole read in single mode, one hash bucket in partitioned mode. */
record KustoInputPartition(int index, String query) implements InputPartition {}
