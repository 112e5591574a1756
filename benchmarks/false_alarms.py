"""False alarms on clean published copy: findings per 1,000 words, per rule, with every finding listed.

    python benchmarks/false_alarms.py [--corpus ../shared/corpus/articles] [--config FILE] [--quiet]

The corpus is clean: news articles from Wikinews (https://en.wikinews.org), CC BY 2.5
(https://creativecommons.org/licenses/by/2.5/), article URLs in its MANIFEST.tsv. It keeps
the published copy's own slips, so read the findings: a true positive is not a false alarm.
Words are counted as the corpus README does: whitespace tokens of headline and body.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

from newslint.document.reader import read_document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"


def words(path: Path) -> int:
    doc = read_document(path)
    if doc.format == "md":
        title = doc.title
        body_start = max((b.end for b in doc.blocks if b.kind == "frontmatter"), default=0)
        head = doc.text[title.start : title.end] if title else ""
        return len(head.split()) + len(doc.text[body_start:].split())
    return len(doc.text.split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--config", type=Path)
    ap.add_argument("--quiet", action="store_true", help="only the table, not every finding")
    args = ap.parse_args()
    files = sorted(p for p in args.corpus.iterdir() if p.suffix in (".txt", ".md"))
    total = sum(words(p) for p in files)
    cmd = [sys.executable, "-m", "newslint", "check", str(args.corpus), "-f", "json", "--no-cache"]
    if args.config:
        cmd += ["--config", str(args.config)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    findings = json.loads(out.stdout)["findings"]
    per_rule = Counter(f["rule"] for f in findings)
    print(f"{len(files)} articles, {total:,} words, {len(findings)} findings: "
          f"{1000 * len(findings) / total:.3f} per 1,000 words")
    for rule, n in per_rule.most_common():
        print(f"  {rule:<34} {n:4d}  {1000 * n / total:.3f} per 1,000 words")
    if not args.quiet:
        print()
        for f in findings:
            print(f"{Path(f['path']).name}:{f['line']}:{f['col']}: {f['rule']} {f['match']!r}: {f['message']}")


if __name__ == "__main__":
    main()
