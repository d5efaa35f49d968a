#!/usr/bin/env bash
# The C# demo: builds the connector's jar and the C# binding, starts kusto-local (with Azurite) and
# runs examples/Demo.cs, which writes a DataFrame to Kusto from C# and reads it back.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"

ensure_tools
cd "$PROJECT_ROOT"
"$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null
SPARK_HOME="${SPARK_HOME:-$(project_spark_home)}"
export SPARK_HOME
KUSTO_SPARK_JARS=$(ensure_shaded_jar)
export KUSTO_SPARK_JARS

log "building the C# binding"
"$PROJECT_ROOT/dotnet/build.sh"

log "starting kusto-local (in memory, database 'demo', with Azurite)"
start_kusto_local --port 0 --in-memory --database demo --with-azurite
log "kusto-local is listening on $KUSTO_LOCAL_URL"

log "running the C# demo (dotnet/examples/Demo.cs)"
KUSTO_LOCAL_DATABASE=demo mono "$PROJECT_ROOT/dotnet/bin/Demo.exe"
