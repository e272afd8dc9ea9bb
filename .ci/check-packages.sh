#!/usr/bin/env bash
# Checks the packed artifacts: exactly one .nupkg per project under src/, each carrying its README and the XML
# documentation of its assembly.
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
  echo "package check: $(basename "${found[0]}") has README.md, $name.dll and $name.xml"
done
extra=$(find "$artifacts" -maxdepth 1 -name '*.nupkg' | wc -l)
expected=$(ls src/*/*.csproj | wc -l)
if [ "$extra" -ne "$expected" ]; then
  echo "package check: $extra packages for $expected src projects" >&2
  status=1
fi
exit $status
