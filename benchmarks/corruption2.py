"""A second, independent defect generator: recall and precision of newslint on damage worded by someone else.

    python benchmarks/corruption2.py [--split dev|heldout|all] [--seed 1] [--classes variant,names]
                                     [--limit 100] [--corpus DIR ...] [--show-misses] [--json] [--keep DIR]
                                     [--vocab benchmarks/corruption3_vocab.yaml]

benchmarks/corruption.py plants its defects in newslint's own vocabulary, so its recall says little
about unseen copy. This generator was written apart from it and from newslint's rules: its word
lists are in benchmarks/corruption2_vocab.yaml, and every item of them falls, by a hash of its text,
into a `dev` half (look at its misses, tune the rules) or a `heldout` half (do not look; measure).
`--split` chooses the half whose items are planted (`all`: both, recall reported per half).
`--vocab` takes another author's vocabulary in the same shape: corruption3_vocab.yaml (a third author)
and corruption4_vocab.yaml (a fourth, written after the third's held-out misses had been seen by
mistake, so that held-out figures stay honest). Read `--show-misses` through `grep '; dev]'` only.

For every article and every class, one copy gets ONE defect, planted at a random, plausible place:
inside a prose paragraph of the body, outside quotations where the defect would be legitimate inside
one (the headline for `sitename`). A class that cannot be planted in an article (no word family
used twice, no name used twice, first person already used by the story ...) skips it. A clean copy
of every article is checked in the same run: `python -m newslint check DIR -f json --no-cache`.

Printed per class: planted, detected (a finding of the class's rule(s) overlapping the planted span),
recall (per split with --split all), target, recall by kind and by corpus; per rule: findings on the
corrupted copies, true positives (overlapping the edit), pre-existing (the same rule at the same place
in the clean copy: not counted), false alarms, precision = TP / (TP + false alarms).

Default corpora: ../shared/corpus/articles (Wikinews, CC BY 2.5) and, where present, the held-out
halves of the other outlets, benchmarks/outlets/*/heldout (scripts/build_outlets.py); --limit articles
of each (default 100). Same --seed, same corpora, same vocabulary: same defects.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
VOCAB_FILE = Path(__file__).with_name("corruption2_vocab.yaml")
WIKINEWS = ROOT.parent / "shared" / "corpus" / "articles"
OUTLETS = ROOT / "benchmarks" / "outlets"

RULES: dict[str, tuple[str, ...]] = {
    "variant": ("Newsroom.Variants",),
    "garbled": ("Newsroom.Fragment",),
    "firstperson": ("Newsroom.FirstPerson",),
    "furniture": ("Newsroom.Boilerplate",),
    "sitename": ("Newsroom.TitleSuffix",),
    "names": ("Newsroom.NameConsistency", "Newsroom.KnownNames"),
    "placeholder": ("Newsroom.Placeholder",),
    "bracket": ("Newsroom.BracketOutsideQuote",),
    "fragment": ("Newsroom.Fragment",),
}
TARGET = {c: 0.90 for c in RULES} | {"garbled": 0.85}  # the goals (#13)
SPLITS = ("dev", "heldout")


def split_of(item: str) -> str:
    """The half of the vocabulary an item belongs to: a fixed function of its text."""
    return SPLITS[hashlib.sha256(item.strip().encode("utf-8")).digest()[0] & 1]


def in_split(item: str, split: str) -> bool:
    return split == "all" or split_of(item) == split


def load_vocab(path: Path = VOCAB_FILE) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


# --- reading an article ------------------------------------------------------------------------

QUOTE_CHARS = "“”\""
# a full stop after one of these is not the end of a sentence
ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Gov|Sen|Rep|Lt|Col|Capt|Sgt|Prof|Rev|No|Inc|Corp|"
                    r"Ltd|Co|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Mt|Ft|[A-Z])|(?:\b[A-Za-z]\.)+[A-Za-z])$")
SENT_END = re.compile(r"[.!?]+[\"”’)]*(?=\s+[\"“‘(\[A-Z0-9]|\s*$)")


@dataclass
class Para:
    start: int  # offset of the paragraph in the article
    text: str

    def __post_init__(self):
        # inq[i]: inside a quotation just before character i (len(text) + 1 entries)
        self.inq, state, straight = [False], False, False
        for ch in self.text:
            if ch == "“":
                state = True
            elif ch == "”":
                state = False
            elif ch == '"':
                straight = not straight
            self.inq.append(state or straight)
        self.sentences = []  # (start, end) in paragraph offsets, end just after the final punctuation
        s = 0
        for m in SENT_END.finditer(self.text):
            if self.text[m.start()] == "." and ABBREV.search(self.text[:m.start()]):
                continue
            self.sentences.append((s, m.end()))
            s = m.end() + len(self.text[m.end():]) - len(self.text[m.end():].lstrip())

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    def outside(self, a: int, b: int) -> bool:
        """Paragraph offsets [a, b) lie outside every quotation and hold no quotation mark."""
        return not any(self.inq[a:b + 1]) and not any(c in QUOTE_CHARS for c in self.text[a:b])

    def ends_outside(self, full_stop_only: bool = False) -> list[int]:
        """Document offsets just after a sentence's end, where the text is outside quotations."""
        out = []
        for _, e in self.sentences:
            if not self.inq[e] and (not full_stop_only or self.text[:e].rstrip("\"”’)").endswith(".")):
                out.append(self.start + e)
        return out


