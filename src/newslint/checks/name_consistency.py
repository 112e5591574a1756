"""`extends: name-consistency` — one name spelled two ways in one story ("Rafa’s attack" beside "Rafah").

The names of the story (spaCy's people, places, organisations and groups,
plus capitalised sequences the model misses; see `newslint.names.candidates`)
are compared word by word. A word is reported when it is a near-spelling of
another name word of the same story (`newslint.names.compare.variant`: the same
transliteration key, the same consonants with other vowels, or one slip in a
long name) and every gate agrees that it is the same name:

* frequency: the other spelling is used at least twice as often; a one-to-one
  tie is decided only on evidence, in this order: one spelling is in the names
  list (`names`) and the other is not; the English dictionary knows one as a
  name ("Kenosha"); the dictionary knows one as a word and not the other (not
  between people's names: "Elan"/"Elon"); one stands only in a headline or
  subhead and the other in the body (body copy is the edited one), unless the
  body's is a far less English-like string of letters
  (`compare.plausibility`: "Tpipu" below "Tippu"); one is a far less
  English-like string of letters (never judged between doubled letters or a
  final h). Otherwise nothing is said;
* near-spellings (`compare.variant`), plus two adjacent letters swapped
  (`compare.swapped`: "Hubre"/"Huber") when the swapped spelling is no word or
  name the dictionary knows ("Noble"/"Nobel" stay apart);
* entity type: spaCy's families (person, place, organisation, group) must not
  disagree where both words were tagged. spaCy's kind for a misspelling is
  often a guess the spelling caused ("Harirs" an organisation beside "Kamala
  Harris"), so a spelling used once or twice that the dictionary does not know
  is re-read in its own paragraph with the other spelling
  (`candidates.retagged_family`); the kinds disagree only if the context still
  makes it another kind of thing;
* people: where both spellings follow a first name, one first name must be
  shared ("John Smith" and "Jane Smyth" are two people); where both are first
  names, one surname must be shared ("Dina Powell", "Dian Fossey"); courtesy titles must
  not disagree on gender ("Mr Khan" and "Ms Kahn"); a word used only as a first
  name is not compared with one used only as a surname;
* inflections are the same name: possessives and plurals ("Rafa’s", "the
  Kennedys") and demonyms ("Israel"/"Israeli") are never variants;
* aliases: a spelling the story gives on purpose ("known to Israelis as Kerem
  Shalom", "also spelled", "a.k.a.", "formerly", "X (Y)", "X or Y") makes both
  spellings right;
* a spelling that the names list knows as a right form is never reported,
  and one it lists as a misspelling is left to known-names (one finding, not two).

Quotations count, both as evidence and as places to report: a name inside a
quote is the newsroom's transcription of a spoken name, so its spelling is
the newsroom's to get right. Headlines and subheads count too (that is where
"Rafa’s attack" stands), but capitalised words there are names only when spaCy
tags them, since headlines may capitalise every word.

The finding covers the rare word alone ("Rafa" of "Rafa’s"); the suggestion
and the unsafe fix are the story's frequent spelling.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator

from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Fix, Match
from newslint.names import namelist
from newslint.names.candidates import alias_words, mentions_in, retagged_family
from newslint.names.compare import common_word, deletes, dictionary_name, fold, key, letters, normalise, plausibility, skeleton, swapped, variant

_DOUBLED = re.compile(r"(.)\1+")


def _doubling(a: str, b: str) -> bool:
    """True when two spellings differ only in doubled letters or a final h: 'Shapps'/'Shaps', 'Rafah'/'Rafa'."""
    x, y = (_DOUBLED.sub(r"\1", fold(w)).removesuffix("h") for w in (a, b))
    return x == y


class _Stats:
    __slots__ = ("count", "body", "families", "firsts", "genders", "lasts", "roles", "surface", "words")

    def __init__(self) -> None:
        self.count = 0
        self.body = 0  # occurrences outside headlines
        self.families: set[str] = set()
        self.firsts: set[str] = set()  # first names this word follows as a surname
        self.genders: set[str] = set()
        self.lasts: set[str] = set()  # surnames that follow this word as a first name
        self.roles: set[str] = set()  # first | last | single | inner
        self.surface: Counter = Counter()
        self.words: list = []


class NameConsistency(Check):
    kind = "name-consistency"
    summary = "Flags a name spelled two ways in one story (the rare near-spelling of a frequent one)."
    needs_nlp = True
    nlp_components = ("ner", "parser")  # entities, and sentence starts from the parser
    can_fix = True
    options = {
        "names": Option("list", [], doc="names lists (YAML or CSV, relative to the rule file; @starter: the shipped list) whose right forms are never reported and break ties"),
        "min_ratio": Option("number", 2, doc="the frequent spelling is used at least this many times as often as the rare one"),
        "typos": Option("bool", True, doc="also report one slipped letter in a long name (7+ letters), not only transliteration and vowel variants"),
    }

    def setup(self) -> None:
        paths = self.opts["names"]
        if not all(isinstance(p, str) for p in paths):
            raise OptionError("names", "every item of 'names' must be a path")
        if self.opts["min_ratio"] < 1:
            raise OptionError("min_ratio", "'min_ratio' must be at least 1")
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
        stats: dict[str, _Stats] = defaultdict(_Stats)
        for m in found:
            n = len(m.words)
            personal = m.label in ("PERSON", None) or m.title is not None
            for i, w in enumerate(m.words):
                s = stats[fold(w.text)]
                s.count += 1
                s.body += not m.headline
                s.surface[w.text] += 1
                s.words.append((w, m))
                if m.family:
                    s.families.add(m.family)
                if m.gender:
                    s.genders.add(m.gender)
                s.roles.add("single" if n == 1 else "first" if i == 0 else "last" if i == n - 1 else "inner")
                if personal and n >= 2 and i == n - 1:
                    s.firsts.add(fold(m.words[0].text))
                if personal and n >= 2 and i == 0:
                    s.lasts.add(fold(m.words[-1].text))
        reported: dict[str, str] = {}
        for a, b in self._pairs(stats):
            rare, freq = self._order(stats, a, b)
            if rare is None or rare in reported or rare in aliases or freq in aliases:
                continue
            sr, sf = stats[rare], stats[freq]
            r_word, f_word = sr.surface.most_common(1)[0][0], sf.surface.most_common(1)[0][0]
            level = variant(r_word, f_word)
            if level is None and swapped(r_word, f_word) and not dictionary_name(r_word):
                level = "typo"  # two letters swapped ("Hubre" beside "Huber"): a slip, never a word or a known name
            if level is None or (level == "typo" and not self.opts["typos"]):
                continue
            if not self._same_name(doc, sr, sf, rare, freq):
                continue
            reported[rare] = freq
        for rare, freq in reported.items():
            right = stats[freq].surface.most_common(1)[0][0]
            count = stats[freq].count
            for w, m in stats[rare].words:
                if normalise(m.text) in self.names.wrong or normalise(w.text) in self.names.wrong:
                    continue  # a listed misspelling: known-names reports it, with the list's spelling
                fix = Fix(w.start, w.end, right, self.fix_safe) if self.fix_safe is not None else None
                yield Match(w.start, w.end, args=(w.text, right, f"{count} time{'s' if count != 1 else ''}"), suggestions=(right,), fix=fix)

    @staticmethod
    def _pairs(stats: dict[str, _Stats]):
        """Pairs of words that could be one name: sharing a key, a skeleton or a one-letter deletion (linear-ish)."""
        buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
        for word in stats:
            if len(word) < 4:
                continue
            buckets[("k", key(word))].append(word)
            buckets[("s", skeleton(word))].append(word)
            buckets[("t", letters(word))].append(word)  # the same letters: two swapped
            if len(key(word)) >= 7:
                for d in deletes(word):
                    buckets[("d", d)].append(word)
        seen = set()
        for words in buckets.values():
            if len(words) < 2 or len(words) > 12:  # a huge bucket is a short skeleton shared by unrelated names
                continue
            for i, a in enumerate(words):
                for b in words[i + 1 :]:
                    pair = (a, b) if a < b else (b, a)
                    if a != b and pair not in seen:
                        seen.add(pair)
                        yield pair

    def _order(self, stats, a: str, b: str) -> tuple[str | None, str | None]:
        """(rare, frequent) when the frequencies (or a tie-break) say which is the slip, else (None, None)."""
        sa, sb = stats[a], stats[b]
        if sa.count > sb.count:
            a, b, sa, sb = b, a, sb, sa
        if sb.count >= self.opts["min_ratio"] * sa.count and sb.count > sa.count:
            return a, b
        if sa.count != sb.count or sa.count > 1:
            return None, None
        # One each: the list's spelling wins; else the body's over a headline's.
        known_a, known_b = normalise(a) in self.names.known, normalise(b) in self.names.known
        if known_a != known_b:
            return (b, a) if known_a else (a, b)
        # Then a name the dictionary spells so ("Kenosha" in a headline beats "Kenoshah" in the body);
        word_a, word_b = sa.surface.most_common(1)[0][0], sb.surface.most_common(1)[0][0]
        name_a, name_b = dictionary_name(word_a, words=False), dictionary_name(word_b, words=False)
        if name_a != name_b:
            return (b, a) if name_a else (a, b)
        # then an ordinary word ("International" in a headline beats "Internationnal" in the body), but not
        # between people's names: "Elan" is no likelier a first name than "Elon";
        dict_a, dict_b = dictionary_name(word_a), dictionary_name(word_b)
        if dict_a != dict_b and sa.families | sb.families != {"person"}:
            return (b, a) if dict_a else (a, b)
        # then the body's spelling over a headline's (the body is the edited copy), unless the body's is
        # a far less English-like run of letters ("Tpipu" below a headline's "Tippu");
        # last, when neither is a word: letters no English spelling strings together ("Chaehd", "Barracoa").
        # Letter statistics never judge doubled letters or a final h ("Abdullah"/"Abdulla", "Shapps"/"Shaps",
        # "Rafah"/"Rafa"): those are spelling choices, and the statistics only ever prefer the shorter one.
        odds = 0.0 if _doubling(word_a, word_b) else plausibility(word_a) - plausibility(word_b)  # > 0: a looks likelier
        if (sa.body == 0) != (sb.body == 0):
            if sa.body == 0 and odds >= 2:
                return b, a
            if sb.body == 0 and odds <= -2:
                return a, b
            return (a, b) if sa.body == 0 else (b, a)
        if not (dict_a or dict_b) and abs(odds) >= 2:
            return (b, a) if odds > 0 else (a, b)
        return None, None

    def _same_name(self, doc, sr: _Stats, sf: _Stats, rare: str, freq: str) -> bool:
        if normalise(rare) in self.names.known:
            return False  # a right spelling of some name, never a slip
        r_word, f_word = sr.surface.most_common(1)[0][0], sf.surface.most_common(1)[0][0]
        if common_word(r_word) and (common_word(f_word) or not sr.families):
            return False  # Ministry/Minister; "Young and new faces" opening a sentence
        if common_word(f_word) and not sf.families:
            return False  # "Yung" (a surname) is not a slip of "Young" that only opens a sentence
        if sr.families and sf.families and not (sr.families & sf.families):
            # spaCy's kind for a one-off spelling is often a guess the spelling caused ("Harirs" an
            # organisation beside "Kamala Harris"): it stands only if the same context, re-read with the
            # frequent spelling, still makes it another kind of thing ("said Salim" beside "Salem").
            if sr.count > 2 or dictionary_name(r_word):
                return False  # a word the dictionary knows ("German" beside "Germany") was tagged for what it is
            if any(retagged_family(doc, w, f_word) not in (None, *sf.families) for w, _m in sr.words):
                return False  # (no name at all once respelled: spaCy's guess came from the spelling alone)
        if sr.firsts and sf.firsts and not (sr.firsts & sf.firsts):
            return False  # John Smith and Jane Smyth
        if sr.lasts and sf.lasts and not (sr.lasts & sf.lasts):
            return False  # Dina Powell and Dian Fossey: a first name is one only with the same surname
        if sr.genders and sf.genders and not (sr.genders & sf.genders):
            return False  # Mr Khan and Ms Kahn
        if {frozenset(sr.roles), frozenset(sf.roles)} == {frozenset({"first"}), frozenset({"last"})} and (
                "person" in sr.families | sf.families or not (sr.families and sf.families)):
            return False  # one is only ever a first name, the other only a surname (not "University of X", "Y University")

        return True
