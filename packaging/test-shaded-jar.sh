#!/usr/bin/env bash
# Runs the smoke job of packaging/smoke against kusto-local with a shaded connector jar as the only
# connector on the classpath: it writes a table, reads it back with a filter, and checks that
# the Kusto and Azure SDKs are only present relocated.
#   Spark 4.2: spark-submit of the PySpark distribution in the project's virtualenv (.venv);
#   Spark 3.5: java with the Spark 3.5 jars Maven resolves for packaging/smoke (no second Spark install).
# Usage: packaging/test-shaded-jar.sh 4.2|3.5 [jar]
#   jar defaults to the one packaging/shaded-spark-<line> built (packaging/build.sh or the reactor).
source "$(dirname "$0")/../scripts/lib.sh"

line=${1:-}
case "$line" in
  4.2) profile=() ;;
  3.5) profile=(-Pspark-3.5) ;;
  *) echo "usage: $0 4.2|3.5 [jar]" >&2; exit 2 ;;
esac
jar=${2:-$(ls "$PROJECT_ROOT"/packaging/shaded-spark-"$line"/target/kusto-spark_"$line"_*.jar 2>/dev/null \
  | grep -v -e '-original' -e '-shaded' | head -n 1 || true)}
if [ -z "$jar" ] || [ ! -f "$jar" ]; then
  echo "test-shaded-jar: no shaded jar for Spark $line; build it with packaging/build.sh or give its path" >&2
  exit 1
fi
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")

# What the jar holds: only the connector's packages (everything bundled is relocated under
# dev.kustospark.shaded; Spark, Scala, Hadoop, logging and Parquet are the runtime's), and service
# files that name the relocated classes.
stray=$(unzip -Z1 "$jar" | grep '\.class$' | grep -v '^dev/kustospark/' | head -n 5 || true)
[ -z "$stray" ] || { echo "test-shaded-jar: $(basename "$jar") has classes outside dev/kustospark/:" >&2; echo "$stray" >&2; exit 1; }
services=$(unzip -Z1 "$jar" 'META-INF/services/*' | sed 's|META-INF/services/||' | grep -v '^$')
for service in org.apache.spark.sql.sources.DataSourceRegister dev.kustospark.shaded.com.azure.core.http.HttpClientProvider; do
  grep -qx "$service" <<<"$services" || { echo "test-shaded-jar: $(basename "$jar") lacks META-INF/services/$service" >&2; exit 1; }
done
unzip -p "$jar" 'META-INF/services/*' | grep -v -e '^dev\.kustospark\.' -e '^#' -e '^$' \
  && { echo "test-shaded-jar: a service file of $(basename "$jar") names a class that is not relocated" >&2; exit 1; }
echo "ok: $(basename "$jar") holds only dev.kustospark classes; services: $(echo $services)"

ensure_tools
smoke="$PROJECT_ROOT/packaging/smoke"
out="$smoke/target/spark-$line"
log "smoke job for Spark $line"
mvn -q -B -ntp -f "$smoke/pom.xml" "${profile[@]}" package dependency:build-classpath \
  -Dmdep.outputFile="$out/spark-classpath.txt"
smoke_jar="$out/kusto-spark-shaded-smoke-0.1.0-SNAPSHOT.jar"

"$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null
start_kusto_local --port 0 --in-memory --database smoke --with-azurite
log "kusto-local at $KUSTO_LOCAL_URL; running the smoke job with $(basename "$jar")"
table="ShadedSmoke_${line//./_}"
# Spark's own logging at warnings only, so the checks the job prints stand out.
logging="-Dlog4j2.configurationFile=file:$PROJECT_ROOT/scripts/spark-log4j2.properties"
if [ "$line" = 4.2 ]; then
  SPARK_HOME=$(project_spark_home)
  export SPARK_HOME
  "$SPARK_HOME/bin/spark-submit" --master 'local[2]' --conf spark.ui.enabled=false --driver-java-options "$logging" \
    --class dev.kustospark.smoke.ShadedJarSmoke --jars "$jar" "$smoke_jar" \
    "$KUSTO_LOCAL_URL" smoke "$table" "$line"
else
  # shellcheck disable=SC2046
  java -Xmx1g $(spark_java_opens) "$logging" -cp "$smoke_jar:$jar:$(cat "$out/spark-classpath.txt")" \
    dev.kustospark.smoke.ShadedJarSmoke "$KUSTO_LOCAL_URL" smoke "$table" "$line"
fi
