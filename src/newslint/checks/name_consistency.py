"""`extends: name-consistency` — one name spelled two ways in one story ("Rafa’s attack" beside "Rafah").

The names of the story (spaCy's people, places, organisations and groups,
plus capitalised sequences the model misses; see `newslint.names.candidates`)
are compared word by word. A word is reported when it is a near-spelling of
another name word of the same story (`newslint.names.compare.variant`: the same
transliteration key, the same consonants with other vowels, or one slip in a
long name) and every gate agrees that it is the same name:

* frequency: the other spelling is used at least twice as often (`min_ratio`),
  or each is used once and evidence says which is right, in this order: one
  spelling is in the names list (`names`) and the other is not; the English
  dictionary knows one as a name ("Kenosha"); the word-frequency source
  (wordfreq, when installed) has seen one and never the other ("Voskhod", never
  "Voshkod"). Without such evidence the story's use of both is reported with
  the `tie_message`, naming both, suggesting neither and fixing nothing: an
  English word may be the slip ("Salmon Brothers" beside "Salomon Brothers"),
  a headline may be right where the body is wrong, and letter statistics
  (`compare.plausibility`) have preferred a slip. Those weak signals only
  choose which of the two the finding points at. Two names used once each in
  one sentence are two names side by side ("Karem met Kerem"), unless the
  story ties them into one name (below) or one is an English word ("Guangdong
  Provinca" beside "Hubei Province"); two spellings used twice or more each
  are left alone;
* near-spellings (`compare.variant`), plus two adjacent letters swapped
  (`compare.swapped`: "Hubre"/"Huber") when the swapped spelling is no word or
  name the dictionary knows ("Noble"/"Nobel" stay apart);
* real names and words: two spellings that people both write (a word or name
  the dictionary knows, or one frequent in wordfreq: "Thierry"/"Terry",
  "Regan"/"Reagan", "Scot"/"Scott", "Wikimedia"/"Wikipedia") are two names, and
  an English word ("Businesses" beside "BusinessUSA") is no slip of a name,
  unless the story ties them into one name with the same word beside them
  ("Ronald Regan" and "Ronald Reagan", "Salmon Brothers" and "Salomon
  Brothers", "Public Service" and "Public Servcice");
* another language: a common word of another language, used only inside
  names of several words and not beside the same words as the other, is no
  slip of its English cognate ("Banco Central" and "Bank", "Institut Pasteur"
  and "Institute"; `compare.foreign_word`), but "United Sattes" is one of
  "United States";
* entity type: spaCy's families (person, place, organisation, group) must not
  disagree where both words were tagged. spaCy's kind for a misspelling is
  often a guess the spelling caused ("Harirs" an organisation beside "Kamala
  Harris"), so a spelling used once or twice that the dictionary does not know
  is re-read in its own paragraph with the other spelling
  (`candidates.retagged_family`); the kinds disagree only if the context still
  makes it another kind of thing;
* people and names of several words: where both spellings follow a first
  name, one first name must be shared ("John Smith" and "Jane Smyth" are two
  people); where words follow both in names, one must be shared ("Dina Powell"
  and "Dian Fossey" are two), unless the frequent spelling is an English word,
  which is one word in any name ("Nationnal Park" beside "National Guard"); courtesy
  titles must not disagree on gender ("Mr Khan" and "Ms Kahn"); a word used as
  a first name and never as a surname is not compared with one used as a
  surname and never as a first name ("Thierry Henry", "John Terry");
* inflections are the same name: possessives and plurals ("Rafa’s", "the
  Kennedys", "Virtopsies") and demonyms ("Israel"/"Israeli",
  "Ukraine"/"Ukrainian", "Malta"/"Maltese") are never variants;
* aliases: a spelling the story gives on purpose ("known to Israelis as Kerem
  Shalom", "also spelled", "a.k.a.", "formerly", "X (Y)", "X or Y") makes both
  spellings right;
* a spelling that the names list knows as a right form is never reported,
  and a word that known-names reports (`newslint.names.known`: the list spells
  it otherwise) is left to it: one span, one finding, the list's.

Quotations count, both as evidence and as places to report: a name inside a
quote is the newsroom's transcription of a spoken name, so its spelling is
the newsroom's to get right. Headlines and subheads count too (that is where
"Rafa’s attack" stands), but capitalised words there are names only when spaCy
tags them, since headlines may capitalise every word.

The finding covers the rare word alone ("Rafa" of "Rafa’s"); the suggestion
and the unsafe fix are the story's frequent spelling as the story writes it.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterator

from newslint import nlp
from newslint.checks.base import Check, Option, OptionError
from newslint.compiled import regex_compile
from newslint.finding import Fix, Match
from newslint.names import namelist, spacing
from newslint.names.candidates import COMPONENTS, PARTICLES, TITLES, alias_words, cue_before, mentions_in, retagged_family
from newslint.names.gate import near_pair
from newslint.names.compare import (common_word, deletes, dictionary_name, fold, foreign_word, frequency, key, letters,
                                    normalise, plausibility, real_word, skeleton, slip, strip_possessive, swapped, variant)
from newslint.names.known import misspelled

_DOUBLED = re.compile(r"(.)\1+")
_LIST = re.compile(r"[,;:&/()]|\band\b")
TIE_MESSAGE = "'%s' and '%s' both appear in this story: check which spelling is right."


def _doubling(a: str, b: str) -> bool:
    """True when two spellings differ only in doubled letters or a final h: 'Shapps'/'Shaps', 'Rafah'/'Rafa'."""
    x, y = (_DOUBLED.sub(r"\1", fold(w)).removesuffix("h") for w in (a, b))
    return x == y


def _one_sentence(doc, a, b) -> bool:
    """True when two words stand in one sentence (no sentence end or paragraph break between them)."""
    if a.start > b.start:
        a, b = b, a
    return not re.search(r"[.!?][\"”’')]*\s|\n", doc.prose[a.end : b.start])


def _one_edit(a: str, b: str) -> bool:
    """One letter changed, dropped, added or swapped, not at the end ("Wilsan"/"Wilson", "Kosec"/"Kosiec"):
    the shape of a slip. Two changes ("Gorman"/"Germany") or an ending ("Italiana"/"Italian") make another word."""
    from rapidfuzz.distance import OSA  # here, not at import: 0.02 s of every start-up

    x, y = fold(strip_possessive(a)), fold(strip_possessive(b))
    return OSA.distance(x, y) == 1 and not (x.startswith(y) or y.startswith(x))


def _acronym(doc, word: str) -> bool:
    """Whether the story also writes the word in capitals outside its title (where capitals say nothing): an acronym."""
    caps = strip_possessive(word).upper()
    if len(caps) < 3 or caps == word:
        return False
    title = doc.title
    return any(title is None or not (title.start <= m.start() < title.end)
               for m in re.finditer(r"(?<!\w)" + re.escape(caps) + r"(?!\w)", doc.prose))


def _linked(sr: "_Stats", sf: "_Stats") -> bool:
    """True when the story ties two spellings into one name: the same word beside them in a name
    ("Ronald Regan" and "Ronald Reagan", "Salmon Brothers" and "Salomon Brothers", "Public Servcice")."""
    return bool(_shared_neighbours(sr, sf))


def _followed_alike(sr: "_Stats", sf: "_Stats") -> bool:
    """The same word after two spellings in a name ("Cultura Colectiva", "Cutura Colectiva"): one name's next word."""
    return any(side == ">" for side, _ in _shared_neighbours(sr, sf))


