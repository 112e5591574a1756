"""`extends: variants` — one word spelt two ways in one story ("cease-fire" beside "ceasefire").

Three sources of variants:

* **Compounds, without a list.** A hyphenated word ("cease-fire", "e-mail",
  "co-operating") or two words ("health care") whose closed form ("ceasefire",
  "email", "cooperating", "healthcare") is also in the story. A hyphenated
  form meets every inflection and derivation of its closed form (one stem:
  "co-operating" beside "cooperation"); two words meet only their own closed
  or hyphenated spelling, or its plural ("web site" beside "websites"). The
  hyphenated and spaced forms count together as the open spelling, against
  the closed one; hyphenated against spaced alone is never compared, because
  grammar decides it ("a well-known author", "the author is well known").
  Spaced pairs are left alone when either word is a function word or a
  particle ("every day" / "everyday", "set up" / "setup"),
  or when they are an object and its verb after a verb of perception or
  causing ("sees the sun rise" / "sunrise"); `compound_exceptions` lists
  closed words whose hyphenated form is another word ("re-sign" / "resign").
* **Abbreviations, without a list** (`abbreviations`). The same capitals with
  and without full stops ("U.S." / "US", not the currency's "US$"), a time's
  "a.m." / "am" (after a number: "am" is also a verb), and an acronym in
  capitals and as a word ("NATO" / "Nato", "COVID-19" / "Covid-19"; not a
  word the story also writes in lower case, "PLAIN" / "Plain" / "plain").
  A word opening a sentence counts only when it is no English word ("Nasa
  said", not "Aids to navigation").
  Capitals set in capitals (a headline in capitals, a table) spell nothing;
  an undotted abbreviation in a headline or heading is headline style, not a
  variant of the body's dotted one ("US" above "U.S.");
  an abbreviation after a capitalised word ends a name ("Social Media Club
  DC").
* **Groups, from lists.** `lists` names YAML files (relative to the rule
  file) of groups such as `[organis(e|ed|ation), organiz(e|ed|ation)]`, or
  `{american: program(|s), british: programme(|s)}` (see
  `rules/Newsroom/data/variants.yml`), or TSV tables of families
  (`rules/Newsroom/data/variants_spelling.tsv`, British and American
  spellings built from VarCon by scripts/build_variants.py); `groups` adds
  groups inline. A spelling with a capital ("Mr.") is matched as written; a
  suffix's stop ("Inc.", "Ltd.", not a title's "Mr.") before a capital or at
  a paragraph's end is not counted, as it may be the sentence's ("... said
  Acme Inc. Shares fell").

For each group (or compound) spelt more than one way, every use of the
minority spelling is flagged; the message names both spellings and how often
each is used, and the suggestion is the story's majority spelling — or the
house form, when `house` lists one (`house: [ceasefire, organisation, per
cent]`). A tie goes to the story's dialect, told by its other words'
American and British spellings ("organize" is American only where the story
has no British spelling: Oxford British writes it too); then to a spelling
used outside quotations;
then to the standard spelling over a variant ("through" over "thru"); then
to the spelling used first. With `enforce_house: true` a non-house spelling
is flagged even when the story is consistent.

What counts: all prose, title and headings included, except names —
capitalised words inside a sentence ("World Health Organization", "Labor
Day", "Cease-Fire Agreement"), or opening one as a name does: with a capital
inside ("E-Mail Partners", "DrugShortages App"), or starting a company's name
("Email Partners Ltd said") — and terms of art in their field in copy that
is not American ("judgment" near a court, a judge, a ruling or an appeal is
the legal spelling even where "judgement" is the house's; a computer
"program" beside "programme"). A quotation is never flagged (a quote may keep
its source's spelling), but its spelling counts towards the tally when it is
the story's dialect (or the story shows none), or a standard spelling over a
variant, and always for a compound or an abbreviation's full stops, which are
the outlet's transcription ("website" in a quote beside "web site"). A word
ends at a space or punctuation, not inside an abbreviation ("Korean-U.S." is
one word, never "Korean-U").

The fix writes the suggested spelling, keeping capitalisation (an
abbreviation is written as the story writes it). A rewrite to a configured
house form is as safe as `house_fix` says (default safe); a rewrite to the
majority spelling is as safe as the rule's `fix:` says (`unsafe` in the
built-in rule: the majority is not always the house style).
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Iterator

import bisect
import re

import regex

from newslint.checks import _datalists as lists
from newslint.checks.base import Check, Option, OptionError
from newslint.compiled import regex_compile
from newslint.finding import Fix, Match
from newslint.document.sentences import opens_sentence
from newslint.names.compare import common_word
from newslint.patterns import trie_pattern

# The first pass uses stdlib re (faster than `regex` on these simple patterns): every word, and
# every two words with one space between (the second in a lookahead, so pairs overlap).
# A word ends at a space or punctuation, but not inside an abbreviation: "Korean-U.S." is no "Korean-U".
_WORD_RE = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-]|\.\w)")
_PAIR_RE = re.compile(r"(?<![\w'’-])([^\W\d_]+)(?= ([^\W\d_]+)(?![\w-]|\.\w))")
_TOKEN = regex_compile(r"(?<![\w'’-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-]|\.\w)")
# The words of _WORD_RE with a hyphen: found in C, not by testing every word for one.
_HYPHENED_RE = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:-[^\W\d_]+)+(?![\w-]|\.\w)")
# A term of art keeps its field's spelling whatever the house style: British style writes
# "judgement", but a court's decision is a "judgment". Such a use is not counted.
_TERMS_OF_ART = {
    "judgment": regex_compile(
        r"\b(?:courts?|judges?|justices?|rul(?:ing|ings|ed)|appeals?|appealed|tribunal|verdict|lawsuit|"
        r"sentenc\w*|claimants?|defendants?|plaintiffs?|legal)\b",
        regex.IGNORECASE,
    ),
}
_TERMS_OF_ART["judgments"] = _TERMS_OF_ART["judgment"]
# British English writes a "programme" of events but a computer "program".
_TERMS_OF_ART["program"] = _TERMS_OF_ART["programs"] = regex_compile(
    r"\b(?:computers?|software|apps?|code|coding|coders?|programmers?|programming|algorithms?|malware|"
    r"viruses|hack(?:ers?|ing|ed)?|install(?:s|ed|ing)?|download(?:s|ed|ing)?|developers?|chatbots?|"
    r"spreadsheets?|scripts?|operating system|laptops?|smartphones?|PCs?)\b",
    regex.IGNORECASE,
)
_NEAR = 200  # how far (in characters, within the paragraph) a term's field shows
# British English spells a noun "licence" and its verb "license"; American English writes "license" for both.
# Only a noun counts in copy that is not American: right after a determiner or a possessive ("the license", "its
# license"). A word between may be the verb's subject ("the police license firearms", "the royal family license
# their image"), so "a valid gun license" does not count.
_BRITISH_VERBS = frozenset({"license", "licenses"})
# (Not "her", also an object: "lets her license her recordings"; nor "each", also a pronoun: "each license their
# designs".)
_DETERMINER_BEFORE = regex_compile(r"\b(?:the|a|an|its|his|their|our|my|your|no|any|every)[ \t]+\Z", regex.IGNORECASE)
# "sees the sun rise", "watched the sun set": after a verb of perception or causing, a noun and a
# bare verb are a clause, not an open compound ("sunrise", "sunset").
_OBJECT_AND_VERB = regex_compile(
    r"\b(?:see|sees|saw|seen|seeing|watch(?:es|ed|ing)?|hear(?:s|d|ing)?|feel|feels|felt|let|lets|letting|"
    r"make|makes|made|making|help(?:s|ed|ing)?)\s+(?:(?:the|a|an|their|his|her|its|our|my|your)\s+)?\Z",
    regex.IGNORECASE,
)
_FAMILY = regex_compile(r"\A([^()|]*)\(([^()]*)\)\Z")
# Words that make a spaced pair a phrase, not an open compound.
_FUNCTION = frozenset(
    """a an the every any some no all each may might can could will would shall should must be is are was
    were been being do does did have has had not in on at to into onto of off for from with by as up down
    out over under back away through about around along apart aside ahead together there here where what
    when how who whom which whose why ever never more most less least so too very well also just even still
    yet then than that this these those it its he she they we you i him her them us our their his my your
    one two three four five six seven eight nine ten eleven twelve twenty hundred thousand million billion
    first second third last next per and or but nor if because while since until unless although though
    whether today yesterday tomorrow now again ago later soon already""".split()
)


@dataclass
class _Family:
    """Spellings of one word (or word family) and where each is used."""

    alternatives: list[list[str]]  # alternative -> its words (aligned by index)
    uses: dict[int, list[tuple[int, int, str, int]]] = field(default_factory=dict)  # alt -> (start, end, text, k)
    house: int | None = None
    exact: bool = False  # spelt with capitals that are the spelling ("NATO"): write the target as it is
    # alternative -> "A" (American) or "B" (British), where known; ("=", "v"): a standard spelling
    # and a variant of it, used alike in both
    dialects: tuple | None = None
    art: list = field(default_factory=list)  # (alt, use): terms of art, counted only in American copy
    quoted: list = field(default_factory=list)  # alt of each use inside a quotation: evidence, never flagged
    evidence: Counter = field(default_factory=Counter)  # alt -> quoted uses that count
    # Quoted uses always count: full stops in "U.K." are the outlet's style wherever it transcribes.
    quotes_count: bool = False
    # alt -> where a quotation first uses it, for spellings that are the outlet's in quotations too (full stops)
    quoted_first: dict = field(default_factory=dict)

    def quote(self, alt: int, start: int) -> None:
        self.quoted.append(alt)
        self.quoted_first[alt] = min(start, self.quoted_first.get(alt, start))

    def add(self, alt: int, start: int, end: int, text: str, k: int = 0) -> None:
        self.uses.setdefault(alt, []).append((start, end, text, k))


class Variants(Check):
    kind = "variants"
    summary = "Flags a word spelt two ways in one story (cease-fire / ceasefire, organisation / organization)."
    can_fix = True
    options = {
        "lists": Option("list", [], doc="YAML or TSV files of variant groups (paths relative to the rule file)"),
        "groups": Option("list", [], doc="more groups inline: [[per cent, percent], ...]"),
        "compounds": Option("bool", True, doc="find hyphenated/spaced/closed forms of a compound without a list"),
        "compound_exceptions": Option("list", [], doc="closed words whose hyphenated form is another word (resign)"),
        "abbreviations": Option(
            "bool", True, doc="find abbreviations with and without full stops (U.S./US, a.m./am) or capitals (NATO/Nato) without a list"
        ),
        "house": Option("list", [], doc="house forms: the spelling to suggest (and, when configured, a safe fix)"),
        "house_fix": Option("str", "safe", doc="safe or unsafe: a rewrite to a house form"),
        "enforce_house": Option("bool", False, doc="flag a non-house spelling even when the story is consistent"),
    }

    def setup(self) -> None:
        for key in ("compound_exceptions", "house"):
            if not all(isinstance(x, str) and x.strip() for x in self.opts[key]):
                raise OptionError(key, f"every item of '{key}' must be a non-empty string")
        if self.opts["house_fix"] not in ("safe", "unsafe"):
            raise OptionError("house_fix", f"'house_fix' must be safe or unsafe, not '{self.opts['house_fix']}'")
        self.exceptions = {x.lower() for x in self.opts["compound_exceptions"]}
        self.exception_stems = {_stem(x) for x in self.exceptions}
        self.house = {_norm(x) for x in self.opts["house"]}
        # Each group: a list of alternatives, each a list of words (aligned by index).
        loaded: list[tuple[list[list[str]], tuple | None]] = []
        for ref in self.opts["lists"]:
            if isinstance(ref, str) and ref.endswith(".tsv"):
                loaded.extend(_groups_from_tsv(self.rule.path, ref))
                continue
            node, _ = lists.read_list(self.rule.path, ref, "lists", "variants")
            loaded.extend(_groups_from_node(node, ref))
        for i, group in enumerate(self.opts["groups"]):
            loaded.append((_expand_group(group, lambda msg, i=i: OptionError("groups", f"'groups' item {i + 1}: {msg}")), None))
        self.groups = [group for group, _ in loaded]
        # group -> the dialect of each alternative ("A", "B"), where the list says
        self.dialects = {g: d for g, (_, d) in enumerate(loaded) if d}
        # spelling -> (group, alternative, k). A spelling with a capital ("US", "Mr.", "NATO") is
        # matched as written: "us" is a pronoun, and the capital is the spelling, not a name's mark.
        self.index: dict[str, tuple[int, int, int]] = {}
        self.exact: set[str] = set()
        for g, group in enumerate(self.groups):
            for a, words in enumerate(group):
                for k, word in enumerate(words):
                    exact = word != word.lower()
                    self.index.setdefault(_norm(word) if not exact else " ".join(word.split()), (g, a, k))
                    if exact:
                        self.exact.add(" ".join(word.split()))
        # Single words are looked up word by word (a dict, nothing to compile: the lists hold
        # thousands); phrases ("per cent") go into one small pattern.
        phrases = [w for w in self.index if " " in w]
        # Every single word that could be a listed spelling, in lower case ("mr" for "Mr."): a span
        # none of whose words is one is passed over by a set operation, not word by word.
        self.any_word = frozenset(w.lower().rstrip(".") for w in [*self.index, *self.exact] if " " not in w)
        self.phrases = None
        if phrases:
            self.phrases = re.compile(r"(?<![\w'’-])(?:" + trie_pattern(phrases) + r")(?![\w-]|\.\w)", re.IGNORECASE)

    # -- the check ---------------------------------------------------------
    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        text = scope.source
        spans = scope.spans
        families: list[_Family] = []
        claimed: set[int] = set()
        lowered, words = _words_by_span(text, spans)
        if self.index:
            families.extend(self._listed(doc, text, spans, claimed, words))
        if self.opts["abbreviations"]:
            families.extend(self._abbreviations(doc, text, spans, claimed))
        if self.opts["compounds"]:
            families.extend(self._compounds(doc, text, spans, claimed, lowered, words))
        votes = sum((_votes(f) for f in families), Counter())
        matches: list[Match] = []
        for family in families:
            # The story's dialect, told by its other words' spellings (this one's are in question).
            dialect = _dialect(votes - _votes(family))
            if dialect == "A":  # American copy writes "judgment" and "program" in every sense
                for alt, use in family.art:
                    family.add(alt, *use)
            # A quotation may keep its source's spelling, but one in the story's own dialect (or in a
            # story that shows none), or a standard spelling over a variant, is the writer's: it
            # counts towards the tally, and is never flagged.
            family.evidence.update(a for a in family.quoted if family.quotes_count
                                   or family.dialects and _fits(family.dialects[a], dialect))
            matches.extend(self._findings(family, dialect))
        matches.sort(key=lambda m: m.start)
        yield from matches

    def _uses(self, text, span, words) -> Iterator[tuple[int, int, str, bool]]:
        """Listed spellings in a span: (start, end, spelling, whether it is matched as written)."""
        if not self.any_word.isdisjoint(words) or any(
                not self.any_word.isdisjoint(w.split("-")) for w in words if "-" in w):
            yield from self._words(text, span)
        if self.phrases is not None:
            for m in self.phrases.finditer(text, span.start, span.end):
                yield m.start(), m.end(), m.group(), False

    def _words(self, text, span) -> Iterator[tuple[int, int, str, bool]]:
        for m in _WORD_RE.finditer(text, span.start, span.end):
            word, end = m.group(), m.end()
            if text[end : end + 1] == "." and word + "." in self.exact:  # "Mr." beside "Mr"
                if word not in _BEFORE_NAMES and (end + 1 >= span.end or _NEW_SENTENCE.match(text, end + 1)):
                    continue  # "... said Acme Inc. Shares fell": the stop may be the sentence's
                yield m.start(), end + 1, word + ".", True
            elif word in self.exact:
                yield m.start(), end, word, True
            elif word.lower() in self.index and word.lower() not in self.exact:
                yield m.start(), end, word, False
            elif "-" in word:  # "honey-flavored" beside "flavours": a listed spelling as part of a compound
                at = m.start()
                for part in word.split("-"):
                    if part.lower() in self.index and part.lower() not in self.exact:
                        yield at, at + len(part), part, False
                    at += len(part) + 1

    def _listed(self, doc, text, spans, claimed, words) -> list[_Family]:
        families: dict[int, _Family] = {}
        for span, span_words in zip(spans, words):
            for start, end, written, exact in self._uses(text, span, span_words):
                if not _counts(doc, text, start, end, span.start, name=not exact, quotes=True):
                    continue
                g, a, k = self.index[" ".join(written.split()) if exact else _norm(written)]
                fam = families.get(g)
                if fam is None:
                    fam = families[g] = _Family(self.groups[g], exact=exact, dialects=self.dialects.get(g))
                    fam.house = next((i for i, words in enumerate(self.groups[g]) if any(_norm(w) in self.house for w in words)), None)
                if doc.in_quote(start, end):
                    fam.quoted.append(a)
                elif _term_of_art(text, start, end, written, span):
                    fam.art.append((a, (start, end, written, k)))
                else:
                    fam.add(a, start, end, written, k)
                claimed.add(start)
        return list(families.values())

    def _abbreviations(self, doc, text, spans, claimed) -> list[_Family]:
        """"U.S." beside "US", "a.m." beside "am" after a time, "NATO" beside "Nato": the same
        letters with and without full stops, or as capitals and as a word. Alternative 0 is the
        dotted (or capitals) form, 1 the other. Only a time's "a.m." tells a dialect (American): "US"
        is as American as "U.S." in much copy."""
        forms: dict[tuple[str, str], list[list[tuple[int, int, str, int]]]] = {}
        quoted: dict[tuple[str, str], list[int]] = {}

        def add(key, alt, m, group=0, k=0):
            start, end = m.start(group), m.end(group)
            if start in claimed:
                return
            if doc.in_quote(start, end):
                quoted.setdefault(key, []).append((alt, m.group(group), start))
            elif _counts(doc, text, start, end, span.start, name=False):
                forms.setdefault(key, [[], []])[alt].append((start, end, m.group(group), k))

        # A family needs both its forms, so first the letters written both ways at all (in C, over
        # every span); only those matches are then asked the slower questions (a name? capitals set
        # in capitals? quoted?), most stories having none.
        dotted, capitals, titled = set(), set(), set()
        for span in spans:
            dotted.update(d.replace(".", "") for d in _DOTTED.findall(text, span.start, span.end))
            capitals.update(_CAPITALS.findall(text, span.start, span.end))
            titled.update(_TITLED.findall(text, span.start, span.end))
        both_dots = dotted & capitals
        both_case = {c.lower() for c in capitals if len(c) >= 4} & {t.lower() for t in titled}
        lower = {w.lower() for w in _WORD_RE.findall(text) if w.islower()} if both_case else set()
        lines = _Lines(text) if both_dots or both_case else None  # only the capitals' loop asks it
        for span in spans:
            if both_dots:
                for m in _DOTTED.finditer(text, span.start, span.end):
                    letters = m.group().replace(".", "")
                    if letters in both_dots and not _in_name(text, m, span):
                        add(("dots", letters), 0, m)
            if both_dots or both_case:
                for m in _CAPITALS.finditer(text, span.start, span.end):
                    word = m.group()
                    dots, case = word in both_dots, len(word) >= 4 and word.lower() in both_case
                    if (dots or case) and not _in_name(text, m, span) and not _shouting(text, m, span, lines):
                        if dots and span.kind not in ("title", "heading"):  # headline style drops the stops: "US" above "U.S."
                            add(("dots", word), 1, m)
                        if case and word.lower() not in lower:
                            add(("case", word.lower()), 0, m)
            if both_case:
                for m in _TITLED.finditer(text, span.start, span.end):
                    # Not a word opening a sentence ("Aids to navigation"), nor an ordinary word the
                    # story also writes in lower case ("Plain Language" beside "plain" and "PLAIN").
                    word = m.group().lower()
                    if word in both_case and word not in lower and not _in_name(text, m, span) and (
                            not opens_sentence(text, m.start(), span.start) or not common_word(word)):
                        add(("case", word), 1, m)  # "Nasa said" opens a sentence as no word of English can
            for m in _TIME.finditer(text, span.start, span.end):
                add(("time", "am"), 0 if "." in m.group(1) else 1, m, 1, 0 if m.group(1)[0] in "aA" else 1)
        families = []
        for (kind, key), (first, second) in sorted(forms.items()):
            if not first and not second:
                continue
            if kind == "time":
                fam = _Family([["a.m.", "p.m."], ["am", "pm"]], dialects=("A", "B"))
            else:
                # Each form as the story writes it most often; a quotation's form counts for the full stops,
                # which are the outlet's transcription ("UK" in a quote, "U.K." in the next sentence).
                said = [[u[2] for u in first], [u[2] for u in second]]
                if kind == "dots":
                    for alt, written, _ in quoted.get((kind, key), []):
                        said[alt].append(written)
                if not said[0] or not said[1]:
                    continue
                fam = _Family([[Counter(said[0]).most_common(1)[0][0]], [Counter(said[1]).most_common(1)[0][0]]],
                              exact=True, quotes_count=kind == "dots")
            for alt, uses in enumerate((first, second)):
                for use in uses:
                    fam.add(alt, *use)
            for alt, _, start in quoted.get((kind, key), []):
                fam.quote(alt, start)
            families.append(fam)
        return families

    def _compounds(self, doc, text, spans, claimed, lowered, words) -> list[_Family]:
        meeting, readable = self._meeting_stems(text, spans, lowered, words)
        if not meeting:
            return []
        heads = {stem[:5] for stem in meeting}  # a stem keeps its word's first five letters

        def wanted(key: str) -> bool:
            return key[:5] in heads and _stem(key) in meeting

        counted: dict[int, bool | None] = {}

        def use(start: int, end: int) -> bool | None:
            """None when the word does not count, else whether it stands in a quotation. A quoted
            use counts too, as evidence that is never flagged: how a quotation spells "website" is
            the outlet's transcription, as its full stops in "U.K." are."""
            if start not in counted:
                ok = start not in claimed and _counts(doc, text, start, end, span.start, quotes=True)
                counted[start] = doc.in_quote(start, end) if ok else None
            return counted[start]

        closed: dict[str, list[tuple[int, int, str]]] = {}
        hyphened: dict[str, list[tuple[int, int, str]]] = {}
        spaced: dict[str, list[tuple[int, int, str]]] = {}
        # start -> where to ask whether the word (or spaced pair) stands before a noun ("freshwater
        # seeps"): its end and its block's. Asked only of the few families that need it.
        attributive: dict[int, tuple[int, int]] = {}
        spaced_attributive: dict[int, tuple[int, int]] = {}
        # Only words whose stem meets another form's are looked at closely (most of this pass's time
        # went on asking every word of the story whether it is quoted or a name). A closed word is
        # also wanted as the plural that a spaced pair's key may be asked about ("websites").
        # start of a spaced pair -> the word before it, in lower case, when only a space comes between
        spaced_lead: dict[int, str] = {}
        for span in (span for span, read in zip(spans, readable) if read):
            prev = None  # the word before, when it has no hyphen: (start, end, word)
            lead = None  # the word before that
            for m in _TOKEN.finditer(text, span.start, span.end):
                start, end = m.span()
                word = m.group()
                low = word.lower()
                if "-" in word:
                    key = low.replace("-", "")
                    if wanted(key) and (q := use(start, end)) is not None:
                        hyphened.setdefault(key, []).append((start, end, word, q))
                    prev = lead = None
                    continue
                if (wanted(low) or low[-1:] == "s" and wanted(low[:-1])) and (q := use(start, end)) is not None:
                    closed.setdefault(low, []).append((start, end, word, q))
                    attributive[start] = (end, span.end)
                if (
                    prev is not None and text[prev[1] : start] == " "
                    and len(prev[2]) >= 3 and len(word) >= 3
                    and prev[2].lower() not in _FUNCTION and low not in _FUNCTION
                    and wanted((prev[2] + word).lower())
                    and (q := use(start, end)) is not None and use(prev[0], prev[1]) == q
                    and not _OBJECT_AND_VERB.search(text, max(span.start, prev[0] - 30), prev[0])
                ):
                    spaced.setdefault((prev[2] + word).lower(), []).append((prev[0], end, f"{prev[2]} {word}", q))
                    spaced_attributive[prev[0]] = (end, span.end)
                    if lead is not None and text[lead[1] : prev[0]].isspace():
                        spaced_lead[prev[0]] = lead[2].lower()
                prev, lead = (start, end, word), prev
        # One family per stem, so a word's inflections and derivations count together: "co-operating"
        # beside "cooperation" and "cooperate" (all "cooperat").
        by_stem: dict[str, set[str]] = {}
        for key in set(hyphened) | set(spaced) | (set(closed) & self.house):
            by_stem.setdefault(_stem(key), set()).add(key)
        closed_by_stem: dict[str, set[str]] = {}
        for word in closed:
            closed_by_stem.setdefault(_stem(word), set()).add(word)
        families = []
        for stem in sorted(by_stem):
            keys = sorted(by_stem[stem] | closed_by_stem.get(stem, set()))
            if any(k in self.exceptions or _stem(k) in self.exception_stems for k in keys):
                continue
            closed_uses = [(s, e, w, k, q) for k, key in enumerate(keys) for s, e, w, q in closed.get(key, [])]
            # Two words are weaker evidence than a hyphen ("air strikes hit"): a spaced form counts
            # only beside its own closed or hyphenated spelling, or that spelling's plural in lower
            # case ("web site" beside "websites"), not another inflection's. Not the other way round:
            # a spaced "-s" is as often a verb ("when the sun sets" beside "sunset"), and a capital
            # names something ("air fleet" beside the site "Airfleets").
            spaced_uses = [(s, e, w, k, q) for k, key in enumerate(keys) for s, e, w, q in spaced.get(key, [])
                           if key in closed or key in hyphened
                           or any(w.islower() for _, _, w, _ in closed.get(_plural(key), []))
                           or _plural_noun(key, spaced_lead.get(s)) and any(w.islower() for _, _, w, _ in closed.get(key[:-1], []))]
            if closed_uses and all(_before_noun(text, *attributive[u[0]]) for u in closed_uses) \
                    and not any(_countable(k) for k in keys):
                # "freshwater seeps" beside "fresh water": an adjective before a noun, a noun phrase
                # elsewhere. Only a spaced form that also stands before a noun is a variant. Not for a
                # countable noun, which before a noun is that noun ("website redesign" and "web site").
                spaced_uses = [u for u in spaced_uses if _before_noun(text, *spaced_attributive[u[0]])]
            open_uses = [(s, e, w, k, q) for k, key in enumerate(keys) for s, e, w, q in hyphened.get(key, [])] + spaced_uses
            if not open_uses or all(u[4] for u in closed_uses + open_uses):
                continue  # one spelling only, or nothing outside quotations to flag
            house_closed = any(k in self.house for k in keys)
            if not closed_uses and not (self.opts["enforce_house"] and house_closed):
                continue
            # Each key's open spelling: its own, else the family's ("co-operation" -> "co-operating").
            forms: dict[int, Counter] = {}
            for u in open_uses:
                forms.setdefault(u[3], Counter())[u[2].lower()] += 1
            model = Counter(u[2].lower() for u in open_uses).most_common(1)[0][0]
            cut = next(i for i, c in enumerate(model) if c in "- ")
            open_words = [
                forms[k].most_common(1)[0][0] if k in forms
                else key[:cut] + model[cut] + key[cut:] if key.startswith(model[:cut]) else model
                for k, key in enumerate(keys)
            ]
            house_open = [k for k in forms if any(f in self.house for f in forms[k])]
            for k in house_open:
                open_words[k] = next(f for f in forms[k] if f in self.house)
            fam = _Family([keys, open_words], quotes_count=True)
            for alt, uses in enumerate((closed_uses, open_uses)):
                for *use, quoted in uses:
                    if quoted:
                        fam.quoted.append(alt)
                    else:
                        fam.add(alt, *use)
            fam.house = 0 if house_closed else 1 if house_open else None
            families.append(fam)
        return families

    def _meeting_stems(self, text, spans, lowered, words) -> tuple[set[str], list[bool]]:
        """A cheap first pass: the stems at which an open form (hyphenated or spaced) meets a closed
        one (or a house form), and which spans hold a word or a spaced pair with such a stem. Most
        stories have no such stem, and then the careful pass is skipped; the others have a handful,
        and the careful pass reads only those spans, and looks only at the words with those stems."""
        closed, span_forms = set(), []
        for span, span_words in zip(spans, words):
            closed.update(span_words)
            forms = {w.replace("-", "") for w in _lower_findall(_HYPHENED_RE, text, lowered, span)}
            forms.update(a + b for a, b in _lower_findall(_PAIR_RE, text, lowered, span))
            span_forms.append(forms)
        closed = {w for w in closed if "-" not in w}
        if self.opts["enforce_house"]:
            closed |= self.house
        # A stem is its word's first five letters or more (or the whole of a shorter word), so an
        # open form can only meet a closed word that begins as it does: only those are stemmed, not
        # every word and pair of words in the story (most of this pass's time, before).
        heads = {w[:5] for w in closed}
        forms = {w for w in set().union(*span_forms) if w[:5] in heads}
        if not forms:
            return set(), []
        form_heads = {w[:5] for w in forms}
        targets = {_stem(w) for w in closed if w[:5] in form_heads}
        meeting = {stem for stem in map(_stem, forms) if stem in targets}
        if not meeting:
            return set(), []
        wanted_forms = {w for w in forms if _stem(w) in meeting}
        # The closed words the careful pass wants: those of a meeting stem, and plurals it may ask about.
        wanted_closed = {w for w in closed if (w[:5] in form_heads and _stem(w) in meeting)
                         or (w[-1:] == "s" and w[:-1][:5] in form_heads and _stem(w[:-1]) in meeting)}
        return meeting, [not wanted_forms.isdisjoint(f) or not wanted_closed.isdisjoint(w) for f, w in zip(span_forms, words)]

    def _findings(self, fam: _Family, dialect: str | None) -> Iterator[Match]:
        alternatives = fam.alternatives
        counts = Counter({a: len(u) for a, u in fam.uses.items()}) + fam.evidence
        if not fam.uses:
            return
        if fam.house is not None and (len(counts) > 1 or self.opts["enforce_house"]):
            winner, from_house = fam.house, True
        elif len(counts) > 1:
            first_use = {a: min((u[0] for u in fam.uses.get(a, ())), default=1 << 62) for a in counts}
            # A tie goes to the story's dialect, else to a spelling used outside quotations (unless the
            # quotation's spelling is the outlet's own transcription: nobody speaks the full stops of
            # "U.K."), else to the standard spelling over a variant, else to the spelling used first.
            d = fam.dialects or ("",) * len(alternatives)  # a group may hold three spellings or more
            for a, start in fam.quoted_first.items():
                first_use[a] = min(first_use.get(a, start), start)
            winner = max(counts, key=lambda a: (counts[a], d[a].replace("Z", "A") == dialect,
                                                a in fam.uses or a in fam.quoted_first, d[a] == "=", -first_use[a]))
            from_house = False
        else:
            return
        # The message names a spelling the story really uses ("focussed" beside "focusing"); the
        # suggestion is the same inflection in that spelling ("focused").
        seen = Counter(u[2] for u in fam.uses.get(winner, ()))
        for alt, uses in fam.uses.items():
            if alt == winner:
                continue
            for start, end, written, k in uses:
                target = alternatives[winner][min(k, len(alternatives[winner]) - 1)]
                replacement = target if fam.exact else _same_case(written, target)
                shown = target if not seen or target in seen else seen.most_common(1)[0][0]
                args = (written, str(counts[alt]), shown, str(counts.get(winner, 0)))
                fix = None
                if self.fix_safe is not None:
                    safe = (self.opts["house_fix"] == "safe") if from_house else self.fix_safe
                    fix = Fix(start, end, replacement, safe)
                yield Match(start, end, args=args, suggestions=(replacement,), fix=fix)


