"""Documents x rules -> findings: message filling, limits, vocabulary, ordering."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newslint.checks.base import Check
from newslint.document.model import Document
from newslint.errors import NewslintError
from newslint.finding import Finding, Match
from newslint.patterns import PatternTimedOut

_PLACEHOLDER = re.compile(r"%[sv]")


def fill_message(template: str, args: tuple[str, ...]) -> str:
    """Go's Sprintf as Vale uses it: each %s takes the next argument."""
    values = iter(args)
    last = args[-1] if args else ""
    return _PLACEHOLDER.sub(lambda _: next(values, last), template)


@dataclass
class Result:
    findings: list[Finding] = field(default_factory=list)
    errors: list[NewslintError] = field(default_factory=list)


def finding_for(doc: Document, check: Check, match: Match, severity: str | None = None) -> Finding:
    rule = check.rule
    text = doc.text[match.start : match.end]
    message = fill_message(match.message or rule.message or rule.name, match.args or (text,))
    line, col = doc.position(match.start)
    end_line, end_col = doc.position(match.end)
    return Finding(
        path=doc.path, line=line, col=col, end_line=end_line, end_col=end_col,
        rule=rule.name, severity=severity or rule.level, message=message, match=text,
        suggestions=match.suggestions, fix=match.fix, offset=match.start, end_offset=match.end,
    )


def lint(doc: Document, checks: list[Check], levels: dict[str, str] | None = None, accepted: re.Pattern | None = None) -> Result:
    """Run every check over one document. `levels` overrides a rule's severity by name."""
    result = Result()
    levels = levels or {}
    for check in checks:
        rule = check.rule
        try:
            matches = list(check.check(doc))
        except PatternTimedOut as exc:
            where = f"{rule.path}:{rule.line_of('tokens') or rule.line_of('raw') or 1}"
            result.errors.append(NewslintError(
                f"rule {rule.name} ({where}) stopped: its pattern ran past its time limit "
                f"(catastrophic backtracking?): {exc.pattern[:80]}", doc.path))
            continue
        if accepted is not None and rule.options.get("vocab", rule.extends == "spelling"):
            matches = [m for m in matches if not accepted.fullmatch(doc.text[m.start : m.end])]
        if rule.limit:
            matches = matches[: rule.limit]
        result.findings.extend(finding_for(doc, check, m, levels.get(rule.name)) for m in matches)
    result.findings.sort(key=Finding.sort_key)
    return result
