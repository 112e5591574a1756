"""`extends: existence` — flag any occurrence of the listed tokens (Vale's semantics)."""

from __future__ import annotations

from typing import Iterator

from newslint.checks.base import Check, Option
from newslint.finding import Fix, Match
from newslint.patterns import compile_pattern, finditer, vale_regex


def exception_matcher(exceptions: list[str], ignorecase: bool, key: str = "exceptions"):
    """Vale drops a match that is, in full, one of the rule's exceptions."""
    if not exceptions:
        return None
    return compile_pattern(r"^(?:" + "|".join(exceptions) + r")$", key, ignorecase)


class Existence(Check):
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
        for key in ("tokens", "raw", "exceptions"):
            if not all(isinstance(t, str) for t in o[key]):
                from newslint.checks.base import OptionError

                raise OptionError(key, f"every item of '{key}' must be a string")
        if not o["tokens"] and not o["raw"]:
            from newslint.checks.base import OptionError

            raise OptionError("extends", "an existence rule needs 'tokens' or 'raw'")
        key = "tokens" if o["tokens"] else "raw"
        self.pattern = compile_pattern(vale_regex(o["tokens"], o["raw"], o["ignorecase"], o["nonword"], o["append"]), key)
        self.exceptions = exception_matcher(o["exceptions"], o["ignorecase"])

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        for span in scope.spans:
            for m in finditer(self.pattern, scope.source, span.start, span.end):
                if m.end() == m.start():
                    continue
                text = m.group(0)
                if self.exceptions is not None and self.exceptions.search(text):
                    continue
                fix = None
                if self.fix_safe is not None:
                    fix = Fix(m.start(), m.end(), "", self.fix_safe)
                yield Match(m.start(), m.end(), fix=fix)
