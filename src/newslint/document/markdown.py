"""Markdown articles: markdown-it-py finds the blocks; syntax inside them is blanked.

Front matter is not prose, but its `title:` value is the title scope. Code,
HTML, URLs and link targets are blanked so no prose rule ever sees them.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference

from newslint.document.masking import EMAIL, HTML_COMMENT, URL, blank, blank_pattern
from newslint.document.model import LINE_BREAK, Block, Document

_MD = MarkdownIt("commonmark").enable("table")

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FM_TITLE = re.compile(r"^title:[ \t]*(?P<q>[\"']?)(?P<v>.*?)(?P=q)[ \t]*\r?$", re.M)

# Inline syntax, blanked inside prose blocks.
_CODE_SPAN = re.compile(r"(`+)(?!`).*?(?<!`)\1(?!`)", re.S)
_AUTOLINK = re.compile(r"<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[^\s<>@]+@[^\s<>]+)>", re.I)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK_TARGET = re.compile(r"(?<=\])\([^)\s]*(?:\s+\"[^\"]*\")?\)")
# "[text][ref]", "[text][]": a link only where the story defines the label ("[ref]: url"); without one,
# CommonMark prints the brackets, and "fake.[3][4]" is a wiki's note marks pasted with the copy. The tail
# "][ref]" is found here; its opening "[" by walking back over nested brackets ("[![map](m.png)][map]").
_REFERENCE_TAIL = re.compile(r"(?<!\\)\]\[([^\[\]]{0,500})\]")
_LINK_TEXT_REACH = 300  # how far back a link's text is looked for: bounded, so a run of "][" stays linear
# A link's text is looked for within 500 characters: unbounded, a run of "[" made every one scan to
# the end of the file (quadratic, #18); no published link text is that long.
_BRACKET = re.compile(r"(?<!\\)\[(?=[^\]]{0,500}\]\()|(?<!\\)\](?=\()")
# A run of * or _ (not escaped): emphasis only where CommonMark pairs it (_emphasis_marks).
_DELIMITER_RUN = re.compile(r"(?<!\\)(?:\*+|_+)")
_STRIKE = re.compile(r"~~")
_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!|>~<])")
# The lookbehind and the single optional "|" keep both linear on a long run of spaces: without
# them every space starts a match attempt that scans the whole run (quadratic, #18).
_HEADING_MARKS = re.compile(r"^[ \t]*#{1,6}(?:[ \t]+|$)|(?<![ \t])[ \t]+#+[ \t]*$", re.M)
_SETEXT = re.compile(r"^[ \t]*(?:=+|-+)[ \t]*$", re.M)
_CONTAINER_MARKS = re.compile(r"^[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+", re.M)
_TABLE_PIPES = re.compile(r"(?<!\\)\|")
_TABLE_RULE = re.compile(r"^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$", re.M)

_LEAF_INLINE = {"paragraph_open", "heading_open"}
# A table row's `level`: its header row (Vale's `table.header` scope) is 1, a body row
# (`table.cell`) 0. One block a row keeps the row's cells one span, as the reader always had them.
HEADER_ROW = 1


def block_tokens(text: str) -> list:
    """markdown-it's token stream for `text` (for checks that count Markdown structure)."""
    return _MD.parse(text)


