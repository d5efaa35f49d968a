#!/usr/bin/env bash
# The Python column of the test matrix: the kusto_spark package (python/src) with the connector's
# shaded jar, every scenario in one PySpark session; writes $KUSTO_MATRIX_OUT. Environment: the
# KUSTO_MATRIX_* variables of test-matrix/README.md; MATRIX_MAVEN_ARGS, other Maven arguments such as
# -o to build offline.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module=packaging/shaded-spark-4.2
cd "$root"

python=$("$root/scripts/python-env.sh" | tail -n 1)
# The reactor, never `install`, which would replace the jars other builds use.
# shellcheck disable=SC2086
mvn -q -B -ntp ${MATRIX_MAVEN_ARGS:-} -pl "$module" -am package -DskipTests >&2
KUSTO_SPARK_JAR="$(ls "$module"/target/kusto-spark_4.2_2.13-*.jar | grep -v original- | head -n 1)"
export KUSTO_SPARK_JAR

export PYTHONPATH="$root/python/src${PYTHONPATH:+:$PYTHONPATH}"
exec "$python" "$root/test-matrix/python/matrix.py" "$root/test-matrix/scenarios/checksum.sql"
