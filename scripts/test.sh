#!/usr/bin/env bash
# Every test of the project: the JVM modules' unit and conformance suites (official Java SDK
# against kusto-local), then the Python SDK conformance suite.
source "$(dirname "$0")/lib.sh"

ensure_tools
cd "$PROJECT_ROOT"

log "JVM modules: build and test"
mvn -B -ntp install

log "Python SDK conformance suite"
"$PROJECT_ROOT/scripts/test-python-sdk.sh"
log "all tests passed"
