#!/usr/bin/env bash
# Every test of the project: the JVM modules' unit and conformance suites (official Java SDK
# against kusto-local), the Python SDK conformance suite, the kusto_spark package suite, the C#
# binding's tests, the cross-language test matrix, the connector's tests on Spark 3.5, the
# packaged artifacts (shaded jars, wheel, NuGet package) installed into clean places, and the docs'
# code blocks.
source "$(dirname "$0")/lib.sh"

ensure_tools
cd "$PROJECT_ROOT"

log "Python virtualenv with the official Python SDK"
KUSTO_LOCAL_PYTHON=$("$PROJECT_ROOT/scripts/python-env.sh" | tail -n 1)
export KUSTO_LOCAL_PYTHON
# The venv's PySpark is a whole Spark distribution: the connector's executor-loss test launches
# local-cluster executors from it.
SPARK_HOME="$(project_spark_home)"
export SPARK_HOME

log "Azurite (storage emulator for queued ingestion and export)"
"$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null

log "JVM modules: build and test"
mvn -B -ntp install

log "Python SDK conformance suite"
"$PROJECT_ROOT/scripts/test-python-sdk.sh"

log "kusto_spark Python package (builders, Spark classic and Connect, wheel)"
"$PROJECT_ROOT/scripts/test-python-package.sh"

log "C# binding: build, NUnit tests, NuGet package"
"$PROJECT_ROOT/dotnet/test.sh"

log "Cross-language test matrix (test-matrix/README.md)"
"$PROJECT_ROOT/test-matrix/run.sh"

# kusto-local comes from the install above; only the connector changes with the Spark line.
log "Spark 3.5 (Scala 2.12): the connector's tests"
mvn -B -ntp -Pspark-3.5 -pl jvm-core/kusto-spark-connector test

log "Packaging: every artifact into dist/, each installed into a clean place and run"
"$PROJECT_ROOT/packaging/build.sh"
"$PROJECT_ROOT/packaging/test-install.sh"

log "Docs: every code block of the README, docs/ and the modules' READMEs, run as written"
"$PROJECT_ROOT/scripts/test-docs.sh"
log "all tests passed"
