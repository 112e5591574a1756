"""Plain text read Vale's way: no title line, nothing masked, paragraphs split by blank lines.

newslint's own `.txt` reader (text.py) makes the first line a title and masks
URLs, because a wire story's first line is its headline. Vale reads a `.txt`
file (and any file under `--ignore-syntax`) as one block of prose: its first
line is body text and a URL is text like any other. Vale-configured runs and
`--ignore-syntax` use this reader so their alerts land where Vale's do.
"""

from __future__ import annotations

import re

from newslint.document.model import Block, Document

FORMAT = "plain"
_PARAGRAPH = re.compile(r"\S(?:.|\n(?![ \t\r]*(?:\n|$)))*", re.M)


def parse_plain(path: str, text: str, bom: bool = False) -> Document:
    blocks = []
    for m in _PARAGRAPH.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1].isspace():
            end -= 1
        blocks.append(Block("paragraph", m.start(), end))
    return Document(path, text, FORMAT, blocks, text, bom=bom)
