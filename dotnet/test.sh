#!/usr/bin/env bash
# Builds the C# binding, runs its NUnit tests, packs the NuGet package and checks its contents; exits
# non-zero when anything fails.
# Arguments go to nunit-console and select tests, e.g. `dotnet/test.sh -include=Spark` runs only the
# tests of the category Spark (and no packing or comparison), `dotnet/test.sh -exclude=Spark` all
# others.
set -euo pipefail
DOTNET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$DOTNET_DIR/build.sh"
# The tests read test-matrix/ and docs/ from the project's root.
export KUSTO_SPARK_PROJECT_ROOT="${KUSTO_SPARK_PROJECT_ROOT:-$(dirname "$DOTNET_DIR")}"
# The tests of category Spark start kusto-local with Azurite, and a driver JVM with spark-submit
# (SPARK_HOME: the pyspark of the project's virtualenv) and the connector's shaded jar.
if [[ " $* " != *"-exclude=Spark"* ]]; then
  source "$DOTNET_DIR/../scripts/lib.sh"
  "$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null
  SPARK_HOME="${SPARK_HOME:-$(project_spark_home)}"
  export SPARK_HOME
  ensure_shaded_jar >/dev/null
fi
(cd "$DOTNET_DIR/bin" && nunit-console -nologo -labels -result=TestResult.xml KustoSpark.Tests.dll "$@")
# A run of selected tests only (-include=, -run=) leaves the package out.
if [[ " $* " != *" -include="* && " $* " != *" -run="* ]]; then
  "$DOTNET_DIR/pack.sh" >/dev/null
  echo "NuGet package packed and checked"
fi
