"""`extends: consistency` — one of each `either` pair, not both, in a document (Vale's semantics)."""

from __future__ import annotations

from typing import Iterator

import regex

from newslint.checks._vale import string_map
from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Match
from newslint.patterns import NONWORD_TEMPLATE, WORD_TEMPLATE, compile_pattern, finditer


class Consistency(Check):
    kind = "consistency"
    summary = "Flags a document that uses both spellings of an `either` pair."
    options = {
        "either": Option("dict", required=True, doc="option 1: option 2 pairs, of which only one may appear"),
        "nonword": Option("bool", False, doc="do not wrap the options in word boundaries"),
        "ignorecase": Option("bool", False),
    }

    def setup(self) -> None:
        o = self.opts
        pairs = string_map(o["either"], "either")
        if not pairs:
            raise OptionError("either", "'either' needs at least one 'option 1: option 2' pair")
        template = NONWORD_TEMPLATE if o["nonword"] else WORD_TEMPLATE
        flag = "(?i)" if o["ignorecase"] else ""
        self.steps = [compile_pattern(flag + template % f"(?P<first>{a})|(?P<second>{b})", "either")
                      for a, b in pairs.items()]

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        # Vale remembers, per file, which side of each pair it has seen so far, block by block.
        seen: list[set[str]] = [set() for _ in self.steps]
        for span in scope.spans:
            for step, pattern in enumerate(self.steps):
                last = None
                for m in finditer(pattern, scope.source, span.start, span.end):
                    seen[step].add(m.lastgroup or "")
                    last = m.span(m.lastgroup) if m.lastgroup else m.span()
                if last is not None and {"first", "second"} <= seen[step]:
                    yield Match(*self.first_occurrence(scope.source, span, *last))

    @staticmethod
    def first_occurrence(source: str, span, start: int, end: int) -> tuple[int, int]:
        """Vale reports the block's last match by its text, which lands on that text's first occurrence."""
        text = source[start:end]
        found = regex.search(r"(?:^|\b|_)" + regex.escape(text) + r"(?:\b|_|$)", source[span.start:span.end],
                             regex.MULTILINE)
        if found is None:
            return start, end
        at = span.start + found.start() + found.group().index(text)
        return at, at + len(text)
