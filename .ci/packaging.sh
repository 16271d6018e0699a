#!/usr/bin/env bash
# Packaging check (issue 13), called from .ci/run: what a .NET user gets from the packages.
#   1. dotnet pack every package into a local folder; check README, licence, XML docs, .snupkg, embedded sources,
#      SourceLink (when the clone has a hosted remote), deterministic assemblies, one version (tests/packaging);
#      pack the core once more from a scratch clone with a GitHub origin and require SourceLink data there.
#   2. dotnet tool install the dx tool from that folder into a temporary tool path; run dx --version, dx score,
#      dx report (once it exists); redirected output must hold no ANSI escape, a terminal (script's pty) gets colour.
#   3. Build and run tests/consumer: the README quick start against the local package, output checked.
#   4. The API reference (docfx, local tool) builds without warnings.
# Usage: bash .ci/packaging.sh OUTPUT_FOLDER
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=$(mkdir -p "${1:?usage: packaging.sh OUTPUT_FOLDER}" && cd "$1" && pwd)
PKG="$OUT/packages"; rm -rf "$PKG"; mkdir -p "$PKG"
SCRATCH=$(mktemp -d); trap 'rm -rf "$SCRATCH"' EXIT
fail() { echo "packaging: $*" >&2; exit 1; }

# Every library under src/ (not the dx tool) tracks its public API (CONTRIBUTING.md, "Public API").
for csproj in src/*/*.csproj; do
  grep -q "<PackAsTool>true</PackAsTool>" "$csproj" && continue
  [ -f "$(dirname "$csproj")/PublicAPI.Shipped.txt" ] || fail "$(dirname "$csproj") has no PublicAPI.Shipped.txt: run bash .ci/update-public-api.sh $(dirname "$csproj")"
done

dotnet pack DxIndicators.sln -c Release -o "$PKG" -nologo -v q
dotnet run tests/packaging/check-packages.cs -- "$PKG" | tee "$OUT/packages.txt"

# SourceLink with a hosted remote: CI's clone has none (its origin is a local path), so pack the core library once
# more from a scratch clone whose origin is a GitHub URL (a test fixture, never published) and require SourceLink
# data pointing at the commit, and the repository and project URLs in the package.
git clone -q --no-hardlinks . "$SCRATCH/clone"
git -C "$SCRATCH/clone" checkout -q --detach "$(git rev-parse HEAD)"
git -C "$SCRATCH/clone" remote set-url origin https://github.com/dxindicators-ci-fixture/DxIndicators.git
dotnet pack "$SCRATCH/clone/src/DxIndicators" -c Release -o "$SCRATCH/hosted" -nologo -v q
DX_REQUIRE_SOURCELINK=1 dotnet run tests/packaging/check-packages.cs -- "$SCRATCH/hosted" | tee "$OUT/packages-hosted.txt"
python3 -c 'import sys, zipfile, glob; sys.stdout.write(zipfile.ZipFile(glob.glob(sys.argv[1] + "/DxIndicators.*.nupkg")[0]).read("DxIndicators.nuspec").decode("utf-8-sig"))' "$SCRATCH/hosted" \
  | grep -q '<projectUrl>https://github.com/dxindicators-ci-fixture/DxIndicators</projectUrl>' || fail "a clone with a hosted remote did not get its project URL"

tool=$(ls "$PKG"/DxIndicators.Cli.[0-9]*.nupkg | head -n 1)
VERSION=$(basename "$tool" .nupkg); VERSION=${VERSION#DxIndicators.Cli.}
# A fresh package cache, so the tool installed is the package just built, not a cached one of the same version.
NUGET_PACKAGES="$SCRATCH/nuget" dotnet tool install DxIndicators.Cli --version "$VERSION" --add-source "$PKG" --tool-path "$SCRATCH/tools"
DX="$SCRATCH/tools/dx"

"$DX" --version > "$OUT/dx-version.txt"
grep -qF "dx $VERSION" "$OUT/dx-version.txt" || fail "dx --version printed '$(cat "$OUT/dx-version.txt")', expected dx $VERSION"
"$DX" score > "$OUT/dx-score.txt" || fail "installed dx score failed"
grep -q "dien-bien-sample" "$OUT/dx-score.txt" || fail "installed dx score printed no scorecard"
if "$DX" --help | grep -qE '^  report '; then
  # With no arguments dx report writes the sample's report (dx-report.html) into the current folder.
  mkdir -p "$SCRATCH/report"
  (cd "$SCRATCH/report" && "$DX" report > "$OUT/dx-report.txt") || fail "installed dx report failed"
  report_file=$(ls "$SCRATCH"/report/*.html 2>/dev/null | head -n 1)
  [ -n "$report_file" ] && grep -qi "<html" "$report_file" || fail "installed dx report wrote no HTML page"
  cp "$report_file" "$OUT/dx-report.html"
  "$DX" report --format md --out - > "$OUT/dx-report-md.txt" || fail "installed dx report --format md failed"
  [ -s "$OUT/dx-report-md.txt" ] || fail "installed dx report --format md printed nothing"
fi
"$DX" frameworks > "$OUT/dx-frameworks.txt"
"$DX" scroe 2> "$OUT/dx-typo.txt" && fail "dx scroe succeeded" || [ $? -eq 2 ] || fail "dx scroe: exit code not 2"
grep -q "Did you mean 'score'" "$OUT/dx-typo.txt" || fail "no typo suggestion for 'dx scroe'"
for f in "$OUT"/dx-*.txt; do
  if grep -q $'\e' "$f"; then fail "$(basename "$f"): redirected output holds ANSI escapes"; fi
done
# On a terminal (a pseudo-terminal from util-linux script) headings are bold; with NO_COLOR they are not.
if command -v script > /dev/null; then
  TERM=xterm script -qec "$DX frameworks" /dev/null > "$OUT/tty-frameworks.log"
  grep -q $'\e\[1m' "$OUT/tty-frameworks.log" || fail "dx frameworks on a terminal shows no styling"
  grep -q "╭" "$OUT/tty-frameworks.log" || fail "dx frameworks on a terminal drew no Spectre.Console table"
  TERM=xterm script -qec "$DX uncertainty --runs 100000" /dev/null > "$OUT/tty-uncertainty.log"
  grep -q "━" "$OUT/tty-uncertainty.log" || fail "dx uncertainty on a terminal showed no progress bar"
  NO_COLOR=1 TERM=xterm script -qec "$DX frameworks" /dev/null > "$OUT/tty-nocolor.log"
  # (.NET itself writes the keypad-mode sequence ESC[?1h to a terminal; only SGR styling, ESC[...m, is colour.)
  if grep -qE $'\e\\[[0-9;]*m' "$OUT/tty-nocolor.log"; then fail "NO_COLOR=1 still coloured the output"; fi
fi
echo "packaging: dx $VERSION installed from $PKG and run"

bash tests/consumer/run.sh "$PKG"

# The API reference and the docs site: docfx (a local tool, .config/dotnet-tools.json), warnings are errors.
for page in docs/*.md; do
  name=$(basename "$page")
  [ "$name" = index.md ] || grep -q "href: $name" docs/toc.yml || fail "docs/$name is not in docs/toc.yml (the docs site's menu)"
done
dotnet tool restore > /dev/null
dotnet docfx docs/docfx.json --warningsAsErrors > "$OUT/docfx.log" 2>&1 || { tail -n 40 "$OUT/docfx.log" >&2; fail "docfx failed (log: $OUT/docfx.log)"; }
grep -E "^ +[0-9]+ warning" "$OUT/docfx.log" | tail -n 1
[ -f artifacts/docs-site/api/DxIndicators.Scoring.ScoringPlan.html ] || fail "docfx wrote no API page for ScoringPlan"
echo "packaging: docs site and API reference built in artifacts/docs-site"
echo "packaging: all checks passed"
