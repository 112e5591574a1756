"""`extends: substitution` — suggest the preferred form for each `swap` key (Vale's semantics)."""

from __future__ import annotations

import re
from typing import Iterator

import regex

from newslint.checks import _prefilter as prefilter
from newslint.checks._vale import (
    cap_first, exceptions_regex, is_match, match_token, message, string_map, strings, to_sentence,
)
from newslint.checks.base import Check, Option, OptionError
from newslint.finding import Fix, Match
from newslint.patterns import NONWORD_TEMPLATE, WORD_TEMPLATE, compile_pattern, finditer

_CAPTURE_OPEN = re.compile(r"(?<!\\)\((?!\?)")
_GROUP_REF = re.compile(r"\$(?:(\d+)|\{(\w+)\})")


def options_of(expected: str) -> list[str]:
    """Vale's getOptions: `a|b|c` -> [a, b, c]; `\\|` is a literal bar; empty options dropped."""
    return [o.replace("\0", "|") for o in expected.replace(r"\|", "\0").split("|") if o]


def unquote_first(template: str) -> str:
    """Vale's convertMessage: the suggestions arrive quoted, so unquote the first '%s' of two."""
    for spec in ("'%s'", '"%s"'):
        if template.count(spec) == 2:
            template = template.replace(spec, "%s", 1)
    return template


class Substitution(prefilter.Registers, Check):
    kind = "substitution"
    summary = "Suggests the preferred form for each observed term."
    can_fix = True
    options = {
        "swap": Option("dict", required=True, doc="observed (a regex): expected (a|b for several suggestions)"),
        "ignorecase": Option("bool", False),
        "nonword": Option("bool", False, doc="do not wrap keys in word boundaries"),
        "exceptions": Option("list", [], doc="matches to leave alone"),
        "vocab": Option("bool", True, doc="whether accepted vocabulary terms are exempt"),
        "capitalize": Option("bool", False, doc="capitalize the suggestion when the match is capitalized"),
        "append": Option("bool", False, doc="listed by Vale's docs; substitution has no raw, so no effect"),
        "pos": Option("str", "", doc="deprecated Vale key: a regex over 'word/TAG' the match must satisfy"),
    }

    def setup(self) -> None:
        o = self.opts
        swap = string_map(o["swap"], "swap")
        if not swap:
            raise OptionError("swap", "'swap' needs at least one 'observed: expected' pair")
        # Longest keys first so the alternation prefers them (Vale sorts the same way).
        self.keys = sorted(swap, key=len, reverse=True)
        self.repl = [swap[k] for k in self.keys]
        groups, self.group_of, number = [], [], 1
        for key in self.keys:
            compile_pattern(key, "swap")  # a bad key is reported as itself
            if key.count("(") != key.count("(?") + key.count(r"\("):
                # Each key is one numbered group; the user's own groups become non-capturing.
                key = _CAPTURE_OPEN.sub("(?:", key)
            groups.append(f"({key})")
            self.group_of.append(number)  # named groups a key keeps still take numbers
            number += 1 + compile_pattern(key, "swap").groups
        template = NONWORD_TEMPLATE if o["nonword"] else WORD_TEMPLATE
        self.pattern = compile_pattern(("(?i)" if o["ignorecase"] else "") + template % "|".join(groups), "swap")
        self.words = prefilter.literals(self.keys)  # one must occur for any match: see _prefilter
        if self.words is not None:
            prefilter.SCANNER.register(self.words)
        self.exceptions = exceptions_regex(strings(o["exceptions"], "exceptions"))
        if o["pos"]:
            self.pos = compile_pattern(o["pos"], "pos")
            self.needs_nlp = True
        action = self.rule.action or {}
        self.replace = action.get("name") == "replace"
        self.params = [str(p) for p in action.get("params") or []]

    def expected_for(self, index: int, observed: str) -> str:
        """Vale's subMsg: the swap value, capitalized if asked, with $1... filled from the key's groups."""
        expected = self.repl[index]
        if self.opts["capitalize"] and observed == cap_first(observed):
            expected = cap_first(expected)
        if not _GROUP_REF.search(expected):
            return expected
        key = compile_pattern(self.keys[index], "swap", self.opts["ignorecase"])
        template = _GROUP_REF.sub(lambda m: f"\\g<{m.group(1) or m.group(2)}>", expected.replace("\\", "\\\\"))
        try:
            return key.sub(template, observed)
        except (IndexError, regex.error):  # a $n the key lacks: leave the value as written
            return expected

    def check(self, doc) -> Iterator[Match]:
        scope = self.scope(doc)
        if not prefilter.may_match(self.words, scope.source):
            return
        for span in scope.spans:
            for m in finditer(self.pattern, scope.source, span.start, span.end):
                index = next((i for i, g in enumerate(self.group_of) if m.start(g) != -1), None)
                if index is None or m.start(self.group_of[index]) == m.end(self.group_of[index]):
                    continue
                start, end = m.span(self.group_of[index])
                observed = m.group(self.group_of[index]).strip()  # Vale: strings.TrimSpace(converted)
                expected = self.expected_for(index, observed)
                offered = options_of(expected)
                if self.replace:  # the value is literal text: compare option by option
                    same = observed in offered
                else:  # the value may be a regex describing the acceptable forms
                    same = match_token(expected, observed, False)
                if same or is_match(self.exceptions, observed) or not self.pos_ok(doc, start, end):
                    continue
                template = self.rule.message
                suggestions = offered
                if self.replace and self.params:
                    suggestions = self.params
                elif self.replace:
                    if self.opts["capitalize"] and observed == cap_first(observed):
                        suggestions = [cap_first(p) for p in offered]
                    expected = to_sentence(suggestions, "or")
                    template = unquote_first(template)
                fix = None
                if self.fix_safe is not None and len(suggestions) == 1:
                    fix = Fix(start, end, suggestions[0], self.fix_safe)
                kwargs = message(template, expected, observed)
                if template != self.rule.message and "message" not in kwargs:
                    kwargs["message"] = template
                yield Match(start, end, suggestions=tuple(suggestions), fix=fix, **kwargs)

    def pos_ok(self, doc, start: int, end: int) -> bool:
        """Vale's old CheckPOS: 'word/TAG ...' of the matched words must match `pos`."""
        if not self.opts["pos"]:
            return True
        from newslint import nlp

        block = doc.block_at(start)
        lo, hi = (block.start, block.end) if block else (start, end)
        tokens = nlp.load()(doc.prose[lo:hi])
        seen = " ".join(f"{t.text}/{t.tag_}" for t in tokens
                        if lo + t.idx < end and lo + t.idx + len(t.text) > start)
        return self.pos.search(seen) is not None
