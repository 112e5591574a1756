"""Where a document misspells a listed name: the matching behind `known-names`, shared with `name-consistency`.

`misspelled(doc, found, names, aliases)` yields `(start, end, right)` for each
run of words that the names list (`newslint.names.namelist.NameList`) spells
otherwise; see `newslint.checks.known_names` for the evidence it asks for.
name-consistency calls it too, to leave those words to known-names: one span,
one finding, and the list-backed one wins.
"""

from __future__ import annotations

import regex

from newslint.names.compare import fold, key, normalise, real_word, variant

MAX_WORDS = 5
# spaCy labels that fit an entry's kind, for a one-word name.
FITS = {"person": ("PERSON",), "place": ("GPE", "LOC", "FAC"), "org": ("ORG",)}


def misspelled(doc, found, names, aliases: set[str]):
    """(start, end, listed spelling) for each misspelled run of words of the mentions `found`, in order."""
    wrong_words: dict[str, str] = {}  # a reported surname -> its listed spelling
    reported: set[int] = set()
    for m in found:
        for start, end, right in _match(doc, m, names, aliases):
            if start in reported:
                continue
            reported.add(start)
            if " " not in right and m.label in ("PERSON", None):
                wrong_words[fold(doc.text[start:end])] = right
            yield start, end, right
    if wrong_words:
        for m in found:
            if len(m.words) == 1 and fold(m.words[0].text) in wrong_words and m.words[0].start not in reported:
                w = m.words[0]
                reported.add(w.start)
                yield w.start, w.end, wrong_words[fold(w.text)]


def _match(doc, m, names, aliases: set[str]):
    """(start, end, replacement) for each misspelled run of the mention's words."""
    words = m.words
    text = doc.text
    known = names.known
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
        hit = _lookup(names, text[start:end], run, m)
        if hit is None:
            continue
        covered.update(range(i, j))
        yield from _differing(text, start, end, hit)
        return


def _lookup(names, written: str, run, m) -> str | None:
    """The listed form this run of words misspells, or None."""
    norm = normalise(written)
    entry = names.wrong.get(norm)
    if entry is not None:
        return entry.canonical
    k = key(written)
    if len(k) >= 5:
        for entry, form in names.by_key.get(k, ()):
            if normalise(form) == norm or len(normalise(form).split()) != len(norm.split()):
                continue  # the same name, or words run together ("MarineTraffic")
            if len(run) == 1 and m.label not in FITS[entry.kind]:
                continue  # one word: only when spaCy agrees on what it is
            if len(run) == 1 and entry.kind == "person" and real_word(written):
                continue  # one name people write is not another's slip: "Stephan" Winkelmann is no "Stefan"
            return entry.canonical
    if len(run) >= 2 and m.label in ("PERSON", None):
        first, last = fold(run[0].text), run[-1].text
        for entry, form in names.by_first.get(first, ()):
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
