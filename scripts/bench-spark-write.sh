#!/usr/bin/env bash
# Prints the connector's write throughput (Transactional, the default writeMode) and its distributed
# read (ForceDistributedMode, through the service's temporary storage) against kusto-local started
# with --with-azurite (see SparkWriteBenchmark), versus DuckDB bulk-loading the same CSV and Spark
# reading the same rows from local Parquet. Arguments: [rows (default 10000000)]. Environment:
# DRIVER_HEAP (default 1g), SERVER_HEAP (kusto-local's own JVM, default 2g), JAVA_OPTS (driver) and
# SERVER_JAVA_OPTS (server).
source "$(dirname "$0")/lib.sh"

ensure_tools
# Installs Azurite if needed; kusto-local starts it as its child process.
KUSTO_LOCAL_AZURITE_HOME="$("$PROJECT_ROOT/scripts/azurite-env.sh" | tail -n 1)"
export KUSTO_LOCAL_AZURITE_HOME
run_spark_bench SparkWriteBenchmark "$@"
