"""Find quoted spans in a block: “…”, "…", ‘…’.

A quotation left open runs to the end of its block: in news copy a quote that
continues into the next paragraph leaves its closing mark off, and the next
paragraph opens with a fresh mark. Straight double marks pair up in order, so a
misplaced opening mark (`said," [Warhol] liked ..."`) still opens a quotation.
"""

from __future__ import annotations

_OPEN_BEFORE = set(" \t\r\n([{—–-/") | {"\u00a0"}


def find_quotes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans [open, close] (marks included) of quotations inside text[start:end]."""
    spans: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch == "“":
            close = text.find("”", i + 1, end)
            stop = end if close == -1 else close + 1
        elif ch == '"':  # straight marks pair up in order: a misplaced one still opens

            close = text.find('"', i + 1, end)
            stop = end if close == -1 else close + 1
        elif ch == "‘" and _opens(text, i, start):
            close = _closing_single(text, i + 1, end)
            if close == -1:
                i += 1
                continue  # ‘90s and similar: not a quotation
            stop = close + 1
        else:
            i += 1
            continue
        spans.append((i, stop))
        i = stop
    return spans


def _opens(text: str, i: int, start: int) -> bool:
    return (i == start or text[i - 1] in _OPEN_BEFORE or text[i - 1] in "“‘") and i + 1 < len(text) and not text[i + 1].isspace()


def _closing_single(text: str, i: int, end: int) -> int:
    """The ’ that closes a single quotation, skipping apostrophes (Israel’s, don’t)."""
    while True:
        close = text.find("’", i, end)
        if close == -1:
            return -1
        after = text[close + 1] if close + 1 < end else ""
        if not after.isalpha():
            return close
        i = close + 1
