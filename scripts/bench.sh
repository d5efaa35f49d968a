#!/usr/bin/env bash
# Prints kusto-local's read and streaming-ingest throughput (see ServerBenchmark). Arguments:
# [readRows (default 10000000)] [ingestRows (default 1000000)]. BENCH_JAVA_OPTS passes options to the
# benchmark's JVM, e.g. BENCH_JAVA_OPTS='-Dbench.serverHeap=48m'.
source "$(dirname "$0")/lib.sh"

ensure_tools
cd "$PROJECT_ROOT"
mvn -q -B -pl jvm-core/kusto-local -am install -DskipTests
mvn -q -B -pl jvm-core/kusto-local test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
module=jvm-core/kusto-local
# shellcheck disable=SC2086 # the options are meant to split into words
java ${BENCH_JAVA_OPTS:-} -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/test-classpath.txt)" \
  dev.kustospark.local.bench.ServerBenchmark "$@"
