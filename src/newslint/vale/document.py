"""Read an article as Vale would for a Vale config: the ini's ignores and scopes applied.

Plain text (`.txt` and unknown formats) goes to document/plain.py. For Markdown:
- TokenIgnores: Vale turns each match into inline code, BlockIgnores into a code
  block; here their spans are blanked in the prose, as code is (blocks wholly
  inside a BlockIgnores match are dropped);
- IgnoredScopes (inline HTML tags: strong, b, em, i, a, del, s) blank that
  Markdown's text; code and tt are always ignored;
- SkippedScopes (block tags: blockquote, li/ul/ol, table, p, h1..h6) drop
  those blocks; pre, script, style and figure never hold prose here;
- front matter: Vale 3 lints each top-level string value of the YAML front
  matter as its own block (scope `text.frontmatter.<key>`), placed on the line
  holding it; lists, numbers and the keys themselves are not prose;
- math: `$$ ... $$` display math and `$...$` inline math (Pandoc's delimiter
  rules) are code to Vale (internal/lint/math.go), so they are blanked.
"""

from __future__ import annotations

import re
from dataclasses import replace

import regex
import yaml

from newslint.document.markdown import _CODE_SPAN, parse_markdown
from newslint.document.masking import blank
from newslint.document.model import Block, Document
from newslint.document.plain import FORMAT as PLAIN
from newslint.document.plain import parse_plain
from newslint import patterns
from newslint.errors import ConfigError, NewslintError
from newslint.scopes import ScopedBlock

INLINE = {
    "strong": re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S),
    "em": re.compile(r"(?<![*_\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*_\w])", re.S),
    "a": re.compile(r"(?<!!)\[([^\]]+)\](?=\(|\[)"),
    "del": re.compile(r"(~~)(?=\S)(.+?)(?<=\S)~~", re.S),
}
INLINE_ALIASES = {"b": "strong", "i": "em", "s": "del", "strike": "del", "link": "a", "strong": "strong",
                  "em": "em", "emphasis": "em", "a": "a", "del": "del"}
INLINE_HTML_ALIASES = {"emphasis": "em", "link": "a"}  # IgnoredScopes' names for inline tags
BLOCK_KINDS = {"blockquote": ("blockquote", 0), "li": ("list", 0), "ul": ("list", 0), "ol": ("list", 0),
               "table": ("table", 0), "tr": ("table", 0), "td": ("table", 0), "th": ("table", 0),
               "p": ("paragraph", 0), **{f"h{n}": ("heading", n) for n in range(1, 7)}}


# Vale's lintHTMLTokens: these tags are skipped unless SkippedScopes names others; code, tt and kbd
# are ignored inline unless IgnoredScopes names others; these classes are always skipped.
HTML_SKIPPED = ("script", "style", "pre", "figure", "noscript", "iframe")
HTML_IGNORED = ("tt", "code", "kbd")
HTML_CLASSES = ("problematic", "pre", "code")


def read_vale(config, path: str, text: str, fmt: str, bom: bool = False) -> Document:
    doc = _read_vale(config, path, text, fmt, bom)
    doc.vale_segments = config.segments  # text rules also run per sentence: vale/rendered.py
    return doc


def _read_vale(config, path: str, text: str, fmt: str, bom: bool) -> Document:
    if fmt == PLAIN:
        return parse_plain(path, text, bom)
    if fmt == "html":
        doc = _html(config, path, text, bom)
        doc.vale_rendered = True  # text rules read it rendered (references as characters): vale/rendered.py
        return doc
    doc = parse_markdown(path, text, bom)
    tokens, blocks = config.ignores_for(path if not path.startswith("<") else None)
    chars = list(doc.prose)
    kept = [b for b in doc.blocks if b.kind not in ("title", "html")]  # the title: a front matter value below
    for b in doc.blocks_of("html"):
        # Vale renders Markdown to HTML, so a raw HTML block (a <table>, a <figure>) is read as HTML is.
        inner = _html(config, path, text[b.start:b.end])
        chars[b.start:b.end] = inner.prose
        kept += [replace(x, start=x.start + b.start, end=x.end + b.start) for x in inner.blocks]
    for b in doc.blocks:
        if b.kind == "title":
            blank(chars, b.start, b.end)
    for start, end in _math_spans(text, [b for b in doc.blocks if b.kind in ("code", "html", "frontmatter")]):
        blank(chars, start, end)
        kept = [b for b in kept if not (start <= b.start and b.end <= end)]
    for block in _front_matter_values(text, doc.blocks, config, path):
        chars[block.start:block.end] = text[block.start:block.end]
        kept.append(block)
    for pattern in blocks:
        for m in _finditer(pattern, text, config, "BlockIgnores", path):
            blank(chars, m.start(), m.end())
            kept = [b for b in kept if not (m.start() <= b.start and b.end <= m.end())]
    for pattern in tokens:
        for m in _finditer(pattern, text, config, "TokenIgnores", path):
            blank(chars, m.start(), m.end())
    for scope in config.ignored_scopes:
        inline = INLINE.get(INLINE_ALIASES.get(scope.lower(), ""))
        if inline is None:
            continue
        for b in kept:  # the whole lines: a block's prose is trimmed, `**` at its start or end outside it
            for m in inline.finditer(text, *_lines_of(text, b)):
                group = 2 if inline.groups >= 2 else 1
                blank(chars, m.start(group), m.end(group))
    classes = set(HTML_CLASSES) | set(config.ignored_classes)
    tags = {INLINE_HTML_ALIASES.get(s.lower(), s.lower()) for s in config.ignored_scopes or HTML_IGNORED}
    for b in kept:  # inline HTML: Vale skips the text of an ignored tag or an element of an ignored class
        for m in _INLINE_HTML.finditer(text, *_lines_of(text, b)):
            if m.group("tag").lower() in tags or classes & set((m.group("classes") or "").split()):
                blank(chars, m.start("body"), m.end("body"))
    if "alt" not in {s.lower() for s in config.skipped_scopes}:
        kept = _alt_texts(text, chars, kept, [b for b in doc.blocks if b.kind in ("code", "html", "frontmatter")])
    skipped = [BLOCK_KINDS[s.lower()] for s in config.skipped_scopes if s.lower() in BLOCK_KINDS]
    if skipped:
        drop = [b for b in kept if any(b.kind == k and (not level or b.level == level) for k, level in skipped)]
        for b in drop:
            blank(chars, b.start, b.end)
        kept = [b for b in kept if b not in drop]
    out = Document(path, text, "md", kept, "".join(chars), bom=bom, comments=doc.comments)
    out.vale_rendered = True  # text rules read it rendered: vale/rendered.py
    if out.comments:
        out.skipped_rules = config.skipped_rule_names()  # named in a comment, they are no typo (suppression.named)
    return out


