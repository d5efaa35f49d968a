#!/usr/bin/env bash
# Builds the C# binding and runs its NUnit tests; exits non-zero when a test fails.
# Arguments go to nunit-console, e.g. `dotnet/test.sh -include=Spark` runs only the tests of the
# category Spark, `dotnet/test.sh -exclude=Spark` all others.
set -euo pipefail
DOTNET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
"$DOTNET_DIR/build.sh"
# The tests read testdata/, test-matrix/ and docs/ from the project's root.
export KUSTO_SPARK_PROJECT_ROOT="${KUSTO_SPARK_PROJECT_ROOT:-$(dirname "$DOTNET_DIR")}"
cd "$DOTNET_DIR/bin"
exec nunit-console -nologo -labels -result=TestResult.xml KustoSpark.Tests.dll "$@"
