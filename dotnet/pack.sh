#!/usr/bin/env bash
# Builds the C# binding and packs it with NuGet into dotnet/bin/KustoSpark.<version>.nupkg, then
# checks that the package holds the library, its XML docs, the README and the gateway jar, and nothing else.
set -euo pipefail
DOTNET_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$DOTNET_DIR")"
"$DOTNET_DIR/build.sh"

# The project's version (0.1.0-SNAPSHOT in the root pom.xml) as a NuGet version.
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' "$ROOT/pom.xml" | head -n 1)
[ -n "$version" ] || { echo "no <version> in $ROOT/pom.xml" >&2; exit 1; }
rm -f "$DOTNET_DIR"/bin/KustoSpark.*.nupkg
nuget pack "$ROOT/packaging/KustoSpark.nuspec" -BasePath "$ROOT" -OutputDirectory "$DOTNET_DIR/bin" \
  -Version "$version" -NoPackageAnalysis -NonInteractive >/dev/null
package="$DOTNET_DIR/bin/KustoSpark.$version.nupkg"

python3 - "$package" <<'PY'
import sys, zipfile
package = sys.argv[1]
names = set(zipfile.ZipFile(package).namelist())
expected = {"lib/netstandard2.0/KustoSpark.dll", "lib/netstandard2.0/KustoSpark.xml", "README.md", "KustoSpark.nuspec",
            "jars/kusto-spark-gateway.jar"}
missing = expected - names
# NuGet adds its own bookkeeping: [Content_Types].xml, _rels/ and package/services/metadata/.
extra = {n for n in names - expected if not (n == "[Content_Types].xml" or n.startswith("_rels/") or n.startswith("package/"))}
if missing or extra:
    sys.exit(f"{package}: missing {sorted(missing)}, unexpected {sorted(extra)}")
print(package)
PY
