"""`extends: conditional` — `first` may appear only where `second` allows it (Vale's semantics).

The usual rule: an acronym (`first`) must be defined somewhere before, as
`second` captures it ("World Health Organization (WHO)").
"""

from __future__ import annotations

from typing import Iterator

from newslint.checks._vale import exceptions_regex, is_match, phrase_regex, strings, within_phrase
from newslint.checks.base import Check, Option
from newslint.finding import Match
from newslint.patterns import compile_pattern, finditer


def has_capture_group(pattern: str) -> bool:
    return pattern.count("(") > pattern.count("(?") + pattern.count(r"\(")


class Conditional(Check):
    kind = "conditional"
    summary = "Flags `first` where `second` has not defined it."
    options = {
        "first": Option("str", required=True, doc="the antecedent, e.g. an acronym"),
        "second": Option("str", required=True, doc="the consequent; its capture groups define allowed values"),
        "exceptions": Option("list", [], doc="matches of `first` to leave alone"),
        "ignorecase": Option("bool", False, doc="accepted as Vale accepts it; Vale does not apply it here"),
        "vocab": Option("bool", True, doc="whether accepted vocabulary terms are exempt"),
    }

    def setup(self) -> None:
        o = self.opts
        self.second = compile_pattern(o["second"], "second")
        self.first = compile_pattern(o["first"], "first")
        self.grouped = has_capture_group(o["second"])
        exceptions = strings(o["exceptions"], "exceptions")
        self.exceptions = exceptions_regex(exceptions)
        self.phrases = phrase_regex(exceptions)

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        source = scope.source
        defined: set[str] = set()  # per document, filled as blocks are read in order
        for span in scope.spans:
            if not self.grouped:
                # No group: a plain presence check; `second` anywhere in the block allows every `first`.
                if next(finditer(self.second, source, span.start, span.end), None) is not None:
                    continue
            else:
                for m in finditer(self.second, source, span.start, span.end):
                    defined.update(g for g in m.groups() if g)
            for m in finditer(self.first, source, span.start, span.end):
                text = m.group()
                if m.start() == m.end() or (self.grouped and text in defined):
                    continue
                if is_match(self.exceptions, text) or within_phrase(self.phrases, source, span, m.start(), m.end()):
                    continue
                yield Match(m.start(), m.end())
