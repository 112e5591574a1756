"""`extends: known-names` — a name the newsroom's names list spells otherwise ("Ismail Hanyahu" for Haniyeh).

The list (`names`: YAML or CSV files relative to the rule file, `@starter` for
the one shipped with newslint; see `newslint.names.namelist`) gives each name's
canonical spelling, accepted variants and known misspellings. Each name of the
document (spaCy entities plus capitalised sequences, as for name-consistency)
and each run of its words is looked up:

* a right form (canonical or variant) is never reported;
* a listed misspelling is reported;
* otherwise a near-spelling is reported only on strong evidence, so that a
  name the list does not know is never "corrected" into someone else:
  - the same transliteration key as a listed form (q/k, y/i, doubled letters,
    dropped final h...), for a name of two or more words ("Al-Kahera News"), or
    of one word that spaCy tags with the entry's kind (a place as GPE/LOC/FAC);
  - for people: the same first name and a surname that is a transliteration or
    vowel variant of the listed surname ("Ismail Hanyahu" / "Ismail Haniyeh"),
    the name being tagged as a person or untagged.
  A later bare surname equal to a reported one ("Hanyahu said") is reported too.

The finding covers the words that differ from the listed spelling (the
surname "Hanyahu", not "Ismail"; "Al-Kahera", not "News"), aligned word by
word; the suggestion and the unsafe fix are the listed words. When the word
counts differ the whole name is reported and the fix is the whole canonical
form. Quotations, headlines and subheads are checked like the body: a name's
spelling is the newsroom's in all of them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import regex

from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Fix, Match
from newslint.names import namelist
from newslint.names.candidates import alias_words, mentions_in
from newslint.names.compare import fold, key, normalise, variant

MAX_WORDS = 5
# spaCy labels that fit an entry's kind, for a one-word name.
FITS = {"person": ("PERSON",), "place": ("GPE", "LOC", "FAC"), "org": ("ORG",)}


class KnownNames(Check):
    kind = "known-names"
    summary = "Flags a name that a names list spells otherwise (suggesting the canonical form)."
    needs_nlp = True
    nlp_components = ("ner", "parser")  # entities, and sentence starts from the parser
    can_fix = True
    options = {
        "names": Option("list", [namelist.STARTER], doc="names lists (YAML or CSV) relative to the rule file; @starter is the list shipped with newslint"),
    }

    def setup(self) -> None:
        paths = self.opts["names"]
        if not paths or not all(isinstance(p, str) for p in paths):
            raise OptionError("names", "'names' must list at least one names file (YAML or CSV)")
        self._lists = namelist.LazyLists(paths, Path(self.rule.path).parent)

    @property
    def names(self):
        return self._lists.get()

    def check(self, doc) -> Iterator[Match]:
        spans = self.scope(doc).spans
        found = mentions_in(doc, spans)
        if not found:
            return
        aliases = alias_words(doc, tuple(found))
        wrong_words: dict[str, str] = {}  # a reported surname -> its listed spelling
        reported: set[int] = set()
        for m in found:
            for start, end, right in self._match(doc, m, aliases):
                if start in reported:
                    continue
                reported.add(start)
                if " " not in right and m.label in ("PERSON", None):
                    wrong_words[fold(doc.text[start:end])] = right
                yield self._report(doc, start, end, right)
        if wrong_words:
            for m in found:
                if len(m.words) == 1 and fold(m.words[0].text) in wrong_words and m.words[0].start not in reported:
                    w = m.words[0]
                    reported.add(w.start)
                    yield self._report(doc, w.start, w.end, wrong_words[fold(w.text)])

    def _report(self, doc, start: int, end: int, right: str) -> Match:
        fix = Fix(start, end, right, self.fix_safe) if self.fix_safe is not None else None
        return Match(start, end, args=(doc.text[start:end], right), suggestions=(right,), fix=fix)

    def _match(self, doc, m, aliases: set[str]):
        """(start, end, replacement) for each misspelled run of the mention's words."""
        words = m.words
        text = doc.text
        known = self.names.known
        covered: set[int] = set()
        runs = [(i, i + n) for n in range(min(len(words), MAX_WORDS), 0, -1) for i in range(len(words) - n + 1)]

        def span(i: int, j: int) -> tuple[int, int]:
            # A leading particle belongs to the name ("Al Kahera News"): runs at the mention's start take it.
            return (m.start if i == 0 else words[i].start), words[j - 1].end

        for i, j in runs:
            if normalise(text[slice(*span(i, j))]) in known or normalise(text[words[i].start : words[j - 1].end]) in known:
                covered.update(range(i, j))
        for i, j in runs:
            if all(k in covered for k in range(i, j)):
                continue
            run = words[i:j]
            if any(fold(w.text) in aliases for w in run):
                continue
            start, end = span(i, j)
            hit = self._lookup(text[start:end], run, m)
            if hit is None:
                continue
            covered.update(range(i, j))
            yield from _differing(text, start, end, hit)
            return

    def _lookup(self, written: str, run, m) -> str | None:
        """The listed form this run of words misspells, or None."""
        norm = normalise(written)
        entry = self.names.wrong.get(norm)
        if entry is not None:
            return entry.canonical
        k = key(written)
        if len(k) >= 5:
            for entry, form in self.names.by_key.get(k, ()):
                if normalise(form) == norm or len(normalise(form).split()) != len(norm.split()):
                    continue  # the same name, or words run together ("MarineTraffic")
                if len(run) == 1 and m.label not in FITS[entry.kind]:
                    continue  # one word: only when spaCy agrees on what it is
                return entry.canonical
        if len(run) >= 2 and m.label in ("PERSON", None):
            first, last = fold(run[0].text), run[-1].text
            for entry, form in self.names.by_first.get(first, ()):
                parts = form.split()
                if len(parts) != len(run) or any(fold(a.text) != fold(b) for a, b in zip(run[1:-1], parts[1:-1])):
                    continue
                level = variant(last, parts[-1])
                if level == "key" or (level == "vowels" and min(len(fold(last)), len(fold(parts[-1]))) >= 6):
                    return " ".join([*(w.text for w in run[:-1]), parts[-1]])
        return None


def _differing(text: str, start: int, end: int, right: str):
    """Report only the words that differ, each run of them with the listed words in their place."""
    tokens = [(start + t.start(), start + t.end(), t.group()) for t in regex.finditer(r"\S+", text[start:end])]
    parts = right.split()
    if len(parts) != len(tokens):
        yield start, end, right
        return
    i = 0
    while i < len(tokens):
        if tokens[i][2] == parts[i]:
            i += 1
            continue
        j = i
        while j + 1 < len(tokens) and tokens[j + 1][2] != parts[j + 1]:
            j += 1
        yield tokens[i][0], tokens[j][1], " ".join(parts[i : j + 1])
        i = j + 1
