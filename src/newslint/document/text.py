"""Plain text articles: the first line is the title, paragraphs are split by blank lines."""

from __future__ import annotations

import re

from newslint.document.masking import EMAIL, URL, blank_pattern
from newslint.document.model import Block, Document

# A paragraph runs until a blank line; CRLF, LF and a lone CR all break lines.
_PARAGRAPH = re.compile(r"\S(?:[^\r\n]|(?:\r\n|\r|\n)(?![ \t]*(?:\r\n|\r|\n|$)))*", re.M)
_FIRST_BREAK = re.compile(r"\r|\n")


def parse_text(path: str, text: str, bom: bool = False) -> Document:
    blocks: list[Block] = []
    first = _FIRST_BREAK.search(text)
    first_end = len(text) if first is None else first.start()
    title_text = text[:first_end].rstrip()
    body_start = 0
    if title_text.strip():
        lead = len(title_text) - len(title_text.lstrip())
        blocks.append(Block("title", lead, len(title_text)))
        body_start = first_end
    for m in _PARAGRAPH.finditer(text, body_start):
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        blocks.append(Block("paragraph", m.start(), end))
    chars = list(text)
    blank_pattern(chars, text, URL)
    blank_pattern(chars, text, EMAIL)
    return Document(path, text, "txt", blocks, "".join(chars), bom=bom)
