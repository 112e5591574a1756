"""Read an article as Vale would for a Vale config: the ini's ignores and scopes applied.

Plain text (`.txt` and unknown formats) goes to document/plain.py. For Markdown:
- TokenIgnores: Vale turns each match into inline code, BlockIgnores into a code
  block; here their spans are blanked in the prose, as code is (blocks wholly
  inside a BlockIgnores match are dropped);
- IgnoredScopes (inline HTML tags: strong, b, em, i, a, del, s) blank that
  Markdown's text; code and tt are always ignored;
- SkippedScopes (block tags: blockquote, li/ul/ol, table, p, h1..h6) drop
  those blocks; pre, script, style and figure never hold prose here;
- front matter is metadata to Vale, so its `title:` is not prose here.
"""

from __future__ import annotations

import re

import regex

from newslint.document.markdown import parse_markdown
from newslint.document.masking import blank
from newslint.document.model import Document
from newslint.document.plain import FORMAT as PLAIN
from newslint.document.plain import parse_plain
from newslint.errors import ConfigError

INLINE = {
    "strong": re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.S),
    "em": re.compile(r"(?<![*_\w])([*_])(?=[^\s*_])(.+?)(?<=[^\s*_])\1(?![*_\w])", re.S),
    "a": re.compile(r"(?<!!)\[([^\]]+)\](?=\(|\[)"),
    "del": re.compile(r"(~~)(?=\S)(.+?)(?<=\S)~~", re.S),
}
INLINE_ALIASES = {"b": "strong", "i": "em", "s": "del", "strike": "del", "link": "a", "strong": "strong",
                  "em": "em", "emphasis": "em", "a": "a", "del": "del"}
BLOCK_KINDS = {"blockquote": ("blockquote", 0), "li": ("list", 0), "ul": ("list", 0), "ol": ("list", 0),
               "table": ("table", 0), "tr": ("table", 0), "td": ("table", 0), "th": ("table", 0),
               "p": ("paragraph", 0), **{f"h{n}": ("heading", n) for n in range(1, 7)}}


def read_vale(config, path: str, text: str, fmt: str, bom: bool = False) -> Document:
    if fmt == PLAIN:
        return parse_plain(path, text, bom)
    doc = parse_markdown(path, text, bom)
    tokens, blocks = config.ignores_for(path if not path.startswith("<") else None)
    chars = list(doc.prose)
    kept = [b for b in doc.blocks if b.kind != "title"]  # front matter is metadata to Vale
    for b in doc.blocks:
        if b.kind == "title":
            blank(chars, b.start, b.end)
    for pattern in blocks:
        for m in _finditer(pattern, text, config, "BlockIgnores"):
            blank(chars, m.start(), m.end())
            kept = [b for b in kept if not (m.start() <= b.start and b.end <= m.end())]
    for pattern in tokens:
        for m in _finditer(pattern, text, config, "TokenIgnores"):
            blank(chars, m.start(), m.end())
    for scope in config.ignored_scopes:
        inline = INLINE.get(INLINE_ALIASES.get(scope.lower(), ""))
        if inline is None:
            continue
        for b in kept:
            for m in inline.finditer(text, b.start, b.end):
                group = 2 if inline.groups >= 2 else 1
                blank(chars, m.start(group), m.end(group))
    skipped = [BLOCK_KINDS[s.lower()] for s in config.skipped_scopes if s.lower() in BLOCK_KINDS]
    if skipped:
        drop = [b for b in kept if any(b.kind == k and (not level or b.level == level) for k, level in skipped)]
        for b in drop:
            blank(chars, b.start, b.end)
        kept = [b for b in kept if b not in drop]
    return Document(path, text, "md", kept, "".join(chars), bom=bom, comments=doc.comments)


def _finditer(pattern: str, text: str, config, key: str):
    try:
        compiled = regex.compile(pattern, regex.V0)
    except regex.error as exc:
        raise ConfigError(f"bad regular expression in {key}: {pattern}: {exc}", str(config.path)) from None
    return compiled.finditer(text)
