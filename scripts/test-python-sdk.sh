#!/usr/bin/env bash
# The Python SDK conformance suite: azure-kusto-data / azure-kusto-ingest against a kusto-local that
# the suite starts from the built jar. Extra arguments go to pytest (e.g. -k streaming).
source "$(dirname "$0")/lib.sh"

ensure_tools
ensure_built
python=$("$PROJECT_ROOT/scripts/python-env.sh" | tail -n 1)

cd "$PROJECT_ROOT/jvm-core/kusto-local/src/test/python"
exec "$python" -m pytest -q -p no:cacheprovider "$@" .
