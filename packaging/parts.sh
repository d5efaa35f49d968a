# Shared by packaging/build.sh and packaging/test-install.sh (sourced after scripts/lib.sh): the parts
# a run asks for, where they go, and the project's version. Arguments: the parts (jars, wheel, nupkg;
# none means all three). Sets parts, dist and version; wants NAME tells whether NAME was asked for.
parts=("$@")
[ ${#parts[@]} -gt 0 ] || parts=(jars wheel nupkg)
for part in "${parts[@]}"; do
  case "$part" in jars|wheel|nupkg) ;; *) fail "unknown part '$part'; expected jars, wheel or nupkg" ;; esac
done
wants() { [[ " ${parts[*]} " == *" $1 "* ]]; }

dist="$PROJECT_ROOT/dist"
version=$(sed -n 's|^  <version>\(.*\)</version>|\1|p' "$PROJECT_ROOT/pom.xml" | head -n 1)
