#!/usr/bin/env bash
# Prints the connector's read throughput against kusto-local (see SparkReadBenchmark): single and
# partitioned mode versus Spark reading the same rows from local Parquet, and the peak driver heap.
# Arguments: [rows (default 10000000)] [runs (default 2)]. Environment: DRIVER_HEAP (default 1g),
# SERVER_HEAP (kusto-local's own JVM, default 2g), NUM_PARTITIONS (default: cores), JAVA_OPTS (driver)
# and SERVER_JAVA_OPTS (server), e.g. -XX:StartFlightRecording=filename=server.jfr to profile either.
source "$(dirname "$0")/lib.sh"

ensure_tools
BENCH_PROPS="${NUM_PARTITIONS:+-Dbench.numPartitions=$NUM_PARTITIONS}"
run_spark_bench SparkReadBenchmark "$@"
