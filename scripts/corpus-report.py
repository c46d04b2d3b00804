#!/usr/bin/env python3
"""For every report under a folder (default ../shared/corpus), print one Markdown table row:
genre, report and plan years, how the plan was found, its heading, the number of items and
the warnings the analysis gives (what a reader should check).

    cargo build --release && python3 scripts/corpus-report.py [FOLDER]

Runs the release binary's `analyze --json` on each .txt, .docx, .html and .pdf file, so it
shows at a glance where the analysis finds no plan. Exits with 1 if a report gives no plan
with items and no warning that says why.
"""
import json
import pathlib
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
BIN = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "target" / "release" / "report-lens"
folder = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "corpus")
files = sorted(p for p in folder.rglob("*") if p.suffix in {".txt", ".docx", ".html", ".pdf"}
               and p.name != "README.md")

def warning_text(w):
    """A warning as JSON writes it: "no_plan", or {"years_disagree": {...}}."""
    if isinstance(w, str):
        return w.replace("_", " ")
    [(kind, data)] = w.items()
    if kind == "years_disagree":
        return f"years disagree: {data['source'].replace('_', ' ')} says {data['other_year']}"
    if kind == "issuer_disagrees":
        return f"the title names {data['other']}"
    if kind == "plan_without_heading":
        return f"plan without heading ({data['found_by'].replace('_', ' ')})"
    return kind.replace("_", " ")


print("| file | genre | years | plan found by | plan heading | items | to check |")
print("|---|---|---|---|---|---|---|")
without = 0
unexplained = 0
for path in files:
    run = subprocess.run([str(BIN), "analyze", str(path), "--json"], capture_output=True)
    name = str(path.relative_to(folder))
    if run.returncode != 0:
        print(f"| {name} | (unreadable: {run.stderr.decode().strip()}) | | | | 0 | |")
        without += 1
        unexplained += 1
        continue
    report = json.loads(run.stdout)
    meta, plan = report["meta"], report.get("plan") or {}
    items = len(report["commitments"])
    years = f"{meta['report_year'] or '?'} → {meta['plan_year'] or '?'}"
    heading = plan.get("heading") or ""
    found_by = plan.get("found_by") or "NOT FOUND"
    warnings = "; ".join(warning_text(w) for w in report["warnings"])
    if not plan or items == 0:
        without += 1
        unexplained += not report["warnings"]
    print(f"| {name} | {meta['genre']} | {years} | {found_by} | {heading} | {items} | {warnings} |")
print(f"\n{len(files) - without} of {len(files)} reports give a plan with items; "
      f"{without - unexplained} others say why not.")
sys.exit(1 if unexplained else 0)