_INLINE_HTML = re.compile(r"""<(?P<tag>[A-Za-z][\w-]*)\b(?:[^<>]*?\bclass\s*=\s*["'](?P<classes>[^"']*)["'])?[^<>]*>"""
                          r"(?P<body>.*?)</(?P=tag)\s*>", re.S)
_IMAGE_ALT = re.compile(r"!\[(?P<alt>[^\]]+)\]\(")


def _alt_texts(text: str, chars: list[str], kept: list[Block], code: list[Block]) -> list[Block]:
    """Vale lints an image's alt text on its own, as `text.attr.alt`, and not as part of its
    paragraph: each alt becomes a block, and a block around one is cut in two around it."""
    alts = [m.span("alt") for m in _IMAGE_ALT.finditer(text) if m.group("alt").strip()
            and not any(c.start <= m.start() < c.end for c in code)]
    if not alts:
        return kept
    out: list[Block] = []
    for b in kept:
        inside = [(s, e) for s, e in alts if b.start <= e and s < b.end] if b.kind in ALT_HOLDERS else []
        start = b.start
        for s, e in inside:
            if s > start and "".join(chars[start:s]).strip():
                out.append(replace(b, start=start, end=s))
            start = max(start, e)
        if start < b.end and "".join(chars[start:b.end]).strip():
            out.append(replace(b, start=start, end=b.end) if inside else b)
    for s, e in alts:
        chars[s:e] = text[s:e]
        out.append(ScopedBlock("meta", s, e, parts=("text", "attr", "alt")))
    return out


ALT_HOLDERS = ("paragraph", "list", "blockquote", "table", "heading")


def _lines_of(text: str, block: Block) -> tuple[int, int]:
    """The whole lines a block's text sits on: a block is trimmed to its prose, and the markup
    around that prose (an image before it, the tag that opens a <span>) lies outside it."""
    end = text.find("\n", block.end)
    return text.rfind("\n", 0, block.start) + 1, len(text) if end < 0 else end


def _html(config, path: str, text: str, bom: bool = False) -> Document:
    """An HTML document (or a raw HTML block of Markdown) with the ini's SkippedScopes, IgnoredScopes
    and IgnoredClasses, each replacing Vale's defaults as in lintHTMLTokens."""
    from newslint.document.html import parse_html

    inline = {INLINE_HTML_ALIASES.get(s.lower(), s.lower()) for s in config.ignored_scopes or HTML_IGNORED}
    return parse_html(path, text, bom, skip=frozenset(config.skipped_scopes or HTML_SKIPPED),
                      ignored_classes=frozenset(HTML_CLASSES + tuple(config.ignored_classes)),
                      ignored_inline=frozenset(inline))


def _finditer(pattern: str, text: str, config, key: str, path: str) -> list:
    """An ignore pattern's matches, under the rules' time limit: the ini's pattern is the user's, and
    `(a+)+$` must be this file's error, not a hang (#18). The ini checked its syntax when it loaded."""
    key, line = config.ignore_origin(pattern, key)
    where = f"{config.path}:{line}" if line else str(config.path)
    try:
        return list(patterns.finditer(patterns.compile_plain(pattern), text))
    except regex.error as exc:
        raise ConfigError(f"bad regular expression in {key}: {pattern}: {exc}", str(config.path), line) from None
    except patterns.PatternTimedOut:
        raise NewslintError(f"not checked: {where}: {key} = {pattern[:80]} ran past its time limit "
                            "(catastrophic backtracking?)", path) from None


