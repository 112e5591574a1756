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
"""

from __future__ import annotations

from typing import Iterator

import regex

from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Match
from newslint.patterns import compile_pattern, finditer

_BRACKET = regex.compile(r"\[([^\[\]\n]{0,120})\]")
# "[click] >> [shortener] >> [site]": boxes of a diagram, joined by arrows.
_ARROW_BEFORE = regex.compile(r"(?:>>|->|=>|→)[ \t]*\Z")
_ARROW_AFTER = regex.compile(r"[ \t]*(?:>>|->|=>|→)")


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
        for span in scope.spans:
            for m in _BRACKET.finditer(scope.source, span.start, span.end):
                # The rule's own regex goes through finditer, which keeps it under the time budget.
                if next(finditer(self.exceptions, m.group(1)), None) or doc.maybe_in_quote(m.start(), m.end()):
                    continue
                source = scope.source
                if _ARROW_BEFORE.search(source, max(span.start, m.start() - 4), m.start()) or _ARROW_AFTER.match(source, m.end(), span.end):
                    continue
                yield Match(m.start(), m.end())
