#!/usr/bin/env bash
# Installs each artifact of dist/ (packaging/build.sh) into a clean place and runs a scenario with it
# against kusto-local: write a table, read it back with a filter.
#   jars   each shaded jar into an empty Maven local repository (install:install-file); a consumer pom
#          that only names the artifact resolves it from there with no network; the resolved jar, alone,
#          runs packaging/smoke on its Spark line (packaging/test-shaded-jar.sh)
#   wheel  the wheel into a fresh virtualenv (with its pyspark extra); packaging/smoke/wheel_smoke.py
#   nupkg  the package extracted into an empty folder; packaging/smoke/NuGetSmoke.cs compiled with mcs
#          against its KustoSpark.dll and run with mono next to the package's files, with the package's
#          gateway jar (Spark from the project's PySpark distribution, the connector from dist/'s 4.2 jar)
# Usage: packaging/test-install.sh [jars] [wheel] [nupkg]   (no argument: all three)
source "$(dirname "$0")/../scripts/lib.sh"

fail() { echo "packaging/test-install.sh: $*" >&2; exit 1; }

source "$(dirname "$0")/parts.sh"

ensure_tools
cd "$PROJECT_ROOT"
work="$PROJECT_ROOT/build/test-install"
rm -rf "$work"
mkdir -p "$work"

only() {  # the one file of dist/ matching a glob, or a clear failure
  local matches=("$dist"/$1)
  [ -f "${matches[0]}" ] || fail "no $1 in dist/; run packaging/build.sh first"
  [ ${#matches[@]} -eq 1 ] || fail "several $1 in dist/: ${matches[*]}"
  echo "${matches[0]}"
}

if wants jars; then
  repo="$work/maven-repo"
  mkdir -p "$repo"
  # Maven's own plugins come from this machine's Maven cache used as a file repository, so the fresh
  # local repository starts empty, nothing is downloaded and nothing is written to the cache.
  settings="$work/settings.xml"
  cat > "$settings" <<XML
<settings>
  <mirrors>
    <mirror><id>machine-maven-cache</id><mirrorOf>*</mirrorOf><url>file://$HOME/.m2/repository</url></mirror>
  </mirrors>
</settings>
XML
  mvn_fresh_repo() { (cd "$work" && mvn -q -B -nsu -s "$settings" -Dmaven.repo.local="$repo" "$@"); }
  for spec in 4.2:2.13 3.5:2.12; do
    line=${spec%%:*}
    artifact="kusto-spark_${line}_${spec##*:}"
    jar=$(only "$artifact-$version.jar")
    log "Maven: $artifact into an empty local repository"
    mvn_fresh_repo org.apache.maven.plugins:maven-install-plugin:3.1.3:install-file -Dfile="$jar" \
      -DgroupId=dev.kustospark -DartifactId="$artifact" -Dversion="$version" -Dpackaging=jar
    consumer="$work/consumer-$line"
    mkdir -p "$consumer"
    cat > "$consumer/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>example</groupId>
  <artifactId>kusto-spark-consumer</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>dev.kustospark</groupId><artifactId>$artifact</artifactId><version>$version</version></dependency>
  </dependencies>
</project>
XML
    mvn_fresh_repo -f "$consumer/pom.xml" org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
      -Dmdep.outputFile="$consumer/classpath.txt"
    resolved=$(cat "$consumer/classpath.txt")
    expected="$repo/dev/kustospark/$artifact/$version/$artifact-$version.jar"
    [ "$resolved" = "$expected" ] \
      || fail "the consumer of $artifact resolved '$resolved'; expected exactly the installed jar $expected"
    "$PROJECT_ROOT/packaging/test-shaded-jar.sh" "$line" "$resolved"
  done
fi

if wants wheel || wants nupkg; then
  "$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null
  start_kusto_local --port 0 --in-memory --database install --with-azurite
fi

if wants wheel; then
  wheel=$(only "kusto_spark-*.whl")
  log "Python: $(basename "$wheel") into a fresh virtualenv"
  python3 -m venv "$work/venv"
  "$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check "$wheel[spark]"
  # From the work folder, so `import kusto_spark` cannot pick up python/src of the checkout.
  (cd "$work" && "$work/venv/bin/python" "$PROJECT_ROOT/packaging/smoke/wheel_smoke.py" \
    "$KUSTO_LOCAL_URL" install WheelSmoke)
fi

if wants nupkg; then
  nupkg=$(only "KustoSpark.*.nupkg")
  log "NuGet: $(basename "$nupkg") into an empty folder"
  mkdir -p "$work/nuget" "$work/nuget-smoke"
  unzip -q "$nupkg" -d "$work/nuget"
  lib=$(dirname "$(find "$work/nuget/lib" -name KustoSpark.dll 2>/dev/null | head -n 1)")
  [ -f "$lib/KustoSpark.dll" ] || fail "$(basename "$nupkg") has no lib/<framework>/KustoSpark.dll"
  # The program runs next to the package's files, as an application that references the package would.
  cp "$lib"/* "$work/nuget-smoke/"
  mcs -nologo -out:"$work/nuget-smoke/NuGetSmoke.exe" -r:"$work/nuget-smoke/KustoSpark.dll" \
    -r:System.dll -r:System.Core.dll "$PROJECT_ROOT/packaging/smoke/NuGetSmoke.cs"
  # The JVM end of KustoSpark.Sql comes in the package; Spark from the project's PySpark distribution;
  # the connector is the shaded 4.2 jar of dist/.
  KUSTO_SPARK_GATEWAY_JAR="$work/nuget/jars/kusto-spark-gateway.jar"
  [ -f "$KUSTO_SPARK_GATEWAY_JAR" ] || fail "$(basename "$nupkg") has no jars/kusto-spark-gateway.jar"
  SPARK_HOME=$(project_spark_home)
  KUSTO_SPARK_JARS=$(only "kusto-spark_4.2_2.13-$version.jar")
  export KUSTO_SPARK_GATEWAY_JAR SPARK_HOME KUSTO_SPARK_JARS
  (cd "$work/nuget-smoke" && mono NuGetSmoke.exe "$KUSTO_LOCAL_URL" install NuGetSmoke)
fi

log "installed and ran: ${parts[*]}"
