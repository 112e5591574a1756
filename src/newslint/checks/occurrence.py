"""`extends: occurrence` — too many (`max`) or too few (`min`) matches of `token` per scope block (Vale)."""

from __future__ import annotations

from typing import Iterator

from newslint.checks._vale import message
from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Match
from newslint.patterns import compile_pattern, finditer


def is_code(text: str) -> bool:
    """Vale's core.IsCode: a run of the '*'/'@' characters Vale masks code with."""
    return all(c in "*@" for c in text)


class Occurrence(Check):
    kind = "occurrence"
    summary = "Flags a scope holding more than `max` or fewer than `min` matches of `token`."
    options = {
        "token": Option("str", required=True, doc="the regex to count"),
        "max": Option("int", 0, doc="at most this many per scope block (0: no maximum)"),
        "min": Option("int", 0, doc="at least this many per scope block (0: no minimum)"),
        "ignorecase": Option("bool", False),
    }

    def setup(self) -> None:
        o = self.opts
        for key in ("max", "min"):
            if o[key] < 0:
                raise OptionError(key, f"'{key}' must not be negative")
        if not o["max"] and not o["min"]:
            raise OptionError("extends", "an occurrence rule needs 'max' or 'min'")
        self.pattern = compile_pattern(("(?i)" if o["ignorecase"] else "") + f"(?:{o['token']})", "token")

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        most, least = self.opts["max"], self.opts["min"]
        for span in scope.spans:
            found = list(finditer(self.pattern, scope.source, span.start, span.end))
            n = len(found)
            if not ((most and n > most) or (least and n < least)):
                continue
            if n == 0:
                # Nothing to point at: Vale makes the finding document-scoped, at 1:1.
                yield Match(0, 0, **message(self.rule.message, str(n)))
                continue
            # The first match that is not blank or masked code carries the finding.
            first = next((m for m in found if m.group().strip() and not is_code(m.group())), None)
            if first is not None:
                yield Match(first.start(), first.end(), **message(self.rule.message, str(n)))