def parse_markdown(path: str, text: str, bom: bool = False) -> Document:
    chars = list(text)
    blocks: list[Block] = []
    body = text
    fm = _FRONT_MATTER.match(text)
    if fm:
        blank(chars, 0, fm.end())
        title = _FM_TITLE.search(text, 0, fm.end())
        if title and title.group("v").strip():
            blocks.append(Block("title", title.start("v"), title.end("v")))
            for i in range(title.start("v"), title.end("v")):
                chars[i] = text[i]
        blocks.append(Block("frontmatter", 0, fm.end()))
        # Keep line numbers: markdown-it reads the body with the front matter as blank lines.
        body = "\n" * len(LINE_BREAK.findall(text, 0, fm.end())) + text[fm.end() :]

    line_starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]  # as markdown-it counts lines (CR too)

    def span(lines: list[int]) -> tuple[int, int]:
        start = line_starts[lines[0]]
        end = line_starts[lines[1]] if lines[1] < len(line_starts) else len(text)
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end

    containers: list[str] = []
    header = False
    env: dict = {}
    tokens = _MD.parse(body, env)
    refs = frozenset(env.get("references", {}))  # link labels the story defines, as markdown-it normalises them
    for i, tok in enumerate(tokens):
        if _unread(tokens, i):
            kind = "blockquote" if "blockquote_open" in (*containers, tok.type) else "list"
            lines = [tok.map[0], min(tok.map[1], len(line_starts))]
            blocks.extend(_plain_paragraphs(chars, text, span, lines, kind, refs))
        if tok.type in ("blockquote_open", "list_item_open", "table_open"):
            containers.append(tok.type)
        elif tok.type in ("blockquote_close", "list_item_close", "table_close"):
            containers.pop()
        elif tok.type in ("fence", "code_block") and tok.map:
            s, e = span(tok.map)
            blocks.append(Block("code", s, e))
            blank(chars, s, e)
        elif tok.type == "html_block" and tok.map:
            s, e = span(tok.map)
            blocks.append(Block("html", s, e))
            blank(chars, s, e)
        elif tok.type in ("thead_open", "thead_close"):
            header = tok.type == "thead_open"
        elif tok.type == "tr_open" and tok.map:
            s, e = span(tok.map)
            blocks.append(Block("table", s, e, HEADER_ROW if header else 0))
            _blank_inline(chars, text, s, e, refs)
            blank_pattern(chars, text, _TABLE_PIPES, s, e)
        elif tok.type in _LEAF_INLINE and tok.map:
            if "table_open" in containers:
                continue
            s, e = span(tok.map)
            if tok.type == "heading_open":
                blank_pattern(chars, text, _HEADING_MARKS, s, e)
                if tok.markup in ("=", "-"):
                    blank_pattern(chars, text, _SETEXT, s, e)
                kind, level = "heading", int(tok.tag[1])
            elif "blockquote_open" in containers:
                kind, level = "blockquote", 0
            elif "list_item_open" in containers:
                kind, level = "list", 0
            else:
                kind, level = "paragraph", 0
            if containers:
                blank_pattern(chars, text, _CONTAINER_MARKS, s, e)
            _blank_inline(chars, text, s, e, refs)
            s, e = _trim("".join(chars[s:e]), s, e)
            if s < e:
                blocks.append(Block(kind, s, e, level))
    if fm:
        blank_pattern(chars, text, _TABLE_RULE, fm.end())
    else:
        blank_pattern(chars, text, _TABLE_RULE)
    comments = tuple(Block("comment", m.start(), m.end()) for m in HTML_COMMENT.finditer(text) if not fm or m.start() >= fm.end())
    return Document(path, text, "md", blocks, "".join(chars), bom=bom, comments=comments)


# markdown-it stops at this depth and skips what lies deeper without a word (maxNesting).
_MAX_NESTING = _MD.options["maxNesting"]
_MARKS_AT = re.compile(r"[ \t]*(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)+")
_FENCE_AT = re.compile(r"[ \t]*(`{3,}|~{3,})")


def _unread(tokens: list, i: int) -> bool:
    """A container markdown-it opened at its nesting limit and closed at once: its lines were skipped."""
    tok = tokens[i]
    return (tok.type in ("blockquote_open", "list_item_open") and bool(tok.map) and tok.level >= _MAX_NESTING - 1
            and i + 1 < len(tokens) and tokens[i + 1].nesting == -1)