class Doc:
    def __init__(self, text: str, ext: str):
        self.text, self.ext = text, ext
        if ext == ".md" and text.startswith("---"):
            body = text.index("\n---", 3) + 4
            m = re.search(r'^title:[ \t]*"?(.*?)"?[ \t]*$', text[:body], re.M)
            self.title = (m.start(1), m.end(1)) if m else None
        else:
            nl = text.find("\n")
            self.title = (0, nl if nl >= 0 else len(text))
            body = self.title[1]
        self.paras: list[Para] = []
        for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[body:]):
            s = m.group(0)
            if re.match(r"\s*(?:[#>|*+-]|\d+[.)]\s|!?\[)", s) or len(s.split()) < 6:
                continue
            if not re.search(r"[.!?][\"”’)]*\s*$", s):
                continue
            self.paras.append(Para(body + m.start(), s))

    def para_at(self, pos: int) -> Para | None:
        return next((p for p in self.paras if p.start <= pos < p.end), None)

    def outside(self, a: int, b: int) -> bool:
        p = self.para_at(a)
        return p is not None and b <= p.end and p.outside(a - p.start, b - p.start)

    def sentence_start(self, pos: int) -> bool:
        return bool(re.search(r"(?:^|\n|[.!?][\"”’)]*\s+|[“\"‘]\s*)$", self.text[max(0, pos - 6):pos]))


@dataclass
class Plant:
    start: int  # the edit, in clean offsets: text[start:end] -> repl
    end: int
    repl: str
    span: tuple[int, int]  # the defect, in corrupted offsets
    kind: str
    key: str  # the vocabulary item (or name) that decides the split
    note: str
    accept: list = field(default_factory=list)  # other spans (corrupted offsets) that count too: a 1:1 tie

    def shift(self, a: int, b: int) -> tuple[int, int]:
        """A span of the clean text outside the edit -> the same span in the corrupted text."""
        d = len(self.repl) - (self.end - self.start)
        return (a, b) if b <= self.start else (a + d, b + d)

    @property
    def split(self) -> str:
        return split_of(self.key)

    def apply(self, text: str) -> str:
        return text[:self.start] + self.repl + text[self.end:]


def insertion(pos: int, before: str, item: str, after: str, kind: str, key: str, note: str = "") -> Plant:
    a = pos + len(before)
    return Plant(pos, pos, before + item + after, (a, a + len(item)), kind, key, note or repr(item))


