#!/usr/bin/env bash
# The quick start: builds what is needed, starts kusto-local, then creates a table, ingests rows
# and prints a query result through the official Kusto Java SDK.
source "$(dirname "$0")/lib.sh"

ensure_tools
ensure_built

log "starting kusto-local (in memory, database 'demo')"
start_kusto_local --port 0 --in-memory --database demo
log "kusto-local is listening on $KUSTO_LOCAL_URL"

log "running the Java quick start (official Kusto SDK)"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(module_classpath jvm-core/examples)" dev.kustospark.examples.QuickStart "$KUSTO_LOCAL_URL" demo
log "done"
