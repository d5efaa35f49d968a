#!/usr/bin/env bash
# The C# column of the test matrix: builds the C# binding, the connector's shaded jar and the
# scenarios program, then runs every scenario in one Spark session driven from C# and writes
# $KUSTO_MATRIX_OUT. Environment: the KUSTO_MATRIX_* variables of test-matrix/README.md; SPARK_HOME
# (default: the pyspark distribution of the project's virtualenv); MATRIX_MAVEN_ARGS, other Maven
# arguments such as -o to build offline.
source "$(dirname "$0")/../../scripts/lib.sh"
root="$PROJECT_ROOT"
here="$root/test-matrix/dotnet"
cd "$root"

SPARK_HOME="${SPARK_HOME:-$(project_spark_home)}"
export SPARK_HOME
# The gateway jar is built by dotnet/build.sh below when it is missing or stale.
# shellcheck disable=SC2086
KUSTO_SPARK_JARS=$(ensure_shaded_jar ${MATRIX_MAVEN_ARGS:-})
export KUSTO_SPARK_JARS

"$root/dotnet/build.sh" >&2
mkdir -p "$here/bin"
mapfile -t sources < <(find "$here" -maxdepth 1 -name '*.cs' | LC_ALL=C sort)
mcs -nologo -langversion:7.2 -target:exe -out:"$here/bin/MatrixScenarios.exe" -r:"$root/dotnet/bin/KustoSpark.dll" \
  -r:System.dll -r:System.Core.dll "${sources[@]}"

# KustoSpark.dll, and the gateway jar next to it, stay in dotnet/bin.
MONO_PATH="$root/dotnet/bin" exec mono "$here/bin/MatrixScenarios.exe" "$root/test-matrix/scenarios/checksum.sql"