def pick(rng: random.Random, items: list, split: str, key=lambda x: x):
    items = [x for x in items if in_split(key(x), split)]
    return rng.choice(items) if items else None


def flat(section: dict) -> list[tuple[str, str]]:
    """{kind: [item, ...]} -> [(kind, item), ...]"""
    return [(k, item) for k, items in section.items() for item in items]


# --- the planters: each returns a Plant, or None when the article cannot take the class --------

def plant_variant(doc: Doc, rng: random.Random, V: dict, split: str) -> Plant | None:
    text, options = doc.text, []
    for kind, lines in V["variant"].items():
        for line in lines:
            pairs = [tuple(x.strip() for x in p.split("/")) for p in line.split(",")]
            key = "/".join(pairs[0])
            if not in_split(key, split):
                continue
            exact = any(c.isupper() for c in key)
            flags = 0 if exact else re.I

            def find(form):
                return re.finditer(r"(?<![\w])" + re.escape(form) + r"(?![\w])", text, flags)

            for side in (0, 1):
                if any(True for p in pairs for _ in find(p[1 - side])):
                    continue  # the story already uses the other spelling
                uses, eligible = [], []
                for p in pairs:
                    for m in find(p[side]):
                        w = m.group(0)
                        if not exact and w != p[side] and not (w == p[side][0].upper() + p[side][1:]
                                                               and doc.sentence_start(m.start())):
                            continue  # a proper noun (Labour Party) or a headline in capitals
                        uses.append((m.start(), m.end()))
                        after = text[m.end():m.end() + 3]
                        if exact and kind != "dotted titles" and (
                                after.startswith(".") or re.match(r"\s*(?:$|\n)", after)
                                or (w.endswith(".") and re.match(r"\s+[A-Z“\"]", after))):
                            continue  # a dotted form could be ending the sentence
                        if doc.outside(m.start(), m.end()):
                            new = p[1 - side]
                            if w[0].isupper() and not exact:
                                new = new[0].upper() + new[1:]
                            eligible.append((m.start(), m.end(), w, new))
                if len(uses) >= 2 and eligible:
                    options.append((kind, key, uses, eligible))
    if not options:
        return None
    kind, key, uses, eligible = rng.choice(options)
    s, e, old, new = rng.choice(eligible)
    note = f"{old} -> {new} (the story uses {old!r}'s spelling {len(uses)}x)"
    pl = Plant(s, e, new, (s, s + len(new)), kind, key, note)
    if len(uses) == 2:  # one of each spelling is left: either may be called the odd one
        pl.accept = [pl.shift(a, b) for a, b in uses if a != s]
    return pl


WORD = re.compile(r"\S+")


def plant_garbled(doc: Doc, rng: random.Random, V: dict, split: str) -> Plant | None:
    pairs = {p for p in V["garbled_pairs"] if in_split(p, split)}
    collide, splice = [], []
    for para in doc.paras:
        sents = [(s, e) for s, e in para.sentences if para.outside(s, e)]
        for s, e in sents:  # a chunk cut out so that two function words collide
            toks = list(WORD.finditer(para.text, s, e))
            for i, a in enumerate(toks):
                for j in range(i + 2, min(i + 8, len(toks))):
                    b = toks[j]
                    if re.search(r"[.!?;:()\[\]]", para.text[a.start():b.start()]):
                        break
                    if f"{a.group()} {b.group()}" in pairs:
                        collide.append((para.start + a.end(), para.start + b.start(), a.group(), b.group()))
        for (s1, e1), (s2, e2) in zip(sents, sents[1:]):  # two sentences spliced mid-clause
            t1, t2 = list(WORD.finditer(para.text, s1, e1)), list(WORD.finditer(para.text, s2, e2))
            if len(t1) < 8 or len(t2) < 6:
                continue
            for k in range(3, len(t1) - 2):
                if not re.fullmatch(r"[A-Za-z]+", t1[k - 1].group()):
                    continue
                for m in range(2, len(t2) - 2):
                    w1, w2 = t1[k - 1].group(), t2[m].group()
                    if re.fullmatch(r"[a-z]+", w2) and w1.lower() != w2 and in_split(f"{w1.lower()} {w2}", split):
                        splice.append((para.start + t1[k - 1].end(), para.start + t2[m].start(), w1, w2))
    kinds = [k for k, c in (("collision", collide), ("splice", splice)) if c]
    if not kinds:
        return None
    kind = rng.choice(kinds)
    s, e, w1, w2 = rng.choice(collide if kind == "collision" else splice)
    key = f"{w1} {w2}" if kind == "collision" else f"{w1.lower()} {w2}"
    cut = doc.text[s:e].strip()
    return Plant(s, e, " ", (s - len(w1), s + 1 + len(w2)), kind, key, f"{w1} [{cut}] {w2}")


FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|me|my|My|mine|we|We|our|Our|ours|us)\b")


def plant_firstperson(doc: Doc, rng: random.Random, V: dict, split: str) -> Plant | None:
    for p in doc.paras:
        if any(p.outside(m.start(), m.end()) for m in FIRST_PERSON.finditer(p.text)):
            return None  # the story speaks in the first person itself: an aside would not be a defect
    ends = [e for p in doc.paras for e in p.ends_outside()]
    item = pick(rng, V["firstperson"], split)
    if not ends or item is None:
        return None
    kind = "singular" if re.search(r"\b(?:I|me|my|My)\b", item) else "plural"
    return insertion(rng.choice(ends), " ", item, "", kind, item)


def plant_furniture(doc: Doc, rng: random.Random, V: dict, split: str) -> Plant | None:
    got = pick(rng, flat(V["furniture"]), split, key=lambda x: x[1])
    if not doc.paras or got is None:
        return None
    return insertion(rng.choice(doc.paras).end, "\n\n", got[1], "", got[0], got[1])


def plant_sitename(doc: Doc, rng: random.Random, V: dict, split: str) -> Plant | None:
    S = V["sitename"]
    site = pick(rng, S["sites"], split)
    if doc.title is None or doc.title[1] - doc.title[0] < 3 or site is None:
        return None
    sep = rng.choice(S["separators"])
    tagline = pick(rng, S["taglines"], split) if rng.random() < 0.3 else None
    item = sep.lstrip() + site + (f": {tagline}" if tagline else "")
    return insertion(doc.title[1], sep[:len(sep) - len(sep.lstrip())], item, "",
                     f"{sep.strip()!r}" + (" + tagline" if tagline else ""), site)


VOWELS = {"a": "eo", "e": "ai", "i": "ey", "o": "ua", "u": "oa", "y": "i"}


def misspell(rng: random.Random, w: str, kind: str, rules: list[str]) -> str | None:
    n = len(w)
    if kind == "dropped letter":
        i = rng.randrange(1, n - 1)
        return w[:i] + w[i + 1:]
    if kind == "doubled letter":
        at = [i for i in range(1, n - 1) if w[i] not in "aeiouy" and w[i] not in (w[i - 1], w[i + 1])]
        return (lambda i: w[:i] + w[i] + w[i:])(rng.choice(at)) if at else None
    if kind == "transposition":
        at = [i for i in range(1, n - 2) if w[i] != w[i + 1]]
        return (lambda i: w[:i] + w[i + 1] + w[i] + w[i + 2:])(rng.choice(at)) if at else None
    if kind == "vowel swap":
        at = [i for i in range(1, n) if w[i] in VOWELS]
        return (lambda i: w[:i] + rng.choice(VOWELS[w[i]]) + w[i + 1:])(rng.choice(at)) if at else None
    low = w.lower()
    usable = [r for r in rules if r.split(">")[0] in low]
    if not usable:
        return None
    a, b = rng.choice(usable).split(">")
    i = rng.choice([m.start() for m in re.finditer(re.escape(a), low)])
    out = low[:i] + b + low[i + len(a):]
    return out[0].upper() + out[1:]