# -- helpers -------------------------------------------------------------------
def _votes(fam: _Family) -> Counter:
    """How many of a family's uses are American ("A"), British ("B") or -ize ("Z") spellings."""
    if not fam.dialects:
        return Counter()
    return Counter({fam.dialects[a]: len(uses) for a, uses in fam.uses.items() if fam.dialects[a] in "ABZ"})


def _fits(spelling: str, dialect: str | None) -> bool:
    """A spelling tagged `spelling` ("A", "B", "Z": American, and Oxford British too; "=" or "v") belongs
    in copy of `dialect` (None: the story shows none, and any regional spelling belongs)."""
    return spelling == "=" or spelling.replace("Z", "A") in (dialect or "AB")


def _dialect(votes: Counter) -> str | None:
    """"A" or "B" when the story's American or British spellings are the more. Oxford British writes
    "organize" as American copy does ("Z"), so -ize counts as American only in a story with no British
    spelling at all: beside "colour" or "analyse" it is Oxford's."""
    a, b = votes["A"] + (votes["Z"] if not votes["B"] else 0), votes["B"]
    return None if a == b else "A" if a > b else "B"


# Abbreviations: capitals with full stops ("U.S.", "U.K.-based"), capitals without ("US", "COVID-19"
# but not the "US" of a currency, "US$5"), an acronym written as a word ("Nato", "Covid-19"), and a
# time's "a.m."/"am" (only after a number: "am" is a verb).
# Abbreviations that stand before a name ("Mr. Smith", "Gov. Brown", "St. Louis"): a capital after their stop
# continues the name. Any other (a suffix: "Ltd.", "Inc.", "Jr.") before a capital may end the sentence.
_BEFORE_NAMES = frozenset("Mr Mrs Ms Mx Dr Prof Sen Rep Lt Sgt Capt Rev St Mt Ft".split())
_NEW_SENTENCE = re.compile(r"[\"”’')\]]*\s*(?:$|[A-Z“\"‘'(\[])")
_DOTTED = re.compile(r"(?<![\w.'’])(?:[A-Z]\.){2,4}(?!\w)")
_CAPITALS = re.compile(r"(?<![\w.'’])[A-Z]{2,8}(?![\w$]|\.\w)")
_TITLED = re.compile(r"(?<![\w.'’-])[A-Z][a-z]{3,}(?!\w|\.\w)")
_TIME = re.compile(r"(?<=\d) ?([aApP]\.[mM]\.|[aApP][mM])(?![\w.]\w|\w)")


