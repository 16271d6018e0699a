#!/usr/bin/env bash
# Builds and runs a user's console app against the DxIndicators package in a local folder (not a project
# reference): the app is the README's quick start, verbatim, and its output must be what the README's comments say.
#   bash tests/consumer/run.sh PACKAGE_FOLDER
# The package README (src/DxIndicators/README.md) and the repository README must carry the same quick start.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PKG=$(cd "${1:?usage: run.sh PACKAGE_FOLDER}" && pwd)
nupkg=$(ls "$PKG"/DxIndicators.[0-9]*.nupkg | head -n 1)
VERSION=$(basename "$nupkg" .nupkg); VERSION=${VERSION#DxIndicators.}
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
cp "$ROOT"/tests/consumer/{Consumer.csproj,Directory.Build.props,Directory.Build.targets,Directory.Packages.props} "$WORK"/

python3 - "$ROOT/README.md" "$ROOT/src/DxIndicators/README.md" "$WORK" <<'PY'
import re, sys
def quick_start(path):
    text = open(path, encoding="utf-8").read()
    m = re.search(r"^## Quick start.*?^```csharp\n(.*?)^```", text, re.S | re.M)
    if not m:
        sys.exit(f"{path}: no '## Quick start' section with a ```csharp block")
    return m.group(1)
repo, package = quick_start(sys.argv[1]), quick_start(sys.argv[2])
if repo != package:
    sys.exit("the quick start in README.md and src/DxIndicators/README.md differ; keep them identical")
open(sys.argv[3] + "/QuickStart.cs", "w", encoding="utf-8").write(package)
# Expected output: each Console.WriteLine line's trailing comment, up to " — " (what follows is commentary).
expected = [re.split(r" — ", line.split("//", 1)[1].strip())[0]
            for line in package.splitlines() if "Console.WriteLine(" in line and "//" in line]
open(sys.argv[3] + "/expected.txt", "w", encoding="utf-8").write("\n".join(expected) + "\n")
PY

export NUGET_PACKAGES="$WORK/packages"   # a fresh cache, so a rebuilt package of the same version is really used
dotnet build "$WORK/Consumer.csproj" -c Release -nologo -v q \
  -p:DxIndicatorsVersion="$VERSION" -p:RestoreAdditionalProjectSources="$PKG" \
  -p:RestoreFallbackFolders="${DX_NUGET_FALLBACK:-$HOME/.nuget/packages}"
dotnet "$WORK/bin/Release/net10.0/Consumer.dll" > "$WORK/actual.txt"
if ! diff -u "$WORK/expected.txt" "$WORK/actual.txt"; then
  echo "consumer: the README quick start printed something else than its comments say (diff above)" >&2
  exit 1
fi
grep -q "\"dxindicators\"" "$WORK/obj/project.assets.json" 2>/dev/null || grep -qi "DxIndicators/$VERSION" "$WORK/obj/project.assets.json"
echo "consumer: README quick start against package DxIndicators $VERSION printed $(wc -l < "$WORK/actual.txt") expected lines"
