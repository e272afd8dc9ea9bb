#!/usr/bin/env bash
# Checks the packed artifacts: exactly one .nupkg per project under src/, each carrying its README and the XML
# documentation of its assembly, with a prerelease version while the API is unsettled, and (check-sourcelink.py) a
# repository URL, commit and SourceLink map that match git.
set -euo pipefail
artifacts=${1:?usage: check-packages.sh DIR}
status=0
for csproj in src/*/*.csproj; do
  name=$(basename "$csproj" .csproj)
  mapfile -t found < <(find "$artifacts" -maxdepth 1 -name "$name.[0-9]*.nupkg" ! -name '*.snupkg')
  if [ "${#found[@]}" -ne 1 ]; then
    echo "package check: expected one $name.*.nupkg in $artifacts, found ${#found[@]}" >&2
    status=1
    continue
  fi
  listing=$(unzip -Z1 "${found[0]}")
  for required in README.md "lib/net10.0/$name.dll" "lib/net10.0/$name.xml"; do
    if ! grep -qx "$required" <<<"$listing"; then
      echo "package check: ${found[0]} lacks $required" >&2
      status=1
    fi
  done
  if ! [[ "$(basename "${found[0]}")" =~ ^${name//./\\.}\.[0-9]+\.[0-9]+\.[0-9]+-[0-9A-Za-z.]+\.nupkg$ ]]; then
    echo "package check: ${found[0]} is not a prerelease version (VersionSuffix in Directory.Build.props)" >&2
    status=1
  fi
  echo "package check: $(basename "${found[0]}") has README.md, $name.dll and $name.xml"
done
extra=$(find "$artifacts" -maxdepth 1 -name '*.nupkg' | wc -l)
expected=$(ls src/*/*.csproj | wc -l)
if [ "$extra" -ne "$expected" ]; then
  echo "package check: $extra packages for $expected src projects" >&2
  status=1
fi
python3 "$(dirname "$0")/check-sourcelink.py" "$artifacts" || status=1
exit $status