# Capitals beside a word of three capitals or more, in a run of three words in capitals, or in a line
# without a small letter, are set in capitals (a headline "JAPAN, BRITAIN DISAGREE", "BANK OF FRANCE
# SELLS TAP STOCK - The Verge", a table's "NORTH SEA (FOB)"): they spell nothing.
_SHOUTING = re.compile(r"[^\w\n]{1,3}[A-Z]{3,}\b|[ \t]+[A-Z]{2,}[ \t]+[A-Z]{2,}\b")
_SHOUTED = re.compile(r"\b[A-Z]{3,}[^\w\n]{1,3}\Z|\b[A-Z]{2,}[ \t]+[A-Z]{2,}[ \t]+\Z")


def _shouting(text: str, m, span, lines: "_Lines") -> bool:
    if _SHOUTING.match(text, m.end(), span.end) or _SHOUTED.search(text, max(span.start, m.start() - 40), m.start()):
        return True
    return not lines.has_small_letter(span, m.start(), m.end())


class _Lines:
    """Whether the line (within a span) around a match has a small letter: where the text's lines break is
    found once, and each line read once (reading it again for every capital in it was quadratic on a long line)."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.seen: dict[tuple[int, int], bool] = {}

    def has_small_letter(self, span, start: int, end: int) -> bool:
        k = bisect.bisect_left(self.breaks, start)  # the last break before the match ends the line before it
        a = max(self.breaks[k - 1] + 1 if k else 0, span.start)
        j = bisect.bisect_left(self.breaks, end)  # the first break after it ends its line
        b = self.breaks[j] if j < len(self.breaks) and self.breaks[j] < span.end else span.end
        if (a, b) not in self.seen:
            self.seen[a, b] = any(c.islower() for c in self.text[a:b])
        return self.seen[a, b]

# After a capitalised word (not one opening a sentence) an abbreviation ends a name ("Social Media
# Club DC", "Shell UK"), spelt as its owner spells it. Before one it is mostly the country's
# adjective ("U.S. Senate", "UK Government"), so that counts.
_NAME_BEHIND = re.compile(r"(?<![\w'’.-])[A-Z][\w-]* \Z")


def _in_name(text: str, m, span) -> bool:
    behind = _NAME_BEHIND.search(text, max(span.start, m.start() - 40), m.start())
    return behind is not None and not opens_sentence(text, behind.start(), span.start)

_NEXT_WORD = regex_compile(r"[ \t]+([a-z]+)\b")


@lru_cache(maxsize=1)
def _countable_nouns() -> frozenset[str]:
    """Words the en_US Hunspell dictionary (spylls) gives a plural: nouns one can count ("website"), not
    mass nouns and adjectives ("freshwater", "firsthand"). Empty without spylls."""
    from newslint.names.compare import dictionary_entries

    return frozenset(stem for stem, flags in dictionary_entries() if "S" in flags and stem.islower())


def _countable(word: str) -> bool:
    return word in _countable_nouns() or (word.endswith("s") and word[:-1] in _countable_nouns())


def _before_noun(text: str, end: int, stop: int) -> bool:
    """Whether a lowercase content word follows (a rough test for attributive use, no parser needed).

    A participle that opens a clause is not that noun: in "a database detailing the fleet" or
    "the data base listed in", the -ing/-ed word is followed by a function word, whereas a noun
    modified by the compound goes on as a phrase ("freshwater fishing trips", "freshwater seeps").
    """
    m = _NEXT_WORD.match(text, end, stop)
    if m is None or m.group(1) in _FUNCTION:
        return False
    if m.group(1).endswith(("ing", "ed")):
        after = _NEXT_WORD.match(text, m.end(), stop)
        return after is None or after.group(1) not in _FUNCTION
    return True


_SUFFIXES = ("ions", "ion", "ings", "ing", "ives", "ive", "ers", "er", "ors", "or", "ed", "es", "e", "s")
# The suffixes by their last letter, in the same order: a word is tried only against those it can end in.
_SUFFIXES_BY_LAST = {c: tuple(x for x in _SUFFIXES if x[-1] == c) for c in {x[-1] for x in _SUFFIXES}}


def _words_by_span(text: str, spans) -> tuple[str | None, list[list[str]]]:
    """The text in lower case, and each span's words in lower case: found once, for the first passes
    of both the lists and the compounds, in the lowered text (no str.lower per word). Not where
    lowering the text differs from lowering each word: where it changes the length ("İ", which would
    move every offset after it), or where a capital sigma's lower case depends on what follows it
    (the only rule of context str.lower applies)."""
    lowered = text.lower()
    if len(lowered) != len(text) or "Σ" in text:
        lowered = None
    return lowered, [_lower_findall(_WORD_RE, text, lowered, span) for span in spans]


def _lower_findall(pattern, text: str, lowered: str | None, span) -> list:
    """pattern.findall over a span, in lower case: in the lowered text when it has the same offsets."""
    if lowered is not None:
        return pattern.findall(lowered, span.start, span.end)
    found = pattern.findall(text, span.start, span.end)
    return [tuple(x.lower() for x in f) if isinstance(f, tuple) else f.lower() for f in found]


def _plural(word: str) -> str:
    """The regular plural of a closed compound's singular, or '' when it looks plural already."""
    return "" if word.endswith("s") else word + "s"


