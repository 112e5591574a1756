"""Every user pattern runs under the regex time limit (#18 item 5), whichever way a check uses it.

Checks call `search`, `match`, `findall`, `split` and `finditer` on a rule's patterns; each rule
below puts a catastrophically backtracking pattern into one option and an article that sets it
off. The run must end, within a hang guard, in one error naming the rule file and the line of
that option, not in an uncaught exception or a hang (before, `exceptions`, `prefix`, `match`,
`filters` and the title separators ran with no limit at all).
"""

from __future__ import annotations

import textwrap
import time

import pytest

from newslint import patterns
from newslint.document.reader import document_from_string
from newslint.engine import lint
from newslint.loading import load_rule

RUNAWAY = "(a|a)+$"  # exponential on a run of a's that does not end the text
A_RUN = "a" * 40 + "b"

CASES = {
    # the rule, the option that holds the runaway pattern, the article
    "existence exceptions": ("""
        extends: existence
        message: "'%s'"
        tokens: ['\\w+']
        exceptions:
          - '(a|a)+$'
        """, "exceptions", f"Title\n\nWe saw {A_RUN} there.\n"),
    "existence multi-word exceptions": ("""
        extends: existence
        message: "'%s'"
        tokens: ['\\w+']
        exceptions:
          - 'x y|(a|a)+$'
        """, "exceptions", f"Title\n\nWe saw {A_RUN} there.\n"),
    "capitalization exceptions": ("""
        extends: capitalization
        message: "'%s'"
        scope: heading
        match: $sentence
        exceptions:
          - '(a|a)+$'
        """, "exceptions", f"# The {A_RUN} Story\n\nBody.\n"),
    "capitalization prefix": ("""
        extends: capitalization
        message: "'%s'"
        scope: heading
        match: $sentence
        prefix: '(a|a)+$'
        """, "prefix", f"# The {A_RUN} Story\n\nBody.\n"),
    "capitalization match": ("""
        extends: capitalization
        message: "'%s'"
        scope: heading
        match: '(a|a)+$'
        """, "match", f"# {A_RUN}\n\nBody.\n"),
    "spelling filters": ("""
        extends: spelling
        message: "'%s'"
        filters:
          - '(a|a)+$'
        """, "filters", f"Title\n\nWe saw {A_RUN} there.\n"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_runaway_pattern_stops_and_names_its_option_line(case, tmp_path, monkeypatch):
    body, key, article = CASES[case]
    body = textwrap.dedent(body).lstrip("\n")
    line = next(n for n, text in enumerate(body.splitlines(), 1) if text.startswith(key + ":"))
    path = tmp_path / "House" / "Rule.yml"
    path.parent.mkdir()
    path.write_text(body, encoding="utf-8")
    monkeypatch.setattr(patterns, "TIMEOUT", 0.05)
    check = load_rule(path)
    doc = document_from_string(article, "md", "story.md")
    began = time.monotonic()
    result = lint(doc, [check])
    assert time.monotonic() - began < 30, "hang guard"
    assert [e.message.split(") stopped")[0] for e in result.errors] == [f"rule House.Rule ({path}:{line}"], result.errors


def test_every_rule_pattern_is_handed_out_guarded():
    """The compiled form a check keeps has no unbounded search method: the wrapper's are bounded."""
    compiled = patterns.compile_pattern(RUNAWAY, "tokens")
    assert isinstance(compiled, patterns.Guarded)
    patterns_before = patterns.TIMEOUT
    patterns.TIMEOUT = 0.05
    try:
        for call in (lambda: compiled.search(A_RUN), lambda: compiled.findall(A_RUN), lambda: compiled.sub("", A_RUN),
                     lambda: compiled.split(A_RUN), lambda: list(compiled.finditer(A_RUN)), lambda: compiled.match(A_RUN)):
            with pytest.raises(patterns.PatternTimedOut) as caught:
                call()
            assert caught.value.key == "tokens"
    finally:
        patterns.TIMEOUT = patterns_before


def test_the_time_limit_is_the_patterns_own_not_the_callers(monkeypatch):
    # regex's finditer clocks CPU time from its start, the caller's work between matches included:
    # a sequence rule that loaded spaCy after its first match was stopped as a "runaway" pattern.
    monkeypatch.setattr(patterns, "TIMEOUT", 0.2)
    pattern = patterns.compile_pattern(r"\busing\b", "tokens")
    text = ("word " * 5000 + "using ") * 3
    seen = 0
    for _ in patterns.finditer(pattern, text):
        busy_until = time.process_time() + 0.3
        while time.process_time() < busy_until:
            pass
        seen += 1
    assert seen == 3
