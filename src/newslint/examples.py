"""Run a rule's own `examples` (used by `newslint rules test` and the test suite)."""

from __future__ import annotations

from dataclasses import dataclass

from newslint.checks.base import Check
from newslint.document.reader import document_from_string
from newslint.engine import lint


@dataclass(frozen=True)
class ExampleFailure:
    rule: str
    case: str
    text: str
    expected: list[str]
    got: list[str]

    def __str__(self) -> str:
        snippet = self.text if len(self.text) < 60 else self.text[:57] + "..."
        return f"{self.rule}: {self.case} example {snippet!r}: expected {self.expected or 'no finding'}, got {self.got or 'no finding'}"


def positions(check: Check, text: str, fmt: str = "md") -> list[str]:
    doc = document_from_string(text, fmt, path=f"<example of {check.rule.name}>")
    return [f"{f.line}:{f.col}" for f in lint(doc, [check]).findings]


def fixed_text(check: Check, text: str, fmt: str = "md") -> str:
    """The text after every fix of the rule, safe and unsafe, is applied."""
    from newslint.fixing import apply, choose

    doc = document_from_string(text, fmt, path=f"<example of {check.rule.name}>")
    return apply(doc.text, choose(lint(doc, [check]).findings, unsafe=True))


def run_examples(check: Check) -> tuple[int, list[ExampleFailure]]:
    """(number of cases run, failures) for one rule."""
    examples = check.rule.examples or {}
    failures: list[ExampleFailure] = []
    count = 0
    for case in examples.get("flag", []):
        count += 1
        at = case["at"]
        expected = sorted([at] if isinstance(at, str) else at, key=_key)
        got = sorted(positions(check, case["text"], case.get("format", "md")), key=_key)
        if got != expected:
            failures.append(ExampleFailure(check.rule.name, "flag", case["text"], expected, got))
        elif "fixed" in case:
            fixed = fixed_text(check, case["text"], case.get("format", "md"))
            if fixed != case["fixed"]:
                failures.append(ExampleFailure(check.rule.name, "fixed", case["text"], [case["fixed"]], [fixed]))
    for case in examples.get("pass", []):
        count += 1
        text, fmt = (case, "md") if isinstance(case, str) else (case["text"], case.get("format", "md"))
        got = positions(check, text, fmt)
        if got:
            failures.append(ExampleFailure(check.rule.name, "pass", text, [], got))
    return count, failures


def _key(pos: str) -> tuple[int, int]:
    line, col = pos.split(":")
    return int(line), int(col)