# What stands only before a plural noun phrase: a quantifier of countable things, a number, a preposition other
# than "of" ("many web sites", "three data sets", "through log files", "due to write downs"). Not a determiner, a
# possessive or a conjunction ("when the sun sets", "now his hand shakes"), not a quantifier of mass nouns ("most
# rain falls", "more snow falls"), not "of" ("the amount of rain falls" is the amount's verb), nor a word of any
# open class ("the heaviest rain falls").
_BEFORE_A_NOUN = frozenset("""many few fewer several numerous various both these those two three four five six seven
    eight nine ten dozens hundreds thousands millions for with on in from to by about through across via like than
    among between into onto over under without within against toward towards""".split())


def _plural_noun(key: str, lead: str | None) -> bool:
    """Whether a spaced pair ending in -s ("web sites") is the plural of its closed singular ("website") rather
    than a noun and its verb ("rain falls" beside "rainfall"): the word before it stands only before a noun
    phrase. Unknown (the pair opens a sentence or follows a mark): no."""
    return key.endswith("s") and lead in _BEFORE_A_NOUN


@lru_cache(maxsize=1 << 16)  # a long story repeats its words: stemming each once keeps the pass linear and cheap
def _stem(word: str) -> str:
    """A compound's stem, at most two endings off and five letters left, so that its inflections
    and derivations meet: co-operating, cooperation, cooperative -> cooperat."""
    for _ in range(2):
        for suffix in _SUFFIXES_BY_LAST.get(word[-1:], ()):
            if word.endswith(suffix) and len(word) - len(suffix) >= 5:
                word = word[: -len(suffix)]
                break
        else:
            break
    return word


