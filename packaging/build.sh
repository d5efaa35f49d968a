#!/usr/bin/env bash
# Builds the artifacts users install, into dist/:
#   jars   kusto-spark_4.2_2.13-<version>.jar and kusto-spark_3.5_2.12-<version>.jar, the shaded connector
#   wheel  the kusto-spark Python package with the Spark 4.2 jar inside, by python/build-wheel.sh
#   nupkg  the C# binding, by dotnet/pack.sh (packaging/KustoSpark.nuspec)
# Usage: packaging/build.sh [jars] [wheel] [nupkg]   (no argument: all three). A missing producer fails
# the build naming the file it needs. Tests are not run here; packaging/test-install.sh tests dist/.
source "$(dirname "$0")/../scripts/lib.sh"

fail() { echo "packaging/build.sh: $*" >&2; exit 1; }

source "$(dirname "$0")/parts.sh"

cd "$PROJECT_ROOT"

# Every producer is checked before anything is built, so a missing one costs no build time.
missing=()
if wants wheel && [ ! -f python/build-wheel.sh ]; then
  missing+=("python/build-wheel.sh (builds the Python wheel around a given jar)")
fi
if wants nupkg; then
  [ -f dotnet/pack.sh ] || missing+=("dotnet/pack.sh (builds the C# binding and packs it)")
  [ -f packaging/KustoSpark.nuspec ] || missing+=("packaging/KustoSpark.nuspec (describes the NuGet package)")
fi
if [ ${#missing[@]} -gt 0 ]; then
  printf 'packaging/build.sh: cannot build %s; missing:\n' "${parts[*]}" >&2
  printf '  %s\n' "${missing[@]}" >&2
  exit 1
fi

ensure_tools
mkdir -p "$dist"

shaded_jar() { echo "$dist/kusto-spark_$1_$2-$version.jar"; }

if wants jars; then
  # One reactor per Spark line: each builds the connector for its line and shades it.
  for line in 4.2 3.5; do
    profile=()
    [ "$line" = 3.5 ] && profile=(-Pspark-3.5)
    log "shaded connector jar for Spark $line"
    rm -f "$dist"/kusto-spark_"$line"_*.jar
    mvn -q -B -ntp "${profile[@]}" package -Dmaven.test.skip=true \
      -pl "jvm-core/kusto-local,jvm-core/kusto-spark-connector,packaging/shaded-spark-$line"
    cp packaging/shaded-spark-"$line"/target/kusto-spark_"$line"_*-"$version".jar "$dist/"
  done
fi

if wants wheel; then
  jar=$(shaded_jar 4.2 2.13)
  [ -f "$jar" ] || fail "the wheel bundles $(basename "$jar"); build it first (packaging/build.sh jars)"
  log "Python wheel"
  rm -f "$dist"/*.whl
  # build-wheel.sh bundles the jar named by KUSTO_SPARK_JAR and prints the wheel's path last.
  built=$(KUSTO_SPARK_JAR="$jar" python/build-wheel.sh | tail -n 1)
  [ -f "$built" ] || fail "python/build-wheel.sh printed '$built', which is not a wheel file"
  cp "$built" "$dist/"
  wheel="$dist/$(basename "$built")"
  unzip -Z1 "$wheel" | grep -q "/$(basename "$jar")\$" \
    || fail "$(basename "$wheel") does not contain $(basename "$jar"); the package data must include jars/*.jar"
fi

if wants nupkg; then
  log "NuGet package"
  rm -f "$dist"/*.nupkg
  command -v nuget >/dev/null 2>&1 || apt_install nuget
  # pack.sh builds the binding, packs it, checks the package's contents and prints its path last.
  built=$(dotnet/pack.sh | tail -n 1)
  [ -f "$built" ] || fail "dotnet/pack.sh printed '$built', which is not a package file"
  cp "$built" "$dist/"
fi

log "dist/ holds:"
ls -1 "$dist" >&2