_FM_KEY = re.compile(r"^(?P<key>[^\s:#][^:\n]*?):[ \t]*(?P<rest>.*?)[ \t]*\r?$", re.M)


def _front_matter_values(text: str, blocks, config, path: str) -> list[Block]:
    """Vale's lintMetadata: each top-level string value of the front matter, where it is written."""
    fm = next((b for b in blocks if b.kind == "frontmatter"), None)
    if fm is None:
        return []
    try:
        data = yaml.safe_load(re.sub(r"\A---[^\n]*\n|\n(?:---|\.\.\.)[ \t]*(?:\r?\n)?\Z", "\n", text[fm.start:fm.end]))
    except yaml.YAMLError:
        return []
    if not isinstance(data, dict):
        return []
    ext = path.rsplit(".", 1)[-1] if "." in path.rsplit("/", 1)[-1] else "md"
    ignored = [set(s.split(".")) for s in config.ignored_scopes]
    out = []
    for m in _FM_KEY.finditer(text, fm.start, fm.end):
        key = m.group("key").strip().strip("\"'")
        value = data.get(key)
        if not isinstance(value, str) or not value.strip():
            continue
        if any(parts <= {"text", "frontmatter", key, ext} for parts in ignored):
            continue
        at = text.find(value, m.start("rest"), m.end("rest") or m.end())
        parts = ("text", "frontmatter", key, ext)
        if at >= 0:
            out.append(ScopedBlock("meta", at, at + len(value), parts=parts))
        elif m.group("rest")[:1] in ("|", ">"):
            out.extend(ScopedBlock("meta", s, e, parts=parts) for s, e in _block_scalar_lines(text, m.end(), fm.end))
    return out


def _block_scalar_lines(text: str, after: int, end: int) -> list[tuple[int, int]]:
    """A `key: |` (or `>`) value's lines, where they are written: each indented line's text up to
    the first line indented less than the value's first line."""
    spans: list[tuple[int, int]] = []
    indent = None
    for line in re.finditer(r"(?m)^([ \t]*)(.*?)[ \t]*\r?$", text[:end]):
        if line.start() <= after:
            continue
        if not line.group(2):
            continue  # a blank line inside the value
        width = len(line.group(1))
        if indent is None:
            if width == 0:
                break
            indent = width
        if width < indent or line.group(2) in ("---", "..."):
            break
        spans.append((line.start(2), line.end(2)))
    return spans


_MATH_OPEN = re.compile(r"^(?P<indent> {0,3})\$\$", re.M)


def _math_close(tail: str) -> bool:
    body = tail.rstrip(" \t\r\n")
    if body.endswith("}") and "{" in body:
        body = body[: body.rindex("{")].rstrip(" \t")
    return len(body) >= 2 and body.endswith("$$")


def _math_spans(text: str, skip) -> list[tuple[int, int]]:
    """Vale's mathBlockParser and mathInlineParser: spans of display and inline math."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while (m := _MATH_OPEN.search(text, pos)) is not None:
        start = m.start() + len(m.group("indent"))
        if any(b.start <= start < b.end for b in skip):
            pos = m.end()
            continue
        line_end = text.find("\n", start)
        line_end = len(text) if line_end < 0 else line_end
        rest = text[m.end():line_end].lstrip("$")
        end = line_end
        if not _math_close(rest):
            cursor = line_end + 1
            while cursor < len(text):
                nxt = text.find("\n", cursor)
                nxt = len(text) if nxt < 0 else nxt
                line = text[cursor:nxt]
                if not line.strip():
                    break  # a blank line ends an unclosed block
                end = nxt
                if len(line) - len(line.lstrip(" ")) < 4 and _math_close(line):
                    break
                cursor = nxt + 1
        spans.append((start, end))
        pos = end + 1 if end < len(text) else len(text)
        if pos >= len(text):
            break
    spans.extend(_inline_math(text, spans, skip))
    return spans


def _inline_math(text: str, display, skip) -> list[tuple[int, int]]:
    out = []
    i = 0
    n = len(text)
    code = None  # code spans: goldmark reads them before any `$`
    while (i := text.find("$", i)) >= 0:
        if code is None:
            code = [(m.start(), m.end()) for m in _CODE_SPAN.finditer(text)]
        inside = any(s <= i < e for s, e in display) or any(b.start <= i < b.end for b in skip) \
            or any(s <= i < e for s, e in code)
        if inside or (i > 0 and text[i - 1] in "\\$") or i + 1 >= n or text[i + 1] in "$ \t\r\n":
            i += 1
            continue
        j = i + 1
        close = -1
        while j < n:
            c = text[j]
            if c == "\n" and not text[j + 1 : (text.find("\n", j + 1) + 1 or n)].strip():
                break  # a blank line: the paragraph ended
            if c == "$" and text[j - 1] != "\\" and not text[j - 1].isspace() and not text[j + 1 : j + 2].isdigit():
                close = j
                break
            j += 1
        if close < 0:
            i += 1
            continue
        out.append((i, close + 1))
        i = close + 1
    return out
