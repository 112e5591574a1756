"""Rebuild src/newslint/checks/data/tagger_words.tsv: which words spaCy's tagger reads one way.

    python scripts/build_tagger_words.py [--mirror /work/.mirror]

The NLP checks parse only the paragraphs that could hold one of their findings
(see `newslint.gate`). Telling which from the words alone needs two short lists
about the English model's tagger, measured by running it over text newslint's
developers did not write:

* `verb`: words it tags VERB or AUX nearly every time it meets them (at least
  MIN_SHARE of at least MIN_VERB times): a sentence with one of them has a verb,
  so it is not verbless;
* `adp`: every word it tagged ADP (a preposition) at least once: only a
  sentence ending in one can be cut off after a preposition.

The text is that of scripts/build_junctions.py (GUM without its news and reddit
genres, UD English EWT dev and test, US presidents' addresses) and, when
scripts/build_outlets.py has built them, the dev halves of two outlets' news
(digitalgov: public domain; guardian-onestopenglish: CC BY-SA 4.0), with one
document in five held out: the held-out figures printed are how often the lists
would be wrong on text they were not built from.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "src"))

import build_junctions as sources  # noqa: E402  (the same documents and held-out split)

OUT = ROOT / "src" / "newslint" / "checks" / "data" / "tagger_words.tsv"
MIN_VERB = 5
MIN_SHARE = 0.99
VERBAL = ("VERB", "AUX")


def texts(mirror: Path):
    """(name, [paragraph text]) of every source document."""
    for name, conllu in sources.documents(mirror):
        yield name, [line[len("# text = "):] for line in conllu.splitlines() if line.startswith("# text = ")]
    for name, text in sources.raw_texts(mirror):
        yield name, [p for p in text.split("\n\n") if p.strip()]


OUTLETS = ROOT / "benchmarks" / "outlets"


def outlet_texts():
    """(name, [paragraph]) of the dev half of the openly licensed outlets (never their held-out half)."""
    for outlet in ("digitalgov", "guardian-onestopenglish"):
        for path in sorted((OUTLETS / outlet / "dev").glob("*.txt")):
            yield f"{outlet}/{path.name}", [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


def tag(docs, pipeline) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    from newslint import nlp

    paragraphs = [p for _, ps in docs for p in ps]
    for sdoc in nlp.pipe(pipeline, paragraphs):
        for t in sdoc:
            if t.is_alpha:
                counts[t.lower_][t.pos_] += 1
    return counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    from newslint import nlp

    nlp.need(("tagger", "parser"))  # as Newsroom.Fragment loads it
    pipeline = nlp.load()
    docs = list(texts(args.mirror)) + list(outlet_texts())
    if not docs:
        sys.exit(2)
    train = [d for d in docs if not sources.held_out(d[0])]
    test = [d for d in docs if sources.held_out(d[0])]
    counts = tag(train, pipeline)
    verbs = sorted(w for w, c in counts.items()
                   if sum(c.values()) >= MIN_VERB and sum(c[p] for p in VERBAL) >= MIN_SHARE * sum(c.values()))
    adps = sorted(w for w, c in counts.items() if c["ADP"])
    held = tag(test, pipeline)
    verb_set, adp_set = set(verbs), set(adps)
    verb_hits = sum(sum(c.values()) for w, c in held.items() if w in verb_set)
    verb_wrong = sum(n for w, c in held.items() if w in verb_set for p, n in c.items() if p not in VERBAL)
    adp_all = sum(c["ADP"] for c in held.values())
    adp_missed = sum(c["ADP"] for w, c in held.items() if w not in adp_set)
    tmp = args.out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write(f"# How spaCy's English tagger reads some words: built by scripts/build_tagger_words.py from "
                f"{len(train)} documents (GUM without news and reddit; UD English EWT dev and test, CC BY-SA 4.0; "
                f"US presidents' addresses, public domain).\n")
        f.write(f"# Held out ({len(test)} documents): 'verb' words tagged otherwise {verb_wrong} of {verb_hits} times; "
                f"ADP tokens whose word is not listed: {adp_missed} of {adp_all}.\n")
        for w in verbs:
            f.write(f"verb\t{w}\n")
        for w in adps:
            f.write(f"adp\t{w}\n")
    tmp.replace(args.out)
    print(f"{args.out}: {len(verbs)} verbs, {len(adps)} prepositions from {len(train)} documents; held out "
          f"({len(test)}): verbs tagged otherwise {verb_wrong}/{verb_hits}, ADP tokens not listed {adp_missed}/{adp_all}")


if __name__ == "__main__":
    main()
