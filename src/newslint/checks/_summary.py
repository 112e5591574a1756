"""The counts Vale's `metric` and `readability` kinds share: words, sentences, syllables.

Vale computes them with `summarize.NewDocument` (jdkato/prose, later jdkato/twine)
over the document's *summary*: the text of every paragraph, list item and
blockquote (never headings, tables or code), paragraphs joined by a blank line.
This module ports that code: its word pattern, its counting rules and its
syllable counter, so a grade printed by newslint is the grade Vale prints.

One difference: Vale splits sentences with a Punkt model; newslint uses the
document's own rule-based splitter (`document/sentences.py`), which agrees on
ordinary news prose and needs no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from newslint.compiled import regex_compile
from newslint.document.sentences import split_sentences

# summarize's WordBoundaryTokenizer: dotted acronyms, or runs of letters, digits and '.
_WORD = regex_compile(r"(?:[A-Z]\.){2,}|[\p{N}\p{L}']+")

# Vale's summary: paragraph, list-item and blockquote text; headings and tables stay out.
SUMMARY_KINDS = ("paragraph", "list", "blockquote")


@dataclass(frozen=True)
class Counts:
    words: float = 0.0
    sentences: float = 0.0
    characters: float = 0.0  # letters and digits only
    syllables: float = 0.0
    polysyllabic_words: float = 0.0  # more than two syllables
    complex_words: float = 0.0  # polysyllabic once -es/-ed/-ing is discounted
    long_words: float = 0.0  # more than six bytes (Go's len)
    paragraphs: float = 0.0


def summary_counts(doc) -> Counts:
    """Vale's summary counts for a document (cached on it: several rules ask)."""
    cached = getattr(doc, "_vale_summary_counts", None)
    if cached is not None:
        return cached
    n = dict.fromkeys(("words", "sentences", "characters", "syllables", "polysyllabic_words",
                       "complex_words", "long_words"), 0)
    blocks = doc.blocks_of(*SUMMARY_KINDS)
    for block in blocks:
        for start, end in split_sentences(doc.prose, block.start, block.end):
            n["sentences"] += 1
            for word in _WORD.findall(doc.prose, start, end):
                s = syllables(word)
                n["words"] += 1
                n["characters"] += sum(1 for c in word if c.isalpha() or c.isnumeric())
                n["syllables"] += s
                n["polysyllabic_words"] += s > 2
                n["complex_words"] += is_complex(word, s)
                n["long_words"] += len(word.encode("utf-8")) > 6
    counts = Counts(paragraphs=float(len(blocks)), **{k: float(v) for k, v in n.items()})
    doc._vale_summary_counts = counts
    return counts


def is_complex(word: str, count: int) -> bool:
    if word.endswith(("es", "ed", "ing")):
        count -= 1
    return count > 2


# -- syllables: a port of summarize.Syllables (itself after the `syllable` npm package) --

_CORNERCASES = {
    "abalone": 4, "abare": 3, "abed": 2, "abruzzese": 4, "abbruzzese": 4, "aborigine": 5,
    "aborigines": 5, "acreage": 3, "adame": 3, "adieu": 2, "adobe": 3, "anemone": 4,
    "apache": 3, "aphrodite": 4, "apostrophe": 4, "ariadne": 4, "cafe": 2, "cafes": 2,
    "calliope": 4, "catastrophe": 4, "chile": 2, "chloe": 2, "circe": 2, "coyote": 3,
    "epitome": 4, "facsimile": 4, "forever": 3, "gethsemane": 4, "guacamole": 4,
    "hyperbole": 4, "jesse": 2, "jukebox": 2, "karate": 3, "machete": 3, "maybe": 2,
    "people": 2, "recipe": 3, "sesame": 3, "shoreline": 2, "simile": 3, "syncope": 3,
    "tamale": 3, "yosemite": 4, "daphne": 2, "eurydice": 4, "euterpe": 3, "hermione": 4,
    "penelope": 4, "persephone": 4, "phoebe": 2, "zoe": 2,
}

