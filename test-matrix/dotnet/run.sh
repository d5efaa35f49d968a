#!/usr/bin/env bash
# The C# column of the test matrix: builds the C# binding, the connector's shaded jar and the
# scenarios program, then runs every scenario in one Spark session driven from C# and writes
# $KUSTO_MATRIX_OUT. Environment: the KUSTO_MATRIX_* variables of test-matrix/README.md; SPARK_HOME
# (default: the pyspark distribution of the project's virtualenv); MATRIX_MAVEN_ARGS, other Maven
# arguments such as -o to build offline.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
here="$root/test-matrix/dotnet"
cd "$root"

if [ -z "${SPARK_HOME:-}" ]; then
  python=$("$root/scripts/python-env.sh" | tail -n 1)
  SPARK_HOME=$("$python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
fi
export SPARK_HOME

# shellcheck disable=SC2086
mvn -q -B -ntp ${MATRIX_MAVEN_ARGS:-} -pl packaging/shaded-spark-4.2,jvm-core/kusto-spark-gateway -am package -DskipTests >&2
KUSTO_SPARK_JARS=$(ls "$root"/packaging/shaded-spark-4.2/target/kusto-spark_4.2_2.13-*.jar | grep -v '/original-' | head -n 1)
export KUSTO_SPARK_JARS

"$root/dotnet/build.sh" >&2
mkdir -p "$here/bin"
mapfile -t sources < <(find "$here" -maxdepth 1 -name '*.cs' | LC_ALL=C sort)
mcs -nologo -langversion:7.2 -target:exe -out:"$here/bin/MatrixScenarios.exe" -r:"$root/dotnet/bin/KustoSpark.dll" \
  -r:System.dll -r:System.Core.dll "${sources[@]}"

# KustoSpark.dll, and the gateway jar next to it, stay in dotnet/bin.
MONO_PATH="$root/dotnet/bin" exec mono "$here/bin/MatrixScenarios.exe" "$root/test-matrix/scenarios/checksum.sql"
