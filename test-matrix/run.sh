#!/usr/bin/env bash
# The cross-language test matrix: starts the servers test-matrix/README.md promises, runs every
# language's scenarios (test-matrix/<dir>/run.sh), prints a scenario x language table with short
# checksums, and fails if a cell fails or is missing or if the checksums of a scenario differ.
#
# Columns: java always; python and dotnet once their directory exists (a directory without run.sh
# is a failing column); java-spark3.5 once the build has the Maven profile spark-3.5.
# MATRIX_EXTRA_COLUMNS adds columns in the form of COLUMNS below, space separated (values without
# spaces), e.g. "java-spark4.1|java|java_spark4_1|MATRIX_MAVEN_PROFILE=spark-4.1".
# MATRIX_COLUMNS=java,python limits the run to those columns; MATRIX_MAVEN_ARGS=-o builds offline.
# Logs and results go to test-matrix/target/.
source "$(dirname "$0")/../scripts/lib.sh"

# name | directory under test-matrix | table suffix (KUSTO_MATRIX_LANG) | extra environment (NAME=value)
COLUMNS=(
  "java|java|java|"
  "python|python|python|"
  "dotnet|dotnet|dotnet|"
)
# The Java scenarios on each Spark line the build has a profile for.
if grep -q '<id>spark-3.5</id>' "$PROJECT_ROOT/pom.xml"; then
  COLUMNS+=("java-spark3.5|java|java_spark3_5|MATRIX_MAVEN_PROFILE=spark-3.5")
fi
# shellcheck disable=SC2206
COLUMNS+=(${MATRIX_EXTRA_COLUMNS:-})

matrix="$PROJECT_ROOT/test-matrix"
work="$matrix/target"
rm -rf "$work"
mkdir -p "$work"

SERVER_PIDS=()
stop_servers() {
  local pid
  for pid in "${SERVER_PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${SERVER_PIDS[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  SERVER_PIDS=()
}
trap stop_servers EXIT

# Starts a kusto-local named $1 with the remaining arguments; sets SERVER_URL and SERVER_PID.
start_server() {
  local name=$1
  shift
  local out="$work/server-$name.out"
  # Created here, not by the background job's redirection, so that tail below never races it.
  : >"$out"
  KUSTO_LOCAL_JAVA_OPTS="${KUSTO_LOCAL_JAVA_OPTS:--Xmx512m}" \
    "$PROJECT_ROOT/jvm-core/kusto-local/bin/kusto-local" --port 0 --in-memory --database matrix "$@" \
    >"$out" 2>"$work/server-$name.err" &
  SERVER_PID=$!
  SERVER_PIDS+=("$SERVER_PID")
  local line
  line=$(timeout 180 tail -n +1 -f "$out" --pid "$SERVER_PID" | grep -m 1 'kusto-local listening on' || true)
  if [ -z "$line" ]; then
    echo "kusto-local ($name) did not start:" >&2
    cat "$work/server-$name.err" >&2
    exit 1
  fi
  SERVER_URL="${line##* }"
}

# Runs management command $2 on the server at $1, with the bearer token in $3 if given (read from the
# environment, not the command line, where other processes could see it).
mgmt() {
  MGMT_TOKEN=${3:-} python3 - "$1" "$2" <<'PY' || { echo "management command failed on $1: $2" >&2; exit 1; }
import json, os, sys, urllib.request
url, command = sys.argv[1], sys.argv[2]
headers = {"Content-Type": "application/json"}
if os.environ.get("MGMT_TOKEN"):
    headers["Authorization"] = "Bearer " + os.environ["MGMT_TOKEN"]
request = urllib.request.Request(url + "/v1/rest/mgmt", json.dumps({"db": "matrix", "csl": command}).encode(), headers)
urllib.request.urlopen(request, timeout=60).read()
PY
}

create_matrix_numbers() {
  mgmt "$1" ".create table MatrixNumbers (x:long, s:string)" "${2:-}"
  mgmt "$1" ".append MatrixNumbers <| range x from 1 to 1000 step 1 | extend s = strcat('v', x)" "${2:-}"
}

ensure_tools
log "Azurite and the kusto-local build"
"$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null
(cd "$PROJECT_ROOT" && mvn -q -B -ntp ${MATRIX_MAVEN_ARGS:-} -pl jvm-core/kusto-local -am package -DskipTests)

log "test matrix: servers"
start_server main --with-azurite
MAIN_URL=$SERVER_URL
create_matrix_numbers "$MAIN_URL"

token_file="$work/auth-token"
# A fresh random token per run; the scenarios must never print it.
python3 -c 'import secrets; print(secrets.token_urlsafe(24), end="")' >"$token_file"
start_server auth --auth-token-file "$token_file"
# The Kusto SDKs never send a token to http://localhost; 127.0.0.1 carries it.
AUTH_URL=${SERVER_URL/\/\/localhost:/\/\/127.0.0.1:}
AUTH_TOKEN=$(cat "$token_file")
create_matrix_numbers "$AUTH_URL" "$AUTH_TOKEN"

wanted=",${MATRIX_COLUMNS:-},"
ran=()
for column in "${COLUMNS[@]}"; do
  IFS='|' read -r name dir lang extra <<<"$column"
  if [ "$wanted" != ",," ] && [[ "$wanted" != *",$name,"* ]]; then
    continue
  fi
  if [ ! -d "$matrix/$dir" ]; then
    continue
  fi
  ran+=("$name")
  results="$work/results-$name.json"
  if [ ! -x "$matrix/$dir/run.sh" ]; then
    echo "test-matrix/$dir has no executable run.sh" >"$work/$name.log"
    continue
  fi
  log "test matrix: $name (a fresh faulty server, then test-matrix/$dir/run.sh; log in test-matrix/target/$name.log)"
  start_server "faulty-$name" --with-azurite --fault-injection fail=1
  faulty_pid=$SERVER_PID
  status=0
  # shellcheck disable=SC2086
  env KUSTO_MATRIX_URL="$MAIN_URL" KUSTO_MATRIX_AUTH_URL="$AUTH_URL" KUSTO_MATRIX_TOKEN="$AUTH_TOKEN" \
    KUSTO_MATRIX_FAULTY_URL="$SERVER_URL" KUSTO_MATRIX_LANG="$lang" KUSTO_MATRIX_OUT="$results" $extra \
    "$matrix/$dir/run.sh" >"$work/$name.log" 2>&1 || status=$?
  [ "$status" -eq 0 ] || echo "test-matrix/$dir/run.sh exited with status $status" >>"$work/$name.log"
  kill "$faulty_pid" 2>/dev/null || true
  wait "$faulty_pid" 2>/dev/null || true
done

log "test matrix: results"
python3 "$matrix/table.py" "$matrix/scenarios" "$work" "${ran[@]}"
