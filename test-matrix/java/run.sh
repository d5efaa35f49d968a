#!/usr/bin/env bash
# The Java column of the test matrix: builds the connector and this module in one Maven reactor (never
# `install`, which would replace the jars other builds use), then runs every scenario in one JVM and
# writes $KUSTO_MATRIX_OUT. Environment: the KUSTO_MATRIX_* variables of test-matrix/README.md;
# MATRIX_MAVEN_PROFILE, a Maven profile selecting another Spark line (spark-3.5); MATRIX_MAVEN_ARGS,
# other Maven arguments such as -o to build offline.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
module=test-matrix/java
cd "$root"

profile=()
target="$module/target"
if [ -n "${MATRIX_MAVEN_PROFILE:-}" ]; then
  profile=(-P "$MATRIX_MAVEN_PROFILE")
  # A Spark line's profile builds into target-<profile> (see pom.xml), beside the default line's target/.
  target="$module/target-$MATRIX_MAVEN_PROFILE"
fi
# shellcheck disable=SC2086
mvn -q -B -ntp ${MATRIX_MAVEN_ARGS:-} "${profile[@]}" -pl "$module" -am package -DskipTests >&2

# Spark on Java 17 needs the --add-opens flags the connector's tests run with (its surefire argLine).
opens=$(sed -n 's|.*<argLine>\(.*\)</argLine>.*|\1|p' jvm-core/kusto-spark-connector/pom.xml | sed 's/-Xmx[^ ]*//')

# shellcheck disable=SC2086
exec java -Xmx${MATRIX_JAVA_HEAP:-1g} $opens -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$target/classes:$(cat "$target/runtime-classpath.txt")" \
  dev.kustospark.matrix.MatrixMain "$root/test-matrix/scenarios/checksum.sql"
