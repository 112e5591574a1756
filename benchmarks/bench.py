"""newslint's speed and memory, as ratios against reference tools measured in the same run.

    python benchmarks/bench.py [--copies 10] [--corpus ../shared/corpus/articles]

Prints six figures, each with its goal:
  1. words/s of `newslint check` (default rules, --jobs 1) / words/s of bare spaCy nlp.pipe (same model, same texts)
  2. words/s of `newslint check --no-nlp` / words/s of proselint on the same files   (needs: pip install proselint)
  3. wall time of --jobs 1 / wall time of --jobs 2 over N copies of the corpus
  4. cold run / warm re-run with the result cache
  5. one small file as a pre-commit hook runs it / `python -c "import spacy; spacy.load(MODEL)"`;
     and a file with no NLP rule / `python -c pass`
  6. peak RSS over N copies / peak RSS over 1 copy (--jobs 1)
The corpus: news articles from Wikinews (https://en.wikinews.org), CC BY 2.5.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
PY = sys.executable

RSS_WRAPPER = """
import sys
from newslint.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
# VmHWM, not ru_maxrss: Linux keeps ru_maxrss across exec, so it would report this
# benchmark's own size at the fork.
status = open("/proc/self/status").read()
print(next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmHWM:")), file=sys.stderr)
"""

def words(folder: Path) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in folder.rglob("*") if p.is_file())


def timed(cmd: list[str], repeat: int = 1, **kw) -> float:
    """Best wall time of `repeat` runs (best, not mean: the floor is what the code costs)."""
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
        best = min(best, time.perf_counter() - t)
    return best


def newslint(*args: str) -> list[str]:
    return [PY, "-m", "newslint", "check", *args]


def copies(src: Path, n: int, dest: Path) -> Path:
    for i in range(n):
        shutil.copytree(src, dest / f"copy{i:03}")
    return dest


def spacy_words_per_second(folder: Path) -> tuple[float, str]:
    """Bare `nlp.pipe` over the whole files, with the components the default rules load."""
    from newslint import nlp
    from newslint.config import default_config

    for check in default_config().checks:
        if check.needs_nlp:
            nlp.need(check.nlp_components)
    pipeline = nlp.load()
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*")) if p.is_file()]
    n = sum(len(t.split()) for t in texts)
    t = time.perf_counter()
    for _ in pipeline.pipe(texts):
        pass
    return n / (time.perf_counter() - t), f"{pipeline.meta.get('name', '?')}: {'+'.join(pipeline.pipe_names)}"


def line(n: int, label: str, ratio: float, goal: str, ok: bool, detail: str) -> None:
    print(f"{n}. {label:<44} {ratio:8.2f}x   goal {goal:<8} {'ok ' if ok else 'MISS'}  {detail}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    corpus = args.corpus.resolve()
    n_words = words(corpus)
    print(f"corpus: {corpus} ({n_words} words); copies: {args.copies}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        big = copies(corpus, args.copies, tmp / "big")
        big_words = n_words * args.copies

        # 1. full default rules vs bare spaCy
        spacy_wps, model = spacy_words_per_second(corpus)
        t = timed(newslint(str(corpus), "--no-cache", "--jobs", "1"), repeat=2)
        wps = n_words / t
        line(1, "newslint (all rules) / bare spaCy nlp.pipe", wps / spacy_wps, ">= 0.80", wps / spacy_wps >= 0.8,
             f"{wps:,.0f} vs {spacy_wps:,.0f} words/s ({model})")

        # 2. no-NLP rules vs proselint, both over the N copies (start-up amortised for both),
        # newslint as users run it (default --jobs: one worker per CPU)
        t = timed(newslint(str(big), "--no-cache", "--no-nlp"), repeat=2)
        no_nlp_wps = big_words / t
        if _has("proselint"):
            tp = timed([PY, "-m", "proselint", "check", str(big)], repeat=1)
            pro_wps = big_words / tp
            line(2, "newslint --no-nlp / proselint", no_nlp_wps / pro_wps, ">= 10", no_nlp_wps / pro_wps >= 10,
                 f"{no_nlp_wps:,.0f} vs {pro_wps:,.0f} words/s")
        else:
            print(f"2. newslint --no-nlp: {no_nlp_wps:,.0f} words/s (proselint not installed: pip install proselint)")

        # 3. jobs 2 vs jobs 1
        t1 = timed(newslint(str(big), "--no-cache", "--jobs", "1"))
        t2 = timed(newslint(str(big), "--no-cache", "--jobs", "2"))
        line(3, "--jobs 2 / --jobs 1 (speed-up)", t1 / t2, ">= 1.7", t1 / t2 >= 1.7,
             f"{t1:.1f}s vs {t2:.1f}s over {big_words:,} words")

        # 4. cache: cold vs warm
        cache = tmp / "cache"
        cold = timed(newslint(str(big), "--jobs", "1", "--cache-dir", str(cache)))
        warm = timed(newslint(str(big), "--jobs", "1", "--cache-dir", str(cache)), repeat=3)
        line(4, "cold run / warm cached re-run", cold / warm, ">= 20", cold / warm >= 20, f"{cold:.1f}s vs {warm:.2f}s")

        # 5. one small file in a hook
        small = sorted(corpus.glob("*.txt"), key=lambda p: p.stat().st_size)[0]
        from newslint.nlp import model_names

        load = timed([PY, "-c", f"import importlib; importlib.import_module({model_names()[-1]!r}).load()"], repeat=3)
        hook = timed(newslint(str(small), "--no-cache"), repeat=3)
        line(5, "one file (pre-commit) / spaCy load", hook / load, "<= 1.3", hook / load <= 1.3, f"{hook:.2f}s vs {load:.2f}s")
        bare = timed([PY, "-c", "pass"], repeat=5)
        no_nlp = timed(newslint(str(small), "--no-cache", "--no-nlp"), repeat=3)
        print(f"   one file, no NLP rule / python -c pass: {no_nlp / bare:.1f}x ({no_nlp:.2f}s vs {bare:.3f}s)")

        # 6. peak memory, 1x vs Nx
        rss1 = _rss(str(corpus))
        rssn = _rss(str(big))
        line(6, f"peak RSS {args.copies}x / 1x corpus", rssn / rss1, "<= 1.10", rssn / rss1 <= 1.10,
             f"{rssn / 1024:.0f} MB vs {rss1 / 1024:.0f} MB")


def _has(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def _rss(folder: str) -> int:
    proc = subprocess.run([PY, "-c", RSS_WRAPPER, "check", folder, "--no-cache", "--jobs", "1", "-f", "json"],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(proc.stderr.strip().splitlines()[-1])


if __name__ == "__main__":
    main()
