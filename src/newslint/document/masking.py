"""Blank out what is not prose, keeping every offset (and every newline) in place."""

from __future__ import annotations

import re

URL = re.compile(r"""\b(?:https?://|ftp://|www\.)[^\s<>"'“”‘’)\]]+(?<![.,;:!?])""", re.I)
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
HTML_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)


def blank(chars: list[str], start: int, end: int) -> None:
    """Replace chars[start:end] by spaces, newlines kept."""
    for i in range(start, end):
        if chars[i] != "\n":
            chars[i] = " "


def blank_pattern(chars: list[str], text: str, pattern: re.Pattern, start: int = 0, end: int | None = None, group: int = 0) -> None:
    end = len(text) if end is None else end
    for m in pattern.finditer(text, start, end):
        if m.group(group) is not None:
            blank(chars, m.start(group), m.end(group))
