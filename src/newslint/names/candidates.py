"""Where the names of a document are: spaCy's entities plus capitalised sequences the model misses.

A `Mention` is one name in the text ("Ismail Hanyahu", "Al-Kahera News",
"Rafa" of "Rafa’s"), with its entity label (None for a capitalised sequence
spaCy did not tag), its words (hyphenated words stay whole: "Al-Kahera"; a
compound with a dotted abbreviation, "Korean-U.S.", is no name word), a
courtesy title before it (Mr, Ms, Dr...) and whether it stands in a headline
or subhead. Possessives and a leading "the" are trimmed off; particles (al,
bin, de, van...) and titles are never words of their own.

A person's name that spaCy tags without its sentence-opening first word
("Skouen" of "Petter Skouen, executive...") takes that word back, unless it is
an English word ("Yesterday Smith said").

Capitalised sequences outside entities count when they are not one
sentence-initial word (such a word counts when it is a name elsewhere, or a
slip away from one that no dictionary knows: "Boiing did not comment") and not in a headline (title case capitalises every
word there). All-capitals tokens (acronyms) are left to the acronym check.

`alias_words` finds names given as deliberate alternatives: after "known
as", "also spelled", "a.k.a.", "formerly", "née", "also called", and in
"X (Y)" or "X or Y" when Y is a spelling of X. Both spellings are then right.

Mentions are computed once per document and cached on it (both name kinds use them).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from newslint import nlp
from newslint.compiled import regex_compile
from newslint.names.compare import common_word, deletes, fold, key, slip, strip_possessive, swapped, variant

# What the name kinds read from spaCy: entities, and sentence starts from the parser.
COMPONENTS = ("ner", "parser")
LABELS = ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC")
FAMILY = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "org", "NORP": "group"}
TITLES = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "dr": None, "sir": "m", "lady": "f", "lord": "m",
          "madam": "f", "mx": None, "prof": None, "professor": None, "president": None, "sheikh": "m"}
PARTICLES = {"al", "el", "ul", "bin", "ibn", "bint", "abu", "abd", "de", "da", "di", "del", "della", "dos", "das",
             "van", "von", "der", "den", "la", "le", "du", "st", "saint", "the", "of", "and", "y", "ben", "ter"}
# Another language's particle between two entities joins them into one name: "Banco do Brasil".
_JOINING = frozenset(f" {p} " for p in ("do", "da", "das", "dos", "de", "del", "della", "di", "du", "des", "von", "van", "der", "den"))
# A word: letters, joined by hyphens and apostrophes ("Al-Kahera", "O'Neill"); a compound with a dotted
# abbreviation stays one word ("Korean-U.S.", never "Korean-U"), and is then no name word of its own.
_WORD = regex_compile(r"[^\W\d_]+(?:[-‐](?:[^\W\d_]\.){2,}|[-'’‐][^\W\d_]+)*(?:['’]s\b|(?<=s)['’](?!\w))?")
_LEADING = regex_compile(r"^(?:the|a|an)\s+", regex.IGNORECASE)
# A cue before a name that makes it a deliberate second spelling.
_CUE = (
    r"(?:known(?:\s+\w+){0,3}\s+as|also\s+(?:spelled|spelt|written|transliterated|rendered|called|known\s+as)"
    r"|a\.?k\.?a\.?|formerly(?:\s+known\s+as|\s+called)?|n[ée]e|alias|otherwise\s+known\s+as|sometimes\s+spelled"
    r"|spelled|spelt)"
    r"\s*[,:]?\s*[\"“‘']?\s*(?:the\s+)?"
)
_STRONG_CUE = regex_compile(_CUE + "$", regex.IGNORECASE)
# "Karem Abu Salem, also spelled ...": the name right before the cue is the other spelling.
_GAP_CUE = regex_compile(r"[\s,;(–—-]*" + _CUE, regex.IGNORECASE)
_NAMED_AFTER = regex_compile(r"(?:['’]s|(?<=s)['’])\s+\p{Lu}")  # "Conway's Game", "Jones' Law"
_WEAK_CUE = regex_compile(r"(?:\(|,?\s+or|/)\s*[\"“‘']?\s*(?:the\s+)?$", regex.IGNORECASE)


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    text: str  # as written, possessive trimmed


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    text: str
    label: str | None  # spaCy's entity label, None for a capitalised sequence
    words: tuple[Word, ...]  # name words: no particles, no titles
    title: str | None  # the courtesy title before the name, folded ("mr"), if any
    headline: bool  # in the title, a heading or a subhead-like line
    quoted: bool

    @property
    def family(self) -> str | None:
        return FAMILY.get(self.label) if self.label else None

    @property
    def gender(self) -> str | None:
        return TITLES.get(self.title) if self.title else None


def _headline_like(doc, block) -> bool:
    if block.kind in ("title", "heading"):
        return True
    text = doc.prose[block.start : block.end].strip()
    # A one-line paragraph of a few words with no closing punctuation is a subhead ("Rafa’s attack").
    return "\n" not in text and len(text.split()) <= 8 and not text.endswith((".", "!", "?", ":", "”", '"', "’", "'", ")"))


def mentions(doc) -> tuple[Mention, ...]:
    """Every name mention of the document, in order. Parsed once (shared spaCy parse), cached on the document."""
    cached = doc.__dict__.get("_names_mentions")
    if cached is None:
        cached = tuple(_extract(doc))
        doc.__dict__["_names_mentions"] = cached
    return cached


def _extract(doc) -> list[Mention]:
    prose = doc.prose
    out: list[Mention] = []
    maybe: list[Mention] = []  # one capitalised word opening a sentence: a name only if it is one elsewhere
    for block, sdoc in nlp.parsed(doc, None, COMPONENTS):  # every block: counts and kinds are the story's
        headline = _headline_like(doc, block)
        base = block.start
        covered = set()
        found = []
        for ent in sdoc.ents:
            if ent.label_ not in LABELS:
                continue
            first = ent.start
            before = sdoc[first - 1] if first else None
            if (ent.label_ == "PERSON" and before is not None and before.is_sent_start and _capitalised(before.text)
                    and before.is_alpha and not before.is_stop and not common_word(before.text)):
                first -= 1  # spaCy often leaves out a sentence's first word: "Petter Skouen, executive..." tags "Skouen"
            covered.update(range(first, ent.end))
            start = base + sdoc[first].idx
            if found and found[-1][2] == "ORG" and prose[found[-1][1] : start] in _JOINING:
                # "Banco do Brasil" tagged as "Banco" and a person "Brasil": one institution's name (not across
                # English "of": "Eunice Yung of New People's Party" is a person and a party)
                found[-1] = (found[-1][0], base + ent.end_char, "ORG")
                continue
            found.append((start, base + ent.end_char, ent.label_))
        if not headline:
            tokens = list(sdoc)
            i = 0
            while i < len(tokens):
                t = tokens[i]
                if i in covered or not _capitalised(t.text):
                    i += 1
                    continue
                j = i
                while j + 1 < len(tokens) and j + 1 not in covered and (
                    _capitalised(tokens[j + 1].text) or (tokens[j + 1].text in "-‐" and tokens[j + 1].idx == tokens[j].idx + len(tokens[j].text))
                    or (tokens[j + 1].lower_ in PARTICLES and j + 2 < len(tokens) and _capitalised(tokens[j + 2].text))
                ):
                    j += 1
                while i < j and tokens[i].is_stop:  # "On Sunday" at a sentence start
                    i += 1
                    t = tokens[i]
                if not (i == j and t.is_stop):
                    found.append((base + t.idx, base + tokens[j].idx + len(tokens[j].text), "?" if i == j and t.is_sent_start else None))
                i = j + 1
        for start, end, label in sorted(found):
            mention = _mention(doc, prose, start, end, None if label == "?" else label, headline)
            if mention is not None:
                (maybe if label == "?" else out).append(mention)
    names = {key(w.text) for m in out for w in m.words}
    near = {d: w.text for m in out for w in m.words for d in deletes(w.text, spelt=True)}
    out.extend(m for m in maybe if key(m.words[0].text) in names or _slip_of_name(m.words[0].text, near))
    return sorted(out, key=lambda m: m.start)


def _slip_of_name(word: str, near: dict[str, str]) -> bool:
    """A sentence's first word that no dictionary knows, a slip away from a name of the story ("Boiing did
    not comment" beside "Boeing"): a name, and the name checks judge the slip. `near` maps each single-letter
    deletion of the story's name words to the word."""
    if common_word(word):
        return False
    for d in deletes(word, spelt=True):
        other = near.get(d)
        if other is not None and (variant(word, other) or swapped(word, other) or slip(word, other)):
            return True
    return False


