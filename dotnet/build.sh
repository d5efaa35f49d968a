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
