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
"""

from __future__ import annotations

from typing import Iterator

import regex

from newslint.checks.base import Check, Option, OptionError
from newslint.document.genre import speaker_label
from newslint.finding import Match
from newslint.patterns import compile_pattern, finditer

_BRACKET = regex.compile(r"\[([^\[\]\n]{0,120})\]")
# "[click] >> [shortener] >> [site]": boxes of a diagram, joined by arrows.
_ARROW_BEFORE = regex.compile(r"(?:>>|->|=>|→)[ \t]*\Z")
_ARROW_AFTER = regex.compile(r"[ \t]*(?:>>|->|=>|→)")
_ELLIPSIS = ("…", "...")
# "[Please note that Data.CDC.gov has no Ebola data.]": a capital, three more words, a stop inside.
_NOTE = regex.compile(r"\A\s*\p{Lu}\S*(?:\s+\S+){3,}[.!?]\s*\Z")
# "[this program/service]", "[he/she]": words offered as alternatives in a template.
_SLOT = regex.compile(r"\p{Ll}/\p{Ll}")
# A paragraph of JSON or code that reached prose: a quoted key, then a colon.
_CODE = regex.compile(r"[{,]\s*\"[\w-]+\"\s*:")


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
        for span in scope.spans:
            if speaker_label(source, span.start, span.end):
                continue
            found = []
            for m in _BRACKET.finditer(source, span.start, span.end):
                # The rule's own regex goes through finditer, which keeps it under the time budget.
                if next(finditer(self.exceptions, m.group(1)), None) or doc.maybe_in_quote(m.start(), m.end()):
                    continue
                if _ARROW_BEFORE.search(source, max(span.start, m.start() - 4), m.start()) or _ARROW_AFTER.match(source, m.end(), span.end):
                    continue
                if not _deliberate(source, m.start(), m.end(), m.group(1), span.start):
                    found.append(Match(m.start(), m.end()))
            # A paragraph of code is read once, and only when it has a bracket to report.
            if found and not _CODE.search(source, span.start, span.end):
                yield from found
