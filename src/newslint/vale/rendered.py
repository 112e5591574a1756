"""Markdown as Vale's rules see it: inline markup removed, not blanked (#14 item 3).

Vale renders Markdown to HTML and lints each block's text: emphasis, link and
tag markup disappear, a code span's text becomes `*`s, an inline comment goes,
and the text after an inline element starts with one space (none before
punctuation), as lintHTMLTokens' `clean` does. So `e **P**` reads `e P`, and a
pattern can match across `**bold**`. newslint's Markdown reader blanks that
markup with spaces instead, which a spacing rule then sees.

`view_of(doc)` builds the rendered text of a Vale Markdown document: one segment
per block, blocks apart by a blank line, with each rendered character's offset in
the original file. `OnRendered` runs a text rule there and maps its matches back,
so every finding keeps its exact position in the file.

Sentences (#14 item 8): when any of its rules has `scope: sentence`, Vale also
runs every text rule on each sentence of a paragraph on its own (nlp/provider.go
doNLP), before the whole paragraph; of two alerts at one place the first stays.
So `\\w+!$` finds `amazing!` mid-paragraph. (Which blocks a `scope: sentence`
rule reads is the document's business: Vale 3.17's e2e cases reach headings and
quotes too, scopes/sentences and checks/heading-scope-with-sentence-rule.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Iterator

from newslint.document.markdown import _CODE_SPAN
from newslint.document.masking import URL
from newslint.document.model import Block, Document
from newslint.document.sentences import split_sentences
from newslint.finding import Match
from newslint.scopes import extension, matches as scope_matches

# Vale's `clean`: text starting with one of these gets no space after an inline element.
_STARTERS = ".?!,:;"
# What may sit between a line's start and its text when a block goes on to the next line:
# container marks (blockquote, list) and indentation. Such a break stays a newline, as in HTML.
_LINE_LEAD = re.compile(r"[ \t]*(?:(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)[ \t]*)*")
# The kinds whose rules read text; the others (metric and readability count the whole document,
# raw and code scopes read the file as written) keep the original document.
TEXT_KINDS = ("existence", "substitution", "occurrence", "repetition", "capitalization", "conditional",
              "consistency", "sequence", "spelling")
_ORIGINAL_SCOPES = {"raw", "code"}
_UNTOGGLED_SCOPES = {"raw", "summary"}
WHOLE_FILE_KINDS = ("metric", "readability")


@dataclass
class View:
    """A rendered document and, for each of its characters, the original offset."""

    doc: Document
    back: list[int]

    def start(self, offset: int) -> int:
        if offset < len(self.back):
            return self.back[offset]
        return self.back[-1] + 1 if self.back else 0  # past the end (an empty document too)

    def end(self, start: int, end: int) -> int:
        return self.start(start) if end <= start else self.back[end - 1] + 1


def view_of(doc: Document) -> View | None:
    """The rendered view of a Vale Markdown or HTML document (built once), or None for other documents."""
    if not getattr(doc, "vale_rendered", False):
        return None
    view = doc.__dict__.get("_vale_view")
    if view is None:
        view = doc.__dict__["_vale_view"] = _render(doc)
    return view


def _render(doc: Document) -> View:
    text, prose = doc.text, doc.prose
    out: list[str] = []
    back: list[int] = []
    blocks = []
    for block in doc.blocks:
        if block.kind in ("code", "frontmatter", "html"):
            continue
        if out:
            _blank_line(out, back)
        start = len(back)
        _segment(text, prose, *_widened(text, prose, block.start, block.end), out, back)
        blocks.append(replace(block, start=start, end=len(back)))
    rendered = "".join(out)
    assert len(rendered) == len(back)
    return View(_like(doc, rendered, blocks), back)


def _blank_line(out: list[str], back: list[int]) -> None:
    """Blocks of a view stand apart by a blank line, mapped just after the previous block."""
    out.append("\n\n")
    back += [back[-1] + 1, back[-1] + 1]


def _like(doc: Document, text: str, blocks: list[Block]) -> Document:
    """A document of rendered text that reads as `doc` does under its Vale config."""
    out = Document(doc.path, text, doc.format, blocks, text, bom=doc.bom)
    out.genre = doc.genre
    out.vale_segments = doc.__dict__.get("vale_segments", False)
    return out


def sentences_of(view: View) -> View:
    """The paragraphs' sentences of a rendered view, each a block of its own, apart by a blank line
    (so `^` and `$` hold at a sentence's edges, as in Vale's sentence blocks), mapped to the view."""
    cached = view.__dict__.get("_sentences")
    if cached is not None:
        return cached
    rendered = view.doc.text
    parts: list[str] = []
    back: list[int] = []
    blocks = []
    for block in view.doc.blocks:
        if block.kind != "paragraph" or getattr(block, "parts", ()):
            continue
        for start, end in split_sentences(view.doc.prose, block.start, block.end):
            if parts:
                _blank_line(parts, back)
            blocks.append(Block("paragraph", len(back), len(back) + end - start))
            parts.append(rendered[start:end])
            back.extend(range(start, end))
    sentences = View(_like(view.doc, "".join(parts), blocks), back)
    view.__dict__["_sentences"] = sentences
    return sentences


def _stars(text: str, prose: str, s: int, e: int) -> list[tuple[int, int]]:
    """Code spans' and bare URLs' text: Vale substitutes `*`s for it (a link whose text is its
    target, as GFM's autolinks are, is substituted too)."""
    spans = []
    for m in _CODE_SPAN.finditer(text, s, e):
        ticks = len(m.group(1))
        cs, ce = m.start() + ticks, m.end() - ticks
        inner = text[cs:ce]
        if inner.startswith(" ") and inner.endswith(" ") and inner.strip():
            cs, ce = cs + 1, ce - 1  # CommonMark strips one space either side
        if cs < ce and not prose[cs:ce].strip():
            spans.append((cs, ce))
    for m in URL.finditer(text, s, e):
        if not prose[m.start():m.end()].strip() and not any(a <= m.start() < b for a, b in spans):
            spans.append(m.span())
    return sorted(spans)


def _widened(text: str, prose: str, s: int, e: int) -> tuple[int, int]:
    """A block is trimmed to its prose, so a code span opening or closing its line lies outside it;
    Vale reads that code as `*`s (`## `this` is ...` starts with a word): take it back in."""
    line_start = text.rfind("\n", 0, s) + 1
    line_end = text.find("\n", e)
    line_end = len(text) if line_end < 0 else line_end
    if prose[line_start:s].strip() or prose[e:line_end].strip():
        return s, e
    code = [m.span() for m in _CODE_SPAN.finditer(text, line_start, line_end)]
    if code and code[0][0] < s:  # from its opening backticks, so the segment finds the span
        s = code[0][0]
    if code and code[-1][1] > e:
        e = code[-1][1]
    return s, e


def _segment(text: str, prose: str, s: int, e: int, out: list[str], back: list[int]) -> None:
    """Append one block's rendered text: kept characters as they are, code as `*`s, each run of
    markup (with the spaces around it) as one space, nothing, or a line break."""
    stars = _stars(text, prose, s, e)
    star_at = {i for a, b in stars for i in range(a, b)}
    i = s
    emitted = False
    while i < e:
        if i in star_at:
            out.append("*")
            back.append(i)
            emitted = True
            i += 1
            continue
        if not prose[i].isspace():  # as read: an HTML reference is its character
            out.append(prose[i])
            back.append(i)
            emitted = True
            i += 1
            continue
        j = i  # a run of whitespace and blanked markup
        while j < e and j not in star_at and prose[j].isspace():
            j += 1
        run = text[i:j]
        markup = any(not text[k].isspace() for k in range(i, j))
        if not markup:
            out.append(run)  # plain spacing, as written
            back.extend(range(i, j))
        elif emitted and j < e:
            _gap(text, run, i, j, out, back)
        i = j


_ENTITY_TAIL = re.compile(r"#?\w+;?")


def _gap(text: str, run: str, i: int, j: int, out: list[str], back: list[int]) -> None:
    if text[i - 1] == "&" and _ENTITY_TAIL.fullmatch(run):
        return  # the rest of an HTML reference, read as its character at the `&`
    if run.strip() == "\\" * len(run.strip()) and not any(c.isspace() for c in run):
        return  # an escape: `\*` reads `*`
    if "\n" in run:
        first, _, last = run.partition("\n")
        last = run.rsplit("\n", 1)[1]
        if not first.strip() and _LINE_LEAD.fullmatch(last):
            nl = i + run.index("\n")
            out.append("\n")
            back.append(nl)
            return
    if text[j] in _STARTERS:
        return
    out.append(" ")
    back.append(i)


class OnRendered:
    """A check that reads the rendered text of a Vale Markdown document; findings map back."""

    def __init__(self, inner):
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __repr__(self) -> str:
        return f"OnRendered({self._inner!r})"

    def check(self, doc: Document) -> Iterator[Match]:
        view = view_of(doc)
        if view is None:
            if not self._per_sentence(doc):
                yield from self._inner.check(doc)
                return
            view = _as_is(doc)  # plain text: Vale's lintTxt splits its sentences too
        rendered = view.doc.text
        for m in self._rendered_matches(view):
            start, end = view.start(m.start), view.end(m.start, m.end)
            seen = rendered[m.start:m.end]
            args = m.args or ((seen,) if doc.text[start:end] != seen else ())
            fix = m.fix
            if fix is not None:
                fs, fe = view.start(fix.start), view.end(fix.start, fix.end)
                # A fix across markup would delete it: offered only where the file reads as rendered.
                fix = replace(fix, start=fs, end=fe) if doc.text[fs:fe] == rendered[fix.start:fix.end] else None
            yield replace(m, start=start, end=end, args=args, fix=fix)

    def _rendered_matches(self, view: View) -> list[Match]:
        """The rule's matches in the rendered text; per sentence first where Vale runs it so."""
        if not self._per_sentence(view.doc):
            return list(self._inner.check(view.doc))
        sentences = sentences_of(view)
        found = [_moved(m, sentences) for m in self._inner.check(sentences.doc)]
        starts = {m.start for m in found}
        found += [m for m in self._inner.check(view.doc) if m.start not in starts]
        return sorted(found, key=lambda m: (m.start, m.end))

    def _per_sentence(self, doc: Document) -> bool:
        """Whether Vale also runs this rule on each sentence: some rule of the config has a sentence
        scope, and this one's scope takes a sentence block (`sentence.text.<ext>`), unless it is
        sentence-scoped itself (then it reads those sentences already)."""
        if not doc.__dict__.get("vale_segments"):
            return False
        scope = tuple(self._inner.rule.scope)
        if all(s.strip().split(".")[0] == "sentence" for s in scope):
            return False
        return scope_matches(scope, frozenset(("sentence", "text", extension(doc))))


def _as_is(doc: Document) -> View:
    """A document as its own view (plain text, which Vale reads as written)."""
    view = doc.__dict__.get("_vale_as_is")
    if view is None:
        view = doc.__dict__["_vale_as_is"] = View(doc, list(range(len(doc.text))))
    return view


def _moved(m: Match, view: View) -> Match:
    """A match in `view`'s text, moved to the text `view` maps into."""
    fix = m.fix
    if fix is not None:
        fix = replace(fix, start=view.start(fix.start), end=view.end(fix.start, fix.end))
    return replace(m, start=view.start(m.start), end=view.end(m.start, m.end), fix=fix)


class Untoggled:
    """A raw- or summary-scoped rule (and metric, readability): Vale runs these on the whole file,
    outside the block walk where comments switch rules off, so `<!-- vale off -->` and
    `<!-- vale Style.Rule = NO -->` leave them on. The document records their names for
    suppression.filter_suppressed."""

    def __init__(self, inner):
        self._inner = inner

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def __repr__(self) -> str:
        return f"Untoggled({self._inner!r})"

    def check(self, doc: Document) -> Iterator[Match]:
        doc.__dict__.setdefault("untoggled", set()).add(self._inner.rule.name)
        yield from self._inner.check(doc)


def as_vale_runs(check):
    """Wrap a rule as Vale runs it: a text rule reads rendered Markdown, a whole-file rule ignores
    comment toggles; other rules are returned as they are."""
    scope = {p.strip().lstrip("~") for entry in check.rule.scope for p in entry.split("&")}
    if check.rule.extends in WHOLE_FILE_KINDS or scope & _UNTOGGLED_SCOPES:
        return Untoggled(check)
    if check.rule.extends not in TEXT_KINDS or scope & _ORIGINAL_SCOPES:
        return check
    return OnRendered(check)