def _norm(word: str) -> str:
    return " ".join(word.lower().split())


# A sentence may open with a name: a word with a capital inside it ("E-Mail Partners", "DrugShortages
# App"), or the first of capitalised words that end in a company suffix ("Email Partners Ltd").
_INNER_CAPITAL = regex_compile(r"(?<=.)[A-Z]")
_COMPANY_AHEAD = regex_compile(
    r"(?:[ \t]+(?:&|[A-Z][\w’'&.-]*)){0,4}?[ \t]+(?:Ltd|Limited|Inc|Corp|Corporation|plc|PLC|LLC|LLP|GmbH|AG|SA|NV|Co|Group|Holdings)\b"
)


def _counts(doc, text: str, start: int, end: int, block_start: int, name: bool = True, quotes: bool = False) -> bool:
    """Whether a use counts: outside quotations (unless `quotes`), and (when `name`) not a name:
    capitalised inside a sentence, or opening one as a name does ("E-Mail Partners Ltd said ...")."""
    if not quotes and doc.in_quote(start, end):
        return False
    if name and text[start].isupper():
        if not opens_sentence(text, start, block_start):
            return False
        word = text[start:end]
        if (_INNER_CAPITAL.search(word) and not word.isupper()) or _COMPANY_AHEAD.match(text, end):
            return False
        if _named_elsewhere(doc, text, word):
            return False  # "Honor was spun off ..." where the story writes "smartphone maker Honor"
    return True


