"""`extends: bracket-outside-quote` — an editorial [insertion] in the reporter's own words.

Square brackets mark words an editor put into someone else's quotation
("“We met [on Sunday]”"). In the reporter's own text there is nothing to
clarify: the words belong in the sentence, or in parentheses. So the check
flags a `[...]` that is not wholly inside a quotation (the document's
`quotes`: “…”, "…", ‘…’ and blockquotes), and not in text whose quotation
state is unsure (a quotation whose opening mark was lost).

Markdown link text and reference brackets (`[text](url)`, `[text][ref]`) are
blanked in prose, so they never reach the check; code and front matter are
blanked too. `exceptions` (case-sensitive regexes matched against the whole
inside; write `(?i:...)` to ignore case) leave alone what is not an insertion: "[sic]", an ellipsis "[…]",
footnote marks "[1]", task boxes "[ ]", placeholders such as "[NAME]",
which Newsroom.Placeholder reports, and the wire codes of financial copy
("[VOES.VI]", "[.N]", "[EUR=]", "[O/R]", "[ID:nL5N2XY0AB]"), timestamps
"[21:12]" and a download's size or type "[PDF, 1.2 MB]". Only square brackets
are checked: "<AAPL.O>" is a ticker, never an insertion. Brackets chained by
arrows ("[click] >> [shortener] >> [site]") are a diagram, not insertions.

Four more shapes say the brackets are deliberate (each seen on published
government and newspaper copy, none in a slip we have met):
- glued to a word ("[I]ndividuals", "with[out]"): a quoted text's letters
  altered, the excerpt's quote marks lost with its blockquote;
- next to an ellipsis ("[Robbins]… designed"): an excerpt with elisions;
- inside parentheses ("(USAGov en Español [formerly GobiernoUSA.gov])"):
  brackets are how parentheses nest;
- a whole sentence ("[Please note that the data is not yet there.]") or a
  slot offering alternatives ("[this program/service]"): an editor's note and
  a template, both written on purpose. Paragraphs of code (JSON) are not prose.
A paragraph that opens with a speaker label ("Smith: We have three [at ONRR]")
is a transcript: the words are the speaker's, so brackets in it are an
editor's, as in any quotation.

Three shapes are flagged whatever the `exceptions` say, because where they
stand says they are no editor's insertion into a quotation:
- a tag opening a paragraph or headline ("[VIDEO] The minister ...",
  "[Updated] Talks collapse", "[LIVE]: Crowds gather"): a few words in
  brackets, then a new sentence (a capital) or nothing; or closing a
  headline ("Talks collapse [UPDATED]"); a web page's label pasted with the
  copy;
- a stray note reference ("... on Friday.[7]", "... in 1974.[a]") glued to
  the text when the story has no notes: no notes section (a "Notes",
  "References" or "Sources" heading, or a paragraph that opens with the
  mark) and no run of references (two or more marks, as "[1] ... [2]").
  A lone "[1]" is left alone: a story with one note numbers it so;
- "[sic]" standing after the closing quotation mark ("... the end" [sic]):
  it marks a word of the quotation, so it belongs inside it.
"""

from __future__ import annotations

import bisect
import itertools
from typing import Iterator

import regex

from newslint.checks.base import Check, Option, OptionError
from newslint.compiled import regex_compile
from newslint.document.genre import speaker_label
from newslint.finding import Match
from newslint.patterns import compile_pattern, finditer

