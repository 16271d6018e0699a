#!/usr/bin/env bash
# Regenerates the public API lists (PublicAPI.Unshipped.txt) of every library under src/ from the code, with the
# Roslyn PublicApiAnalyzers' own code fix. Run it after a deliberate public API change, review the diff, commit.
#   bash .ci/update-public-api.sh            # all libraries under src/
#   bash .ci/update-public-api.sh src/DxIndicators.Reporting
# A library without PublicAPI files gets them. PublicAPI.Shipped.txt (the released API) is never touched: at a
# release, move the Unshipped lines into it (docs/packaging.md, CONTRIBUTING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  for csproj in src/*/*.csproj; do
    grep -q "<PackAsTool>true</PackAsTool>" "$csproj" && continue    # the dx tool: no public API for users
    projects+=("$(dirname "$csproj")")
  done
fi
for dir in "${projects[@]}"; do
  [ -f "$dir/PublicAPI.Shipped.txt" ] || printf '#nullable enable\n' > "$dir/PublicAPI.Shipped.txt"
  printf '#nullable enable\n' > "$dir/PublicAPI.Unshipped.txt"
done
# One dotnet format per project (a single run over the solution was seen to fill only some of the lists).
for dir in "${projects[@]}"; do
  echo "public API: regenerating $dir/PublicAPI.Unshipped.txt"
  dotnet format analyzers "$(ls "$dir"/*.csproj)" --diagnostics RS0016 --severity warn -v q || true
done
for dir in "${projects[@]}"; do
  # Keep the file sorted (ordinal), the header first, so regenerations diff cleanly.
  { echo '#nullable enable'; { grep -v '^#nullable enable$' "$dir/PublicAPI.Unshipped.txt" || true; } | LC_ALL=C sort -u; } > "$dir/PublicAPI.Unshipped.txt.tmp"
  mv "$dir/PublicAPI.Unshipped.txt.tmp" "$dir/PublicAPI.Unshipped.txt"
  echo "public API: $dir: $(($(wc -l < "$dir/PublicAPI.Unshipped.txt") - 1)) entries"
done
dotnet build DxIndicators.sln -nologo -v q
