"""`extends: title-suffix` — a site or section name left on the end of a headline.

Scraped titles keep the page's `<title>`: "Talks at critical stage | Israel’s war
in Gaza News", "Storm hits coast - BBC News". Headlines also use dashes for
real ("Biden – Harris ticket", "Anti-war protest"), so the separators split in two:

* `separators` (a pipe, "::", "•") are never headline punctuation: what follows
  one is a suffix when each of its `|`-separated parts has at most `max_words` words;
* `dashes` are: what follows one is a suffix only when it is a single part
  matching one of `sites` (case-sensitive regexes, e.g. "BBC News", "The Guardian").

The leftmost separator whose remainder is a suffix wins. The match runs from
the whitespace before the separator to the end of the title, so the fix
(removing it) leaves no trailing space. The rule's scope says which headlines
are looked at (the title, and `# heading`s if asked); nothing else is.
"""

from __future__ import annotations

import re
from typing import Iterator

from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Fix, Match
from newslint.patterns import compile_pattern, finditer

_SPACE = r"[ \t\u00a0]+"


def _separator_regex(marks: list[str]) -> str:
    # " | " in a rule means: the mark with whitespace of any width on both sides.
    return "|".join(_SPACE.join(re.escape(part) for part in mark.split()) for mark in marks if mark.strip())


class TitleSuffix(Check):
    kind = "title-suffix"
    summary = "Flags a site or section name after ' | ' or ' - ' at the end of a title."
    can_fix = True
    default_scope = ("title",)
    options = {
        "separators": Option("list", ["|"], doc="marks that never occur in a headline; what follows is a suffix"),
        "dashes": Option("list", ["-", "–", "—"], doc="marks that headlines use too; what follows must match `sites`"),
        "max_words": Option("int", 6, doc="longest suffix part, in words"),
        "sites": Option("list", [], doc="case-sensitive regexes for a whole suffix after a dash"),
    }

    def setup(self) -> None:
        o = self.opts
        for key in ("separators", "dashes", "sites"):
            if not all(isinstance(v, str) and v.strip() for v in o[key]):
                raise OptionError(key, f"every item of '{key}' must be a non-empty string")
        if not o["separators"] and not (o["dashes"] and o["sites"]):
            raise OptionError("extends", "a title-suffix rule needs 'separators', or 'dashes' with 'sites'")
        if o["max_words"] < 1:
            raise OptionError("max_words", "'max_words' must be at least 1")
        strong = _separator_regex(o["separators"]) or r"(?!)"
        dash = _separator_regex(o["dashes"]) or r"(?!)"
        # Whitespace before the mark (the match starts there) and after it.
        self.separator = compile_pattern(f"{_SPACE}(?:(?P<strong>{strong})|{dash}){_SPACE}", "separators")
        self.strong = compile_pattern(f"{_SPACE}(?:{strong}){_SPACE}", "separators")
        sites = "|".join(f"(?:{s})" for s in o["sites"]) or r"(?!)"
        self.sites = compile_pattern(rf"\A(?:{sites})\Z", "sites")

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        for span in scope.spans:
            text = scope.source
            end = span.end
            while end > span.start and text[end - 1].isspace():
                end -= 1
            for sep in self.separator.finditer(text, span.start, end):
                rest = text[sep.end() : end]
                if self._is_suffix(rest, strong=sep.group("strong") is not None):
                    fix = Fix(sep.start(), end, "", self.fix_safe) if self.fix_safe is not None else None
                    yield Match(sep.start(), end, args=(rest,), fix=fix)
                    break

    def _is_suffix(self, rest: str, strong: bool) -> bool:
        if not rest.strip():
            return False
        if strong:
            return all(len(part.split()) <= self.opts["max_words"] for part in self.strong.split(rest))
        # After a dash: one part, no further separator, and it names a site.
        if self.separator.search(rest) or len(rest.split()) > self.opts["max_words"]:
            return False
        return next(finditer(self.sites, rest.strip()), None) is not None  # under the time budget
