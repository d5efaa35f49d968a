#!/usr/bin/env bash
# The kusto_spark package's suite: the builders' unit tests, then the Spark tests (classic, Spark
# Connect, local-cluster, the Synapse snippets, the example notebook, the wheel) against a kusto-local
# with Azurite that the suite starts. Builds the shaded connector jar when it is missing or stale.
# Extra arguments go to pytest (e.g. -k connect, or tests/spark/test_classic.py).
source "$(dirname "$0")/lib.sh"

ensure_tools
python=$("$PROJECT_ROOT/scripts/python-env.sh" | tail -n 1)
"$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null

module=packaging/shaded-spark-4.2
jar=$(ls "$PROJECT_ROOT/$module"/target/kusto-spark_4.2_2.13-*.jar 2>/dev/null | grep -v original- | head -n 1 || true)
if [ -z "$jar" ] || [ -n "$(find "$PROJECT_ROOT/jvm-core/kusto-spark-connector/src/main" \
     "$PROJECT_ROOT/jvm-core/kusto-spark-connector/pom.xml" "$PROJECT_ROOT/$module/pom.xml" \
     -newer "$jar" -type f -print -quit)" ]; then
  log "building the shaded connector jar ($module)"
  (cd "$PROJECT_ROOT" && mvn -q -B -pl "$module" -am package -DskipTests)
  jar=$(ls "$PROJECT_ROOT/$module"/target/kusto-spark_4.2_2.13-*.jar | grep -v original- | head -n 1)
fi
export KUSTO_SPARK_JAR="$jar"

cd "$PROJECT_ROOT/python"
exec "$python" -m pytest -q -p no:cacheprovider "$@"
