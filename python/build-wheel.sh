#!/usr/bin/env bash
# Builds the kusto-spark wheel with the connector's shaded jar for Spark 4.2 inside it, into
# python/dist/, and prints the wheel's path as the last line. The jar is built with the Maven
# reactor when missing or older than the connector's sources. The wheel is built from a copy of
# python/, so the source tree never holds a jar that could go stale.
# Environment: PYTHON (default: the project's virtualenv), KUSTO_SPARK_JAR (a jar to bundle instead).
source "$(dirname "$0")/../scripts/lib.sh"

python_dir="$PROJECT_ROOT/python"
python="${PYTHON:-$("$PROJECT_ROOT/scripts/python-env.sh" | tail -n 1)}"
jar="${KUSTO_SPARK_JAR:-$(ensure_shaded_jar)}"

staging="$(mktemp -d -t kusto-spark-wheel.XXXXXX)"
trap 'rm -rf "$staging"' EXIT
cp -r "$python_dir/pyproject.toml" "$python_dir/README.md" "$python_dir/src" "$staging/"
find "$staging/src" -name __pycache__ -prune -exec rm -rf {} +
mkdir -p "$staging/src/kusto_spark/jars"
cp "$jar" "$staging/src/kusto_spark/jars/"

mkdir -p "$python_dir/dist"
rm -f "$python_dir"/dist/kusto_spark-*.whl
"$python" -m pip wheel --quiet --disable-pip-version-check --no-deps --wheel-dir "$python_dir/dist" "$staging" >&2
ls "$python_dir"/dist/kusto_spark-*.whl
