"""Small pieces of Vale's `internal/check` and `internal/core` that several kinds share.

Kept apart from any one kind so each kind's module reads as its own behaviour;
the registry skips modules starting with `_`.
"""

from __future__ import annotations

import re
from typing import Any

from newslint.checks.base import OptionError
from newslint.patterns import compile_pattern

_VERB = re.compile(r"%(?:\[(\d+)\])?([-+# 0]*\d*(?:\.\d+)?)([a-zA-Z%])")


def strings(value: Any, key: str) -> list[str]:
    """A list option whose items must all be strings."""
    if not all(isinstance(v, str) for v in value):
        raise OptionError(key, f"every item of '{key}' must be a string")
    return list(value)


def string_map(value: dict, key: str) -> dict[str, str]:
    """A mapping option (swap, either) of strings to strings; YAML scalars become strings as Vale's decoder does."""
    out = {}
    for k, v in value.items():
        if isinstance(k, (dict, list)) or isinstance(v, (dict, list)):
            raise OptionError(key, f"'{key}' must map strings to strings")
        out[_scalar(k)] = "" if v is None else _scalar(v)
    return out


def _scalar(v: Any) -> str:
    return ("true" if v else "false") if isinstance(v, bool) else str(v)


def exceptions_regex(terms: list[str], key: str = "exceptions"):
    """Vale's `updateExceptions`: `\\b(?:t1|t2)\\b`, longest first, case-sensitive unless a term starts with (?i).

    It is searched (not anchored) in the trimmed match, so an exception that is a
    whole word of the match suppresses it. The rule's `ignorecase` does not apply.
    """
    if not terms:
        return None
    terms = sorted(terms, key=len, reverse=True)  # greedy alternation, as Vale sorts
    parts = [f"(?i:{t[4:]})" if t.startswith("(?i)") else f"(?-i:{t})" for t in terms]
    return compile_pattern(r"\b(?:" + "|".join(parts) + r")\b", key)


def is_match(pattern, text: str) -> bool:
    return pattern is not None and pattern.search(text) is not None


def go_format(template: str, args: tuple[str, ...]) -> str:
    """Go's Sprintf as Vale's `CondSprintf` calls it, with string arguments (Vale's are all
    strings): %s and %v print the value, %q quotes it, %x/%X print its bytes in hex, %% is a
    percent sign, and any other verb prints as Go prints a mismatch (`%!d(string=3)`); extra
    arguments are ignored (CondSprintf's trailing `%[n]s` silences Go's EXTRA complaint)."""
    values = list(args) + [""]  # CondSprintf appends an empty argument
    state = {"next": 0}

    def sub(m: re.Match) -> str:
        index, verb = m.group(1), m.group(3)
        if verb == "%":
            return "%"
        i = int(index) - 1 if index else state["next"]
        state["next"] = i + 1
        if not 0 <= i < len(values):
            return f"%!{verb}(BADINDEX)" if index else f"%!{verb}(MISSING)"
        value = str(values[i])
        if verb in "sv":
            return value
        if verb == "q":
            return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
        if verb in "xX":
            digits = value.encode("utf-8").hex()
            return digits.upper() if verb == "X" else digits
        return f"%!{verb}(string={value})"

    return _VERB.sub(sub, template)


_SIMPLE = re.compile(r"%[sv]")


def fill(template: str, args: tuple[str, ...]) -> str:
    """A finding's message: each plain %s takes the next argument (newslint's own rules repeat
    the last one for a %s too many), any other Go verb as go_format prints it; then one line,
    as Vale's FormatAlert makes it (WhitespaceToSpace: newlines to spaces, runs of spaces to one)."""
    if "%" in _SIMPLE.sub("", template):
        text = go_format(template, args)
    else:
        values = iter(args)
        last = args[-1] if args else ""
        text = _SIMPLE.sub(lambda _: next(values, last), template)
    return _SPACES.sub(" ", text.replace("\n", " "))


_SPACES = re.compile(r" +")


def message(template: str, *args: str) -> dict:
    """Keyword arguments for `Match` giving Vale's message for `args`.

    Plain `%s` templates go through the engine's fill_message; ones using Go's
    `%[n]s` or `%%` are formatted here and handed over whole.
    """
    if "%[" in template or "%%" in template:
        return {"message": "%s", "args": (go_format(template, args),)}
    return {"args": tuple(args)}


def to_sentence(words: list[str], joiner: str = "or") -> str:
    """Vale's core.ToSentence: 'a', 'a' or 'b', 'a', 'b', or 'c'."""
    quoted = [f"'{w}'" for w in words]
    if len(quoted) <= 1:
        return "".join(quoted)
    if len(quoted) == 2:
        return f"{quoted[0]} {joiner} {quoted[1]}"
    quoted[-1] = f"{joiner} {quoted[-1]}"
    return ", ".join(quoted)


def cap_first(s: str) -> str:
    return s[:1].upper() + s[1:]


def is_phrase(s: str) -> bool:
    """Vale's core.IsPhrase: letters, digits, spaces and hyphens only (so not a regex)."""
    return all(c.isalpha() or c.isdigit() or c in " -" for c in s)


def match_token(expected: str, observed: str, ignorecase: bool) -> bool:
    """Vale's matchToken: does `observed` already conform to `expected` (a phrase or a regex)?"""
    if is_phrase(expected):
        return expected == observed
    try:
        pattern = compile_pattern(("(?i)" if ignorecase else "") + f"^(?:{expected})$", "swap")
    except OptionError:
        return expected == observed
    return pattern.search(observed) is not None


def phrase_regex(terms: list[str]):
    """Vale's buildPhraseRe: the multi-word exceptions, matched case-insensitively in the block."""
    phrases = [t for t in terms if " " in t or "\t" in t or r"\s" in t]
    if not phrases:
        return None
    try:
        return compile_pattern(r"(?i)\b(?:" + "|".join(phrases) + r")\b", "exceptions")
    except OptionError:
        return None


def within_phrase(pattern, source: str, span, start: int, end: int) -> bool:
    """Vale's withinPhrase: [start, end) lies inside an accepted phrase of its block."""
    if pattern is None:
        return False
    return any(m.start() <= start and end <= m.end() for m in pattern.finditer(source, span.start, span.end))
