"""`extends: existence` — flag any occurrence of the listed tokens (Vale's semantics)."""

from __future__ import annotations

from typing import Iterator

from newslint.checks import _prefilter as prefilter
from newslint.checks._vale import exceptions_regex, is_match, phrase_regex, strings, within_phrase
from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Fix, Match
from newslint.patterns import compile_pattern, finditer, vale_regex


def exception_matcher(exceptions: list[str], ignorecase: bool = False, key: str = "exceptions"):
    """Vale drops a match containing one of the rule's exceptions as a whole word.

    Vale's `updateExceptions` builds `\\b(?:exc|...)\\b`, searched in the trimmed
    match and case-sensitive whatever the rule's `ignorecase` (a term may start
    with `(?i)`); `ignorecase` is accepted for old callers and ignored.
    """
    return exceptions_regex(exceptions, key)


class Existence(prefilter.Registers, Check):
    kind = "existence"
    summary = "Flags any occurrence of the listed tokens or pattern."
    can_fix = True
    options = {
        "tokens": Option("list", [], doc="words or patterns to flag"),
        "raw": Option("list", [], doc="a regex, in pieces joined together, used as is"),
        "ignorecase": Option("bool", False),
        "nonword": Option("bool", False, doc="do not wrap tokens in word boundaries"),
        "append": Option("bool", False, doc="append raw after tokens instead of before"),
        "exceptions": Option("list", [], doc="matches to leave alone"),
        "vocab": Option("bool", True, doc="whether accepted vocabulary terms are exempt"),
    }

    def setup(self) -> None:
        o = self.opts
        # Vale drops blank tokens before joining them.
        tokens = [t for t in strings(o["tokens"], "tokens") if t.strip()]
        raw = strings(o["raw"], "raw")
        if not tokens and not raw:
            raise OptionError("extends", "an existence rule needs 'tokens' or 'raw'")
        key = "tokens" if tokens else "raw"
        self.pattern = compile_pattern(vale_regex(tokens, raw, o["ignorecase"], o["nonword"], o["append"]), key)
        # The words one of which must occur for any match (none with a raw pattern): see _prefilter.
        self.words = prefilter.literals(tokens) if not raw else None
        if self.words is not None:
            prefilter.SCANNER.register(self.words)
        exceptions = strings(o["exceptions"], "exceptions")
        self.exceptions = exception_matcher(exceptions)
        self.phrases = phrase_regex(exceptions)

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        if not prefilter.may_match(self.words, scope.source):
            return
        for span in scope.spans:
            for m in finditer(self.pattern, scope.source, span.start, span.end):
                if m.end() == m.start() or is_match(self.exceptions, m.group(0).strip()):
                    continue
                if within_phrase(self.phrases, scope.source, span, m.start(), m.end()):
                    continue  # part of an accepted multi-word exception ("mea" in "mea culpa")
                fix = None
                if self.fix_safe is not None:
                    fix = Fix(m.start(), m.end(), "", self.fix_safe)
                yield Match(m.start(), m.end(), fix=fix)
