"""`extends: repetition` — a token repeated back to back, such as "the the" (Vale's semantics)."""

from __future__ import annotations

from typing import Iterator

from newslint.checks._vale import exceptions_regex, is_match, message, phrase_regex, strings, within_phrase
from newslint.checks.base import Check, Option, OptionError
from newslint.document.sentences import split_sentences
from newslint.finding import Fix, Match
from newslint.patterns import compile_pattern, finditer


class Repetition(Check):
    kind = "repetition"
    summary = "Flags a token repeated back to back."
    can_fix = True
    options = {
        "tokens": Option("list", required=True, doc="regexes whose repeats are flagged"),
        "max": Option("int", 0, doc="how many repeats are allowed before flagging"),
        "ignorecase": Option("bool", False),
        "alpha": Option("bool", False, doc="only repeats made of letters count"),
        "exceptions": Option("list", [], doc="repeats to leave alone"),
        "vocab": Option("bool", True, doc="whether accepted vocabulary terms are exempt"),
    }

    def setup(self) -> None:
        o = self.opts
        tokens = strings(o["tokens"], "tokens")
        if not tokens:
            raise OptionError("tokens", "'tokens' needs at least one pattern")
        if o["max"] < 0:
            raise OptionError("max", "'max' must not be negative")
        self.pattern = compile_pattern(("(?i)" if o["ignorecase"] else "") + "(" + "|".join(tokens) + ")", "tokens")
        exceptions = strings(o["exceptions"], "exceptions")
        self.exceptions = exceptions_regex(exceptions)
        self.phrases = phrase_regex(exceptions)

    def check(self, doc) -> Iterator[Match]:
        scope, o = self.scope(doc), self.opts
        source = scope.source
        for span in scope.spans:
            prev, prev_start, prev_end, count = "", 0, 0, 0
            for m in finditer(self.pattern, source, span.start, span.end):
                curr = m.group().strip()
                hit = curr != "" and (curr.casefold() == prev.casefold() if o["ignorecase"] else curr == prev)
                hit = hit and (not o["alpha"] or curr.isalpha())
                if hit:
                    count += 1  # as in Vale, only a reported repeat resets the count
                if hit and count > o["max"]:
                    start, end = prev_start, m.end()
                    # A repeat across a sentence boundary ("about that. That is") is not one.
                    if (len(split_sentences(source, start, end)) == 1
                            and not is_match(self.exceptions, source[start:end])
                            and not within_phrase(self.phrases, source, span, start, end)):
                        fix = None
                        if self.fix_safe is not None:  # keep the first: drop the gap and the repeat
                            fix = Fix(prev_end, end, "", self.fix_safe)
                        yield Match(start, end, fix=fix, **message(self.rule.message, curr))
                        count = 0
                prev_start, prev_end, prev = m.start(), m.end(), curr
