#!/usr/bin/env bash
# The docs as tests: every code block of README.md, docs/*.md and the modules' READMEs runs as written
# against kusto-local (scripts/docs/run_docs.py says how, language by language), after the unit tests
# of the block extractor and of the list of blocks that do not run. Prints how many blocks of each
# language ran; fails if a block fails or has no known language.
source "$(dirname "$0")/lib.sh"

ensure_tools
python=$("$PROJECT_ROOT/scripts/python-env.sh" | tail -n 1)
"$PROJECT_ROOT/scripts/azurite-env.sh" >/dev/null
cd "$PROJECT_ROOT"
"$python" -m pytest -q -p no:cacheprovider scripts/docs
exec "$python" scripts/docs/run_docs.py
