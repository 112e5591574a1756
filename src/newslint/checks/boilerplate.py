"""`extends: boilerplate` — scraped page furniture left in the copy.

Two things are flagged:

* a block (paragraph, heading, list item) that is page furniture rather than
  story. Three kinds of evidence, any one enough:
  - `phrases`: seeds, regexes matched against the whole block ("Related
    Articles", "Leave a Comment", "Advertisement"), or against every line of
    a stacked block ("Share this article" / "Facebook" / "Twitter");
  - `furniture`: learned lists (`newslint furniture learn`): every line of the
    block, compared in the normal form of `newslint.furniture.lines`, is one
    the site's archive repeats across articles;
  - `chrome`: a chrome vocabulary with which `newslint.furniture.score` judges
    the block by its structure (short, no sentence end, no verb, a "Photo:"
    label, a credit "X/Getty Images", a link arrow, standing at the end of
    the story) and its words; `min_score` points make furniture.
  Only whole blocks count, so a sentence that merely says "read more" is never
  touched; a block wholly inside a quotation is left alone, and code, front
  matter and HTML never reach the check (a link's text does: "[Read more](…)");
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
from newslint.compiled import regex_compile
from newslint.finding import Fix, Match
from newslint.furniture.lines import load_learned, normal
from newslint.furniture.score import FURNITURE, judge, load_chrome
from newslint.patterns import compile_pattern, finditer

# Lines that hold nothing (a CR of CRLF, spaces and tabs count as nothing).
_EMPTY_LINE = regex_compile(r"^[ \t\r]*\n", regex.M)


class Boilerplate(Check):
    kind = "boilerplate"
    summary = "Flags scraped page furniture (Related Articles, Photo: X/Getty Images, Accept all cookies, ...) and trailing blank-line runs."
    can_fix = True
    default_scope = ("paragraph", "heading", "list")
    options = {
        "phrases": Option("list", [], doc="regexes matched (ignoring case) against a whole block"),
        "chrome": Option("str", "", doc="chrome vocabulary (YAML, relative to the rule) with which structure judges a block"),
        "min_score": Option("int", FURNITURE, doc="points a block needs to be furniture by structure (see newslint.furniture.score)"),
        "furniture": Option("list", [], doc="learned furniture lists (YAML from `newslint furniture learn`, relative to the rule)"),
        "trailing_blank_lines": Option("bool", True, doc="flag runs of 2+ empty lines in the article's tail"),
    }

    def setup(self) -> None:
        phrases = self.opts["phrases"]
        if not all(isinstance(p, str) for p in phrases):
            raise OptionError("phrases", "every item of 'phrases' must be a string")
        if not (phrases or self.opts["chrome"] or self.opts["furniture"] or self.opts["trailing_blank_lines"]):
            raise OptionError("extends", "a boilerplate rule needs 'phrases', 'chrome', 'furniture' or 'trailing_blank_lines: true'")
        self.chrome = load_chrome(self.rule.path, self.opts["chrome"]) if self.opts["chrome"] else None
        self.learned = frozenset().union(*(load_learned(self.rule.path, ref) for ref in self.opts["furniture"]))
        # Punctuation and arrows around the phrase ("Read more »", "Related Articles:") still count.
        body = "|".join(f"(?:{p})" for p in phrases) or r"(?!)"
        self.pattern = compile_pattern(r"\A[\W_]*(?:" + body + r")[\W_]*\Z", "phrases", ignorecase=True)

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        furniture = []
        tail = True  # everything after this block is furniture: it stands at the story's end
        for span in reversed(scope.spans):
            # The block as written, to the end of its line: Markdown leaves an address or a link out of the block.
            line_end = doc.text.find("\n", span.end)
            original = doc.text[span.start : line_end if line_end != -1 else len(doc.text)]
            if self._is_furniture(scope.source[span.start : span.end], tail, original) and not doc.in_quote(span.start, span.end):
                furniture.append(span)
            else:
                tail = False
        furniture.reverse()
        for span in furniture:
            shown = " ".join(doc.text[span.start : span.end].split())
            yield Match(span.start, span.end, args=(f"'{shown}'",), fix=self._fix(doc, span.start, span.end))
        if self.opts["trailing_blank_lines"]:
            yield from self._blank_runs(doc, furniture)

    def _is_furniture(self, block: str, last: bool, original: str) -> bool:
        # Widgets come in stacks ("Share this article" / "Facebook" / "Twitter"): every line must be furniture.
        lines = [" ".join(line.split()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if not lines:
            return False
        # finditer, not match: a rule's own regex runs under the time budget.
        if all(next(finditer(self.pattern, line), None) for line in lines):
            return True
        if self.learned and all(normal(line) in self.learned for line in lines):
            return True
        if self.chrome is None:
            return False
        return judge(" ".join(lines), self.chrome, last, original).furniture(self.opts["min_score"])

    def _fix(self, doc, start: int, end: int) -> Fix | None:
        if self.fix_safe is None:
            return None
        text, prose = doc.text, doc.prose
        # Take whole lines: Markdown marks ("## ", "- ") are blanked in prose, so stretch over them.
        while start > 0 and text[start - 1] != "\n" and not prose[start - 1].strip():
            start -= 1
        while end < len(text) and text[end] not in "\r\n" and not prose[end].strip():
            end += 1
        # Remove the gap before the block with it, so no blank run is left behind.
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

    def _blank_runs(self, doc, furniture: list) -> Iterator[Match]:
        text = doc.text
        # The tail starts after the last block (of any kind) that is not furniture.
        tail = max((b.end for b in doc.blocks if b not in furniture), default=0)
        runs: list[list[int]] = []  # [start, end, count] of consecutive empty lines
        for m in _EMPTY_LINE.finditer(text, tail):
            if m.start() > 0 and text[m.start() - 1] != "\n":
                continue  # the end of a line that holds text
            if runs and runs[-1][1] == m.start():
                runs[-1][1:] = [m.end(), runs[-1][2] + 1]
            else:
                runs.append([m.start(), m.end(), 1])
        for start, end, count in runs:
            if count < 2:
                continue
            fix = None
            if self.fix_safe is not None and not any(f.start >= end for f in furniture):
                # Only whitespace follows: end the article with the line break before the run.
                fix = Fix(start, len(text), "", self.fix_safe)
            # With furniture after the run, removing that block removes the run too.
            yield Match(start, end, args=(f"{count} empty lines",), fix=fix)
