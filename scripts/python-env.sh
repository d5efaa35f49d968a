#!/usr/bin/env bash
# Creates (or refreshes) the project's virtualenv at <project root>/.venv with the pinned
# requirements of the Python suites: the official Python SDK's conformance suite, and the kusto_spark
# package's tests (PySpark, whose distribution is also the SPARK_HOME of the C# binding's tests). Idempotent: a venv whose recorded requirements hash
# matches the requirements file is left untouched, so calling this before every run is cheap.
# Prints the venv's python path on stdout as its last line.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
requirements=("$root/jvm-core/kusto-local/src/test/python/requirements.txt" "$root/python/requirements-test.txt")
venv="$root/.venv"
stamp="$venv/.requirements.sha256"
python="${PYTHON:-python3}"

wanted="$( (cat "${requirements[@]}"; "$python" --version 2>&1) | sha256sum | cut -d' ' -f1)"

if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$wanted" ]]; then
    echo "$venv/bin/python"
    exit 0
fi

if [[ ! -x "$venv/bin/python" ]]; then
    echo "creating virtualenv $venv" >&2
    "$python" -m venv "$venv" >&2
fi
for file in "${requirements[@]}"; do
    echo "installing $file into $venv" >&2
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$file" >&2
done
echo "$wanted" > "$stamp"
echo "$venv/bin/python"
