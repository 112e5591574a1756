"""HTML articles (what most CMSs export): blocks from tags, prose at its exact place in the source.

The standard library's html.parser reads the file; it reports where each tag,
text run and character reference starts (getpos), so every prose character
keeps its offset in the HTML source, as a Markdown article's do. Everything
else (tags, attributes, comments, `script`, `style`, `pre`, `code`...) is
blanked in `prose`. A character reference becomes its character at the `&`,
the rest of it blank (`&rsquo;` -> `’` and six spaces), so the offsets hold.

Blocks follow Vale's reading of HTML (internal/lint/ast.go): a block element's
text is one block; `h1`-`h6` are headings, text inside `li`, `blockquote`,
`td`/`th` is list, blockquote and table text (a `th` or `thead` row is the
table's header), `figcaption` is a figure caption, an `img`'s `alt` is alt
text, `<title>` is the title. The parser builds no tree, so the implied ends
HTML allows (an open `<p>` closed by the next block, `<li>` by the next `<li>`)
are made here.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from newslint.document.masking import blank
from newslint.document.model import Block, Document
from newslint.scopes import ScopedBlock

FORMAT = "html"
# Never prose (Vale's skipTags, plus code and the like, which newslint never checks).
SKIP = frozenset(("script", "style", "pre", "code", "tt", "kbd", "samp", "noscript", "iframe", "template",
                  "svg", "math", "textarea"))
INLINE = frozenset(("a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "data", "del", "dfn", "em",
                    "font", "i", "img", "ins", "label", "mark", "q", "s", "small", "span", "strike", "strong",
                    "sub", "sup", "time", "u", "var", "wbr", "code", "tt", "kbd", "samp"))
VOID = frozenset(("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
                  "track", "wbr"))
# A start tag of one of these closes an open <p> (HTML's implied end).
CLOSES_P = frozenset(("address", "article", "aside", "blockquote", "details", "div", "dl", "fieldset",
                      "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
                      "hr", "main", "nav", "ol", "p", "pre", "section", "table", "ul"))
_ALT = re.compile(r"""\salt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)


@dataclass
class _Open:
    tag: str
    classes: frozenset[str]
    spans: list[tuple[int, int]] = field(default_factory=list)  # prose runs of this block (block elements)


