#!/usr/bin/env bash
# The kusto_spark package's suite: the builders' unit tests, then the Spark tests (classic, Spark
# Connect, local-cluster, the Synapse snippets, the example notebook, the wheel) against a kusto-local
# with Azurite that the suite starts. Builds the shaded connector jar when it is missing or stale.
# Extra arguments go to pytest (e.g. -k connect, or tests/spark/test_classic.py).
source "$(dirname "$0")/lib.sh"

ensure_tools
python=$("$PROJECT_ROOT/scripts/python-env.sh" | tail -n 1)
"$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null

KUSTO_SPARK_JAR=$(ensure_shaded_jar)
export KUSTO_SPARK_JAR

cd "$PROJECT_ROOT/python"
exec "$python" -m pytest -q -p no:cacheprovider "$@"
