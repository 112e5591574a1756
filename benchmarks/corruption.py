"""Recall and precision on injected defects: the seed's damage, planted in clean published articles.

    python benchmarks/corruption.py [--seed 1] [--classes title,repeated] [--limit N] [--show-misses]
                                    [--corpus ../shared/corpus/articles] [--config FILE] [--no-nlp] [--keep DIR]

The corpus is clean: news articles from Wikinews (https://en.wikinews.org), CC BY 2.5
(https://creativecommons.org/licenses/by/2.5/), article URLs in its MANIFEST.tsv.

For every article and every defect class (the classes of seeds/gaza-ceasefire-talks.txt), one copy
of the article gets ONE defect of that class, planted at a random, plausible place (inside a real
paragraph of the body, outside quotations where the defect would be legitimate inside one; the
headline only for the title class). An article where a class cannot be planted (no name used twice,
no compound used twice ...) is skipped for that class. A clean copy of each article is checked in
the same run, `newslint check DIR -f json --no-cache`, once over all the files.

Printed:
  per class: injected, detected (a finding of the class's rule whose span overlaps the planted
             span), recall;
  per rule:  findings on the corrupted copies, true positives (overlapping a planted defect),
             pre-existing (the same rule at the same place in the clean copy: the published copy's
             own slips or the clean run's false alarms, reported apart and not counted), false
             alarms (everything else), precision = TP / (TP + false alarms).

Same --seed, same corpus: same defects, same figures.
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
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "articles"
RULES = ROOT / "rules" / "Newsroom"

# class -> the rules whose finding counts as detecting it
CLASSES: dict[str, tuple[str, ...]] = {
    "title": ("Newsroom.TitleSuffix",),
    "boilerplate": ("Newsroom.Boilerplate",),
    "placeholder": ("Newsroom.Placeholder",),
    "bracket": ("Newsroom.BracketOutsideQuote",),
    "repeated": ("Newsroom.RepeatedWord",),
    "predicate": ("Newsroom.Fragment",),
    "attribution": ("Newsroom.Fragment",),
    "firstperson": ("Newsroom.FirstPerson",),
    "acronym": ("Newsroom.UndefinedAcronym",),
    "variants": ("Newsroom.Variants",),
    "names": ("Newsroom.NameConsistency", "Newsroom.KnownNames"),
}
MECHANICAL = [c for c in CLASSES if c != "names"]
TARGET = {c: 0.90 for c in MECHANICAL} | {"names": 0.75}


@dataclass
class Injection:
    cls: str
    name: str  # file name of the corrupted copy, relative to the run folder
    article: str
    start: int  # edit in the clean text: text[start:end] -> repl
    end: int
    repl: str
    span: tuple[int, int]  # the defect, in corrupted-text offsets
    accept: list[tuple[int, int]] = field(default_factory=list)  # other spans that also count (ties)
    note: str = ""

    def to_clean(self, off: int) -> int | None:
        """Offset in the corrupted text -> offset in the clean text (None inside the edit)."""
        if off < self.start:
            return off
        new_end = self.start + len(self.repl)
        if off >= new_end:
            return off - new_end + self.end
        return None


# --- the article's structure -------------------------------------------------------------

@dataclass
class Para:
    start: int
    end: int
    text: str


def title_span(text: str, ext: str) -> tuple[int, int]:
    if ext == ".md":
        m = re.search(r'^title:[ \t]*"?(.*?)"?[ \t]*$', text, re.M)
        return m.start(1), m.end(1)
    nl = text.find("\n")
    return 0, nl if nl >= 0 else len(text)


def body_paragraphs(text: str, ext: str) -> list[Para]:
    """Prose paragraphs of the body: not the title, front matter, headings, lists, tables, quotes."""
    body = 0
    if ext == ".md" and text.startswith("---"):
        body = text.index("\n---", 3) + 4
    else:
        body = title_span(text, ext)[1]
    out = []
    for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text[body:]):
        s = m.group(0)
        if re.match(r"\s*(?:#|[-*+] |\d+[.)] |>|\|)", s):
            continue
        if len(s.split()) < 8 or not re.search(r"[.!?][\"”’)]?\s*$", s):
            continue
        out.append(Para(body + m.start(), body + m.end(), s))
    return out


def quote_state(s: str) -> list[bool]:
    """inside[i]: whether s[i] is inside a quotation (curly or straight double quotes)."""
    inside, state, straight = [], False, False
    for ch in s:
        if ch == "“":
            state = True
        elif ch == "”":
            state = False
        elif ch == '"':
            straight = not straight
        inside.append(state or straight)
    return inside


def sentence_ends(p: Para, outside_only: bool = True) -> list[int]:
    """Offsets (in the document) just after a sentence's final punctuation (and closing quote),
    where the next sentence starts or the paragraph ends, outside quotations."""
    ins = quote_state(p.text)
    out = []
    for m in re.finditer(r"(?<=[a-z0-9%)][a-z0-9%)])[.!?][”\"]?(?=\s+[A-Z“\"]|\s*$)", p.text):
        e = m.end()
        if outside_only and ins[e - 1]:
            continue
        out.append(p.start + e)
    return out


def words_outside_quotes(p: Para, pattern: str, flags=0):
    ins = quote_state(p.text)
    for m in re.finditer(pattern, p.text, flags):
        if not any(ins[m.start(): m.end()]):
            yield m


# --- the defects -----------------------------------------------------------------------------

SITES = ["Site News", "World News", "Al Jazeera", "Reuters", "BBC News", "The Guardian",
         "Daily News", "News24", "Politics | Site News", "Israel’s war in Gaza News"]
BOILER = ["Related Article", "Related Articles", "Leave a Comment", "Share this article",
          "Advertisement", "Read more", "Sign up for our newsletter", "Related Stories"]
PREDICATES = ["is at a critical stage.", "was not immediately clear.", "are expected to resume on Tuesday.",
              "remains under investigation.", "has been confirmed by officials.", "is still unknown.",
              "were later released.", "has not yet been decided.", "will continue next week.",
              "was described as a turning point.", "had already begun."]
ORPHANS = ["said.", "said.", "said.", "reported.", "added.", "told reporters.", "said on Sunday."]
FIRST = ["I told him I was planning to finish it.", "I was there when it happened.",
         "I spoke to several residents on Sunday.", "My sources say the deal is close.",
         "I asked the ministry for comment but did not hear back.", "It reminded me of the last election.",
         "I have covered this story for years.", "I'm told the decision is final."]
REPORTERS = ["Bernard Smith", "Sarah Khan", "John Miller", "Maria Lopez", "David Chen", "Anna Novak"]
BRACKETS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
            "on Sunday", "the ministry", "local time", "earlier"]
NO_REPEAT = {"had", "that", "is", "do", "bye", "no", "so", "very", "ha"}
# closed compounds and their hyphenated or spaced spellings (realistic alternatives)
COMPOUNDS = {
    "ceasefire": "cease-fire", "ceasefires": "cease-fires", "email": "e-mail", "emails": "e-mails",
    "emailed": "e-mailed", "online": "on-line", "website": "web site", "websites": "web sites",
    "cooperation": "co-operation", "cooperate": "co-operate", "cooperative": "co-operative",
    "coordinate": "co-ordinate", "coordinated": "co-ordinated", "coordination": "co-ordination",
    "coordinator": "co-ordinator", "healthcare": "health care", "nonprofit": "non-profit",
    "airstrike": "air strike", "airstrikes": "air strikes", "worldwide": "world-wide",
    "nationwide": "nation-wide", "statewide": "state-wide", "reelection": "re-election",
    "reelected": "re-elected", "preexisting": "pre-existing", "policymakers": "policy-makers",
    "lawmakers": "law-makers", "frontline": "front-line", "hardline": "hard-line", "lockdown": "lock-down",
    "lockdowns": "lock-downs", "shutdown": "shut-down", "takeover": "take-over", "crackdown": "crack-down",
    "standoff": "stand-off", "setback": "set-back", "wartime": "war-time", "postwar": "post-war",
    "prewar": "pre-war", "underway": "under way", "bestselling": "best-selling", "wellbeing": "well-being",
    "ongoing": "on-going", "database": "data base", "databases": "data bases", "smartphone": "smart phone",
    "smartphones": "smart phones", "livestream": "live-stream", "offline": "off-line",
    "weekend": "week-end", "firefighters": "fire-fighters", "firefighter": "fire-fighter",
    "peacekeeping": "peace-keeping", "peacekeepers": "peace-keepers", "playoff": "play-off",
    "playoffs": "play-offs", "goalkeeper": "goal-keeper", "halftime": "half-time",
    "semifinal": "semi-final", "semifinals": "semi-finals", "quarterfinal": "quarter-final",
    "quarterfinals": "quarter-finals", "counterattack": "counter-attack",
    "counterterrorism": "counter-terrorism", "cyberattack": "cyber-attack", "cyberattacks": "cyber-attacks",
    "cybersecurity": "cyber-security", "multinational": "multi-national", "socioeconomic": "socio-economic",
    "homemade": "home-made", "lifelong": "life-long", "longtime": "long-time", "teenager": "teen-ager",
    "teenagers": "teen-agers", "nonviolent": "non-violent", "stakeholders": "stake-holders",
    "landmark": "land-mark", "mainland": "main-land", "outbreak": "out-break", "lifestyle": "life-style",
    "spacecraft": "space-craft", "spaceflight": "space-flight", "videogame": "video-game",
    "coworkers": "co-workers", "cofounder": "co-founder", "nonetheless": "none-the-less",
    "anymore": "any more", "bloodshed": "blood-shed", "wildfire": "wild-fire", "wildfires": "wild-fires",
    "headquarters": "head-quarters", "eyewitness": "eye-witness", "eyewitnesses": "eye-witnesses",
    "downtown": "down-town", "overseas": "over-seas", "worldwide": "world-wide",
}


def load_variants() -> dict[str, str]:
    """variants.yml groups -> {spelling: the first other spelling} (both directions)."""
    import yaml

    groups = yaml.safe_load((RULES / "data" / "variants.yml").read_text())["variants"]
    alt = {}

    def expand(item: str) -> list[str]:
        m = re.fullmatch(r"(.*?)\(([^)]*)\)", item)
        if not m:
            return [item]
        return [m.group(1) + e for e in m.group(2).split("|")]

    for g in groups:
        forms = [expand(i) for i in g]
        for k in range(len(forms[0])):
            a, b = forms[0][k], forms[1][k]
            if " " in a or " " in b:
                continue
            alt.setdefault(a, b)
            alt.setdefault(b, a)
    return alt


def known_orgs() -> set[str]:
    import yaml

    return set(yaml.safe_load((RULES / "data" / "organisations.yml").read_text())["organisations"])


def translit_variants(w: str) -> list[tuple[str, str]]:
    """Transliteration-style respellings of a name: (kind, respelt)."""
    out = []
    low = w[1:]
    for i, ch in enumerate(low, 1):
        pairs = {"q": "k", "k": "q", "y": "i", "i": "y"}
        if ch in pairs and not (ch == "i" and i + 1 < len(w) and w[i + 1] in "aeiou" and False):
            kind = "q/k" if ch in "qk" else "y/i"
            out.append((kind, w[:i] + pairs[ch] + w[i + 1:]))
    for i in range(1, len(w) - 1):
        if w[i] == w[i + 1] and w[i].isalpha():
            out.append(("undouble", w[:i] + w[i + 1:]))
    for i in range(1, len(w)):
        if w[i] in "bdfgklmnprstz" and w[i - 1] in "aeiouy" and (i + 1 == len(w) or w[i + 1] in "aeiouy"):
            out.append(("double", w[:i] + w[i] + w[i:]))
    if w.endswith("h") and len(w) > 4 and w[-2] in "aeiou":
        out.append(("drop final h", w[:-1]))
    for i in range(1, len(w)):
        if w[i] in "aeiou":
            for v in "aeiou":
                if v != w[i] and (i + 1 == len(w) or w[i + 1] not in "aeiou") and w[i - 1] not in "aeiou":
                    out.append(("vowel", w[:i] + v + w[i + 1:]))
    return out


MONTHS_DAYS = set("January February March April May June July August September October November December "
                  "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())


class Injector:
    def __init__(self, corpus_files: list[Path]):
        self._variants = None
        self.orgs = None
        self.lower_vocab = None
        self.corpus_files = corpus_files

    def vocab(self) -> set[str]:
        if self.lower_vocab is None:
            v = set()
            for p in self.corpus_files:
                v.update(w.lower() for w in re.findall(r"[A-Za-z]+", p.read_text()))
            self.lower_vocab = v
            lower_only = set()
            for p in self.corpus_files:
                lower_only.update(re.findall(r"\b[a-z][a-z]+\b", p.read_text()))
            self.lowercase_words = lower_only
        return self.lower_vocab

    def entity_words(self, text: str) -> set[str] | None:
        """Words spaCy tags as part of a person, place or organisation (None: no model installed)."""
        if not hasattr(self, "_nlp"):
            self._nlp = None
            try:
                import spacy

                from newslint.nlp import model_names

                for m in model_names():
                    try:
                        self._nlp = spacy.load(m, disable=["lemmatizer"])
                        break
                    except OSError:
                        continue
            except ImportError:
                pass
        if self._nlp is None:
            return None
        doc = self._nlp(text)
        return {t.text for e in doc.ents if e.label_ in ("PERSON", "GPE", "LOC", "ORG", "FAC") for t in e}

    # each returns (start, end, repl, span_offset_in_repl, span_len, accept, note) or None
    def title(self, rng, text, ext, paras):
        s, e = title_span(text, ext)
        sep = rng.choice([" | "] * 4 + [" - "])
        site = rng.choice(SITES if sep == " | " else ["BBC News", "Reuters", "The Guardian", "Al Jazeera"])
        repl = sep + site
        return e, e, repl, 0, len(repl), [], repl.strip()

    def boilerplate(self, rng, text, ext, paras):
        tail = text.rstrip("\n")
        kind = rng.randrange(3)
        if kind == 0:  # as in the seed
            add = "\n\n" + rng.choice(BOILER[:3]) + "\n\n\n" + "Leave a Comment"
        elif kind == 1:
            add = "\n\n" + rng.choice(BOILER)
        else:
            add = "\n\n\n\n" + rng.choice(BOILER)
        return len(tail), len(text), add + "\n", 0, len(add) + 1, [], add.strip().replace("\n", "⏎")

    def placeholder(self, rng, text, ext, paras):
        kind = rng.choice(["TK", "[NAME]", "XX"])
        cands = []
        for p in paras:
            if kind == "[NAME]":
                pat = r"(?<=[a-z,] )[A-Z][a-z]+(?: [A-Z][a-z]+)+\b"
            else:
                pat = r"(?<=[ $])\d[\d,.]*\d(?=[ ,.%])|(?<=[ $])\d(?=[ ,.%])"
            for m in re.finditer(pat, p.text):
                cands.append((p.start + m.start(), p.start + m.end()))
        if not cands:
            return None
        s, e = rng.choice(cands)
        return s, e, kind, 0, len(kind), [], f"{text[s:e]!r} -> {kind}"

    def bracket(self, rng, text, ext, paras):
        cands = [e for p in paras for e in sentence_ends(p) if e < p.end]
        if not cands:
            return None
        at = rng.choice(cands)
        ins = f" [{rng.choice(BRACKETS)}]"
        return at, at, ins, 1, len(ins) - 1, [], ins.strip()

    def repeated(self, rng, text, ext, paras):
        cands = []
        for p in paras:
            for m in re.finditer(r"(?<=[ ])[a-z]+(?= )", p.text):
                if m.group(0) not in NO_REPEAT:
                    cands.append((p.start + m.start(), m.group(0)))
        if not cands:
            return None
        at, w = rng.choice(cands)
        return at, at, w + " ", 0, 2 * len(w) + 1, [], f"{w} {w}"

    def _glue(self, rng, text, paras, phrases):
        cands = [e for p in paras for e in sentence_ends(p)]
        if not cands:
            return None
        at = rng.choice(cands)
        ins = " " + rng.choice(phrases)
        return at, at, ins, 1, len(ins) - 1, [], ins.strip()

    def predicate(self, rng, text, ext, paras):
        return self._glue(rng, text, paras, PREDICATES)

    def attribution(self, rng, text, ext, paras):
        return self._glue(rng, text, paras, ORPHANS)

    def firstperson(self, rng, text, ext, paras):
        return self._glue(rng, text, paras, FIRST)

    def acronym(self, rng, text, ext, paras):
        if self.orgs is None:
            self.orgs = known_orgs()
        while True:
            acr = "".join(rng.choice("ABCDEFGHKLMNPRSTW") for _ in range(rng.choice([3, 4, 4])))
            if acr not in self.orgs and acr not in text:
                break
        apos = "’" if "’" in text else "'"
        kind = rng.randrange(3)
        if kind == 2:  # "Reporting from X, NDMT’s Bernard Smith reports that the ..."
            cands = []
            for p in paras:
                for m in re.finditer(r"(?:^|(?<=[.!?] ))(The|A|An|In|On|At|Officials|Police|It|This) ", p.text):
                    if not quote_state(p.text)[m.start()]:
                        cands.append(p.start + m.start())
            if cands:
                at = rng.choice(cands)
                lead = f"{acr}{apos}s {rng.choice(REPORTERS)} reports that "
                first = text[at]
                word = re.match(r"\w+", text[at:]).group(0)
                first_l = first.lower() if word not in ("I",) else first
                return at, at + 1, lead + first_l, 0, len(acr), [], f"{lead}{first_l}…"
            kind = 0
        cands = [e for p in paras for e in sentence_ends(p) if text[e - 1] == "."]
        if not cands:
            return None
        at = rng.choice(cands) - 1
        tail = f", according to an {acr} tally." if kind == 0 else f", according to {acr}."
        if kind == 0 and acr[0] not in "AEFHILMNORSX":
            tail = f", according to a {acr} tally."
        off = tail.index(acr)
        return at, at + 1, tail, off, len(acr), [], tail

    def variants(self, rng, text, ext, paras):
        if self._variants is None:
            self._variants = load_variants()
        table = {**self._variants, **COMPOUNDS}
        occ = defaultdict(list)
        for p in paras:
            for m in words_outside_quotes(p, r"\b[a-z]+\b"):
                if m.group(0) in table:
                    occ[m.group(0)].append(p.start + m.start())
        options = []
        for w, starts in occ.items():
            alt = table[w]
            if len(starts) >= 2 and not re.search(r"\b" + re.escape(alt) + r"\b", text, re.I):
                options.append(w)
        if not options:
            return None
        w = rng.choice(sorted(options))
        starts = occ[w]
        at = rng.choice(starts)
        alt = table[w]
        delta = len(alt) - len(w)
        accept = []
        if len(starts) == 2:  # a 1-1 tie: either spelling is the defect
            other = [s for s in starts if s != at][0]
            o = other if other < at else other + delta
            accept.append((o, o + len(w)))
        return at, at + len(w), alt, 0, len(alt), accept, f"{w} -> {alt} ({len(starts)}x)"

    def names(self, rng, text, ext, paras):
        self.vocab()
        lower = self.lowercase_words
        counts = Counter()
        where = defaultdict(list)
        for p in paras:
            for m in re.finditer(r"(?<![\w’'-])[A-Z][a-z]{3,}(?![\w-])", p.text):
                w = m.group(0)
                counts[w] += 1
                where[w].append(p.start + m.start())
        # all uses, title included, for the frequency
        total = Counter(re.findall(r"(?<![\w’'-])[A-Z][a-z]{3,}(?![\w-])", text))
        ents = self.entity_words(text)
        options = [w for w, n in total.items()
                   if n >= 2 and where[w] and w.lower() not in lower and w not in MONTHS_DAYS
                   and (ents is None or w in ents)]
        rng.shuffle(options := sorted(options))
        for w in options:
            vs = [(k, v) for k, v in translit_variants(w)
                  if v.lower() not in self.lower_vocab and v not in text]
            if not vs:
                continue
            kind = rng.choice(sorted({k for k, _ in vs}))  # each kind of change equally likely
            v = rng.choice([v for k, v in vs if k == kind])
            at = rng.choice(where[w])
            return at, at + len(w), v, 0, len(v), [], f"{w} -> {v} ({kind}; {total[w]}x)"
        return None


# --- the run -------------------------------------------------------------------------------------

def line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in re.finditer("\n", text)]


def to_offset(starts: list[int], line: int, col: int) -> int:
    return starts[line - 1] + col - 1


def plant(corpus: Path, files: list[Path], classes: list[str], seed: int, out: Path):
    """Write each article to `out`/clean/ and one damaged copy per class to `out`/<class>/.
    Returns (injections by copy name, texts by name, skipped copies by class)."""
    inj = Injector(sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md")))
    out.mkdir(parents=True, exist_ok=True)
    injections: dict[str, Injection] = {}
    texts: dict[str, str] = {}
    skipped = Counter()
    for p in files:
        text = p.read_text(encoding="utf-8")
        (out / "clean").mkdir(exist_ok=True)
        (out / "clean" / p.name).write_text(text, encoding="utf-8")
        texts["clean/" + p.name] = text
        paras = body_paragraphs(text, p.suffix)
        for c in classes:
            rng = random.Random(f"{seed}:{p.name}:{c}")
            got = getattr(inj, c)(rng, text, p.suffix, paras)
            if got is None:
                skipped[c] += 1
                continue
            s, e, repl, off, n, accept, note = got
            new = text[:s] + repl + text[e:]
            name = f"{c}/{p.name}"
            (out / c).mkdir(exist_ok=True)
            (out / name).write_text(new, encoding="utf-8")
            texts[name] = new
            injections[name] = Injection(c, name, p.name, s, e, repl, (s + off, s + off + n), accept, note)
    return injections, texts, skipped


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--classes", default=",".join(CLASSES), help="comma-separated: " + ",".join(CLASSES))
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--show-misses", action="store_true", help="list every missed defect and false alarm")
    ap.add_argument("--config", type=Path)
    ap.add_argument("--no-nlp", action="store_true", help="pass --no-nlp to newslint (fast; no NLP classes)")
    ap.add_argument("--keep", type=Path, help="write the corrupted copies here and keep them")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON (for tests)")
    args = ap.parse_args(argv)
    classes = [c.strip() for c in args.classes.split(",") if c.strip()]
    for c in classes:
        if c not in CLASSES:
            ap.error(f"unknown class {c!r}; choose from {', '.join(CLASSES)}")
    files = sorted(p for p in args.corpus.iterdir() if p.suffix in (".txt", ".md"))
    if args.limit:
        files = files[: args.limit]
    tmp = Path(tempfile.mkdtemp(prefix="newslint-corruption-")) if not args.keep else args.keep
    injections, texts, skipped = plant(args.corpus, files, classes, args.seed, tmp)
    cmd = [sys.executable, "-m", "newslint", "check", str(tmp), "-f", "json", "--no-cache"]
    if args.config:
        cmd += ["--config", str(args.config)]
    if args.no_nlp:
        cmd += ["--no-nlp"]
    t0 = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=tmp)
    elapsed = time.perf_counter() - t0
    try:
        report = json.loads(out.stdout)
    except json.JSONDecodeError:
        sys.exit(f"newslint failed (exit {out.returncode}):\n{out.stderr[-3000:]}")
    by_file = defaultdict(list)
    for f in report["findings"]:
        rel = Path(f["path"]).resolve().relative_to(tmp.resolve()).as_posix()
        st = line_starts(texts[rel])
        f["_s"] = to_offset(st, f["line"], f["col"])
        f["_e"] = max(to_offset(st, f["end_line"], f["end_col"]), f["_s"] + 1)
        by_file[rel].append(f)
    clean_keys = {rel: {(f["rule"], f["_s"], f["_e"]) for f in fs}
                  for rel, fs in by_file.items() if rel.startswith("clean/")}

    def overlaps(f, span):
        return f["_s"] < span[1] and span[0] < f["_e"]

    detected = Counter()
    injected = Counter(i.cls for i in injections.values())
    misses = defaultdict(list)
    rule_stats = defaultdict(Counter)
    false_alarms = defaultdict(list)
    for name, i in injections.items():
        fs = by_file.get(name, [])
        spans = [i.span] + i.accept
        edit = (i.start, i.start + len(i.repl))
        if any(f["rule"] in CLASSES[i.cls] and any(overlaps(f, sp) for sp in spans) for f in fs):
            detected[i.cls] += 1
        else:
            misses[i.cls].append(i)
        for f in fs:
            r = rule_stats[f["rule"]]
            r["findings"] += 1
            if overlaps(f, edit) or any(overlaps(f, sp) for sp in spans):
                r["tp"] += 1
                if f["rule"] not in CLASSES[i.cls]:
                    r["tp_other_class"] += 1
                continue
            cs, ce = i.to_clean(f["_s"]), i.to_clean(f["_e"])
            if (f["rule"], cs, ce) in clean_keys.get("clean/" + i.article, set()):
                r["pre"] += 1
            else:
                r["fa"] += 1
                false_alarms[f["rule"]].append((i, f))
    figures = {"classes": {}, "rules": {}, "elapsed": elapsed, "files": len(texts)}
    print(f"{len(files)} articles, seed {args.seed}: {sum(injected.values())} defects planted in "
          f"{len(injections)} copies, {len(texts)} files checked in {elapsed:.1f} s")
    print()
    print(f"  {'class':<12} {'rule':<38} {'injected':>8} {'detected':>8} {'recall':>7} {'target':>6}  skipped")
    for c in classes:
        n, d = injected[c], detected[c]
        rec = d / n if n else float("nan")
        figures["classes"][c] = {"injected": n, "detected": d, "recall": rec, "skipped": skipped[c]}
        flag = "" if n == 0 or rec >= TARGET[c] else "  < target"
        print(f"  {c:<12} {'/'.join(r.split('.')[1] for r in CLASSES[c]):<38} {n:8d} {d:8d} {rec:7.3f} "
              f"{TARGET[c]:6.2f}  {skipped[c]:4d}{flag}")
    for c, key in (("names", lambda i: i.note.split("(")[1].split(";")[0]),
                   ("names", lambda i: "2 uses" if i.note.endswith("; 2x)") else "3+ uses"),
                   ("predicate", lambda i: "after a closing quote" if texts[i.name][i.start - 1] in "”\"" else "after a plain sentence"),
                   ("attribution", lambda i: "after a closing quote" if texts[i.name][i.start - 1] in "”\"" else "after a plain sentence"),
                   ("acronym", lambda i: "sentence-initial after a capitalised word" if re.search(r"[A-Z][\w’'-]*[.!?] $", texts[i.name][max(0, i.span[0] - 40):i.span[0]]) else "other")):
        if c not in classes:
            continue
        by = defaultdict(Counter)
        for i in injections.values():
            if i.cls == c:
                by[key(i)]["n"] += 1
                by[key(i)]["d"] += i not in misses[c]
        print(f"    {c}: " + ", ".join(f"{k} {v['d']}/{v['n']}" for k, v in sorted(by.items())))
    if False:
        by_n = defaultdict(Counter)
        for i in injections.values():
            if i.cls == "names":
                k = "2 uses" if i.note.endswith("; 2x)") else "3+ uses"
                by_n[k]["n"] += 1
                by_n[k]["d"] += i not in misses["names"]
        print("  names by frequency: " + ", ".join(
            f"{k}: {v['d']}/{v['n']}" for k, v in sorted(by_n.items())))
    print()
    print(f"  {'rule':<34} {'findings':>8} {'TP':>5} {'pre-existing':>12} {'false alarms':>12} {'precision':>9}")
    for rule in sorted(rule_stats):
        r = rule_stats[rule]
        denom = r["tp"] + r["fa"]
        prec = r["tp"] / denom if denom else float("nan")
        figures["rules"][rule] = dict(r) | {"precision": prec}
        print(f"  {rule:<34} {r['findings']:8d} {r['tp']:5d} {r['pre']:12d} {r['fa']:12d} {prec:9.3f}")
    tot = sum((r for r in rule_stats.values()), Counter())
    if tot["tp"] + tot["fa"]:
        print(f"  {'all':<34} {tot['findings']:8d} {tot['tp']:5d} {tot['pre']:12d} {tot['fa']:12d} "
              f"{tot['tp'] / (tot['tp'] + tot['fa']):9.3f}")
    if args.show_misses:
        for c in classes:
            if misses[c]:
                print(f"\nmissed {c} ({len(misses[c])}):")
                for i in misses[c]:
                    t = texts[i.name]
                    st = line_starts(t)
                    line = max(k for k, s in enumerate(st) if s <= i.span[0])
                    ctx = t[max(i.span[0] - 60, st[line]): i.span[1] + 40].replace("\n", "⏎")
                    got = [f"{f['rule'].split('.')[1]}@{f['line']}:{f['col']}" for f in by_file.get(i.name, [])
                           if f["rule"] in CLASSES[c]]
                    print(f"  {i.name}:{line + 1}:{i.span[0] - st[line] + 1}: {i.note}  …{ctx}…"
                          + (f"  [rule fired elsewhere: {', '.join(got)}]" if got else ""))
        for rule, items in sorted(false_alarms.items()):
            print(f"\nfalse alarms of {rule} ({len(items)}):")
            for i, f in items:
                print(f"  {i.name}:{f['line']}:{f['col']}: {f['match']!r}: {f['message']}  (planted: {i.note})")
    if args.json:
        print(json.dumps(figures))
    if not args.keep:
        shutil.rmtree(tmp, ignore_errors=True)
    return figures


if __name__ == "__main__":
    main()
