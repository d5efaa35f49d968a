#!/usr/bin/env bash
# The demo: starts kusto-local (with Azurite, for queued ingestion and exports), then Java, Python and
# C# each write a DataFrame into a Kusto table through the connector and read it back. Installs and
# builds whatever is missing first.
source "$(dirname "$0")/lib.sh"

ensure_tools
cd "$PROJECT_ROOT"
python=$("$PROJECT_ROOT/scripts/python-env.sh" | tail -n 1)
"$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null
SPARK_HOME=$(project_spark_home)
export SPARK_HOME
ensure_built
connector_jar=$(ensure_shaded_jar)
log "building the C# binding"
"$PROJECT_ROOT/dotnet/build.sh" >/dev/null

log "starting kusto-local (in memory, database 'demo', with Azurite)"
start_kusto_local --port 0 --in-memory --database demo --with-azurite
log "kusto-local is listening on $KUSTO_LOCAL_URL"
# Every Spark below starts through spark-submit, which reads its logging setup from SPARK_CONF_DIR.
export SPARK_CONF_DIR="$PROJECT_ROOT/scripts/spark-conf"
# Everything talks over loopback; this also spares Spark's warning about the host name.
export SPARK_LOCAL_IP=127.0.0.1

log "1/4 the official Kusto Java SDK sees a Kusto: create a table, stream rows in, query them"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$(module_classpath jvm-core/examples)" \
  dev.kustospark.examples.QuickStart "$KUSTO_LOCAL_URL" demo

log "2/4 Java on Spark: jvm-core/examples/.../SparkDemo.java, submitted with the shaded connector jar"
"$SPARK_HOME/bin/spark-submit" --master 'local[2]' \
  --jars "$connector_jar" --class dev.kustospark.examples.SparkDemo \
  "$(ls "$PROJECT_ROOT"/jvm-core/examples/target/kusto-spark-examples-*.jar | head -n 1)" "$KUSTO_LOCAL_URL" demo

log "3/4 Python on PySpark: python/examples/demo.py with the kusto_spark package"
KUSTO_LOCAL_URL="$KUSTO_LOCAL_URL" KUSTO_DATABASE=demo KUSTO_SPARK_JAR="$connector_jar" \
  PYTHONPATH="$PROJECT_ROOT/python/src" \
  "$python" "$PROJECT_ROOT/python/examples/demo.py"

log "4/4 C# driving Spark over Py4J: dotnet/examples/Demo.cs with the KustoSpark binding"
KUSTO_LOCAL_URL="$KUSTO_LOCAL_URL" KUSTO_LOCAL_DATABASE=demo KUSTO_SPARK_JARS="$connector_jar" \
  mono "$PROJECT_ROOT/dotnet/bin/Demo.exe"

log "done: Java, Python and C# each wrote a table into kusto-local and read it back"
