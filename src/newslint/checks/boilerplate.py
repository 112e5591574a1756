"""`extends: boilerplate` — scraped page furniture left in the copy.

Two things are flagged:

* a block whose whole text is one of `phrases` ("Related Articles", "Leave a
  Comment", "Advertisement", ...). Only whole blocks count, so a sentence that
  merely says "read more" is never touched; a block wholly inside a quotation
  is left alone, and code / front matter / HTML never reach the check;
* a run of two or more empty lines in the tail of the article (nothing but
  whitespace and boilerplate blocks after it): the gap a scraper leaves where
  a widget was.

The fix removes a block together with the blank lines before it, so removing
every boilerplate block leaves no blank run behind; a blank run followed by
boilerplate needs no fix of its own (the block's removal takes it).
"""

from __future__ import annotations

from typing import Iterator

import regex

from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Fix, Match
from newslint.patterns import compile_pattern

# Lines that hold nothing (a CR of CRLF, spaces and tabs count as nothing).
_EMPTY_LINE = regex.compile(r"^[ \t\r]*\n", regex.M)


class Boilerplate(Check):
    kind = "boilerplate"
    summary = "Flags scraped page furniture (Related Articles, Leave a Comment, ...) and trailing blank-line runs."
    can_fix = True
    default_scope = ("paragraph", "heading", "list")
    options = {
        "phrases": Option("list", [], doc="regexes matched (ignoring case) against a whole block"),
        "trailing_blank_lines": Option("bool", True, doc="flag runs of 2+ empty lines in the article's tail"),
    }

    def setup(self) -> None:
        phrases = self.opts["phrases"]
        if not all(isinstance(p, str) for p in phrases):
            raise OptionError("phrases", "every item of 'phrases' must be a string")
        if not phrases and not self.opts["trailing_blank_lines"]:
            raise OptionError("extends", "a boilerplate rule needs 'phrases' or 'trailing_blank_lines: true'")
        # Punctuation and arrows around the phrase ("Read more »", "Related Articles:") still count.
        body = "|".join(f"(?:{p})" for p in phrases) or r"(?!)"
        self.pattern = compile_pattern(r"^[\W_]*(?:" + body + r")[\W_]*\Z", "phrases", ignorecase=True)

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        furniture = []
        for span in scope.spans:
            words = " ".join(scope.source[span.start : span.end].split())
            if self.pattern.match(words) and not doc.in_quote(span.start, span.end):
                furniture.append(span)
        for span in furniture:
            yield Match(span.start, span.end, fix=self._fix(doc, span.start, span.end))
        if self.opts["trailing_blank_lines"]:
            yield from self._blank_runs(doc, furniture)

    def _fix(self, doc, start: int, end: int, with_fix: bool = True) -> Fix | None:
        if self.fix_safe is None or not with_fix:
            return None
        text, prose = doc.text, doc.prose
        # Take whole lines: Markdown marks ("## ", "- ") are blanked in prose, so stretch over them.
        while start > 0 and text[start - 1] != "\n" and not prose[start - 1].strip():
            start -= 1
        while end < len(text) and text[end] not in "\r\n" and not prose[end].strip():
            end += 1
        # Remove the line break(s) before the block: the gap before it goes with it.
        before = start
        while before > 0 and text[before - 1].isspace():
            before -= 1
        if before > 0:
            return Fix(before, end, "", self.fix_safe)
        # The block opens the document: take the gap after it instead.
        after = end
        while after < len(text) and text[after].isspace():
            after += 1
        return Fix(start, after, "", self.fix_safe)

    def _blank_runs(self, doc, furniture) -> Iterator[Match]:
        text = doc.text
        # The tail starts after the last block that is not furniture.
        kept = [b for b in doc.blocks if b not in furniture and b.kind != "title" or b.kind == "title"]
        kept = [b for b in kept if not any(f.start <= b.start and b.end <= f.end for f in furniture)]
        tail = max((b.end for b in kept), default=0)
        run_start = run_end = None
        for m in _EMPTY_LINE.finditer(text, tail):
            if m.start() == 0 or text[m.start() - 1] != "\n":
                continue  # the rest of a line that holds text, not an empty line
            if run_end == m.start():
                run_end, count = m.end(), count + 1
                continue
            if run_start is not None and count >= 2:
                yield self._run_match(doc, run_start, run_end, furniture)
            run_start, run_end, count = m.start(), m.end(), 1
        # The last line has no newline after it: empty if only blanks remain.
        if run_start is not None and count >= 2:
            yield self._run_match(doc, run_start, run_end, furniture)

    def _run_match(self, doc, start: int, end: int, furniture) -> Match:
        fix = None
        if self.fix_safe is not None and not any(f.start >= end for f in furniture):
            # Nothing but whitespace follows: end the article with a single line break.
            fix = Fix(start, len(doc.text), "", self.fix_safe)
        return Match(start, end, message=self.rule.message and None, fix=fix)
