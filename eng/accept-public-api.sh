#!/usr/bin/env bash
# Adds every public symbol that the build reports as undeclared (RS0016) to the project's PublicAPI.Unshipped.txt.
# Run it after deliberately adding public API, then review the diff of PublicAPI.Unshipped.txt before committing:
# the file is the record of what LineCrm promises its users.
#   eng/accept-public-api.sh src/LineCrm.Messaging
set -euo pipefail
project_dir=${1:?usage: eng/accept-public-api.sh src/<Project>}
unshipped="$project_dir/PublicAPI.Unshipped.txt"
[ -f "$unshipped" ] || { echo "no $unshipped" >&2; exit 2; }
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build "$project_dir" -p:TreatWarningsAsErrors=false -clp:NoSummary >"$log" 2>&1 || true
added=$(grep -oP "RS0016: Symbol '\K.*(?=' is not part of the declared public API)" "$log" | sort -u || true)
if [ -z "$added" ]; then
  echo "nothing to add"
  grep -E " error " "$log" | sort -u | head -20 || true
  exit 0
fi
{ cat "$unshipped"; printf '%s\n' "$added"; } | awk 'NR==1 && /^#nullable/ {print; next} {print}' >"$unshipped.tmp"
header=$(head -n1 "$unshipped.tmp")
{ echo "$header"; tail -n +2 "$unshipped.tmp" | sed '/^$/d' | LC_ALL=C sort -u; } >"$unshipped"
rm -f "$unshipped.tmp"
echo "added $(printf '%s\n' "$added" | wc -l) symbols to $unshipped"
