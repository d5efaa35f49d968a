#!/usr/bin/env bash
# The Python column of the test matrix: the kusto_spark package (python/src) with the connector's
# shaded jar, every scenario in one PySpark session; writes $KUSTO_MATRIX_OUT. Environment: the
# KUSTO_MATRIX_* variables of test-matrix/README.md; MATRIX_MAVEN_ARGS, other Maven arguments such as
# -o to build offline.
source "$(dirname "$0")/../../scripts/lib.sh"
root="$PROJECT_ROOT"

python=$("$root/scripts/python-env.sh" | tail -n 1)
# shellcheck disable=SC2086
KUSTO_SPARK_JAR=$(ensure_shaded_jar ${MATRIX_MAVEN_ARGS:-})
export KUSTO_SPARK_JAR

export PYTHONPATH="$root/python/src${PYTHONPATH:+:$PYTHONPATH}"
exec "$python" "$root/test-matrix/python/matrix.py" "$root/test-matrix/scenarios/checksum.sql"
