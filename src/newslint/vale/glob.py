"""Vale's section globs (`[*.md]`, `[*.{md,txt}]`, `[docs/**/*.md]`, `[!drafts/*]`) as regexes.

Vale compiles a section name with gobwas/glob and no separators, so `*` and
`?` cross `/` (`[*.md]` matches `a/b.md`); a pattern holding `**` goes to
doublestar instead, where `*` stays inside one folder and `**` spans folders.
A leading `!` negates. Matching is against the whole path, '/'-separated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


class GlobError(ValueError):
    pass


@dataclass(frozen=True)
class Glob:
    pattern: str
    regex: re.Pattern
    negated: bool = False

    def match(self, path: str) -> bool:
        return bool(self.regex.fullmatch(path.replace("\\", "/"))) != self.negated


@lru_cache(maxsize=1024)
def compile_glob(pattern: str) -> Glob:
    text, negated = pattern, False
    if text.startswith("!"):
        text, negated = text.lstrip("!"), True
    doublestar = "**" in text
    try:
        body, end = _translate(text, 0, doublestar, in_braces=False)
        if end != len(text):
            raise GlobError(f"unexpected '{text[end]}'")
        return Glob(pattern, re.compile(body, re.S), negated)
    except (re.error, IndexError) as exc:
        raise GlobError(str(exc)) from None


def _translate(p: str, i: int, doublestar: bool, in_braces: bool) -> tuple[str, int]:
    """Translate from p[i] up to the end (or the `,`/`}` closing a brace group)."""
    out = []
    star, one = ("[^/]*", "[^/]") if doublestar else (".*", ".")
    while i < len(p):
        c = p[i]
        if in_braces and c in ",}":
            break
        if c == "\\" and i + 1 < len(p):
            out.append(re.escape(p[i + 1]))
            i += 2
        elif c == "*":
            if doublestar and p.startswith("**", i):
                # `**/` is any number of folders (none included); a bare `**` is anything.
                if p.startswith("**/", i):
                    out.append("(?:.*/)?")
                    i += 3
                else:
                    out.append(".*")
                    i += 2
            else:
                out.append(star)
                i += 1
        elif c == "?":
            out.append(one)
            i += 1
        elif c == "[":
            close = p.find("]", i + 2 if p[i + 1 : i + 2] in ("!", "^") else i + 1)
            if close == -1:
                raise GlobError("unclosed '['")
            inner = p[i + 1 : close]
            if inner[:1] in ("!", "^"):
                inner = "^" + inner[1:]
            out.append("[" + inner.replace("\\", "\\\\") + "]")
            i = close + 1
        elif c == "{":
            options, i = [], i + 1
            while True:
                part, i = _translate(p, i, doublestar, in_braces=True)
                options.append(part)
                if i >= len(p):
                    raise GlobError("unclosed '{'")
                if p[i] == "}":
                    i += 1
                    break
                i += 1  # the comma
            out.append("(?:" + "|".join(options) + ")")
        else:
            out.append(re.escape(c))
            i += 1
    return "".join(out), i
