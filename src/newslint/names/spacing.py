"""One name written with a space, a hyphen and closed up in one story: "Rolls-Royce" beside "Rolls Royce",
"Portlaoise" beside "Port Laoise", "El-Amrani" beside "El Amrani".

Name-consistency compares a story's names word by word, so a name split or joined differently escapes it;
this module finds those from the text alone, without a parse. A form is a hyphenated word of two capitalised
parts, two capitalised words with one space between them, or one word that is the two joined; forms of the
same letters (case aside) make a family when two ways of joining them appear. Case alone is no variant
("NORTH SEA" in a wire headline, "North Sea" below).

In a headline, which capitalises every word, a word that is an ordinary English word names nothing ("Event
Round Up" beside "Metrics Round-Up"). A form that goes on into a longer name is left out, since the longer name may be another thing: "New Port
Richey" is not "Newport", "Smith Kline and French" not "SmithKline", "Southwest Airlines" not "the South
West". A word before it does not matter ("Youssef El-Amrani" and, later, "El Amrani"). Nor do forms after a
"#" or "@" (a hashtag or a handle closes names up on purpose), inside an address, or alone in a short
quotation of six words at most (a title, a search term, a label, spelt as the story found it: searching
“FDA Drug Shortages” for the “DrugShortages” app).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from newslint.compiled import regex_compile
from newslint.names.compare import common_word

_PART = r"\p{Lu}[^\W\d_]*(?:['’][^\W\d_]+)?"
# A capitalised word, or two joined by a hyphen; not inside an address, a handle or a hashtag.
_TOKEN = regex_compile(rf"(?<![\w#@/.’'-])({_PART}(?:-{_PART})?)(?![\w@/’'-]|\.\w)")
# What makes a form part of a longer name: another capitalised word after it, perhaps after "and", "&" or "of".
_GOES_ON = regex_compile(r"[ \u00a0]+(?:(?:and|&|of|de|du|von|van)[ \u00a0]+)?\p{Lu}")
_SPACE = (" ", "\u00a0")
# A short quotation around a form: a title, a search term or a label written as the story found it
# ("searching “FDA Drug Shortages”", the “DrugShortages” app), not the newsroom's own spelling.
_OPEN_BEFORE = regex_compile(r"[“\"‘]([^“”\"‘’\n]{0,60})\Z")
_CLOSE_AFTER = regex_compile(r"([^“”\"‘’\n]{0,60})[”\"’]")
SHORT_QUOTE = 6  # words
MIN_LETTERS = 5  # joined, the name has at least this many letters ("Al Ain" / "AlAin" is too short to tell)


@dataclass
class Family:
    """The forms of one name: "space", "hyphen" or "closed" -> [(start, end, written)], in order."""

    forms: dict[str, list[tuple[int, int, str]]]


def families(text: str, spans) -> list[Family]:
    """Names written in two ways of joining their parts, within the given spans of `text`."""
    found: dict[str, dict[str, list[tuple[int, int, str]]]] = defaultdict(lambda: defaultdict(list))
    closed: list[tuple[int, int, str, int]] = []  # and the end of its span
    for span in spans:
        # A headline capitalises every word: there, only a name's own words tell ("Event Round Up" is no name).
        headline = getattr(span, "kind", None) in ("title", "heading")
        tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, span.start, span.end)
                  if not (headline and all(common_word(w) for w in m.group().split("-")))]
        for i, (start, end, word) in enumerate(tokens):
            if "-" in word:
                first, second = word.split("-")
                if min(len(first), len(second)) >= 2 and not _GOES_ON.match(text, end, span.end):
                    found[(first + second).casefold()]["hyphen"].append((start, end, word))
                continue
            closed.append((start, end, word, span.end))
            if i + 1 == len(tokens):
                continue
            start2, end2, word2 = tokens[i + 1]
            if "-" in word2 or text[end:start2] not in _SPACE or min(len(word), len(word2)) < 2:
                continue
            if not _GOES_ON.match(text, end2, span.end):
                found[(word + word2).casefold()]["space"].append((start, end2, f"{word} {word2}"))
    for start, end, word, stop in closed:
        key = word.casefold()
        if key in found and len(key) >= MIN_LETTERS and not _GOES_ON.match(text, end, stop):
            found[key]["closed"].append((start, end, word))
    out = []
    for key, forms in found.items():
        forms = {form: kept for form, uses in forms.items() if (kept := [u for u in uses if not _in_short_quote(text, *u[:2])])}
        if len(forms) >= 2 and len(key) >= MIN_LETTERS:
            out.append(Family(forms))
    return out


def _in_short_quote(text: str, start: int, end: int) -> bool:
    before = _OPEN_BEFORE.search(text, max(0, start - 61), start)
    after = _CLOSE_AFTER.match(text, end)
    return before is not None and after is not None and len((before.group(1) + " x " + after.group(1)).split()) <= SHORT_QUOTE
