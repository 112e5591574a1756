"""A rule-based sentence splitter, so rules that need no NLP never load spaCy."""

from __future__ import annotations

import re

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr vs etc e.g i.e u.s u.k u.n inc ltd co corp gen gov
    sen rep lt col capt sgt maj cmdr adm rev hon no nos fig jan feb mar apr jun jul aug
    sep sept oct nov dec mt ft approx dept est a.m p.m al""".split()
)

_END = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s|$)")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split text[start:end] into sentence spans (whitespace trimmed)."""
    spans: list[tuple[int, int]] = []
    begin = start
    for m in _END.finditer(text, start, end):
        stop = m.end()
        if _is_abbreviation(text, begin, m.start()):
            continue
        nxt = _next_char(text, stop, end)
        if nxt and nxt.islower():
            continue  # "e.g. the", or a stray lowercase fragment: one sentence
        _add(spans, text, begin, stop)
        begin = stop
    _add(spans, text, begin, end)
    return spans


def _is_abbreviation(text: str, begin: int, dot: int) -> bool:
    if text[dot] != ".":
        return False
    # The word before the full stop, letters and dots (what [\w.]+ ends there), found from the stop
    # backwards: a search from the sentence's beginning read the whole sentence again at every
    # abbreviation, quadratic in a long paragraph of "U.S." and "e.g.".
    i = dot
    while i > begin and (text[i - 1].isalnum() or text[i - 1] in "._"):
        i -= 1
    if i == dot:
        return False
    word = text[i:dot].lower().rstrip(".")
    if word in ABBREVIATIONS:
        return True
    # An initial ("J. K. Rowling") or a dotted acronym ("U.S.") does not end a sentence.
    return len(word) == 1 and word.isalpha() or bool(re.fullmatch(r"(?:\w\.)+\w", word))


def _next_char(text: str, i: int, end: int) -> str:
    while i < end and text[i].isspace():
        i += 1
    return text[i] if i < end else ""


def _add(spans: list[tuple[int, int]], text: str, s: int, e: int) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if s < e:
        spans.append((s, e))


def opens_sentence(text: str, i: int, start: int, stops: str = ".!?…:") -> bool:
    """Whether offset i opens a sentence: only quotes, brackets or emphasis marks stand between
    it and the block's start (`start`) or one of `stops` (closing ones only after the stop)."""
    j = i - 1
    while j >= start and (text[j].isspace() or text[j] in "\"“‘'([*_"):
        j -= 1
    # A sentence may end inside its quotation or bracket: 'it would be good.” My calls ...'.
    k = j
    while k >= start and text[k] in "\"”’')]*_":
        k -= 1
    if k < j and k >= start and text[k] in stops:
        return True
    return j < start or text[j] in stops
