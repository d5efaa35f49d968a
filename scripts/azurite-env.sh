#!/usr/bin/env bash
# Installs Azurite, the Azure Storage emulator that kusto-local starts for queued ingestion and
# export, at <project root>/.azurite from the pinned package.json and package-lock.json of
# jvm-core/kusto-local/azurite. Idempotent: an install whose recorded lock-file hash matches is left
# untouched, so calling this before every run is cheap. Prints the install directory on stdout as
# its last line (pass it to kusto-local with --azurite-home, or let kusto-local find it).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source_dir="$root/jvm-core/kusto-local/azurite"
home="$root/.azurite"
stamp="$home/.package-lock.sha256"

if ! command -v npm >/dev/null 2>&1; then
    echo "azurite-env: npm (Node.js 18 or later) is required to install Azurite" >&2
    exit 1
fi

# The hash covers the files' contents, not their paths: worktrees and copies of the project share
# one install.
wanted="$( (cat "$source_dir/package.json" "$source_dir/package-lock.json"; node --version) | sha256sum | cut -d' ' -f1)"

# An install stamped with an older form of the hash is current when it holds the same package files.
if [[ -f "$stamp" && -f "$home/node_modules/azurite/package.json" ]] && { [[ "$(cat "$stamp")" == "$wanted" ]] \
        || { cmp -s "$source_dir/package.json" "$home/package.json" && cmp -s "$source_dir/package-lock.json" "$home/package-lock.json"; }; }; then
    echo "$home"
    exit 0
fi

mkdir -p "$home"
cp "$source_dir/package.json" "$source_dir/package-lock.json" "$home/"
echo "installing Azurite into $home" >&2
npm ci --prefix "$home" --no-audit --no-fund --loglevel=error >&2
echo "$wanted" > "$stamp"
echo "$home"
