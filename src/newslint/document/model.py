"""The document model: original text, a line index and scoped blocks.

Offsets are Python string indexes into `Document.text`, i.e. Unicode code
points of the original file (a leading BOM removed). Everything that needs a
line or column asks the document; no check counts lines itself.

`prose` is `text` with everything that is not prose (front matter, code, URLs,
HTML, Markdown syntax) blanked to spaces, newlines kept, so both strings share
offsets and a pattern run over `prose` reports positions in the original file.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property

from newslint.document.quotes import QuoteScan, scan_quotes
from newslint.document.sentences import split_sentences

LINE_BREAK = re.compile(r"\r\n|\r|\n")

# Block kinds that hold prose. Others ("code", "frontmatter", "html") never reach prose checks.
PROSE_KINDS = ("title", "heading", "paragraph", "list", "blockquote", "table")
BODY_KINDS = ("paragraph", "list", "blockquote", "table")

SCOPES = (
    "raw", "text", "title", "heading", "paragraph", "sentence", "quote",
    "list", "blockquote", "table", "summary", "code",
    "heading.h1", "heading.h2", "heading.h3", "heading.h4", "heading.h5", "heading.h6",
)


@dataclass(frozen=True)
class Block:
    """A span [start, end) of the document of one kind (heading `level` 1-6)."""

    kind: str
    start: int
    end: int
    level: int = 0


@dataclass(frozen=True)
class Scope:
    """What a rule sees: the string its spans index (`text` or `prose`) and the spans."""

    source: str
    spans: tuple[Block, ...]


class Document:
    def __init__(
        self,
        path: str,
        text: str,
        fmt: str,
        blocks: list[Block],
        prose: str,
        bom: bool = False,
        comments: tuple[Block, ...] = (),
    ):
        assert len(prose) == len(text)
        self.path = path
        self.text = text
        self.format = fmt
        self.blocks = tuple(sorted(blocks, key=lambda b: b.start))
        self.prose = prose
        self.bom = bom
        self.comments = comments  # HTML comments in Markdown (for inline suppression)
        self.genre: str | None = None  # declared by a config override (genre: opinion); see document/genre.py
        # CRLF, a lone LF and a lone CR each end a line, as markdown-it counts them: one line model
        # for every reader, so block positions and line numbers agree whatever the file's newlines.
        self._line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]

    # -- positions -------------------------------------------------------
    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset."""
        line = bisect.bisect_right(self._line_starts, offset) - 1
        return line + 1, offset - self._line_starts[line] + 1

    def offset(self, line: int, col: int) -> int:
        """Inverse of `position`."""
        return self._line_starts[line - 1] + col - 1

    def line_text(self, line: int) -> str:
        start = self._line_starts[line - 1]
        end = self._line_starts[line] if line < len(self._line_starts) else len(self.text)
        return self.text[start:end].rstrip("\r\n")

    @property
    def line_count(self) -> int:
        return len(self._line_starts)

    # -- structure -------------------------------------------------------
    def blocks_of(self, *kinds: str) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind in kinds)

    @cached_property
    def title(self) -> Block | None:
        titles = self.blocks_of("title")
        return titles[0] if titles else None

    @cached_property
    def sentences(self) -> tuple[Block, ...]:
        out: list[Block] = []
        for block in self.blocks_of(*PROSE_KINDS):
            for start, end in split_sentences(self.prose, block.start, block.end):
                out.append(Block("sentence", start, end, block.level))
        return tuple(out)

    @cached_property
    def _quote_scan(self) -> QuoteScan:
        """Quotations of the whole document: a paragraph may continue the previous one's."""
        whole = QuoteScan()
        carried = False
        for block in self.blocks_of(*PROSE_KINDS):
            if block.kind == "blockquote":
                whole.quotes.append((block.start, block.end))
                carried = False
                continue
            scan = scan_quotes(self.prose, block.start, block.end, carried and block.kind in BODY_KINDS)
            whole.quotes.extend(scan.quotes)
            whole.unsure.extend(scan.unsure)
            carried = scan.open_at_end
        return whole

    @cached_property
    def quotes(self) -> tuple[Block, ...]:
        """Quoted spans: text inside quotation marks, and whole blockquotes (sure ones only)."""
        return tuple(Block("quote", s, e) for s, e in self._quote_scan.quotes)

    @cached_property
    def _quote_starts(self) -> list[int]:
        return [q.start for q in self.quotes]

    @cached_property
    def _unsure_starts(self) -> list[int]:
        return [s for s, _ in self._quote_scan.unsure]

    @cached_property
    def _unsure_reach(self) -> list[int]:
        """The furthest end among the unsure spans up to each one (they may overlap): one bisection a query."""
        reach, out = 0, []
        for _, e in self._quote_scan.unsure:
            reach = max(reach, e)
            out.append(reach)
        return out

    def in_quote(self, start: int, end: int | None = None) -> bool:
        """True when [start, end) lies inside a quotation (quotes are sorted and disjoint: bisect)."""
        end = start + 1 if end is None else end
        i = bisect.bisect_right(self._quote_starts, start) - 1
        return i >= 0 and end <= self.quotes[i].end

    def maybe_in_quote(self, start: int, end: int | None = None) -> bool:
        """True when [start, end) is inside a quotation or touches text whose quotation state is unsure.

        Checks that speak only outside quotations (first person, [insertions]) ask this one.
        """
        end = start + 1 if end is None else end
        if self.in_quote(start, end):
            return True
        i = bisect.bisect_left(self._unsure_starts, end)  # spans starting before `end` ...
        return i > 0 and self._unsure_reach[i - 1] > start  # ... one of which reaches past `start`

    def block_at(self, offset: int) -> Block | None:
        for b in self.blocks:
            if b.start <= offset < b.end:
                return b
        return None

    # -- scopes ----------------------------------------------------------
    def scope(self, names: str | tuple[str, ...] | list[str]) -> Scope:
        """Resolve a rule's `scope` (a name, a list, `~name` to exclude) to spans.

        `raw` and `code` index the original text; every other scope indexes prose.
        """
        if isinstance(names, str):
            names = (names,)
        from newslint.scopes import is_expression, resolve  # Vale's scope language (`heading & ~heading.h1`)

        if is_expression(tuple(names)):
            return Scope(self.prose, resolve(self, tuple(names)))
        include = [n for n in names if not n.startswith("~")]
        exclude = {n[1:] for n in names if n.startswith("~")}
        if include == ["raw"]:
            return Scope(self.text, (Block("raw", 0, len(self.text)),))
        if include == ["code"]:
            return Scope(self.text, self.blocks_of("code"))
        spans: list[Block] = []
        for name in include or ["text"]:
            spans.extend(self._named(name))
        if exclude:
            excluded = [b for n in exclude for b in self._named(n)]
            spans = [s for s in spans if not any(x.start <= s.start and s.end <= x.end for x in excluded)]
        unique = sorted(set(spans), key=lambda b: (b.start, b.end))
        return Scope(self.prose, tuple(unique))

    def _named(self, name: str) -> tuple[Block, ...]:
        if name == "text":
            return self.blocks_of(*PROSE_KINDS, "meta")  # "meta": front matter values (Vale configs only)
        if name == "summary":
            return self.blocks_of(*BODY_KINDS)
        if name == "sentence":
            return self.sentences
        if name == "quote":
            return self.quotes
        if name.startswith("heading.h") and name[-1].isdigit():
            level = int(name[-1])
            return tuple(b for b in self.blocks_of("heading") if b.level == level)
        if name in ("raw", "code"):
            return ()
        return self.blocks_of(name)
