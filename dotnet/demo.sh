#!/usr/bin/env bash
# The C# demo: builds the connector's jar and the C# binding, starts kusto-local (with Azurite) and
# runs examples/Demo.cs, which writes a DataFrame to Kusto from C# and reads it back.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

ensure_tools
cd "$PROJECT_ROOT"
"$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null
python=$("$PROJECT_ROOT/scripts/python-env.sh" | tail -n 1)
SPARK_HOME="${SPARK_HOME:-$("$python" -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')}"
export SPARK_HOME

connector_jar="$PROJECT_ROOT/packaging/shaded-spark-4.2/target/kusto-spark_4.2_2.13-0.1.0-SNAPSHOT.jar"
if [ ! -f "$connector_jar" ]; then
  log "building the connector's shaded jar"
  mvn -q -B -pl packaging/shaded-spark-4.2 -am package -DskipTests
fi
export KUSTO_SPARK_JARS="$connector_jar"

log "building the C# binding"
"$PROJECT_ROOT/dotnet/build.sh"

log "starting kusto-local (in memory, database 'demo', with Azurite)"
start_kusto_local --port 0 --in-memory --database demo --with-azurite
log "kusto-local is listening on $KUSTO_LOCAL_URL"

log "running the C# demo (dotnet/examples/Demo.cs)"
KUSTO_LOCAL_DATABASE=demo mono "$PROJECT_ROOT/dotnet/bin/Demo.exe"
