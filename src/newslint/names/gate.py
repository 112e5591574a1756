"""Whether a story could hold a misspelled name at all, judged from its capitalised words (#17).

The name kinds read spaCy's entities over the whole story (counts, kinds and neighbours of
every mention), so they are gated per story, not per paragraph: a story is parsed for
them only when its text shows what a finding needs.

* name-consistency reports a pair of the story's name words that share a transliteration
  key, a consonant skeleton, a one-letter deletion or their letters, that `variant`,
  `swapped` or `slip` calls one name and that are not both English words. Every name word is a
  capitalised word of the text, so the same test over all capitalised words misses none
  of its findings.
* known-names reports a run of name words that a names list spells otherwise: a listed
  misspelling, a run with a listed form's transliteration key but not its spelling, or a
  listed person's first name before a variant of the surname. The same tests run over the
  capitalised words and the stretches of text between them.

tests/test_gating.py checks both against parsing every story, on the corpus and on the
planted-damage benchmark.
"""

from __future__ import annotations

from collections import defaultdict

from newslint.compiled import regex_compile
from newslint.names.candidates import _WORD
from newslint.names.compare import common_word, deletes, fold, key, letters, normalise, skeleton, slip, strip_possessive, swapped, variant
from newslint.names.known import MAX_WORDS

_REACH = 80  # characters a run of name words spans at most, for the purpose of this test
# The word before a name word that may open its run: letters only, on the same line ("Al Kahera").
_PARTICLE_BEFORE = regex_compile(r"(?<!\S)[^\W\d_]+(?:[-'’][^\W\d_]+)* +$")


def capitalised(text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every word that could be a name word ("Rafa" of "Rafa’s")."""
    out = []
    for m in _WORD.finditer(text):
        w = strip_possessive(m.group())
        if w and w[0].isupper() and not w.isupper() and "." not in w:
            out.append((m.start(), m.start() + len(w), w))
    return out


def near_pair(text: str) -> bool:
    """Two capitalised words that name-consistency could take for one name spelled two ways."""
    buckets: dict[tuple[str, str], set[str]] = defaultdict(set)
    for word in {fold(w) for _s, _e, w in capitalised(text)}:
        if len(word) < 4:
            continue
        buckets[("k", key(word))].add(word)
        buckets[("s", skeleton(word))].add(word)
        buckets[("t", letters(word))].add(word)
        if len(key(word)) >= 7:
            for d in deletes(word):
                buckets[("d", d)].add(word)
        for d in deletes(word, spelt=True):
            buckets[("e", d)].add(word)
    seen = set()
    for words in buckets.values():
        ordered = sorted(words)
        for i, a in enumerate(ordered):
            for b in ordered[i + 1 :]:
                if (a, b) not in seen:
                    seen.add((a, b))
                    if (variant(a, b) or swapped(a, b) or slip(a, b)) and not _both_words(a, b):
                        return True
    return False


def _both_words(a: str, b: str) -> bool:
    """Two English words ("minister"/"ministry"), which name-consistency never takes for one name.
    Only for unaccented words: the check asks about the spelling as written, accents kept."""
    return a.isascii() and b.isascii() and common_word(a) and common_word(b)


class Listed:
    """What known-names matches against, indexed for the text test (built once per names list)."""

    def __init__(self, names):
        self.wrong = tuple(names.wrong)  # normalised misspellings
        self.keys: dict[str, set[str]] = defaultdict(set)  # a listed form's key -> its normalised forms
        for k, entries in names.by_key.items():
            self.keys[k].update(normalise(form) for _e, form in entries)
        self.surnames: dict[str, set[str]] = defaultdict(set)  # folded first name -> listed surnames
        for first, entries in names.by_first.items():
            for _e, form in entries:
                self.surnames[first].add(form.split()[-1])

    def near(self, text: str) -> bool:
        flat = normalise(text)  # a run's normalised spelling is a stretch of the story's
        if any(form in flat for form in self.wrong):
            return True
        words = capitalised(text)
        for i, (start, end, w) in enumerate(words):
            first = fold(w)
            following = [x for x in words[i + 1 : i + MAX_WORDS] if x[0] - end <= _REACH]
            for _s, _e, later in following:
                if any(variant(later, s) in ("key", "vowels") for s in self.surnames.get(first, ())):
                    return True
            # A run starts at a name word or at the word just before it (a particle: "Al Kahera News").
            before = _PARTICLE_BEFORE.search(text, max(0, start - 40), start)
            starts = [start] + ([before.start()] if before else [])
            for s in starts:
                for _s, e, _w in [(start, end, w), *following]:
                    written = text[s:e]
                    k = key(written)
                    if len(k) >= 5 and k in self.keys and normalise(written) not in self.keys[k]:
                        return True
        return False