def _capitalised(text: str) -> bool:
    return len(text) > 1 and text[0].isupper() and text[0].isalpha() and not text.isupper() and text != "I"


def _mention(doc, prose: str, start: int, end: int, label: str | None, headline: bool) -> Mention | None:
    text = prose[start:end]
    lead = _LEADING.match(text)
    if lead:
        start += lead.end()
    words = []
    title = None
    # A title inside the entity ("Ms Kahn") or just before it ("Mr Burns").
    before = regex.search(r"([^\W\d_]+)\.?\s+$", prose[max(0, start - 12) : start])
    if before and before.group(1).casefold() in TITLES:
        title = before.group(1).casefold()
    for m in _WORD.finditer(prose, start, end):
        w = strip_possessive(m.group())
        if not w:
            continue
        low = fold(w).replace("’", "'")
        if low in TITLES and not words:
            title = low
            continue
        if low in PARTICLES or not w[0].isupper() or w.isupper() or "." in w:  # particles, lower case, initials, acronyms
            continue
        words.append(Word(m.start(), m.start() + len(w), w))
    if not words:
        return None
    end = words[-1].end
    return Mention(start, end, prose[start:end], label, tuple(words), title, headline, doc.in_quote(start, end))


def retagged_family(doc, word: Word, replacement: str) -> str | None:
    """The family spaCy gives `word` once it is spelled `replacement` in its own paragraph (None: no name).

    A misspelled name often changes spaCy's guess of its kind ("Harirs" an organisation beside
    "Kamala Harris" a person); re-reading the same context with the other spelling tells a guess
    caused by the spelling from a context that makes it another kind of thing ("said Salim").
    """
    for block in nlp.blocks(doc):
        if block.start <= word.start < block.end:
            start, end = _context(doc, block, word)
            text = doc.prose[start:end]
            at = word.start - start
            sdoc = nlp.entities(text[:at] + replacement + text[at + len(word.text) :])
            for ent in sdoc.ents:
                if ent.start_char <= at < ent.end_char:
                    return FAMILY.get(ent.label_)
            return None
    return None