def _shared_neighbours(sr: "_Stats", sf: "_Stats") -> set[tuple[str, str]]:
    """The words beside both spellings, in their names or in the text: ("<", word before) and (">", word after)."""
    return (sr.beside & sf.beside) | (sr.around & sf.around)


# A capitalised word right before or after a name word, one space away: "Merthyr" of "Merthyr Tydfil" where spaCy
# took "Tydfil" alone for a group and "Merthyr Tydfill" for a person.
_CAPITAL_BEFORE = regex_compile(r"(\p{Lu}[\p{L}’'-]*) \Z")
_CAPITAL_AFTER = regex_compile(r" (\p{Lu}[\p{L}’'-]*)")


def _around(prose: str, w) -> set[tuple[str, str]]:
    """The name-like words right beside a word in the text, whatever spaCy's mentions say: not an ordinary word
    ("The", "In"), a title ("Ms") or a particle ("al"), which stand beside many names."""
    out = set()
    before = _CAPITAL_BEFORE.search(prose, max(0, w.start - 40), w.start)
    after = _CAPITAL_AFTER.match(prose, w.end)
    for side, m in (("<", before), (">", after)):
        if m is not None:
            word = fold(strip_possessive(m.group(1)))
            if word not in TITLES and word not in PARTICLES and not common_word(word):
                out.add((side, word))
    return out


