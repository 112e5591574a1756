"""Is this story written in the first person by design?

A first-person sentence is a slip only inside third-person copy. Columns,
reviews, eyewitness accounts, letters, readers' comments and interviews speak
in the first person throughout, and flagging every "I" in them is noise. The
decision is made once per document, from what the newsroom declared or else
from the document itself:

* declared: `genre:` in Markdown front matter, or `genre:` on a config
  override whose `files` globs match (the engine sets `Document.genre`).
  First-person genres are listed in FIRST_PERSON_GENRES; any other value
  ("news") declares third-person copy and switches detection off;
* an interview: two or more paragraphs open with a speaker label ("Q:",
  "A:", "**Smith:**", "SMITH:");
* a personal voice: the writer speaks as "I" in two sentences or more (or
  says "I" and "we", or "I" to a reader addressed as "your"), or as "we" to
  the reader as "you", and several body sentences outside quotations speak in the
  first person (I, we, our) or to the reader (you, your), enough of them that
  they are the story's voice and not an isolated slip (MIN_SENTENCES and
  MIN_SHARE). A "we" alone is not enough: people in general ("the air we
  breathe") and a reporter's slip say "we" too. A blog post says "I"
  once and "we" and "you" throughout; a reporter's eyewitness feature says
  "I point out", "on my visit", "our car". A lede that says "I" with one
  more such sentence anywhere is enough: news stories do not open that way.
"""

from __future__ import annotations

import bisect
import re

from newslint.document.sentences import opens_sentence

FIRST_PERSON_GENRES = frozenset(
    """opinion column comment commentary editorial review letter letters interview q&a qa blog diary
    eyewitness first-person essay your-views""".split()
)
MIN_SENTENCES = 3  # at least this many first-person sentences outside quotations ...
MIN_SHARE = 0.05  # ... and at least this share of the body's sentences
MIN_LABELS = 2  # paragraphs opening with a speaker label that make an interview

_FRONT_MATTER_GENRE = re.compile(r"^genre:[ \t]*[\"']?([^\"'\r\n]*?)[\"']?[ \t]*\r?$", re.M)
_SPEAKER_LABEL = re.compile(
    r"[ \t]*(?:\*\*|__)?(?:[QA][:.]|[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}:)(?:\*\*|__)?[ \t]")
_SINGULAR = re.compile(r"(?<![\w'’.-])(?:I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]yself)(?![\w'’-])")
_PLURAL = re.compile(r"(?<![\w'’.-])(?:[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Uu]s|[Oo]urs?|[Oo]urselves)(?![\w'’-])")
_YOURS = re.compile(r"(?<![\w'’.-])[Yy]ours?(?![\w'’-])")
_SECOND = re.compile(r"(?<![\w'’.-])(?:[Yy]ou|[Yy]ou['’](?:re|ve|d|ll)|[Yy]ours?)(?![\w'’-])")
# Any of the three: most sentences have none, and one search tells (the three searched one by one,
# each match asked whether it is quoted, were most of the time of a --no-nlp check's genre test).
_ANY_PERSON = re.compile("|".join(f"(?:{p.pattern})" for p in (_SINGULAR, _PLURAL, _SECOND)))


def declared(doc) -> str | None:
    """The genre the newsroom declared for this document, lower-cased, or None."""
    for block in doc.blocks_of("frontmatter"):  # the file's own word first
        m = _FRONT_MATTER_GENRE.search(doc.text, block.start, block.end)
        if m and m.group(1).strip():
            return m.group(1).strip().lower()
    return doc.genre.strip().lower() if getattr(doc, "genre", None) else None


def first_person_by_design(doc) -> bool:
    """True when first person is the story's voice, not a slip (see the module docstring). Once per document."""
    cached = getattr(doc, "_first_person_by_design", None)
    if cached is None:
        genre = declared(doc)
        cached = genre in FIRST_PERSON_GENRES if genre is not None else _interview(doc) or _first_person_voice(doc)
        doc._first_person_by_design = cached
    return cached


def speaker_label(text: str, start: int, end: int) -> bool:
    """A paragraph that opens with "Q:", "A:", "Smith:" or "**Smith:**": a transcript."""
    return _SPEAKER_LABEL.match(text, start, end) is not None


def _interview(doc) -> bool:
    body = doc.blocks_of("paragraph", "list")
    labelled = sum(1 for b in body if speaker_label(doc.prose, b.start, b.end))
    return labelled >= MIN_LABELS


def _first_person_voice(doc) -> bool:
    body = doc.blocks_of("paragraph", "list")
    starts = [b.start for b in body]
    sentences = [s for s in doc.sentences  # those inside a body block, found by bisection (linear in all)
                 if (i := bisect.bisect_right(starts, s.start) - 1) >= 0 and s.start < body[i].end]
    if not sentences:
        return False
    singular = plural = second = yours = first = voice = beyond_lede = 0
    for s in sentences:
        if not _ANY_PERSON.search(doc.prose, s.start, s.end):
            continue
        said_i = _outside_quotes(doc, _SINGULAR, s)
        said_we = _outside_quotes(doc, _PLURAL, s)
        said_you = _outside_quotes(doc, _SECOND, s)
        singular += said_i
        plural += said_we
        second += said_you
        yours += said_you and _outside_quotes(doc, _YOURS, s)
        first += said_i or said_we
        voice += said_i or said_we or said_you
        beyond_lede += (said_i or said_we or said_you) and s.start >= body[0].end
    opener = sentences[0] if sentences[0].start < body[0].end else None
    if singular and voice >= 2 and len(body) >= 3 and _outside_quotes(doc, _SINGULAR, body[0]) and (
            beyond_lede or opener is not None and _outside_quotes(doc, _SINGULAR, opener)):
        # The lede says "I", in its first sentence or with the voice going on below it: a column or a blog post
        # opens that way, a news story never does. Two "I" sentences after a third-person opening, and none
        # below the lede, are an aside pasted into a news story ("... in a pre-dawn raid. I wasn't able to attend").
        return True
    # A writer who says "I" more than once, or to a reader addressed as "your" (a how-to: "What do I
    # mean by keyword research? ... your site"), or a "we" that talks to "you" (a blog, a feature
    # addressing readers). One "I" among a feature's generic "you" ("all night you can hear the guns",
    # "You can be Aagot"), which names nothing of the reader's, is a slip.
    speaks = (singular and (first >= 2 or yours >= 2)) or (plural and second)
    return bool(speaks) and voice >= MIN_SENTENCES and voice / len(sentences) >= MIN_SHARE


def _outside_quotes(doc, pattern: re.Pattern, span) -> bool:
    text = doc.prose
    return any(not doc.maybe_in_quote(m.start(), m.end()) and not _title_word(text, m, span.start)
               for m in pattern.finditer(text, span.start, span.end))


def _title_word(text: str, m, start: int) -> bool:
    """A capitalised "Me", "You", "We" inside a sentence is a title's word ("Please Love Me, You Upset
    Me Baby"), not the writer's voice; "I" is capitalised everywhere."""
    word = m.group()
    return word[0].isupper() and not word.startswith("I") and not opens_sentence(text, m.start(), start)
