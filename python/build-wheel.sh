#!/usr/bin/env bash
# Builds the kusto-spark wheel with the connector's shaded jar for Spark 4.2 inside it, into
# python/dist/, and prints the wheel's path as the last line. The jar is built with the Maven
# reactor when missing or older than the connector's sources. The wheel is built from a copy of
# python/, so the source tree never holds a jar that could go stale.
# Environment: PYTHON (default: the project's virtualenv), KUSTO_SPARK_JAR (a jar to bundle instead).
set -euo pipefail

python_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$python_dir/.." && pwd)"
module=packaging/shaded-spark-4.2
python="${PYTHON:-$("$root/scripts/python-env.sh" | tail -n 1)}"

jar="${KUSTO_SPARK_JAR:-}"
if [[ -z "$jar" ]]; then
  jar="$(ls "$root/$module"/target/kusto-spark_4.2_2.13-*.jar 2>/dev/null | grep -v original- | head -n 1 || true)"
  if [[ -z "$jar" || -n "$(find "$root/jvm-core/kusto-spark-connector/src/main" "$root/jvm-core/kusto-spark-connector/pom.xml" \
        "$root/$module/pom.xml" "$root/pom.xml" -newer "$jar" -type f -print -quit)" ]]; then
    echo "build-wheel: building the shaded connector jar ($module)" >&2
    (cd "$root" && mvn -q -B -pl "$module" -am package -DskipTests) >&2
    jar="$(ls "$root/$module"/target/kusto-spark_4.2_2.13-*.jar | grep -v original- | head -n 1)"
  fi
fi

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