# A territorial title names a place, not a person's first name: "Earl of Carnarvon" and "Lady Fiona
# Carnarvon" are one family's name ("Imam Khomeini" and "Sayyid Ali Khamenei" stay two people).
_RANKS = frozenset(
    """earl duke duchess count countess baron baroness marquess marquis viscount viscountess prince princess king
    queen emperor empress lord lady bishop archbishop""".split()
)


def _territorial(prose: str, m) -> bool:
    """"Earl of Carnarvon", "Duke of York": a rank, "of", and the place the title is of."""
    first = m.words[0]
    return len(m.words) == 2 and fold(first.text) in _RANKS and prose[first.end : m.words[1].start].strip() == "of"


class _Stats:
    __slots__ = ("count", "around", "beside", "body", "families", "firsts", "genders", "kinds", "roles", "surface", "words")

    def __init__(self) -> None:
        self.count = 0
        self.beside: set[tuple[str, str]] = set()  # ("<", word before) and (">", word after) in a name
        self.around: set[tuple[str, str]] = set()  # the same from the text, for linking only (see _around)
        self.body = 0  # occurrences outside headlines
        self.families: set[str] = set()
        self.kinds: Counter = Counter()  # family -> mentions spaCy tagged so
        self.firsts: set[str] = set()  # first names this word follows as a surname
        self.genders: set[str] = set()
        self.roles: set[str] = set()  # first | last | single | inner
        self.surface: Counter = Counter()
        self.words: list = []

    @property
    def nexts(self) -> set[str]:
        """The words that follow this one in a name ("Powell" of "Dina Powell", "Central" of "Banco Central")."""
        return {w for side, w in self.beside if side == ">"}

    @property
    def word(self) -> str:
        return self.surface.most_common(1)[0][0]

    @property
    def english(self) -> bool:
        """An English word used in names ("National", "Province"), not a person's name that is also a word ("Peter")."""
        return "person" not in self.families and common_word(self.word)


