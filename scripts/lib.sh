# Shared by the project's scripts: locate the project and install what a fresh machine lacks.
# Sourced, not executed.
set -euo pipefail

PROJECT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PROJECT_ROOT

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# apt-get as root or through sudo; only called when something is missing.
apt_install() {
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  log "installing with apt: $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >/dev/null
}

# Java 17+ and Maven for the JVM modules, Python 3.10+ with venv for the Python suites, Node.js for
# Azurite, Mono and NuGet for the C# binding.
ensure_tools() {
  local missing=()
  if ! command -v javac >/dev/null 2>&1; then missing+=(openjdk-17-jdk-headless); fi
  if ! command -v mvn >/dev/null 2>&1; then missing+=(maven); fi
  if ! command -v python3 >/dev/null 2>&1; then missing+=(python3 python3-venv python3-pip); fi
  # Node.js and npm run Azurite, the storage emulator behind queued ingestion and export.
  if ! command -v npm >/dev/null 2>&1; then missing+=(nodejs npm); fi
  # Mono builds and tests the C# binding (mcs compiles C# 7, NUnit 2.6 runs its tests).
  if ! command -v mcs >/dev/null 2>&1; then missing+=(mono-devel); fi
  if ! command -v nunit-console >/dev/null 2>&1; then missing+=(nunit-console); fi
  # NuGet (2.8, on Mono) packs the C# binding from packaging/KustoSpark.nuspec.
  if ! command -v nuget >/dev/null 2>&1; then missing+=(nuget); fi
  if [ ${#missing[@]} -gt 0 ]; then apt_install "${missing[@]}"; fi
  if ! python3 -c 'import venv, ensurepip' >/dev/null 2>&1; then apt_install python3-venv; fi
}

# Builds the JVM modules (no tests) when a jar is missing or older than its sources.
ensure_built() {
  local stale=0
  for module in jvm-core/kusto-local jvm-core/examples; do
    local jar
    jar=$(ls "$PROJECT_ROOT/$module"/target/*-SNAPSHOT.jar 2>/dev/null | head -n 1 || true)
    if [ -z "$jar" ] || [ ! -f "$PROJECT_ROOT/$module/target/runtime-classpath.txt" ] \
       || [ -n "$(find "$PROJECT_ROOT/$module/src/main" "$PROJECT_ROOT/$module/pom.xml" "$PROJECT_ROOT/pom.xml" -newer "$jar" -type f 2>/dev/null | head -n 1)" ]; then
      stale=1
    fi
  done
  if [ "$stale" -eq 1 ]; then
    log "building the JVM modules"
    (cd "$PROJECT_ROOT" && mvn -q -B install -DskipTests)
  fi
}

# The connector's shaded jar for Spark 4.2 (the one the Python wheel bundles), built with the Maven
# reactor (never `install`) when missing or older than the connector's sources; prints its path.
# Arguments go to Maven (e.g. -o to build offline).
ensure_shaded_jar() {
  local module=packaging/shaded-spark-4.2 jar
  jar=$(ls "$PROJECT_ROOT/$module"/target/kusto-spark_4.2_2.13-*.jar 2>/dev/null | grep -v '/original-' | head -n 1 || true)
  if [ -z "$jar" ] || [ -n "$(find "$PROJECT_ROOT/jvm-core/kusto-spark-connector/src/main" \
       "$PROJECT_ROOT/jvm-core/kusto-spark-connector/pom.xml" "$PROJECT_ROOT/$module/pom.xml" "$PROJECT_ROOT/pom.xml" \
       -newer "$jar" -type f -print -quit)" ]; then
    log "building the shaded connector jar ($module)"
    (cd "$PROJECT_ROOT" && mvn -q -B -ntp "$@" -pl "$module" -am package -DskipTests) >&2
    jar=$(ls "$PROJECT_ROOT/$module"/target/kusto-spark_4.2_2.13-*.jar | grep -v '/original-' | head -n 1)
  fi
  echo "$jar"
}

# Classpath of a built module: its jar and its runtime dependencies.
module_classpath() {
  local module="$PROJECT_ROOT/$1"
  echo "$(ls "$module"/target/*-SNAPSHOT.jar | head -n 1):$(cat "$module/target/runtime-classpath.txt")"
}

# Starts kusto-local in the background with the given arguments; sets KUSTO_LOCAL_URL and
# KUSTO_LOCAL_PID once the server reports that it listens, and stops it when the script exits.
start_kusto_local() {
  local out
  out=$(mktemp -t kusto-local.XXXXXX)
  "$PROJECT_ROOT/jvm-core/kusto-local/bin/kusto-local" "$@" >"$out" 2>"$out.err" &
  KUSTO_LOCAL_PID=$!
  trap 'kill "$KUSTO_LOCAL_PID" 2>/dev/null || true; wait "$KUSTO_LOCAL_PID" 2>/dev/null || true' EXIT
  local line
  line=$(timeout 120 tail -n +1 -f "$out" --pid "$KUSTO_LOCAL_PID" | grep -m 1 'kusto-local listening on' || true)
  if [ -z "$line" ]; then
    echo "kusto-local did not start:" >&2
    cat "$out.err" >&2
    exit 1
  fi
  KUSTO_LOCAL_URL="${line##* }"
  export KUSTO_LOCAL_URL KUSTO_LOCAL_PID
}

# The --add-opens flags Spark needs on Java 17 outside spark-submit, which adds them itself: the
# connector's surefire argLine without its -Xmx.
spark_java_opens() {
  sed -n 's|.*<argLine>\(.*\)</argLine>.*|\1|p' "$PROJECT_ROOT/jvm-core/kusto-spark-connector/pom.xml" \
    | sed 's/-Xmx[^ ]*//'
}

# The Spark distribution inside the project virtualenv's PySpark (creating the virtualenv if needed),
# usable as SPARK_HOME: bin/spark-submit and jars/.
project_spark_home() {
  local python
  python=$("$PROJECT_ROOT/scripts/python-env.sh" | tail -n 1)
  "$python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))'
}

# Runs a benchmark main class of the Spark connector's tests from this checkout's classes. Both
# modules are compiled in one reactor, so the classpath names this checkout's kusto-local classes, not
# a jar that another build may replace in ~/.m2 while the benchmark runs. Environment: DRIVER_HEAP
# (default 1g), SERVER_HEAP (kusto-local's own JVM, default 2g), JAVA_OPTS (driver), SERVER_JAVA_OPTS
# (server); BENCH_PROPS adds -D options of the benchmark. Arguments: the main class, then its own.
run_spark_bench() {
  local main=$1
  shift
  cd "$PROJECT_ROOT"
  local module=jvm-core/kusto-spark-connector
  mvn -q -B -pl jvm-core/kusto-local,"$module" test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt
  # shellcheck disable=SC2046,SC2086
  java -Xmx"${DRIVER_HEAP:-1g}" $(spark_java_opens) ${JAVA_OPTS:-} ${BENCH_PROPS:-} -Dbench.serverHeap="${SERVER_HEAP:-2g}" \
    -Dbench.serverJavaOpts="${SERVER_JAVA_OPTS:-}" \
    -cp "$module/target/test-classes:$module/target/classes:$(cat $module/target/test-classpath.txt)" \
    "dev.kustospark.spark.bench.$main" "$@"
}
