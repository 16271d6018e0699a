"""Checks an executed notebook (ipynb written by dotnet-repl): no cell failed, and the outputs hold an HTML table of
scores and an SVG chart. Prints one line per code cell; exits 1 on any problem."""
import json
import sys

notebook = json.load(open(sys.argv[1], encoding="utf-8"))
problems = []
html = []
for number, cell in enumerate(notebook["cells"], start=1):
    if cell.get("cell_type") != "code":
        continue
    outputs = cell.get("outputs", [])
    errors = [o for o in outputs if o.get("output_type") == "error"]
    first = "".join(cell.get("source", "")).strip().splitlines()[0][:70]
    print(f"notebook cell {number}: {'FAILED' if errors else 'ok'}  {first}")
    for e in errors:
        problems.append(f"cell {number} failed: {e.get('ename', '')}: {e.get('evalue', '')[:500]}")
    for o in outputs:
        html.append("".join(o.get("data", {}).get("text/html", "")))
page = "\n".join(html)
if '<table class="dx-scores">' not in page:
    problems.append("no HTML table of scores (table.dx-scores) in the outputs")
if "<svg" not in page or 'data-chart="ranking"' not in page:
    problems.append("no SVG rank-interval chart in the outputs")
for p in problems:
    print("notebook: " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