_BRACKET = regex_compile(r"\[([^\[\]\n]{0,120})\]")
# "[click] >> [shortener] >> [site]": boxes of a diagram, joined by arrows.
_ARROW_BEFORE = regex_compile(r"(?:>>|->|=>|→)[ \t]*\Z")
_ARROW_AFTER = regex_compile(r"[ \t]*(?:>>|->|=>|→)")
_ELLIPSIS = ("…", "...")
# "[Please note that Data.CDC.gov has no Ebola data.]": a capital, three more words, a stop inside.
_NOTE = regex_compile(r"\A\s*\p{Lu}\S*(?:\s+\S+){3,}[.!?]\s*\Z")
# "[this program/service]", "[he/she]": words offered as alternatives in a template.
_SLOT = regex_compile(r"\p{Ll}/\p{Ll}")
# A paragraph of JSON or code that reached prose: a quoted key, then a colon.
_CODE = regex_compile(r"[{,]\s*\"[\w-]+\"\s*:")
# A page's tag: a few words, no sentence ("[VIDEO]", "[Updated]", "[UPDATE 2]", "[Updated 3.45pm]").
_TAG = regex_compile(r"\A\p{Lu}[\p{L}\d’'.:/-]*(?: [\p{L}\d’'.:/-]+){0,4}(?<![.:])\Z")
# After a tag opening a block, a new sentence starts (or the block ends), perhaps after a dash or colon:
# not "[Robbins] designed", "[I]ndividuals".
_AFTER_TAG = regex_compile(r"(?:[ \t\u00a0]*[:–—|-])?[ \t\u00a0]*(?:(?<=\s)[\p{Lu}\d“\"‘']|\p{Lu}(?=\p{Ll})|\Z)")
# A note reference: "[7]", "[12]", "[a]".
# A note reference: "[7]", "[12]", "[a]"; not a quotation's altered letter ("“[a]s the technology").
_NOTE_MARK = regex_compile(r"\[(\d{1,3}|[a-z])\](?!\p{L})")
# A notes section: a heading (or a line of its own) that names one.
_NOTES_HEADING = regex_compile(r"^[#\s*_]*(?:notes?|footnotes?|end ?notes|references|sources|citations|bibliography)[\s:*_]*$",
                               regex.I | regex.M)
# What a wiki's cluster of notes is glued to: a stop, a comma or a closing mark ("in 2016.[3][4]").
_AFTER_PROSE = regex_compile(r"[.,;:!?”\")]\Z")
# A closing quotation mark just before a bracket: a curly one, or a straight one after a word or a stop.
_CLOSING_QUOTE = regex_compile(r"(?:”|(?<=\S)[\"’])[ \t]*\Z")


def _deliberate(source: str, start: int, end: int, inside: str, span_start: int) -> bool:
    """True when the bracket's own shape says an editor put it there on purpose (see above)."""
    before = source[start - 1] if start > span_start else " "
    after = source[end] if end < len(source) else " "
    if before.isalnum() or after.isalnum():
        return True
    if source.endswith(_ELLIPSIS, span_start, start) or source.startswith(_ELLIPSIS, end):
        return True
    if _NOTE.match(inside) or _SLOT.search(inside):
        return True
    head = source[span_start:start]
    return head.count("(") > head.count(")")


class BracketOutsideQuote(Check):
    kind = "bracket-outside-quote"
    summary = "Flags an editorial [insertion] standing outside any quotation."
    options = {
        "exceptions": Option("list", [], doc="case-sensitive regexes for a whole bracket's inside to leave alone"),
    }

    def setup(self) -> None:
        exceptions = self.opts["exceptions"]
        if not all(isinstance(e, str) for e in exceptions):
            raise OptionError("exceptions", "every item of 'exceptions' must be a string")
        body = "|".join(f"(?:{e})" for e in exceptions) or r"(?!)"
        self.exceptions = compile_pattern(r"\A\s*(?:" + body + r")\s*\Z", "exceptions")

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        source = scope.source
        stray = _stray_notes(doc.prose)
        headlines = [(b.start, b.end) for b in doc.blocks if b.kind in ("title", "heading")]
        for span in scope.spans:
            if speaker_label(source, span.start, span.end):
                continue
            found = []
            for m in _BRACKET.finditer(source, span.start, span.end):
                if _misplaced(doc, source, span.start, m, stray, headlines):
                    found.append(_sic(m) if m.group(1).strip().casefold() == "sic" else Match(m.start(), m.end()))
                    continue
                # The rule's own regex goes through finditer, which keeps it under the time budget.
                if next(finditer(self.exceptions, m.group(1)), None) or _quoted(doc, source, span.start, m):
                    continue
                if _ARROW_BEFORE.search(source, max(span.start, m.start() - 4), m.start()) or _ARROW_AFTER.match(source, m.end(), span.end):
                    continue
                if not _deliberate(source, m.start(), m.end(), m.group(1), span.start):
                    found.append(Match(m.start(), m.end()))
            # A paragraph of code is read once, and only when it has a bracket to report.
            if found and not _CODE.search(source, span.start, span.end):
                yield from found


