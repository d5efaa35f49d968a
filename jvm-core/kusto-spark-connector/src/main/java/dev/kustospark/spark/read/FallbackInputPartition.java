package dev.kustospark.spark.read;

import org.apache.spark.sql.connector.read.InputPartition;

/** A single-mode read that may be exported instead, when Kusto's result limits stop the query. */
record FallbackInputPartition(KustoInputPartition single, KustoExport export) implements InputPartition {}