OFFENSIVE = re.compile(r"nigg|fag|cunt|shit|fuck|rape|slut|whore|cock|dick|twat|piss|kike|spic|chink|gook|wank", re.I)


def plausible(w: str, name: str) -> bool:
    """A misspelling a hurried reporter could type: a vowel left (Trry is not), no tripled letter, no 'cx'
    or 'ckk', no longer run of consonants than the name has (or 3)."""
    def run(x):
        return max(map(len, re.findall(r"[^aeiouy]+", x.lower())), default=0)
    vowel = re.search(r"[aeiou]", w.lower()[1:]) or not re.search(r"[aeiou]", name.lower()[1:])
    if OFFENSIVE.search(w) and not OFFENSIVE.search(name):  # Niger -> (doubled g): never plant a slur
        return False
    return (len(w) >= 4 and vowel and run(w) <= max(3, run(name))
            and not re.search(r"(.)\1\1|cx|xc|ckk|kck", w.lower()))


def name_at(w: str) -> str:
    """A whole name (Manafort's counts, the Brien of O'Brien does not)."""
    return r"(?<![\w’'-])" + w + r"(?![\w-])"


def plant_names(doc: Doc, rng: random.Random, V: dict, split: str) -> Plant | None:
    text, stop = doc.text, set(V["not_names"])
    # a word the corpus also writes in lower case is a common word (Situations, Federal), not a name
    lower_words = set(re.findall(r"\b[a-z]+\b", text)) | V.get("_lowercase_words", set())
    body = [(m.start(), m.end(), m.group()) for p in doc.paras
            for m in re.finditer(name_at("[A-Z][a-z]{3,}"), p.text)]
    uses = Counter(w for _, _, w in body)
    names = sorted(w for w, n in uses.items() if n >= 2 and w not in stop and w.lower() not in lower_words
                   and not re.search(r"(?:ian|ians|ean|eans|ese|ish)$", w)  # a demonym: Egyptian, Chinese
                   and any(not doc.sentence_start(s + p.start) for p in doc.paras
                           for s in (m.start() for m in re.finditer(name_at(w), p.text))))
    name = pick(rng, names, split)
    if name is None:
        return None
    spots = [(p.start + m.start(), p.start + m.end()) for p in doc.paras for m in re.finditer(name_at(name), p.text)]
    s, e = rng.choice(spots)
    every = [(m.start(), m.end()) for m in re.finditer(name_at(name), text)]
    rules = [r for r in V["names_translit"] if in_split(r, split)]
    kinds = ["dropped letter", "doubled letter", "transposition", "vowel swap", "transliteration"]
    rng.shuffle(kinds)
    for kind in kinds:
        new = misspell(rng, name, kind, rules)
        if (new and new != name and plausible(new, name) and new.lower() not in text.lower()
                and new.lower() not in lower_words):  # Iran -> Iron is a real word, another kind of slip
            pl = Plant(s, e, new, (s, s + len(new)), kind, name, f"{name} -> {new} ({len(every)} uses)")
            if len(every) == 2:  # one of each spelling is left: either may be called the odd one
                pl.accept = [pl.shift(a, b) for a, b in every if a != s]
            return pl
    return None


YEAR = re.compile(r"(?:1[89]|20)\d\d")


def plant_placeholder(doc: Doc, rng: random.Random, V: dict, split: str) -> Plant | None:
    P, stop = V["placeholder"], set(V["not_names"])
    kinds = ["number", "name", "text"]
    rng.shuffle(kinds)
    for kind in kinds:
        item = pick(rng, P[kind], split)
        if item is None:
            continue
        if kind == "text":
            if rng.random() < 0.5:
                ends = [e for p in doc.paras for e in p.ends_outside()]
                if ends:
                    return insertion(rng.choice(ends), " ", item, "", "text in a paragraph", item)
            if doc.paras:
                return insertion(rng.choice(doc.paras).end, "\n\n", item, "", "text as a paragraph", item)
            continue
        pat = (r"(?<![\w.,$£€-])(\d+(?:,\d{3})*(?:\.\d+)?)(?![\w-])" if kind == "number"
               else r"\b[a-z]+,? ([A-Z][a-z]+(?: [A-Z][a-z]+)*)")  # a name after a lower-case word
        spots = [(p.start + m.start(1), p.start + m.end(1), m.group(1)) for p in doc.paras
                 for m in re.finditer(pat, p.text) if p.outside(m.start(1), m.end(1))
                 and not YEAR.fullmatch(m.group(1)) and m.group(1).split()[0] not in stop]
        if spots:
            s, e, old = rng.choice(spots)
            return Plant(s, e, item, (s, s + len(item)), kind, item, f"{old!r} -> {item!r}")
    return None


