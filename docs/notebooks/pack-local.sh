#!/usr/bin/env bash
# Packs DxIndicators, DxIndicators.Reporting and DxIndicators.Interactive into artifacts/packages with a fresh
# prerelease version, so a notebook's `#r "nuget: DxIndicators.Interactive, *-*"` takes this build and not a copy
# cached by an earlier run.
set -euo pipefail
cd "$(dirname "$0")/../.."
version="0.1.0-local.$(date -u +%Y%m%d%H%M%S)"
rm -rf artifacts/packages
for project in src/DxIndicators src/DxIndicators.Reporting src/DxIndicators.Interactive; do
  dotnet pack "$project" -c Release -o artifacts/packages -p:Version="$version" --nologo -v quiet
done
echo "packed $version into artifacts/packages"
