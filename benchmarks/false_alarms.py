"""False alarms on clean published copy: findings per 1,000 words, per outlet and per rule.

    python benchmarks/false_alarms.py                       # Wikinews + every outlet's dev split
    python benchmarks/false_alarms.py --split heldout       # the held-out halves (report these)
    python benchmarks/false_alarms.py --split fresh         # copy the outlet sample left out: confirm
    python benchmarks/false_alarms.py --corpus DIR [--corpus DIR ...] [--config FILE] [--list]
    python benchmarks/false_alarms.py --review-sheet out.tsv   # every finding, to classify by hand

Every finding on published copy is either a false alarm or a real slip the
outlet printed. The hand review lives in `benchmarks/reviews/*.tsv` (columns:
outlet, file, line, col, rule, match, verdict, note; verdict `real` or
`false`): a reviewed real slip is not a false alarm; a finding nobody has
reviewed counts as false until someone has (the figure can only be pessimistic).

Corpora: the shared Wikinews corpus (https://en.wikinews.org, CC BY 2.5,
article URLs in its MANIFEST.tsv) and the outlets that `scripts/build_outlets.py`
rebuilds into the git-ignored `benchmarks/outlets/` (sources and credits in
benchmarks/OUTLETS.md). Words are counted as the corpus README does:
whitespace tokens of headline and body.
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from newslint.document.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
WIKINEWS = ROOT.parent / "shared" / "corpus" / "articles"
OUTLETS = ROOT / "benchmarks" / "outlets"
SPLITS = ("dev", "heldout", "fresh")  # tune, report, confirm (see benchmarks/OUTLETS.md)
REVIEWS = ROOT / "benchmarks" / "reviews"
GOAL = 0.2  # false alarms per 1,000 words, on every outlet


def words(path: Path) -> int:
    doc = read_document(path)
    if doc.format == "md":
        title = doc.title
        body_start = max((b.end for b in doc.blocks if b.kind == "frontmatter"), default=0)
        head = doc.text[title.start : title.end] if title else ""
        return len(head.split()) + len(doc.text[body_start:].split())
    return len(doc.text.split())


def corpora(split: str) -> list[tuple[str, Path]]:
    found = [("wikinews", WIKINEWS)] if WIKINEWS.is_dir() else []
    if OUTLETS.is_dir():
        for outlet in sorted(p for p in OUTLETS.iterdir() if p.is_dir()):
            for part in (SPLITS if split == "all" else [split]):
                if (outlet / part).is_dir():
                    found.append((f"{outlet.name}/{part}", outlet / part))
    return found


def load_reviews() -> dict[tuple[str, str, str, str, str], str]:
    """(outlet, file, line, col, rule) -> verdict, from every sheet in benchmarks/reviews/."""
    verdicts = {}
    for sheet in sorted(REVIEWS.glob("*.tsv")) if REVIEWS.is_dir() else []:
        with sheet.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                key = (row["outlet"].split("/")[0], row["file"], row["line"], row["col"], row["rule"])
                verdicts[key] = row["verdict"].strip().lower()
    return verdicts


def run_newslint(folder: Path, config: Path | None) -> list[dict]:
    cmd = [sys.executable, "-m", "newslint", "check", str(folder), "-f", "json", "--no-cache"]
    if config:
        cmd += ["--config", str(config)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"newslint failed on {folder}: {out.stderr.strip()}")
    return json.loads(out.stdout)["findings"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append", help="a folder of articles (repeatable); default: all")
    ap.add_argument("--split", choices=(*SPLITS, "all"), default="dev",
                    help="which split of each outlet: dev (tune), heldout (report), fresh (confirm, unread)")
    ap.add_argument("--config", type=Path)
    ap.add_argument("--list", action="store_true", help="also list every finding with its verdict")
    ap.add_argument("--review-sheet", type=Path, help="write every finding as a TSV to classify by hand")
    args = ap.parse_args()
    targets = [(p.name, p) for p in args.corpus] if args.corpus else corpora(args.split)
    verdicts = load_reviews()
    sheet_rows = []
    print(f"{'outlet':<28} {'words':>9} {'findings':>8} {'real':>5} {'false':>6} {'unrev.':>6} {'false/1k':>9}  goal {GOAL}")
    per_rule_all: dict[str, Counter] = defaultdict(Counter)
    for name, folder in targets:
        files = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md"))
        total = sum(words(p) for p in files)
        findings = run_newslint(folder, args.config)
        outlet = name.split("/")[0]
        counts, per_rule = Counter(), defaultdict(Counter)
        for f in findings:
            file = Path(f["path"]).name
            verdict = verdicts.get((outlet, file, str(f["line"]), str(f["col"]), f["rule"]), "unreviewed")
            counts[verdict] += 1
            per_rule[f["rule"]][verdict] += 1
            per_rule_all[f["rule"]][verdict] += 1
            sheet_rows.append([name, file, f["line"], f["col"], f["rule"], f["match"], "" if verdict == "unreviewed" else verdict,
                               f["message"]])
            if args.list:
                print(f"  {verdict:<10} {name}/{file}:{f['line']}:{f['col']}: {f['rule']} {f['match']!r}")
        false = counts["false"] + counts["unreviewed"]
        rate = 1000 * false / total if total else 0.0
        print(f"{name:<28} {total:>9,} {len(findings):>8} {counts['real']:>5} {counts['false']:>6} {counts['unreviewed']:>6} "
              f"{rate:>9.3f}  {'ok' if rate <= GOAL else 'OVER'}")
        for rule, c in sorted(per_rule.items(), key=lambda kv: -sum(kv[1].values())):
            wrong = c["false"] + c["unreviewed"]
            print(f"    {rule:<30} {sum(c.values()):>4} found, {c['real']:>3} real, {wrong:>3} false/unreviewed "
                  f"({1000 * wrong / total if total else 0:.3f} per 1k)")
    if args.review_sheet:
        with args.review_sheet.open("w", encoding="utf-8", newline="") as f:
            w = csv.writer(f, delimiter="\t", lineterminator="\n")
            w.writerow(["outlet", "file", "line", "col", "rule", "match", "verdict", "note"])
            w.writerows(sheet_rows)
        print(f"wrote {len(sheet_rows)} findings to {args.review_sheet}")


if __name__ == "__main__":
    main()
