"""`extends: placeholder` — marks a writer left for later: TK, [NAME], [insert quote], XX, lorem ipsum.

A placeholder is a placeholder wherever it stands, so the check looks inside
quotations and headings too (a "[NAME]" in a quote is still unfinished copy);
code, front matter, HTML and link targets are blanked before it looks.

* `tokens`: regexes flagged anywhere (word-bounded, case-sensitive unless the
  regex says `(?i:...)`), e.g. `TK(?:TK)*`, `FIXME`, `(?i:lorem ipsum)`;
* `brackets`: regexes matched against the whole inside of a `[...]`, e.g.
  `NAME` or `(?i:insert\\b.*)` — so "[sic]" and "[Sunday]" are not placeholders;
* `numerals`: "XX", "XXX", "xx" standing for a number ("$XX million", "March XX").
  Two or three X's straight after a capitalised name ("Super Bowl XXX"; not
  after a month: "March XX" is a gap) or before "Olympiad", "Corps", ... are a
  Roman numeral and are left alone; "XXL", "XXX-rated" never match;
* `marks`: a lone "??" (not "What??", which is punctuation, not a gap).
"""

from __future__ import annotations

from typing import Iterator

import regex

from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Match
from newslint.patterns import compile_pattern, finditer

_BRACKET = regex.compile(r"\[([^\[\]\n]{1,80})\]")
# X's for a number: "XX", "XX,XXX", "$XXm", "XX%"; lowercase too ("xx people").
# Not inside a dotted name: "state.xx.us" is a domain pattern, not a gap.
_NUMERAL = regex.compile(r"(?<![\w.-])(?:X{2,}(?:[,.]X{3})*(?:m|bn|k|km)?|x{2,})(?![\w-]|\.\w)")
_LONE_MARKS = regex.compile(r"(?<![^\s(\[])\?{2,}(?![^\s)\].,;:])")
_WORD_BEFORE = regex.compile(r"(\w[\w’'.-]*)[ \t\u00a0]+\Z")
# Nouns that Roman numerals come before: "the XXX Olympiad", "XX Corps".
_NOUN_AFTER = regex.compile(r"[ \t\u00a0]+(?:Olympiad|Olympic|Games|Century|Congress|Corps|Dynasty|Legislature|Amendment)\b")
# Capitalised words before X's that still mean a number, not a Roman numeral.
_NOT_NAMES = frozenset(
    """january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday the a an in on at by of for from to about over under some nearly almost
    only just around roughly approximately more than least most all page room""".split()
)


class Placeholder(Check):
    kind = "placeholder"
    summary = "Flags placeholders left in copy: TK, [NAME], [insert ...], XX, lorem ipsum, FIXME, ??."
    options = {
        "tokens": Option("list", [], doc="regexes flagged anywhere, word-bounded, case-sensitive"),
        "brackets": Option("list", [], doc="regexes matched against the whole inside of [...]"),
        "numerals": Option("bool", True, doc="flag XX / XXX standing for a number (not Roman numerals)"),
        "marks": Option("bool", True, doc="flag a standalone ?? (not 'What??')"),
    }

    def setup(self) -> None:
        for key in ("tokens", "brackets"):
            if not all(isinstance(t, str) for t in self.opts[key]):
                raise OptionError(key, f"every item of '{key}' must be a string")
        tokens, brackets = self.opts["tokens"], self.opts["brackets"]
        self.tokens = compile_pattern(r"\b(?:" + "|".join(tokens) + r")\b", "tokens") if tokens else None
        self.brackets = compile_pattern(r"\A\s*(?:" + "|".join(brackets) + r")\s*\Z", "brackets") if brackets else None

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        text = scope.source
        for span in scope.spans:
            found: list[tuple[int, int]] = []
            if self.brackets is not None:
                for m in _BRACKET.finditer(text, span.start, span.end):
                    if next(finditer(self.brackets, m.group(1)), None):  # the rule's regex, under the time budget
                        found.append(m.span())
            if self.tokens is not None:
                found.extend(m.span() for m in finditer(self.tokens, text, span.start, span.end) if m.end() > m.start())
            if self.opts["numerals"]:
                found.extend(m.span() for m in _NUMERAL.finditer(text, span.start, span.end) if not self._roman(text, span.start, m))
            if self.opts["marks"]:
                found.extend(m.span() for m in _LONE_MARKS.finditer(text, span.start, span.end))
            # "[TK]" is one placeholder, not two: keep the outermost span.
            found = sorted(set(found), key=lambda s: (s[0], -s[1]))
            for start, end in found:
                if any(s <= start and end <= e and (s, e) != (start, end) for s, e in found):
                    continue
                yield Match(start, end)

    @staticmethod
    def _roman(text: str, block_start: int, m) -> bool:
        """XX or XXX after a capitalised name ("Super Bowl XXX") or before "Olympiad" is a numeral, not a gap."""
        if not regex.fullmatch(r"X{2,3}", m.group(0)):
            return False
        if _NOUN_AFTER.match(text, m.end()):
            return True
        before = _WORD_BEFORE.search(text, block_start, m.start())
        if not before:
            return False
        word = before.group(1)
        return word[0].isupper() and word.lower().rstrip(".") not in _NOT_NAMES
