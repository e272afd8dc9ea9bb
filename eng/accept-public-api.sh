#!/usr/bin/env bash
# Adds every public symbol that the build reports as undeclared (RS0016) to the project's PublicAPI.Unshipped.txt,
# and drops the unshipped entries of symbols that no longer exist (RS0017; a changed signature is both).
# Run it after deliberately changing public API, then review the diff of PublicAPI.Unshipped.txt before committing:
# the file is the record of what LineCrm promises its users. Removing a shipped symbol stays a manual edit.
# Accept a referenced project first (Abstractions before Messaging): its undeclared symbols stop the build.
#   eng/accept-public-api.sh src/LineCrm.Messaging
set -euo pipefail
project_dir=${1:?usage: eng/accept-public-api.sh src/<Project>}
project_dir=${project_dir%/}
unshipped="$project_dir/PublicAPI.Unshipped.txt"
[ -f "$unshipped" ] || { echo "no $unshipped" >&2; exit 2; }
project=$(cd "$project_dir" && pwd)/$(basename "$project_dir").csproj
log=$(mktemp)
trap 'rm -f "$log" "$unshipped.tmp"' EXIT
dotnet build "$project_dir" -p:TreatWarningsAsErrors=false -clp:NoSummary >"$log" 2>&1 || true
# Only this project's diagnostics: a referenced project's would land in the wrong file.
own=$(grep -F "[$project]" "$log" || true)
added=$(grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" <<<"$own" | LC_ALL=C sort -u || true)
removed=$(grep -oP "RS0017: Symbol '\K.*(?=' is part of the declared API, but is either not public or could not be found)" <<<"$own" | sort -u || true)
if [ -z "$added" ] && [ -z "$removed" ]; then
  echo "nothing to change"
  grep -E " error " "$log" | sort -u | head -20 || true
  exit 0
fi
# Existing lines keep their order (smaller diffs, cleaner union merges); stale ones go, whole-line literal matches
# only since a symbol's text is full of regex characters; new ones are appended.
{
  if [ -n "$removed" ]; then grep -vxF -f <(printf '%s\n' "$removed") "$unshipped" || true; else cat "$unshipped"; fi
  if [ -n "$added" ]; then printf '%s\n' "$added"; fi
} >"$unshipped.tmp"
mv "$unshipped.tmp" "$unshipped"
echo "added $(grep -c . <<<"$added" || true), removed $(grep -c . <<<"$removed" || true) symbols in $unshipped"
