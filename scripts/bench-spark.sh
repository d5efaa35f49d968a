#!/usr/bin/env bash
# Prints the connector's read throughput against kusto-local (see SparkReadBenchmark): single and
# partitioned mode versus Spark reading the same rows from local Parquet, and the peak driver heap.
# Arguments: [rows (default 10000000)] [runs (default 2)]. Environment: DRIVER_HEAP (default 1g),
# SERVER_HEAP (kusto-local's own JVM, default 2g), NUM_PARTITIONS (default: cores), JAVA_OPTS (driver)
# and SERVER_JAVA_OPTS (server), e.g. -XX:StartFlightRecording=filename=server.jfr to profile either.
source "$(dirname "$0")/lib.sh"

ensure_tools
cd "$PROJECT_ROOT"
module=jvm-core/kusto-spark-connector
# Both modules in one reactor, so the classpath names this checkout's kusto-local classes, not a jar
# that another build may replace in ~/.m2 while the benchmark runs.
mvn -q -B -pl jvm-core/kusto-local,"$module" test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
# The --add-opens flags Spark needs on Java 17, taken from the module's surefire argLine (without its -Xmx).
opens=$(sed -n 's|.*<argLine>\(.*\)</argLine>.*|\1|p' "$module/pom.xml" | sed 's/-Xmx[^ ]*//')
extra=()
[ -n "${NUM_PARTITIONS:-}" ] && extra+=("-Dbench.numPartitions=$NUM_PARTITIONS")
# shellcheck disable=SC2086
java -Xmx"${DRIVER_HEAP:-1g}" $opens ${JAVA_OPTS:-} -Dbench.serverHeap="${SERVER_HEAP:-2g}" \
  -Dbench.serverJavaOpts="${SERVER_JAVA_OPTS:-}" "${extra[@]}" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/test-classpath.txt)" \
  dev.kustospark.spark.bench.SparkReadBenchmark "$@"