def _named_elsewhere(doc, text: str, word: str) -> bool:
    """The story writes this capitalised word inside a sentence too: it is a name there, and so here. Asked
    only of a listed spelling opening a sentence (rare), so the search runs seldom."""
    cache = doc.__dict__.setdefault("_variants_named", {})
    if word not in cache:
        cache[word] = any(not opens_sentence(text, m.start(), text.rfind("\n", 0, m.start()) + 1)
                          for m in regex.finditer(rf"(?<![\w'’-]){regex.escape(word)}(?![\w'’-])", text))
    return cache[word]


def _term_of_art(text: str, start: int, end: int, word: str, span) -> bool:
    """A term of art in its field: "judgment" near a court, a judge, a ruling or an appeal; or a verb that British
    English spells as American English does ("to license the drug"; its noun is a "licence")."""
    if word.lower() in _BRITISH_VERBS:
        return _DETERMINER_BEFORE.search(text, max(span.start, start - 12), start) is None
    field = _TERMS_OF_ART.get(word.lower())
    if field is None:
        return False
    return field.search(text, max(span.start, start - _NEAR), min(span.end, end + _NEAR)) is not None


def _same_case(written: str, target: str) -> str:
    if written.isupper() and len(written) > 1:
        return target.upper()
    if written[:1].isupper():
        return target[:1].upper() + target[1:]
    return target