def _plain_paragraphs(chars: list[str], text: str, span, lines: list[int], kind: str, refs: frozenset[str]) -> list[Block]:
    """The lines of a container nested past markdown-it's limit, read as plain paragraphs where they
    are written (#18: text 25 quotes deep was silently unchecked): each line's container marks are
    blanked, a blank line ends a paragraph, and fenced code stays code (never linted, never fixed).
    One pass over the lines, so 3,000 levels cost what 3,000 lines do."""
    out: list[Block] = []
    para: list[int] = []  # the open paragraph's start and end
    fence = ""

    def close() -> None:
        if para:
            s, e = para
            _blank_inline(chars, text, s, e, refs)
            s, e = _trim("".join(chars[s:e]), s, e)
            if s < e:
                out.append(Block(kind, s, e, 0))
            para.clear()

    for n in range(lines[0], lines[1]):
        s, e = span([n, n + 1])
        marks = _MARKS_AT.match(text, s, e)
        body = marks.end() if marks else s
        blank(chars, s, body)
        run = _FENCE_AT.match(text, body, e)
        if fence or run:
            close()
            blank(chars, body, e)
            if not fence:
                fence = run.group(1)
            elif run and run.group(1)[0] == fence[0] and len(run.group(1)) >= len(fence) and not text[run.end():e].strip():
                fence = ""
        elif not text[body:e].strip():
            close()
        elif para:
            para[1] = e
        else:
            para[:] = [body, e]
    close()
    return out


def _blank_inline(chars: list[str], text: str, s: int, e: int, refs: frozenset[str]) -> None:
    for m in _REFERENCE_TAIL.finditer(text, s, e) if refs else ():
        label = m.group(1)
        if label and normalizeReference(label) not in refs:
            continue  # an undefined label: brackets in the text, not a link
        opener = _link_opener(text, s, m.start())  # a written label is known defined; "[text][]" is named by its text
        if opener is not None and (label or normalizeReference(text[opener + 1 : m.start()]) in refs):
            blank(chars, opener, opener + 1)
            blank(chars, m.start(), m.end())
    for pattern in (HTML_COMMENT, _CODE_SPAN, _AUTOLINK, _IMAGE, _LINK_TARGET, URL, EMAIL, _HTML_TAG, _BRACKET, _STRIKE):
        blank_pattern(chars, text, pattern, s, e)
    for start, end in _emphasis_marks(chars, text, s, e):
        blank(chars, start, end)
    blank_pattern(chars, text, _ESCAPE, s, e)


def _link_opener(text: str, start: int, close: int) -> int | None:
    """The "[" that the "]" at `close` closes, nested brackets balanced, within _LINK_TEXT_REACH characters."""
    depth = 0
    for i in range(close - 1, max(start, close - _LINK_TEXT_REACH) - 1, -1):
        c = text[i]
        if c in "[]" and i > 0 and text[i - 1] == "\\":
            continue
        if c == "]":
            depth += 1
        elif c == "[":
            if depth == 0:
                return i
            depth -= 1
    return None


def _punct(c: str) -> bool:
    return not c.isalnum() and not c.isspace()


def _emphasis_marks(chars: list[str], text: str, s: int, e: int) -> list[tuple[int, int]]:
    """The * and _ runs that open or close emphasis, by CommonMark's delimiter rules, simplified:
    a run can open when text follows it (left-flanking), close when text precedes it
    (right-flanking), `_` not inside a word; a closer takes the nearest opener of its character
    before it. A run nothing pairs is text: "thanked ___ for", "$___ million", "2 * 3". Runs in
    code or a URL (already blanked) are left alone."""
    marks: list[tuple[int, int]] = []
    openers: dict[str, list[tuple[int, int]]] = {"*": [], "_": []}  # a stack a character: linear
    for m in _DELIMITER_RUN.finditer(text, s, e):
        a, b = m.span()
        if not chars[a].strip():  # inside code, a URL, a tag: blanked already
            continue
        before = text[a - 1] if a > s else " "
        after = text[b] if b < e else " "
        left = not after.isspace() and (not _punct(after) or before.isspace() or _punct(before))
        right = not before.isspace() and (not _punct(before) or after.isspace() or _punct(after))
        char = text[a]
        if char == "_":
            can_open, can_close = left and (not right or _punct(before)), right and (not left or _punct(after))
        else:
            can_open, can_close = left, right
        if can_close and openers[char]:
            opener = openers[char].pop()
            marks += [opener, (a, b)]
            other = openers["_" if char == "*" else "*"]
            while other and other[-1][0] > opener[0]:  # openers between the pair stay text
                other.pop()
            continue
        if can_open:
            openers[char].append((a, b))
    return marks


def _trim(chunk: str, s: int, e: int) -> tuple[int, int]:
    lead = len(chunk) - len(chunk.lstrip())
    tail = len(chunk) - len(chunk.rstrip())
    return s + lead, e - tail
