"""Compiling rule patterns once, and running them under a time budget.

Rule authors write Vale's (Go/regexp2) syntax; the `regex` module reads nearly all
of it and, unlike `re`, can stop a pattern that backtracks catastrophically.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterator

import regex

from newslint.checks.base import OptionError
from newslint.compiled import regex_compile

# Seconds one pattern may spend on one document before the run reports it.
TIMEOUT = 2.0

# Vale prefixes these with (?m); we compile every pattern MULTILINE instead, as inline
# flags in the middle of a pattern are not portable.
WORD_TEMPLATE = r"\b(?:%s)\b"
NONWORD_TEMPLATE = r"(?:%s)"


class PatternTimedOut(Exception):
    """A pattern ran past TIMEOUT; `key` is the rule option it came from, when known."""

    def __init__(self, pattern: str, key: str | None = None):
        super().__init__(pattern)
        self.pattern = pattern
        self.key = key


class Guarded:
    """A rule's compiled pattern whose every search is bounded by TIMEOUT.

    Checks call `search`, `match`, `findall` or `sub` on a rule's pattern in many places;
    handing them this instead of a bare `regex.Pattern` bounds every one of those calls, so
    no user pattern can run unguarded (#18). A runaway raises PatternTimedOut naming the
    option (`key`) the pattern came from, so the error can point at its line.
    """

    __slots__ = ("raw", "key", "pattern", "groups", "groupindex", "flags")

    def __init__(self, raw: regex.Pattern, key: str | None):
        self.raw, self.key = raw, key
        self.pattern, self.groups, self.groupindex, self.flags = raw.pattern, raw.groups, raw.groupindex, raw.flags

    def _run(self, method: str, *args, **kwargs):
        try:
            return getattr(self.raw, method)(*args, timeout=TIMEOUT, **kwargs)
        except TimeoutError:
            raise PatternTimedOut(self.pattern, self.key) from None

    def search(self, *args, **kwargs):
        return self._run("search", *args, **kwargs)

    def match(self, *args, **kwargs):
        return self._run("match", *args, **kwargs)

    def fullmatch(self, *args, **kwargs):
        return self._run("fullmatch", *args, **kwargs)

    def findall(self, *args, **kwargs):
        return self._run("findall", *args, **kwargs)

    def sub(self, *args, **kwargs):
        return self._run("sub", *args, **kwargs)

    def split(self, *args, **kwargs):
        return self._run("split", *args, **kwargs)

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Iterator[regex.Match]:
        # All matches at once: regex's finditer clocks the CPU time since it began, the caller's own
        # work between two matches included, so a check that loads spaCy after the first match timed out.
        try:
            return iter(list(self.raw.finditer(text, pos, len(text) if endpos is None else endpos, timeout=TIMEOUT)))
        except TimeoutError:
            raise PatternTimedOut(self.pattern, self.key) from None


def _translate(pattern: str) -> str:
    # Go's \z (end of text) is \Z in Python.
    return pattern.replace(r"\z", r"\Z")


@lru_cache(maxsize=4096)
def _compile(pattern: str, flags: int) -> regex.Pattern:
    return regex_compile(_translate(pattern), flags | regex.V0)  # kept on disk between runs: compiled.py


def compile_plain(pattern: str) -> regex.Pattern:
    """A config's pattern (Vale's TokenIgnores) as written, no flags added; raises regex.error."""
    return _compile(pattern, 0)


def compile_pattern(pattern: str, key: str, ignorecase: bool = False) -> Guarded:
    """Compile a rule's pattern, every search on it time-bounded; a bad one is an OptionError on `key`."""
    try:
        return Guarded(_compile(pattern, regex.MULTILINE | (regex.IGNORECASE if ignorecase else 0)), key)
    except (regex.error, ValueError, TypeError, OverflowError, RecursionError) as exc:
        raise OptionError(key, f"bad regular expression in '{key}': {exc}") from None


# How far before a span a lookbehind can see when the span is matched as a string of its own.
LOOKBEHIND = 256


def finditer(pattern: regex.Pattern | Guarded, text: str, start: int = 0, end: int | None = None) -> Iterator[regex.Match]:
    """`pattern.finditer` bounded by TIMEOUT, with Vale's block-start `^`; raises PatternTimedOut."""
    pattern = guarded(pattern)
    end = len(text) if end is None else end
    if 0 < start and text[start - 1] != "\n" and "^" in pattern.pattern:
        # Vale matches each block (or sentence) as a string of its own, so `^` holds at its
        # start even mid-line: the character before it reads as a line break. Only the span and
        # a little before it are copied (the whole text, once per sentence, made a long one-line
        # paragraph quadratic), and the matches' offsets are moved back to the text's.
        lo = max(0, start - 1 - LOOKBEHIND)
        window = text[lo : start - 1] + "\n" + text[start:end]
        return (_Shifted(m, lo) for m in pattern.finditer(window, start - lo, end - lo))
    return pattern.finditer(text, start, end)


class _Shifted:
    """A match in a window of the text, with offsets in the text itself (-1 stays -1: a group that did not take part)."""

    __slots__ = ("_m", "_shift")

    def __init__(self, m, shift: int):
        self._m, self._shift = m, shift

    def start(self, *group) -> int:
        i = self._m.start(*group)
        return i + self._shift if i >= 0 else i

    def end(self, *group) -> int:
        i = self._m.end(*group)
        return i + self._shift if i >= 0 else i

    def span(self, *group) -> tuple[int, int]:
        return self.start(*group), self.end(*group)

    def __getattr__(self, name):  # group, groups, groupdict, lastgroup, lastindex: the same either way
        return getattr(self._m, name)

    def __getitem__(self, group):
        return self._m[group]


def vale_regex(tokens: list[str], raw: list[str], ignorecase: bool, nonword: bool, append: bool = False) -> str:
    """Vale's `makeRegexp`: tokens joined into a word-bounded group, raw prepended (or appended)."""
    body = ""
    if tokens:
        body = (NONWORD_TEMPLATE if nonword else WORD_TEMPLATE) % "|".join(tokens)
    raw_part = "".join(raw)
    pattern = body + raw_part if append else raw_part + body
    return ("(?i)" if ignorecase else "") + pattern


def trie_pattern(words: list[str]) -> str:
    """An alternation of literal words shaped as a trie (`ab(?:c|d)`): a long word list then
    costs one pass, not one attempt per word at each position. A space matches any whitespace."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [(r"\s+" if ch == " " else regex.escape(ch)) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:  # a word ends here and longer ones go on: prefer the longer, as the sorted list did
            body = "(?:" + body + ")?"
        return body

    return emit(trie)


def guarded(pattern) -> Guarded:
    """A pattern compiled by `re` (the config's accepted terms) as `regex`, which can stop it:
    the two read the same syntax and flag values."""
    if isinstance(pattern, Guarded):
        return pattern
    if isinstance(pattern, regex.Pattern):
        return Guarded(pattern, None)
    return Guarded(_compile(pattern.pattern, pattern.flags & ~0x20 & 0x1FF), None)  # re.UNICODE is regex's default


def fullmatch(pattern: regex.Pattern | Guarded, text: str) -> regex.Match | None:
    """`pattern.fullmatch` bounded by TIMEOUT; raises PatternTimedOut on a runaway pattern."""
    return guarded(pattern).fullmatch(text)