def plant_bracket(doc: Doc, rng: random.Random, V: dict, split: str) -> Plant | None:
    B = V["bracket"]
    kinds = list(B)
    rng.shuffle(kinds)
    for kind in kinds:
        item = pick(rng, B[kind], split)
        if item is None:
            continue
        if kind == "paragraph_tag":
            spots = [p.start for p in doc.paras]
        elif kind == "footnote":
            spots = [e for p in doc.paras for e in p.ends_outside()]
        elif kind == "after_quote":  # just after a closing quotation mark
            spots = [p.start + i + 1 for p in doc.paras for i, c in enumerate(p.text)
                     if c in "”\"" and p.inq[i] and not p.inq[i + 1] and p.text[i + 1:i + 2] in (" ", ",", ".", "")]
        else:
            pat = r"\b(?:he|she|they|it|him|them)\b" if kind == "after_pronoun" else r"\bsaid\b"
            spots = [p.start + m.end() for p in doc.paras for m in re.finditer(pat, p.text)
                     if p.outside(m.start(), m.end())]
        if spots:
            pos = rng.choice(spots)
            if kind == "paragraph_tag":
                return insertion(pos, "", item, " ", kind, item)
            return insertion(pos, "" if kind == "footnote" else " ", item, "", kind, item)
    return None


def plant_fragment(doc: Doc, rng: random.Random, V: dict, split: str) -> Plant | None:
    got = pick(rng, flat(V["fragment"]), split, key=lambda x: x[1])
    ends = [e for p in doc.paras for e in p.ends_outside(full_stop_only=True)]
    if got is None or not ends:
        return None
    pos = rng.choice(ends)
    kind = got[0] + (" after a quote" if doc.text[pos - 1] in "”\"" else "")
    return insertion(pos, " ", got[1], "", kind, got[1])


PLANTERS = {c: globals()[f"plant_{c}"] for c in RULES}


# --- the run -----------------------------------------------------------------------------------

def corpus_label(d: Path) -> str:
    if d.name in ("dev", "heldout"):
        return d.parent.name
    return "wikinews" if d.resolve() == WIKINEWS.resolve() else d.name