def _expand_item(item: str) -> list[str]:
    m = _FAMILY.match(item.strip())
    if not m:
        return [item.strip()]
    stem, endings = m.groups()
    return [stem + e.strip() for e in endings.split("|")]


def _expand_group(group, fail, sep: str | None = None) -> list[list[str]]:
    """A group's alternatives, each a list of words; `sep` splits an item into its words (a table's
    "color,colors"), else an item is one word or a family `stem(ending|ending|...)`."""
    if not isinstance(group, list) or len(group) < 2 or not all(isinstance(x, str) and x.strip() for x in group):
        raise fail("a group is a list of at least two spellings")
    expanded = []
    for item in group:
        if sep is not None:
            expanded.append([w.strip() for w in item.split(sep)])
            continue
        if ("(" in item or "|" in item) and not _FAMILY.match(item.strip()):
            raise fail(f"'{item}': write a family as stem(ending|ending|...)")
        expanded.append(_expand_item(item))
    sizes = {len(words) for words in expanded}
    if len(sizes) > 1:
        raise fail(f"the spellings expand to different numbers of words ({', '.join(str(len(w)) for w in expanded)}): "
                   "each item must list the same endings, in the same order")
    return expanded


_DIALECTS = {"american": "A", "british": "B"}


def _groups_from_node(node, ref: str) -> list[tuple[list[list[str]], tuple | None]]:
    """Groups from YAML: a list of spellings, or `{american: ..., british: ...}` for a pair whose
    dialects are known."""
    import yaml  # here, not at the top: a run whose rules come from the rule store reads no YAML

    if not isinstance(node, yaml.SequenceNode):
        raise lists.fail("lists", ref, node, "'variants' must be a list of groups")
    groups = []
    for item in node.value:
        fail = lambda msg, item=item: lists.fail("lists", ref, item, msg)  # noqa: E731
        if isinstance(item, yaml.MappingNode):
            keys = [lists.scalar(k) for k, _ in item.value]
            if sorted(map(str, keys)) != ["american", "british"]:
                raise fail("a group with dialects has the keys american and british")
            groups.append((_expand_group([lists.scalar(v) for _, v in item.value], fail),
                           tuple(_DIALECTS[k] for k in keys)))
            continue
        if not isinstance(item, yaml.SequenceNode):
            raise fail("a group is a list of at least two spellings, e.g. [per cent, percent]")
        groups.append((_expand_group([lists.scalar(x) for x in item.value], fail), None))
    return groups


def _groups_from_tsv(rule_path: str, ref: str) -> list[tuple[list[list[str]], tuple | None]]:
    """Groups from a table: one family a line, `spellings<TAB>other spellings[<TAB>kind...]`, each
    column's words comma-separated and aligned; kind `A/B` says the first column is American and
    the second British, `Z/B` the same where Oxford British writes the first too ("organize": it
    tells no dialect, "organise" does), `=` that the first is the standard spelling and the second a
    variant of it (data/variants_spelling.tsv). `#` starts a comment line."""
    try:
        lines = lists.resolve(rule_path, ref).read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise OptionError("lists", f"'lists': cannot read {ref}: {getattr(exc, 'strerror', None) or exc}") from None
    kinds = {"A/B": ("A", "B"), "Z/B": ("Z", "B"), "=": ("=", "v")}
    groups = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 2:
            raise OptionError("lists", f"'lists': {ref}:{n}: expected two tab-separated columns of spellings")
        group = _expand_group([cols[0], cols[1]], lambda msg: OptionError("lists", f"'lists': {ref}:{n}: {msg}"), sep=",")
        groups.append((group, kinds.get(cols[2]) if len(cols) > 2 else None))
    return groups