_MONO_ONE = re.compile(
    r"cia(l|$)|tia|cius|cious|[^aeiou]giu|[aeiouy][^aeiouy]ion|iou|sia$|eous$|[oa]gue$"
    r"|.[^aeiuoycgltdb]{2,}ed$|.ely$|^jua|uai|eau|^busi$"
    r"|([aeiouy](b|c|ch|dg|f|g|gh|gn|k|l|lch|ll|lv|m|mm|n|nc|ng|nch|nn|p|r|rc|rn|rs|rv|s|sc|sk"
    r"|sl|squ|ss|th|v|y|z)ed$)"
    r"|([aeiouy](b|ch|d|f|gh|gn|k|l|lch|ll|lv|m|mm|n|nch|nn|p|r|rn|rs|rv|s|sc|sk|sl|squ|ss|st"
    r"|t|th|v|y)es$)"
)
_MONO_TWO = re.compile(
    r"[aeiouy](b|c|ch|d|dg|f|g|gh|gn|k|l|ll|lv|m|mm|n|nc|ng|nn|p|r|rc|rn|rs|rv|s|sc|sk|sl|squ"
    r"|ss|st|t|th|v|y|z)e$"
)
_DOUBLE_ONE = re.compile(
    r"(?:[^aeiouy]ie(r|st|t)|[aeiouym]bl|eo|ism|asm|thm|dnt|uity|dea|gean|oa|ua|eings?"
    r"|[aeiouy]sh?e[rsd])$"
)
_DOUBLE_TWO = re.compile(r"[^gq]ua[^auieo]|[aeiou]{3}|^(ia|mc|coa[dglx].)")
_DOUBLE_THREE = re.compile(
    r"[^aeiou]y[ae]|[^l]lien|riet|dien|iu|io|ii|uen|real|iell|eo[^aeiou]|[aeiou]y[aeiou]"
)
_DOUBLE_FOUR = re.compile(r"[^s]ia")
_VOWELS = re.compile(r"[aeiouy]+")

# Trimming one of these adds syllables: the earlier the group, the more.
_PREFIXES = (
    ("above", "anti", "ante", "counter", "hyper", "afore", "agri", "infra", "intra", "inter",
     "over", "semi", "ultra", "under", "extra", "dia", "micro", "mega", "kilo", "pico", "nano",
     "macro"),
    ("un", "fore", "ware", "none", "non", "out", "post", "sub", "pre", "pro", "dis", "side"),
)
_SUFFIXES = (
    ("ology", "ologist", "onomy", "onomist"),
    ("fully", "berry", "woman", "women"),
    ("ly", "less", "some", "ful", "er", "ers", "ness", "cian", "cians", "ment", "ments", "ette",
     "ettes", "ville", "villes", "ships", "ship", "side", "sides", "port", "ports", "shire",
     "shires", "tion", "tioned"),
)


@lru_cache(maxsize=65536)
def syllables(word: str) -> int:
    """Syllables in one word, exactly as Vale counts them (a port, not a dictionary)."""
    if len(word) < 1:
        return 0
    if len(word) < 3:
        return 1
    word = word.lower()
    if word in _CORNERCASES:
        return _CORNERCASES[word]
    text, count = _clear(word, _PREFIXES, prefix=True)
    text, more = _clear(text, _SUFFIXES, prefix=False)
    count += more
    count += len(_VOWELS.findall(text))
    count -= len(_MONO_ONE.findall(text)) + len(_MONO_TWO.findall(text))
    count += sum(len(p.findall(text)) for p in (_DOUBLE_ONE, _DOUBLE_TWO, _DOUBLE_THREE, _DOUBLE_FOUR))
    return max(count, 1)


def _clear(word: str, groups: tuple[tuple[str, ...], ...], prefix: bool) -> tuple[str, int]:
    """Trim the first affix found, scanning groups in order; group i is worth len(groups) - i."""
    for i, group in enumerate(groups):
        for affix in group:
            if word.startswith(affix) if prefix else word.endswith(affix):
                return (word[len(affix):] if prefix else word[: len(word) - len(affix)]), len(groups) - i
    return word, 0