class NameConsistency(Check):
    kind = "name-consistency"
    summary = "Flags a name spelled two ways in one story (the rare near-spelling of a frequent one)."
    needs_nlp = True
    nlp_components = COMPONENTS
    can_fix = True
    options = {
        "names": Option("list", [], doc="names lists (YAML or CSV, relative to the rule file; @starter: the shipped list) whose right forms are never reported and break ties"),
        "min_ratio": Option("number", 2, doc="the frequent spelling is used at least this many times as often as the rare one"),
        "typos": Option("bool", True, doc="also report one slipped letter in a long name (7+ letters), not only transliteration and vowel variants"),
        "tie_message": Option("str", TIE_MESSAGE, doc="the message when each spelling is used once and nothing tells which is right (two %s: this one, the other)"),
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

    def parse_wanted(self, doc) -> frozenset[int] | None:
        """Every paragraph when two capitalised words could be one name spelled two ways, else none."""
        return None if near_pair(doc.prose) else frozenset()

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        spans = scope.spans
        spaced = list(self._spacing(scope.source, spans))  # from the text alone: no parse needed
        if nlp.wanted(self, doc) == frozenset():
            yield from spaced
            return  # no two words that could be one name: nothing to parse, nothing more to report
        yield from self._word_by_word(doc, spans, spaced)

    def _spacing(self, prose: str, spans) -> Iterator[Match]:
        """One name split or joined two ways ("Rolls Royce" beside "Rolls-Royce": `newslint.names.spacing`): the
        rarer form is reported, with the other as its suggestion (as written outside capitals: an all-caps headline's
        "ROLLS-ROYCE" is no spelling to copy); one use of each gets the tie message at the later form. Not where the
        names list knows the rarer form as right (a joining of its own, not the right form's letters with a hyphen:
        "Los-Angeles" is no listed spelling), nor a form given on purpose ("also spelled")."""
        for family in spacing.families(prose, spans):
            forms = sorted(family.forms.values(), key=lambda uses: (-len(uses), uses[0][0]))  # the frequent, else the first, first
            right = forms[0]
            if any(cue_before(prose, start) for uses in forms for start, _end, _w in uses):
                continue
            shown = next((w for _s, _e, w in right if not w.isupper()), right[0][2])
            sure = len(right) > len(forms[1])
            for uses in forms[1:]:
                for start, end, written in uses:
                    listed = normalise(written)
                    if listed in self.names.known and listed != normalise(shown):
                        continue
                    if not sure:
                        yield Match(start, end, args=(written, shown), message=self.opts["tie_message"])
                        continue
                    count = f"{len(right)} time{'s' if len(right) != 1 else ''}"
                    fix = Fix(start, end, shown, self.fix_safe) if self.fix_safe is not None else None
                    yield Match(start, end, args=(written, shown, count), suggestions=(shown,), fix=fix)

    def _word_by_word(self, doc, spans, spaced: list[Match]) -> Iterator[Match]:
        taken = [(m.start, m.end) for m in spaced]
        for m in sorted([*spaced, *(m for m in self._words(doc, spans) if not any(a < m.end and m.start < b for a, b in taken))],
                        key=lambda m: m.start):
            yield m

    def _words(self, doc, spans) -> Iterator[Match]:
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
                s.around |= _around(doc.prose, w)
                if m.family:
                    s.families.add(m.family)
                    s.kinds[m.family] += 1
                if m.gender:
                    s.genders.add(m.gender)
                s.roles.add("single" if n == 1 else "first" if i == 0 else "last" if i == n - 1 else "inner")
                if personal and n >= 2 and i == n - 1 and not _territorial(doc.prose, m):
                    s.firsts.add(fold(m.words[0].text))
                # Neighbours in the name, not across a list that spaCy took for one ("Deirdre, Wyatt & Zach").
                if i > 0 and not _LIST.search(doc.prose, m.words[i - 1].end, w.start):
                    s.beside.add(("<", fold(m.words[i - 1].text)))
                if i < n - 1 and not _LIST.search(doc.prose, w.end, m.words[i + 1].start):
                    s.beside.add((">", fold(m.words[i + 1].text)))
        reported: dict[str, tuple[str, bool]] = {}  # rare -> (frequent, whether the evidence says which is right)
        for a, b in self._pairs(stats):
            rare, freq, sure = self._order(stats, a, b)
            if rare is None or rare in reported or rare in aliases or freq in aliases:
                continue
            sr, sf = stats[rare], stats[freq]
            level = variant(sr.word, sf.word)
            if level is None and swapped(sr.word, sf.word) and not dictionary_name(sr.word):
                level = "typo"  # two letters swapped ("Hubre" beside "Huber"): a slip, never a word or a known name
            if level is None and slip(sr.word, sf.word) and not dictionary_name(sr.word) and (
                    dictionary_name(sf.word, words=False) or (len(sf.word) >= 6 and (sure or _followed_alike(sr, sf)))):
                # one letter dropped or added ("Bien" beside "Biden"): edit distance alone, so only where the slip is
                # no word or name and the other spelling is a name the dictionary knows, or long and either the more
                # frequent or tied to the slip by the same word after both ("Cutura Colectiva", "Cultura Colectiva";
                # a word before both is weaker: "Robert Hollings" and his son "Robert Hollins", "Grupo" rivals)
                level = "typo"
            if level is None or (level == "typo" and not self.opts["typos"]):
                continue
            if _acronym(doc, sr.word) and not _acronym(doc, sf.word):
                continue  # "Irna" beside "IRNA" and "Iran": the news agency's acronym in title case, not a slip of Iran
            if not self._same_name(doc, sr, sf, rare, freq):
                continue
            if (not sure and not _linked(sr, sf) and not (sr.english or sf.english)
                    and _one_sentence(doc, sr.words[0][0], sf.words[0][0])):
                continue  # "Karem met Kerem": two names side by side, not one slipped (an English word is one word: "Provinca")
            reported[rare] = (freq, sure)
        if not reported:
            return
        # A word known-names reports is its finding, with the list's spelling: one span, one finding.
        listed = [(start, end) for start, end, _right in misspelled(doc, found, self.names, aliases)]
        for rare, (freq, sure) in reported.items():
            right = stats[freq].word  # a spelling of the story, as written there
            count = stats[freq].count
            for w, m in stats[rare].words:
                if normalise(m.text) in self.names.known or any(start < w.end and w.start < end for start, end in listed):
                    continue  # inside a listed name ("Minas Gerais" is right as a whole), or known-names
                if not sure:  # one each and no evidence: say so, without claiming which is right
                    yield Match(w.start, w.end, args=(w.text, right), message=self.opts["tie_message"])
                    continue
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
            for d in deletes(word, spelt=True):  # one letter dropped or added ("Bien"/"Biden")
                buckets[("e", d)].append(word)
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

    def _order(self, stats, a: str, b: str) -> tuple[str | None, str | None, bool]:
        """(rare, frequent, sure): the frequencies or a tie-break's evidence say which is the slip (sure),
        or, one each with no evidence, which one to point at (not sure); (None, None, False) to say nothing."""
        sa, sb = stats[a], stats[b]
        if sa.count > sb.count:
            a, b, sa, sb = b, a, sb, sa
        if sb.count >= self.opts["min_ratio"] * sa.count and sb.count > sa.count:
            return a, b, True
        if sa.count != sb.count or sa.count > 1:
            return None, None, False
        # One each. Evidence, in this order: the names list's spelling wins;
        known_a, known_b = normalise(a) in self.names.known, normalise(b) in self.names.known
        if known_a != known_b:
            return (b, a, True) if known_a else (a, b, True)
        # then a name the dictionary spells so ("Kenosha" in a headline beats "Kenoshah" in the body);
        word_a, word_b = sa.word, sb.word
        name_a, name_b = dictionary_name(word_a, words=False), dictionary_name(word_b, words=False)
        if name_a != name_b:
            return (b, a, True) if name_a else (a, b, True)
        # then a spelling people write over one nobody does (wordfreq, when installed: "Voskhod", never "Voshkod").
        freq_a, freq_b = frequency(word_a), frequency(word_b)
        if freq_a is not None and (freq_a > 0) != (freq_b > 0):
            return (b, a, True) if freq_a > 0 else (a, b, True)
        # Nothing else is evidence: an English word may be a slip of a name ("Salmon Brothers" beside "Salomon
        # Brothers"), a headline may be right where the body is wrong, and letter statistics have preferred a
        # slip ("Voshkod" reads more English than "Voskhod"). They only choose which spelling the finding
        # points at: not a word (but between people's names "Elan" is no likelier than "Elon"), the less
        # English-like letters (never judged between doubled letters or a final h: "Rafah"/"Rafa"), the
        # headline's (the body is the edited copy), else the later one.
        dict_a, dict_b = dictionary_name(word_a), dictionary_name(word_b)
        if dict_a != dict_b and sa.families | sb.families != {"person"}:
            return (b, a, False) if dict_a else (a, b, False)
        odds = 0.0 if _doubling(word_a, word_b) else plausibility(word_a) - plausibility(word_b)  # > 0: a looks likelier
        if abs(odds) >= 2:
            return (b, a, False) if odds > 0 else (a, b, False)
        if (sa.body == 0) != (sb.body == 0):
            return (a, b, False) if sa.body == 0 else (b, a, False)
        return (a, b, False) if sa.words[0][0].start > sb.words[0][0].start else (b, a, False)

    def _same_name(self, doc, sr: _Stats, sf: _Stats, rare: str, freq: str) -> bool:
        if normalise(rare) in self.names.known:
            return False  # a right spelling of some name, never a slip
        r_word, f_word = sr.word, sf.word
        if common_word(r_word) and common_word(f_word):
            return False  # two English words, whatever stands beside them ("Finance Ministry", "Finance Minister")
        linked = _linked(sr, sf)
        if not linked and real_word(r_word) and real_word(f_word):
            return False  # two names people write ("Thierry"/"Terry", "Regan"/"Reagan", "Scot"/"Scott"): two people
        if not linked and common_word(r_word):
            return False  # an English word is no slip of a name ("Businesses" beside "BusinessUSA")
        if common_word(f_word) and not sf.families and not linked:
            return False  # "Yung" (a surname) is not a slip of "Young" that only opens a sentence; "Rana Pllaza" is of "Rana Plaza"
        if not linked and dictionary_name(f_word) and foreign_word(r_word) and all(len(m.words) > 1 for _w, m in sr.words):
            return False  # another language's word in a name ("Banco Central", "Institut Pasteur"), not a slip of "Bank"
        if sr.families and sf.families and not (sr.families & sf.families) and dictionary_name(r_word):
            return False  # a word the dictionary knows ("German" beside "Germany", even in "West German") was tagged for what it is
        if sr.families and sf.families and not (sr.families & sf.families) and not linked:
            if sr.count > 2:
                return False
            # spaCy's kind for a one-off spelling is often a guess the spelling caused ("Harirs" an
            # organisation beside "Kamala Harris"): it stands only if the same context, re-read with the
            # frequent spelling, still makes it another kind of thing ("said Salim" beside "Salem"). The
            # re-reading is itself a guess, worth asking only where spaCy gave the frequent spelling its kind
            # more than once, or that spelling is an English word ("Tribune" beside "Karen Trebon"); a slip
            # that is no word beside a name the dictionary knows is one ("Biedn" beside "Biden").
            # (or a long name used twice as often: spaCy's kind for it is a guess as well, "Iberdrola" a place)
            evident = (not real_word(r_word)
                       and (dictionary_name(f_word, words=False) or (len(f_word) >= 7 and sf.count >= 2 * sr.count))
                       and (slip(r_word, f_word) or swapped(r_word, f_word) or _one_edit(r_word, f_word)))
            if (not evident and (max(sf.kinds.values()) >= 2 or common_word(f_word) or not _one_edit(r_word, f_word))
                    and any(retagged_family(doc, w, f_word) not in (None, *sf.families) for w, _m in sr.words)):
                return False  # (no name at all once respelled: spaCy's guess came from the spelling alone)
        if sr.firsts and sf.firsts and not (sr.firsts & sf.firsts):
            return False  # John Smith and Jane Smyth
        alone = "single" in sf.roles and sf.families and "person" not in sf.families  # "London", and "London Fire Brigade"
        if sr.nexts and sf.nexts and not (sr.nexts & sf.nexts) and not sf.english and not alone:
            # Dina Powell and Dian Fossey, Mahamadou Issoufou and Muhammadu Buhari are two people; but an English
            # word is one word in any name ("Nationnal Park Service" beside "National Hurricane Center"), and so is a
            # place or an organisation the story also names alone ("Londdon Fire Brigade" beside "London").
            return False
        if sr.genders and sf.genders and not (sr.genders & sf.genders):
            return False  # Mr Khan and Ms Kahn
        firsts_only = ("first" in sr.roles and "last" not in sr.roles, "first" in sf.roles and "last" not in sf.roles)
        lasts_only = ("last" in sr.roles and "first" not in sr.roles, "last" in sf.roles and "first" not in sf.roles)
        if ((firsts_only[0] and lasts_only[1]) or (lasts_only[0] and firsts_only[1])) and (
                "person" in sr.families | sf.families or not (sr.families and sf.families)):
            return False  # one is only ever a first name, the other a surname ("Thierry Henry", "John Terry"), not "University of X", "Y University"
        return True
