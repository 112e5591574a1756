"""Where the quotations are, from evidence, and where nobody can tell.

Pairing straight marks in order breaks on the first slip: one quotation that
resumes mid-paragraph (`he said. "We will win. "I am sure of it," he added.`)
flips every later mark, and the reporter's words read as quoted and the quoted
words as the reporter's. So each mark is read on its own first:

* its shape and neighbours: a mark after a space or an opening bracket and
  before a word opens; one after a word or punctuation and before a space or
  punctuation closes; curly marks say which they are (unless their neighbours
  contradict them: a ” after a space and before a word is a mis-curled “);
* attribution next to it: `, he said` after a mark closes, `said: ` before
  one opens;
* the newspaper convention for quotations over several paragraphs: each
  paragraph opens with a mark and only the last one closes, so a quotation
  left open runs to the end of its paragraph.

Then a small state machine walks the marks of each paragraph. An opening mark
inside an open quotation means its closing mark was lost: the quotation goes
on. A closing mark outside any quotation means its opening mark was lost: the
text before it, back to the paragraph start or the previous quotation, is
*unsure*. A mark whose shape says nothing (spaces on both sides, letters on
both sides) leaves the text around it unsure. Quote-sensitive checks stay quiet
on unsure text: a missed slip costs less than an alarm on correct copy.

Single marks (‘…’ and '…') are quotations only when a closing mark follows in
the same paragraph; a lone ’ or ' is an apostrophe ("Israel’s", "the ’90s").
Wire copy's ``…'' is read as a double quotation.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

OPEN, CLOSE, EITHER = "open", "close", "either"
SINGLE_REACH = 1000  # characters a single quotation may run

_SPACE_BEFORE = set(" \t\r\n([{—–-/>*_") | {"\u00a0"}
_SPACE_AFTER = set(" \t\r\n)]}*_") | {"\u00a0"}
_PUNCT_AFTER = set(",.;:!?…—–-")
_SINGLE_OPEN_BEFORE = _SPACE_BEFORE | set("“\"")
# "... ," he said' / '" said Smith': a mark followed by attribution closes a quotation.
_ATTRIBUTION_AFTER = re.compile(
    r"\s*(?:(?:he|she|they|it|we|[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s+)?"
    r"(?:said|says|say|added|adds|told|asked|asks|replied|explained|noted|wrote|continued|insisted|recalled|declared|according)\b")
# 'said: "' / 'told reporters, "': a mark after attribution opens one.
_ATTRIBUTION_BEFORE = re.compile(
    r"(?:said|says|say|added|adds|told\s+[\w ]{1,30}|asked|replied|explained|noted|wrote|declared|saying|:)\s*[,:]?\s*\Z")


@dataclass
class QuoteScan:
    quotes: list[tuple[int, int]] = field(default_factory=list)  # sure: marks included
    unsure: list[tuple[int, int]] = field(default_factory=list)  # might be quoted, might not
    open_at_end: bool = False  # the block ended inside a quotation (continued next paragraph)


def scan_quotes(text: str, start: int, end: int, carried: bool = False) -> QuoteScan:
    """Quotations inside text[start:end]; `carried`: the previous paragraph ended inside one."""
    scan = QuoteScan()
    opened = -1  # where the open double quotation began, or -1
    boundary = start  # where text that a lost opening mark may have quoted begins
    marks = list(_double_marks(text, start, end))
    for n, (i, width, role) in enumerate(marks):
        if role == EITHER:
            # A mark that says nothing: everything from the last sure point to the next mark is unsure.
            role = CLOSE if opened != -1 else OPEN
            nxt = marks[n + 1][0] if n + 1 < len(marks) else end
            scan.unsure.append((boundary if opened == -1 else opened, nxt))
        if role == OPEN:
            if opened == -1:
                opened = i
            # else: the quotation's closing mark was lost; the quotation goes on.
            continue
        if opened != -1:
            scan.quotes.append((opened, i + width))
            opened = -1
        elif carried and boundary == start:
            # The quotation of the previous paragraph ends here without a fresh opening mark.
            scan.unsure.append((start, i + width))
        else:
            scan.unsure.append((boundary, i + width))  # its opening mark was lost
        boundary = i + width
    if opened != -1:
        scan.quotes.append((opened, end))  # left open: runs to the paragraph's end
        scan.open_at_end = True
    _add_single_quotes(text, start, end, scan)
    scan.quotes.sort()
    scan.unsure.sort()
    return scan


# A double mark, or the two-character marks of wire copy and LaTeX (``…'').
_DOUBLE = re.compile(r"[\"“”]|``|''")


# A letter, a straight double mark, then a possessive's or a contraction's ending and no more letters.
_APOSTROPHE_LIKE = re.compile(r'[^\W\d_]"(?:s|t|m|d|re|ve|ll)(?![^\W\d_])')


def _double_marks(text: str, start: int, end: int):
    """(offset, width, role) of each double quotation mark in text[start:end]."""
    for m in _DOUBLE.finditer(text, start, end):
        i, mark = m.start(), m.group()
        if len(mark) == 1:
            if mark == '"' and _APOSTROPHE_LIKE.match(text, i - 1, end):
                continue  # wire copy's 'bank"s', 'don"t': an apostrophe typed as a double mark, no quotation
            yield i, 1, _role(text, i, 1, start, end)
        elif mark == "``":
            yield i, 2, OPEN
        elif i + 2 >= end or not text[i + 2].isalnum():  # '' before a letter is two apostrophes
            yield i, 2, CLOSE


def _role(text: str, i: int, width: int, start: int, end: int) -> str:
    before = text[i - 1] if i > start else " "
    after = text[i + width] if i + width < end else " "
    space_before = before in _SPACE_BEFORE
    space_after = after in _SPACE_AFTER
    said_before = _ATTRIBUTION_BEFORE.search(text, max(start, i - 40), i) is not None
    said_after = _ATTRIBUTION_AFTER.match(text, i + width, min(end, i + width + 60)) is not None
    if said_before != said_after:
        return OPEN if said_before else CLOSE  # 'Wilkins said," [Warhol] liked': attribution outranks shape
    if space_before and not space_after and after not in _PUNCT_AFTER:
        return OPEN
    if not space_before and (space_after or after in _PUNCT_AFTER):
        return CLOSE
    mark = text[i]
    if space_before and space_after or not space_before and not space_after:
        # Spaces on both sides, or words on both ('said,"I'): the mark's neighbours decide.
        if before in ",:" and after.isalnum():
            return OPEN  # 'said,"We' lost its space
        if mark == "“":
            return OPEN
        if mark == "”":
            return CLOSE
        return EITHER
    return OPEN if mark == "“" else CLOSE if mark == "”" else EITHER


_SINGLE_MARK = re.compile("[‘']")


def _add_single_quotes(text: str, start: int, end: int, scan: QuoteScan) -> None:
    """‘…’ and '…' outside the double quotations, each only when its closing mark is found."""
    covered = sorted(scan.quotes)
    starts = [s for s, _ in covered]
    i = start
    while (found := _SINGLE_MARK.search(text, i, end)) is not None:  # from mark to mark, not letter by letter
        i = found.start()
        ch = text[i]
        if _opens_single(text, i, start, end) and not _inside(covered, starts, i):
            # A single quotation is a phrase or a sentence: looking further than SINGLE_REACH for its
            # closing mark would make a run of apostrophes quadratic.
            close = _closing_single(text, i + 1, min(end, i + SINGLE_REACH), "’" if ch == "‘" else "'")
            if close != -1:
                scan.quotes.append((i, close + 1))
                i = close + 1
                continue
        i += 1


def _opens_single(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    return before in _SINGLE_OPEN_BEFORE and i + 1 < end and not text[i + 1].isspace() and not text[i + 1].isdigit()


def _closing_single(text: str, i: int, end: int, mark: str) -> int:
    """The mark that closes a single quotation, skipping apostrophes (Israel’s, don’t)."""
    while True:
        close = text.find(mark, i, end)
        if close == -1:
            return -1
        after = text[close + 1] if close + 1 < end else ""
        if not after.isalpha() and not text[close - 1].isspace():
            return close
        i = close + 1


def _inside(spans: list[tuple[int, int]], starts: list[int], i: int) -> bool:
    k = bisect.bisect_right(starts, i) - 1
    return k >= 0 and i < spans[k][1]