class _Reader(HTMLParser):
    def __init__(self, text: str, skip: frozenset[str], ignored_classes: frozenset[str],
                 ignored_inline: frozenset[str]):
        super().__init__(convert_charrefs=False)
        self.text = text
        self.skip = skip
        self.ignored_classes = ignored_classes
        self.ignored_inline = ignored_inline
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.chars = list(text)
        blank(self.chars, 0, len(text))
        self.stack: list[_Open] = []
        self.blocks: list[Block] = []
        self.comments: list[Block] = []

    # -- positions --------------------------------------------------------
    def _at(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    # -- structure ----------------------------------------------------------
    def _pop_to(self, index: int) -> None:
        while len(self.stack) > index:
            self._close(self.stack.pop())

    def _close(self, element: _Open) -> None:
        if not element.spans or element.tag in INLINE:
            return
        start, end = element.spans[0][0], element.spans[-1][1]
        kind = self._kind(element)
        if kind is not None:
            self.blocks.append(kind(start, end))

    def _kind(self, element: _Open):
        tag = element.tag
        tags = [e.tag for e in self.stack] + [tag]
        if re.fullmatch(r"h[1-6]", tag):
            return lambda s, e: Block("heading", s, e, int(tag[1]))
        if tag == "title":
            return lambda s, e: Block("title", s, e)
        if tag == "caption":
            return lambda s, e: ScopedBlock("table", s, e, parts=("text", "table", "caption", FORMAT))
        if tag == "figcaption":
            return lambda s, e: ScopedBlock("paragraph", s, e, parts=("text", "figure", "caption", FORMAT))
        if "th" in tags or "thead" in tags:
            return lambda s, e: Block("table", s, e, 1)
        if "td" in tags:
            return lambda s, e: Block("table", s, e)
        if any(t in ("li", "dd", "dt") for t in tags):
            return lambda s, e: Block("list", s, e)
        if "blockquote" in tags:
            return lambda s, e: Block("blockquote", s, e)
        return lambda s, e: Block("paragraph", s, e)

    def _block(self) -> _Open | None:
        for element in reversed(self.stack):
            if element.tag not in INLINE:
                return element
        return None

    def _skipping(self) -> bool:
        return any(e.tag in self.skip or e.tag in self.ignored_inline or e.classes & self.ignored_classes
                   for e in self.stack)

    def handle_starttag(self, tag: str, attrs) -> None:
        start = self._at()
        if tag == "img":
            self._alt(start)
        if tag in CLOSES_P:
            self._implied_end("p", stop=("blockquote", "li", "td", "th", "div", "section", "article"))
        if tag == "li":
            self._implied_end("li", stop=("ul", "ol"))
        if tag in ("dd", "dt"):
            self._implied_end("dd", stop=("dl",))
            self._implied_end("dt", stop=("dl",))
        if tag in ("td", "th"):
            self._implied_end("td", stop=("tr", "table"))
            self._implied_end("th", stop=("tr", "table"))
        if tag == "tr":
            self._implied_end("tr", stop=("table",))
        if tag in VOID:
            return
        if tag not in INLINE:
            # A block inside a block (a list nested in an item) ends the text run before it.
            outer = self._block()
            if outer is not None and outer.spans:
                self._close(outer)
                outer.spans = []
        classes = frozenset(v for k, value in attrs if k == "class" and value for v in value.split())
        self.stack.append(_Open(tag, classes))

    def handle_startendtag(self, tag: str, attrs) -> None:
        if tag == "img":
            self._alt(self._at())

    def _implied_end(self, tag: str, stop: tuple[str, ...]) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                self._pop_to(i)
                return
            if self.stack[i].tag in stop:
                return

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i].tag == tag:
                self._pop_to(i)
                return

    # -- text -----------------------------------------------------------------
    def _prose(self, start: int, end: int, shown: str | None = None) -> None:
        if self._skipping():
            return
        block = self._block()
        if block is None:  # text outside any element: a paragraph of its own
            block = _Open("p", frozenset())
            self.stack.insert(0, block)
        if shown is None:
            self.chars[start:end] = self.text[start:end]
        else:
            self.chars[start] = shown
        if self.text[start:end].strip():
            block.spans.append((start, end))

    def handle_data(self, data: str) -> None:
        start = self._at()
        self._prose(start, start + len(data))

    def handle_entityref(self, name: str) -> None:
        self._reference("&" + name)

    def handle_charref(self, name: str) -> None:
        self._reference("&#" + name)

    def _reference(self, raw: str) -> None:
        start = self._at()
        end = start + len(raw)
        if self.text.startswith(";", end):
            end += 1
        char = html.unescape(self.text[start:end])
        if len(char) == 1:
            self._prose(start, end, char)

    def handle_comment(self, data: str) -> None:
        start = self._at()
        end = self.text.find("-->", start)
        end = len(self.text) if end < 0 else end + 3
        self.comments.append(Block("comment", start, end))

    def _alt(self, start: int) -> None:
        """An image's alt text is prose (Vale's `text.attr.alt`), where it is written."""
        if self._skipping() or "alt" in self.skip:  # Vale: SkippedScopes = alt leaves alt text alone
            return
        raw = self.get_starttag_text() or ""
        m = _ALT.search(raw)
        if m is None:
            return
        group = next(g for g in (1, 2, 3) if m.group(g) is not None)
        s, e = start + m.start(group), start + m.end(group)
        if self.text[s:e].strip():
            self.chars[s:e] = self.text[s:e]
            self.blocks.append(ScopedBlock("meta", s, e, parts=("text", "attr", "alt")))

    def finish(self) -> None:
        self.close()
        self._pop_to(0)


def parse_html(path: str, text: str, bom: bool = False, skip: frozenset[str] | None = None,
               ignored_classes: frozenset[str] = frozenset(), ignored_inline: frozenset[str] = frozenset()) -> Document:
    """`skip`: the tags whose text is never prose (Vale's SkippedScopes replace the default);
    `ignored_classes`: elements with one of these classes are skipped (IgnoredClasses);
    `ignored_inline`: inline tags whose text is not prose (IgnoredScopes: strong, em...)."""
    reader = _Reader(text, SKIP if skip is None else skip | {"script", "style", "code", "tt", "kbd"},
                     ignored_classes, ignored_inline)
    reader.feed(text)
    reader.finish()
    blocks = [_trimmed(b, reader.chars) for b in reader.blocks]
    return Document(path, text, FORMAT, [b for b in blocks if b is not None], "".join(reader.chars), bom=bom,
                    comments=tuple(reader.comments))


def _trimmed(block: Block, chars: list[str]) -> Block | None:
    start, end = block.start, block.end
    while start < end and chars[start].isspace():
        start += 1
    while end > start and chars[end - 1].isspace():
        end -= 1
    if start >= end:
        return None
    if isinstance(block, ScopedBlock):
        return ScopedBlock(block.kind, start, end, block.level, parts=block.parts)
    return Block(block.kind, start, end, block.level)
