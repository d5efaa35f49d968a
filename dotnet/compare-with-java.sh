#!/usr/bin/env bash
# Differential check of the C# builders against the JVM connector's: some 9,000 inputs (the shared
# canonical JSON and vector inputs, every option and field with values of every JSON type, random
# doubles, random mutations) go through both, and every answer - canonical JSON, option value or
# error message - must be the same (malformed JSON only has to be refused by both).
# Needs Java 17+ and Maven (the connector's dependencies, offline when cached).
set -euo pipefail
DOTNET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$DOTNET_DIR")"
CONNECTOR="$ROOT/jvm-core/kusto-spark-connector"
WORK="$DOTNET_DIR/bin/compare"
"$DOTNET_DIR/build.sh"
mkdir -p "$WORK/classes"

# The Java side is compiled from the connector's sources, so it is always the current code.
if ! mvn -q -B -o -f "$CONNECTOR/pom.xml" dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null 2>&1; then
  mvn -q -B -f "$CONNECTOR/pom.xml" dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$WORK/classpath.txt" >/dev/null
fi
javac -nowarn -encoding UTF-8 -d "$WORK/classes" -cp "$(cat "$WORK/classpath.txt")" \
  -sourcepath "$CONNECTOR/src/main/java" "$DOTNET_DIR/tests/compare/Harness.java" 2>&1 | { grep -v '^Note: ' >&2 || true; }
mcs -nologo -langversion:7.2 -out:"$DOTNET_DIR/bin/CompareHarness.exe" -r:"$DOTNET_DIR/bin/KustoSpark.dll" \
  "$DOTNET_DIR/tests/compare/Harness.cs"

python3 "$DOTNET_DIR/tests/compare/compare.py" cases "$ROOT" "$WORK/cases.txt"
java -cp "$WORK/classes:$(cat "$WORK/classpath.txt")" Harness < "$WORK/cases.txt" > "$WORK/java.txt"
mono "$DOTNET_DIR/bin/CompareHarness.exe" < "$WORK/cases.txt" > "$WORK/cs.txt"
python3 "$DOTNET_DIR/tests/compare/compare.py" check "$WORK/cases.txt" "$WORK/java.txt" "$WORK/cs.txt"
