"""`extends: variants` — one word spelt two ways in one story ("cease-fire" beside "ceasefire").

Two sources of variants:

* **Compounds, without a list.** A hyphenated word ("cease-fire", "e-mail",
  "co-operation") or two words ("health care") whose closed form ("ceasefire",
  "email", "cooperation", "healthcare") is also in the story. The hyphenated
  and spaced forms count together as the open spelling, against the closed
  one; hyphenated against spaced alone is never compared, because grammar
  decides it ("a well-known author", "the author is well known"). Spaced pairs
  are left alone when either word is a function word or a particle ("every
  day" / "everyday", "set up" / "setup", "break down" / "breakdown" differ in
  meaning), or when they are an object and its verb after a verb of perception
  or causing ("sees the sun rise" / "sunrise"); `compound_exceptions` lists
  closed words whose hyphenated form is another word ("re-sign" / "resign",
  "re-cover" / "recover").
* **Groups, from lists.** `lists` names YAML files (relative to the rule
  file) of groups such as `[organis(e|ed|ation), organiz(e|ed|ation)]` or
  `[per cent, percent]`; see `rules/Newsroom/data/variants.yml` for the format.
  `groups` adds groups inline in the rule.

For each group (or compound) spelt more than one way, every use of the
minority spelling is flagged; the message names both spellings and how often
each is used, and the suggestion is the story's majority spelling — or the
house form, when `house` lists one (`house: [ceasefire, organisation, per
cent]`). On a tie the spelling used first wins. With `enforce_house: true` a
non-house spelling is flagged even when the story is consistent.

What counts: all prose, title and headings included, except quotations (a
quote keeps its source's spelling), names — capitalised words inside a
sentence ("World Health Organization", "Labor Day", "Cease-Fire Agreement"),
or opening one as a name does: with a capital inside ("E-Mail Partners",
"DrugShortages App"), or starting a company's name ("Email Partners Ltd
said") — and terms of art in their field ("judgment" near a court, a judge, a
ruling or an appeal is the legal spelling even where "judgement" is the
house's). A word ends at a space or punctuation, not inside an abbreviation
("Korean-U.S." is one word, never "Korean-U").

The fix writes the suggested spelling, keeping capitalisation. A rewrite to a
configured house form is as safe as `house_fix` says (default safe); a rewrite
to the majority spelling is as safe as the rule's `fix:` says (`unsafe` in
the built-in rule: the majority is not always the house style).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterator

import re

import regex
import yaml

from newslint.checks import _datalists as lists
from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Fix, Match
from newslint.document.sentences import opens_sentence
from newslint.patterns import trie_pattern

# The first pass uses stdlib re (faster than `regex` on these simple patterns): every word, and
# every two words with one space between (the second in a lookahead, so pairs overlap).
# A word ends at a space or punctuation, but not inside an abbreviation: "Korean-U.S." is no "Korean-U".
_WORD_RE = re.compile(r"(?<![\w'’-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-]|\.\w)")
_PAIR_RE = re.compile(r"(?<![\w'’-])([^\W\d_]+)(?= ([^\W\d_]+)(?![\w-]|\.\w))")
_TOKEN = regex.compile(r"(?<![\w'’-])[^\W\d_]+(?:-[^\W\d_]+)*(?![\w-]|\.\w)")
# A term of art keeps its field's spelling whatever the house style: British style writes
# "judgement", but a court's decision is a "judgment". Such a use is not counted.
_TERMS_OF_ART = {
    "judgment": regex.compile(
        r"\b(?:courts?|judges?|justices?|rul(?:ing|ings|ed)|appeals?|appealed|tribunal|verdict|lawsuit|"
        r"sentenc\w*|claimants?|defendants?|plaintiffs?|legal)\b",
        regex.IGNORECASE,
    ),
}
_TERMS_OF_ART["judgments"] = _TERMS_OF_ART["judgment"]
_NEAR = 200  # how far (in characters, within the paragraph) a term's field shows
# "sees the sun rise", "watched the sun set": after a verb of perception or causing, a noun and a
# bare verb are a clause, not an open compound ("sunrise", "sunset").
_OBJECT_AND_VERB = regex.compile(
    r"\b(?:see|sees|saw|seen|seeing|watch(?:es|ed|ing)?|hear(?:s|d|ing)?|feel|feels|felt|let|lets|letting|"
    r"make|makes|made|making|help(?:s|ed|ing)?)\s+(?:(?:the|a|an|their|his|her|its|our|my|your)\s+)?\Z",
    regex.IGNORECASE,
)
_FAMILY = regex.compile(r"\A([^()|]*)\(([^()]*)\)\Z")
# Words that make a spaced pair a phrase, not an open compound.
_FUNCTION = frozenset(
    """a an the every any some no all each may might can could will would shall should must be is are was
    were been being do does did have has had not in on at to into onto of off for from with by as up down
    out over under back away through about around along apart aside ahead together there here where what
    when how who whom which whose why ever never more most less least so too very well also just even still
    yet then than that this these those it its he she they we you i him her them us our their his my your
    one two three four five six seven eight nine ten eleven twelve twenty hundred thousand million billion
    first second third last next per""".split()
)


@dataclass
class _Family:
    """Spellings of one word (or word family) and where each is used."""

    alternatives: list[list[str]]  # alternative -> its words (aligned by index)
    uses: dict[int, list[tuple[int, int, str, int]]] = field(default_factory=dict)  # alt -> (start, end, text, k)
    house: int | None = None

    def add(self, alt: int, start: int, end: int, text: str, k: int = 0) -> None:
        self.uses.setdefault(alt, []).append((start, end, text, k))


class Variants(Check):
    kind = "variants"
    summary = "Flags a word spelt two ways in one story (cease-fire / ceasefire, organisation / organization)."
    can_fix = True
    options = {
        "lists": Option("list", [], doc="YAML files of variant groups (paths relative to the rule file)"),
        "groups": Option("list", [], doc="more groups inline: [[per cent, percent], ...]"),
        "compounds": Option("bool", True, doc="find hyphenated/spaced/closed forms of a compound without a list"),
        "compound_exceptions": Option("list", [], doc="closed words whose hyphenated form is another word (resign)"),
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
        self.house = {_norm(x) for x in self.opts["house"]}
        # Each group: a list of alternatives, each a list of words (aligned by index).
        self.groups: list[list[list[str]]] = []
        for ref in self.opts["lists"]:
            node, _ = lists.read_list(self.rule.path, ref, "lists", "variants")
            self.groups.extend(_groups_from_node(node, ref))
        for i, group in enumerate(self.opts["groups"]):
            self.groups.append(_expand_group(group, lambda msg, i=i: OptionError("groups", f"'groups' item {i + 1}: {msg}")))
        self.index: dict[str, tuple[int, int, int]] = {}  # spelling -> (group, alternative, k)
        for g, group in enumerate(self.groups):
            for a, words in enumerate(group):
                for k, word in enumerate(words):
                    self.index.setdefault(_norm(word), (g, a, k))
        body = trie_pattern(list(self.index))
        # stdlib re: this pattern is built from a fixed list (no runaway risk) and re compiles
        # a long alternation several times faster than `regex`, which every run's start-up pays.
        self.pattern = re.compile(r"(?<![\w'’-])(?:" + body + r")(?![\w-]|\.\w)", re.IGNORECASE) if self.index else None

    # -- the check ---------------------------------------------------------
    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        text = scope.source
        spans = scope.spans
        families: list[_Family] = []
        claimed: set[int] = set()
        if self.pattern is not None:
            families.extend(self._listed(doc, text, spans, claimed))
        if self.opts["compounds"]:
            families.extend(self._compounds(doc, text, spans, claimed))
        matches: list[Match] = []
        for family in families:
            matches.extend(self._findings(family))
        matches.sort(key=lambda m: m.start)
        yield from matches

    def _listed(self, doc, text, spans, claimed) -> list[_Family]:
        families: dict[int, _Family] = {}
        for span in spans:
            for m in self.pattern.finditer(text, span.start, span.end):
                if not _counts(doc, text, m.start(), m.end(), span.start) or _term_of_art(text, m, span):
                    continue
                g, a, k = self.index[_norm(m.group())]
                fam = families.get(g)
                if fam is None:
                    fam = families[g] = _Family(self.groups[g])
                    fam.house = next((i for i, words in enumerate(self.groups[g]) if any(_norm(w) in self.house for w in words)), None)
                fam.add(a, m.start(), m.end(), m.group(), k)
                claimed.add(m.start())
        return list(families.values())

    def _compounds(self, doc, text, spans, claimed) -> list[_Family]:
        if not self._may_have_compounds(text, spans):
            return []
        closed: dict[str, list[tuple[int, int, str]]] = {}
        hyphened: dict[str, list[tuple[int, int, str]]] = {}
        spaced: dict[str, list[tuple[int, int, str]]] = {}
        # start -> whether the word (or spaced pair) stands before a noun ("freshwater seeps")
        attributive: dict[int, bool] = {}
        spaced_attributive: dict[int, bool] = {}
        for span in spans:
            prev = None
            for m in _TOKEN.finditer(text, span.start, span.end):
                word = m.group()
                ok = m.start() not in claimed and _counts(doc, text, m.start(), m.end(), span.start)
                if "-" in word:
                    if ok:
                        hyphened.setdefault(word.replace("-", "").lower(), []).append((m.start(), m.end(), word))
                    prev = None
                    continue
                if ok:
                    closed.setdefault(word.lower(), []).append((m.start(), m.end(), word))
                    attributive[m.start()] = _before_noun(text, m.end(), span.end)
                if (
                    ok and prev is not None and text[prev[1] : m.start()] == " "
                    and len(prev[2]) >= 3 and len(word) >= 3
                    and prev[2].lower() not in _FUNCTION and word.lower() not in _FUNCTION
                    and not _OBJECT_AND_VERB.search(text, max(span.start, prev[0] - 30), prev[0])
                ):
                    spaced.setdefault((prev[2] + word).lower(), []).append((prev[0], m.end(), f"{prev[2]} {word}"))
                    spaced_attributive[prev[0]] = _before_noun(text, m.end(), span.end)
                prev = (m.start(), m.end(), word) if ok else None
        families = []
        for key in sorted(set(hyphened) | set(spaced) | (set(closed) & self.house)):
            if key in self.exceptions:
                continue
            closed_uses = closed.get(key, [])
            spaced_uses = spaced.get(key, [])
            if closed_uses and all(attributive[u[0]] for u in closed_uses):
                # "freshwater seeps" beside "fresh water": an adjective before a noun, a noun phrase
                # elsewhere. Only a spaced form that also stands before a noun is a variant.
                spaced_uses = [u for u in spaced_uses if spaced_attributive[u[0]]]
            open_uses = hyphened.get(key, []) + spaced_uses
            if not open_uses:
                continue
            if not closed_uses and not (self.opts["enforce_house"] and key in self.house):
                continue
            open_forms = Counter(u[2].lower() for u in open_uses)
            open_form = open_forms.most_common(1)[0][0]
            fam = _Family([[key], [open_form]])
            for s, e, w in closed_uses:
                fam.add(0, s, e, w)
            for s, e, w in open_uses:
                fam.add(1, s, e, w)
            if key in self.house:
                fam.house = 0
            elif any(f in self.house for f in open_forms):
                fam.house = 1
                fam.alternatives[1] = [next(f for f in open_forms if f in self.house)]
            families.append(fam)
        return families

    def _may_have_compounds(self, text, spans) -> bool:
        """A cheap first pass: does an open form (hyphenated or spaced) meet a closed one (or a
        house form) at all? Most stories have none, and then the careful pass is skipped."""
        closed, open_forms = set(), set()
        for span in spans:
            words = _WORD_RE.findall(text, span.start, span.end)
            closed.update(w.lower() for w in words if "-" not in w)
            open_forms.update(w.replace("-", "").lower() for w in words if "-" in w)
            open_forms.update((a + b).lower() for a, b in _PAIR_RE.findall(text, span.start, span.end))
        targets = closed | (self.house if self.opts["enforce_house"] else set())
        return not open_forms.isdisjoint(targets)

    def _findings(self, fam: _Family) -> Iterator[Match]:
        alternatives = fam.alternatives
        counts = {a: len(u) for a, u in fam.uses.items()}
        if fam.house is not None and (len(counts) > 1 or self.opts["enforce_house"]):
            winner, from_house = fam.house, True
        elif len(counts) > 1:
            first_use = {a: min(u[0] for u in uses) for a, uses in fam.uses.items()}
            winner = max(counts, key=lambda a: (counts[a], -first_use[a]))
            from_house = False
        else:
            return
        for alt, uses in fam.uses.items():
            if alt == winner:
                continue
            for start, end, written, k in uses:
                target = alternatives[winner][min(k, len(alternatives[winner]) - 1)]
                replacement = _same_case(written, target)
                args = (written, str(counts[alt]), target, str(counts.get(winner, 0)))
                fix = None
                if self.fix_safe is not None:
                    safe = (self.opts["house_fix"] == "safe") if from_house else self.fix_safe
                    fix = Fix(start, end, replacement, safe)
                yield Match(start, end, args=args, suggestions=(replacement,), fix=fix)


# -- helpers -------------------------------------------------------------------
_NEXT_WORD = regex.compile(r"[ \t]+([a-z]+)\b")


def _before_noun(text: str, end: int, stop: int) -> bool:
    """Whether a lowercase content word follows (a rough test for attributive use, no parser needed)."""
    m = _NEXT_WORD.match(text, end, stop)
    return m is not None and m.group(1) not in _FUNCTION


def _norm(word: str) -> str:
    return " ".join(word.lower().split())


# A sentence may open with a name: a word with a capital inside it ("E-Mail Partners", "DrugShortages
# App"), or the first of capitalised words that end in a company suffix ("Email Partners Ltd").
_INNER_CAPITAL = regex.compile(r"(?<=.)[A-Z]")
_COMPANY_AHEAD = regex.compile(
    r"(?:[ \t]+(?:&|[A-Z][\w’'&.-]*)){0,4}?[ \t]+(?:Ltd|Limited|Inc|Corp|Corporation|plc|PLC|LLC|LLP|GmbH|AG|SA|NV|Co|Group|Holdings)\b"
)


def _counts(doc, text: str, start: int, end: int, block_start: int) -> bool:
    """Whether a use counts: outside quotations, and not a name: capitalised inside a sentence, or
    opening one as a name does ("E-Mail Partners Ltd said ...")."""
    if doc.in_quote(start, end):
        return False
    if text[start].isupper():
        if not opens_sentence(text, start, block_start):
            return False
        word = text[start:end]
        if (_INNER_CAPITAL.search(word) and not word.isupper()) or _COMPANY_AHEAD.match(text, end):
            return False
    return True


def _term_of_art(text: str, m, span) -> bool:
    """A term of art in its field: "judgment" near a court, a judge, a ruling or an appeal."""
    field = _TERMS_OF_ART.get(m.group().lower())
    if field is None:
        return False
    return field.search(text, max(span.start, m.start() - _NEAR), min(span.end, m.end() + _NEAR)) is not None


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


def _expand_group(group, fail) -> list[list[str]]:
    if not isinstance(group, list) or len(group) < 2 or not all(isinstance(x, str) and x.strip() for x in group):
        raise fail("a group is a list of at least two spellings")
    expanded = []
    for item in group:
        if ("(" in item or "|" in item) and not _FAMILY.match(item.strip()):
            raise fail(f"'{item}': write a family as stem(ending|ending|...)")
        expanded.append(_expand_item(item))
    sizes = {len(words) for words in expanded}
    if len(sizes) > 1:
        raise fail(f"the spellings expand to different numbers of words ({', '.join(str(len(w)) for w in expanded)}): "
                   "each item must list the same endings, in the same order")
    return expanded


def _groups_from_node(node, ref: str) -> list[list[list[str]]]:
    if not isinstance(node, yaml.SequenceNode):
        raise lists.fail("lists", ref, node, "'variants' must be a list of groups")
    groups = []
    for item in node.value:
        if not isinstance(item, yaml.SequenceNode):
            raise lists.fail("lists", ref, item, "a group is a list of at least two spellings, e.g. [per cent, percent]")
        values = [lists.scalar(x) for x in item.value]
        groups.append(_expand_group(values, lambda msg, item=item: lists.fail("lists", ref, item, msg)))
    return groups
