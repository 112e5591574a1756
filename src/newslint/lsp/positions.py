"""Code-point offsets (newslint's) to LSP positions and back, in the encoding the client negotiated.

newslint counts code points; LSP counts UTF-16 code units unless the client offers UTF-8 or
UTF-32 in `positionEncodings`. An emoji is one code point, two UTF-16 units and four UTF-8 bytes,
so a finding after one on the same line must be moved by exactly that much. Lines break at
CRLF, CR and LF, as both the Document model and the LSP specification break them.
"""

from __future__ import annotations

import bisect

from newslint.document.model import LINE_BREAK

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many code units `text` takes in `encoding`."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)  # a surrogate pair each


class LineIndex:
    """Positions in one text, as the editor holds it (a BOM, if any, is a character there)."""

    def __init__(self, text: str, encoding: str = UTF16):
        self.text = text
        self.encoding = encoding
        self._starts = [0] + [m.end() for m in LINE_BREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """0-based (line, character in code units) of a code-point offset."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        # A CRLF is one break: an offset between its CR and LF (never a finding's) stays on the line.
        return line, units(self.text[self._starts[line] : offset], self.encoding)

    def offset(self, line: int, character: int) -> int:
        """The code-point offset of an LSP position; past the end of a line, the line's end
        (as the specification asks), and past the last line, the end of the text."""
        if line < 0:
            return 0
        if line >= len(self._starts):
            return len(self.text)
        start = self._starts[line]
        end = self._starts[line + 1] if line + 1 < len(self._starts) else len(self.text)
        content = self.text[start:end].rstrip("\r\n")
        if self.encoding == UTF32:
            return start + min(character, len(content))
        counted = 0
        for i, ch in enumerate(content):
            if counted >= character:
                return start + i
            counted += units(ch, self.encoding)
        return start + len(content)
