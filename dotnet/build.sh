#!/usr/bin/env bash
# Builds the C# binding with Mono's mcs (C# 7.2, the newest mcs knows; the .csproj says 7.3 for the
# modern SDK): bin/KustoSpark.dll with its XML docs, and bin/KustoSpark.Tests.dll (NUnit 2.6).
# Every .cs file under src/KustoSpark/ and tests/KustoSpark.Tests/ is compiled, so new files join
# without changes here. A public member without an XML doc comment fails the build (CS1591).
set -euo pipefail
DOTNET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$DOTNET_DIR"

# Assemblies the library references beyond mscorlib; all are part of netstandard2.0.
LIBRARY_REFERENCES=(-r:System.dll -r:System.Core.dll -r:System.Numerics.dll)
# Assemblies the tests reference beyond the library and NUnit.
TEST_REFERENCES=(-r:System.dll -r:System.Core.dll -r:System.Xml.Linq.dll -r:System.Xml.dll)

nunit_framework() {
  local dll
  dll=$(pkg-config --variable=Libraries nunit 2>/dev/null | tr ' ' '\n' | grep 'nunit.framework.dll$' | head -n 1 || true)
  if [ -z "$dll" ] || [ ! -f "$dll" ]; then
    dll=$(find /usr/lib/cli /usr/lib/mono/gac -name nunit.framework.dll 2>/dev/null | sort | tail -n 1)
  fi
  [ -n "$dll" ] || { echo "nunit.framework.dll not found: install the Debian package nunit-console" >&2; exit 1; }
  echo "$dll"
}

mkdir -p bin
mapfile -t library_sources < <(find src/KustoSpark -name '*.cs' | LC_ALL=C sort)
mcs -nologo -langversion:7.2 -target:library -optimize+ -debug:portable -warnaserror:CS1591 \
  -doc:bin/KustoSpark.xml -out:bin/KustoSpark.dll "${LIBRARY_REFERENCES[@]}" "${library_sources[@]}"

NUNIT_FRAMEWORK=$(nunit_framework)
# nunit-console loads the framework from the tests' directory.
cp "$NUNIT_FRAMEWORK" bin/nunit.framework.dll
mapfile -t test_sources < <(find tests/KustoSpark.Tests -name '*.cs' | LC_ALL=C sort)
mcs -nologo -langversion:7.2 -target:library -debug:portable -out:bin/KustoSpark.Tests.dll \
  -r:bin/KustoSpark.dll -r:bin/nunit.framework.dll "${TEST_REFERENCES[@]}" "${test_sources[@]}"

# Spark from C#: the gateway jar goes next to KustoSpark.dll, where SparkSession looks for it (built
# when missing or older than its sources), and the programs that drive Spark: the demo and the
# session holder of the JVM lifecycle tests. (test-matrix/dotnet/run.sh builds the matrix's own.)
ROOT="$(dirname "$DOTNET_DIR")"
gateway_module="$ROOT/jvm-core/kusto-spark-gateway"
gateway_jar="$gateway_module/target/kusto-spark-gateway.jar"
if [ ! -f "$gateway_jar" ] || [ -n "$(find "$gateway_module/src" "$gateway_module/pom.xml" -newer "$gateway_jar" -type f | head -n 1)" ]; then
  (cd "$ROOT" && mvn -q -B -pl jvm-core/kusto-spark-gateway package -DskipTests) >&2
fi
cp "$gateway_jar" bin/kusto-spark-gateway.jar
mcs -nologo -langversion:7.2 -target:exe -out:bin/SessionHolder.exe -r:bin/KustoSpark.dll tests/programs/SessionHolder.cs
mcs -nologo -langversion:7.2 -target:exe -out:bin/Demo.exe -r:bin/KustoSpark.dll examples/Demo.cs