def _misplaced(doc, source: str, block_start: int, m, stray: frozenset[int], headlines: list[tuple[int, int]]) -> bool:
    """A block-opening tag, a stray note reference or a "[sic]" after the quotation (see the module docstring)."""
    inside = m.group(1).strip()
    if not source[block_start : m.start()].strip():
        return bool(_TAG.match(inside)) and bool(_AFTER_TAG.match(source, m.end())) and len(inside) > 1
    i = bisect.bisect_right(headlines, (m.start(), len(source))) - 1
    if i >= 0 and m.start() < headlines[i][1] and not source[m.end() : headlines[i][1]].strip():
        return bool(_TAG.match(inside)) and len(inside) > 1  # "Talks collapse [UPDATED]": a tag closing a headline
    if m.start() in stray or (inside.casefold() == "sic" and _after_closing_quote(source, block_start, m)):
        return not _quoted(doc, source, block_start, m)
    return False


def _sic(m) -> Match:
    return Match(m.start(), m.end(), message=f"'{m.group()}' after the closing quotation mark: it marks a word of "
                                             "the quotation, so put it inside, right after that word.")


def _after_closing_quote(source: str, block_start: int, m) -> bool:
    return _CLOSING_QUOTE.search(source, max(block_start, m.start() - 4), m.start()) is not None


def _quoted(doc, source: str, block_start: int, m) -> bool:
    """Inside a quotation, or where that is unsure; but a bracket right after a closing mark ("... the end.”[7]",
    "... ended" [sic]) stands outside the quotation that mark closes, whatever its shape left unsure."""
    if _after_closing_quote(source, block_start, m):
        return doc.in_quote(m.start(), m.end())
    return doc.maybe_in_quote(m.start(), m.end())


def _stray_notes(text: str) -> frozenset[int]:
    """Offsets of note references glued to the text ("1974.[3]", "risk[3]", "2016.[3][4]") in a story with no
    notes: no notes section and one mark, or one cluster of marks glued together, only (a mark elsewhere, or one
    opening a line, makes a run of notes); a lone "[1]" (or "[1][2]") is how a one-note story numbers it."""
    marks = list(itertools.islice(_NOTE_MARK.finditer(text), 8))
    cluster = [marks[0]] if marks else []
    for m in marks[1:]:
        if m.start() != cluster[-1].end():
            return frozenset()  # a second mark elsewhere: a run of notes
        cluster.append(m)  # "[3][4]": marks glued to each other cite one point, as a wiki's copy does
    if not cluster or cluster[0].group(1) == "1":
        return frozenset()
    if len(cluster) > 1 and not _AFTER_PROSE.search(text, max(0, cluster[0].start() - 2), cluster[0].start()):
        return frozenset()  # "grid[2][3]": an index, not notes; a wiki's cluster follows a stop or a quote
    m = cluster[0]
    if m.start() == 0 or text[m.start() - 1].isspace() or _NOTES_HEADING.search(text):
        return frozenset()  # spaced ("see [2]") or opening a line: a citation style or the notes themselves
    return frozenset(c.start() for c in cluster)