def offsets(text: str):
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    return lambda line, col: starts[line - 1] + col - 1


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, action="append",
                    help="a folder of .txt/.md articles (repeatable; default: Wikinews + outlets/*/heldout)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--classes", default=",".join(RULES), help="comma-separated: " + ",".join(RULES))
    ap.add_argument("--limit", type=int, default=100, help="articles per corpus (default 100; 0: all)")
    ap.add_argument("--split", choices=("dev", "heldout", "all"), default="all",
                    help="which half of the vocabulary to plant (default: all, reported per half)")
    ap.add_argument("--show-misses", action="store_true", help="list every missed defect and false alarm")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--keep", type=Path, help="write the corrupted copies here and keep them")
    ap.add_argument("--vocab", type=Path, default=VOCAB_FILE,
                    help="the damage's vocabulary (default corruption2_vocab.yaml; a section it lacks is "
                         "taken from there): benchmarks/corruption3_vocab.yaml and corruption4_vocab.yaml are a third and a fourth author's")
    args = ap.parse_args(argv)
    classes = [c.strip() for c in args.classes.split(",") if c.strip()]
    for c in classes:
        if c not in RULES:
            ap.error(f"unknown class {c!r}; choose from {', '.join(RULES)}")
    corpora = args.corpus or [d for d in [WIKINEWS, *sorted(OUTLETS.glob("*/heldout"))] if d.is_dir()]
    if not corpora:
        ap.error("no corpus: pass --corpus DIR")
    V = load_vocab() | load_vocab(args.vocab)
    V["_lowercase_words"] = {w for d in corpora for p in d.iterdir() if p.suffix in (".txt", ".md")
                             for w in re.findall(r"\b[a-z]+\b", p.read_text(encoding="utf-8"))}
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="newslint-corruption2-"))
    tmp.mkdir(parents=True, exist_ok=True)
    plants: dict[str, tuple[str, str, Plant]] = {}  # copy -> (class, clean copy, plant)
    texts: dict[str, str] = {}
    skipped, n_articles = Counter(), 0
    for d in corpora:
        label = corpus_label(d)
        files = sorted(p for p in d.iterdir() if p.suffix in (".txt", ".md"))
        for p in files[: args.limit or None]:
            n_articles += 1
            text = p.read_text(encoding="utf-8")
            doc, base = Doc(text, p.suffix), f"{label}__{p.name}"
            texts["clean/" + base] = text
            for c in classes:
                rng = random.Random(f"{args.seed}:{label}/{p.name}:{c}")
                plant = PLANTERS[c](doc, rng, V, args.split)
                if plant is None:
                    skipped[c] += 1
                    continue
                texts[f"{c}/{base}"] = plant.apply(text)
                plants[f"{c}/{base}"] = (c, "clean/" + base, plant)
    for rel, t in texts.items():
        (tmp / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp / rel).write_text(t, encoding="utf-8")
    t0 = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "newslint", "check", str(tmp), "-f", "json", "--no-cache"],
                         capture_output=True, text=True, cwd=tmp)
    elapsed = time.perf_counter() - t0
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        sys.exit(f"newslint failed (exit {out.returncode}):\n{out.stderr[-3000:]}")
    findings = defaultdict(list)
    for f in report["findings"]:
        rel = Path(f["path"]).resolve().relative_to(tmp.resolve()).as_posix()
        at = offsets(texts[rel])
        f["_s"] = at(f["line"], f["col"])
        f["_e"] = max(at(f["end_line"], f["end_col"]), f["_s"] + 1)
        findings[rel].append(f)
    clean = {rel: {(f["rule"], f["_s"], f["_e"]) for f in fs}
             for rel, fs in findings.items() if rel.startswith("clean/")}

    def hits(f, a, b):
        return f["_s"] < b and a < f["_e"]

    def to_clean(pl: Plant, off: int) -> int | None:
        if off < pl.start:
            return off
        return off - pl.start - len(pl.repl) + pl.end if off >= pl.start + len(pl.repl) else None

    planted, detected = defaultdict(Counter), defaultdict(Counter)  # class -> (split|kind|corpus) -> n
    misses, rules, alarms = defaultdict(list), defaultdict(Counter), defaultdict(list)
    for name, (c, cl, pl) in plants.items():
        fs = findings.get(name, [])
        spans = [pl.span, *pl.accept]
        found = any(f["rule"] in RULES[c] and any(hits(f, *sp) for sp in spans) for f in fs)
        for k in ("all", pl.split, "kind:" + pl.kind, "corpus:" + name.split("/")[1].split("__")[0]):
            planted[c][k] += 1
            detected[c][k] += found
        if not found:
            misses[c].append((name, pl))
        edit = (pl.start, pl.start + len(pl.repl))
        for f in fs:
            r = rules[f["rule"]]
            r["findings"] += 1
            if hits(f, *edit) or any(hits(f, *sp) for sp in spans):
                r["tp"] += 1
            elif (f["rule"], to_clean(pl, f["_s"]), to_clean(pl, f["_e"])) in clean.get(cl, set()):
                r["pre"] += 1
            else:
                r["fa"] += 1
                alarms[f["rule"]].append((name, pl, f))
    figures = {"split": args.split, "seed": args.seed, "articles": n_articles, "files": len(texts),
               "elapsed": elapsed, "classes": {}, "rules": {}}
    print(f"{n_articles} articles from {', '.join(corpus_label(d) for d in corpora)}; split {args.split}, "
          f"seed {args.seed}: {len(plants)} defects planted, {len(texts)} files checked in {elapsed:.1f} s\n")
    if report.get("errors") or report.get("summary", {}).get("unchecked"):
        print(f"  WARNING: newslint could not check everything: {len(report.get('errors', []))} errors, "
              f"{report['summary'].get('unchecked', 0)} unchecked; first: {report.get('errors', [''])[:1]}\n")
    figures["errors"] = len(report.get("errors", []))
    both = args.split == "all"
    print(f"  {'class':<12} {'rule(s)':<31} {'planted':>7} {'detected':>8} {'recall':>6} {'target':>6}"
          + ("  dev    heldout" if both else "") + "  skipped")

    def rec(c, k):
        return detected[c][k] / planted[c][k] if planted[c][k] else float("nan")

    for c in classes:
        figures["classes"][c] = {"planted": planted[c]["all"], "detected": detected[c]["all"], "recall": rec(c, "all"),
                                 "skipped": skipped[c]} | {f"recall_{s}": rec(c, s) for s in SPLITS}
        flag = "  < target" if planted[c]["all"] and rec(c, "all") < TARGET[c] else ""
        per = "".join(f"  {rec(c, s):5.2f} ({planted[c][s]:3d})"[:16].ljust(9) for s in SPLITS) if both else ""
        print(f"  {c:<12} {'/'.join(r.split('.')[1] for r in RULES[c]):<31} {planted[c]['all']:7d} "
              f"{detected[c]['all']:8d} {rec(c, 'all'):6.3f} {TARGET[c]:6.2f}{per}  {skipped[c]:5d}{flag}")
    print()
    for c in classes:
        for what in ("kind", "corpus"):
            ks = sorted(k for k in planted[c] if k.startswith(what + ":"))
            print(f"    {c:<11} by {what:<6} "
                  + ", ".join(f"{k.split(':', 1)[1]} {detected[c][k]}/{planted[c][k]}" for k in ks))
    print(f"\n  {'rule':<34} {'findings':>8} {'TP':>5} {'pre-existing':>12} {'false alarms':>12} {'precision':>9}")
    for rule in sorted(rules):
        r = rules[rule]
        prec = r["tp"] / (r["tp"] + r["fa"]) if r["tp"] + r["fa"] else float("nan")
        figures["rules"][rule] = dict(r) | {"precision": prec}
        print(f"  {rule:<34} {r['findings']:8d} {r['tp']:5d} {r['pre']:12d} {r['fa']:12d} {prec:9.3f}")
    if args.show_misses:
        for c in classes:
            if misses[c]:
                print(f"\nmissed {c} ({len(misses[c])}):")
            for name, pl in misses[c]:
                t = texts[name]
                ctx = t[max(0, pl.span[0] - 60): pl.span[1] + 40].replace("\n", "⏎")
                fired = [f"{f['rule'].split('.')[1]}@{f['line']}:{f['col']}"
                         for f in findings.get(name, []) if f["rule"] in RULES[c]]
                print(f"  {name} [{pl.kind}; {pl.split}] {pl.note}  …{ctx}…"
                      + (f"  (fired elsewhere: {', '.join(fired)})" if fired else ""))
        for rule, items in sorted(alarms.items()):
            print(f"\nfalse alarms of {rule} ({len(items)}):")
            for name, pl, f in items:
                print(f"  {name}:{f['line']}:{f['col']}: {f['match']!r}: {f['message']}  (planted: {pl.note})")
    if args.json:
        print(json.dumps(figures))
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return figures


if __name__ == "__main__":
    main()