RETAG_CONTEXT = 1000  # characters each side of a word that its paragraph is read again in, at most


def _context(doc, block, word: Word) -> tuple[int, int]:
    """The paragraph, or in a very long one the whole sentences within RETAG_CONTEXT characters of the word:
    reading a paragraph of a thousand names again for every pair of them was cubic."""
    if block.end - block.start <= 2 * RETAG_CONTEXT:
        return block.start, block.end
    near = [s for s in doc.sentences if block.start <= s.start < block.end
            and s.end > word.start - RETAG_CONTEXT and s.start < word.end + RETAG_CONTEXT]
    start = min((s.start for s in near), default=block.start)
    end = max((s.end for s in near), default=block.end)
    return max(block.start, min(start, word.start)), min(block.end, max(end, word.end))


def alias_words(doc, found: tuple[Mention, ...]) -> set[str]:
    """Folded words that the story gives as deliberate second spellings ("known to Israelis as Kerem Shalom")."""
    out: set[str] = set()
    prose = doc.prose
    previous: Mention | None = None
    for m in found:
        window = _cue_window(prose, m.start)
        if _STRONG_CUE.search(window) and not _NAMED_AFTER.match(prose, m.end):
            # (not "known as Conway's Game of Life": a possessive before a name is whom the thing is named
            # after, the story's own spelling of that name, not a second one)
            out.update(fold(w.text) for w in m.words)
            if previous is not None and _GAP_CUE.fullmatch(prose, previous.end, m.start):
                out.update(fold(w.text) for w in previous.words)
        elif previous is not None and _WEAK_CUE.search(window) and m.start - previous.end <= 8:
            # "Rafah (Rafa)", "Haniyeh or Haniya": an alternative only when it is a spelling of the name before it.
            if any(variant(a.text, b.text) for a in previous.words for b in m.words):
                out.update(fold(w.text) for w in (*previous.words, *m.words))
        previous = m
    return out


def cue_before(prose: str, start: int) -> bool:
    """A cue for a deliberate second spelling ("also spelled", "known as") in the 40 characters before `start`."""
    return _STRONG_CUE.search(_cue_window(prose, start)) is not None


def _cue_window(prose: str, start: int) -> str:
    """The 40 characters before `start`, from the paragraph break if one is among them: where a cue may stand."""
    window = prose[max(0, start - 40) : start]
    return window[window.rindex("\n\n") :] if "\n\n" in window else window


def mentions_in(doc, spans) -> list:
    """The document's name mentions that lie inside a rule's scope."""
    return [m for m in mentions(doc) if any(s.start <= m.start and m.end <= s.end for s in spans)]
