"""Parsing only what NLP rules could flag: the same findings as parsing everything, for less parsing.

    python benchmarks/gating.py [--corpus ../shared/corpus/articles] [--limit N] [--seed 1]

Runs `newslint check` (default rules, --jobs 1, no cache) twice over each set, gated and with
--parse-all, and compares the findings; prints the share of prose each rule's prefilter sends
to spaCy and the wall-time ratio. The sets:
  1. the corpus: Wikinews articles (https://en.wikinews.org), CC BY 2.5;
  2. the planted-damage benchmark: benchmarks/corruption.py's damaged copies of the first
     N articles (every class), so the prefilters are held to text with damage in it.
Exit 1 when the findings differ (each difference is printed).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"


def run(folder: Path, parse_all: bool) -> tuple[list[dict], float]:
    env = {**os.environ, "NEWSLINT_PARSE_ALL": "1" if parse_all else ""}
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "newslint", "check", str(folder), "-f", "json", "--no-cache",
                          "--jobs", "1"], capture_output=True, text=True, env=env, cwd=folder)
    elapsed = time.perf_counter() - t
    if out.returncode not in (0, 1):
        sys.exit(f"newslint failed (exit {out.returncode}): {out.stderr[-2000:]}")
    return json.loads(out.stdout)["findings"], elapsed


def differences(gated: list[dict], full: list[dict]) -> list[str]:
    key = lambda f: json.dumps(f, sort_keys=True)  # noqa: E731
    a, b = Counter(map(key, gated)), Counter(map(key, full))
    return [f"missed by the gate: {k}" for k in b - a] + [f"only when gated: {k}" for k in a - b]


def shares(folder: Path) -> dict[str, tuple[int, int]]:
    """Per NLP rule: (words in the blocks its prefilter sends to spaCy, words in all prose blocks)."""
    sys.path.insert(0, str(ROOT / "src"))
    from newslint import nlp
    from newslint.config import default_config
    from newslint.document.reader import read_document

    checks = [c for c in default_config().checks_for("x.md")[0] if c.needs_nlp]
    counts = {c.rule.name: [0, 0] for c in checks}
    counts["any"] = [0, 0]
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        doc = read_document(path)
        sizes = [len(doc.prose[b.start : b.end].split()) for b in nlp.blocks(doc)]
        union: set[int] = set()
        for c in checks:
            wanted = nlp.wanted(c, doc)
            chosen = range(len(sizes)) if wanted is None else wanted
            union.update(chosen)
            counts[c.rule.name][0] += sum(sizes[i] for i in chosen)
            counts[c.rule.name][1] += sum(sizes)
        counts["any"][0] += sum(sizes[i] for i in union)
        counts["any"][1] += sum(sizes)
    return {k: (v[0], v[1]) for k, v in counts.items()}


def planted(corpus: Path, limit: int, seed: int, out: Path) -> None:
    spec = importlib.util.spec_from_file_location("corruption", ROOT / "benchmarks" / "corruption.py")
    corruption = importlib.util.module_from_spec(spec)
    sys.modules["corruption"] = corruption
    spec.loader.exec_module(corruption)
    files = sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md"))[:limit]
    corruption.plant(corpus, files, list(corruption.CLASSES), seed, out)


def compare(name: str, folder: Path) -> list[str]:
    gated, t_gated = run(folder, False)
    full, t_full = run(folder, True)
    diff = differences(gated, full)
    print(f"{name}: {len(full)} findings with --parse-all, {len(gated)} gated, {len(diff)} differences; "
          f"wall time parse-all/gated {t_full:.1f}/{t_gated:.1f} s = {t_full / t_gated:.2f}x")
    for rule, (parsed, total) in shares(folder).items():
        print(f"    {rule:<26} parses {parsed:>8,} of {total:>8,} words ({parsed / max(total, 1):.1%})")
    for d in diff:
        print("   ", d[:400])
    return diff


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--limit", type=int, default=40, help="articles to plant damage in (default 40; 0: none)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--skip-corpus", action="store_true", help="only the planted set")
    args = ap.parse_args(argv)
    diff = [] if args.skip_corpus else compare("corpus", args.corpus)
    if args.limit:
        with tempfile.TemporaryDirectory(prefix="newslint-gating-") as tmp:
            planted(args.corpus, args.limit, args.seed, Path(tmp))
            diff += compare(f"planted damage ({args.limit} articles, every class, seed {args.seed})", Path(tmp))
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
