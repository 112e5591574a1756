"""The records that flow from checks to reporters."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("suggestion", "warning", "error")


def severity_rank(level: str) -> int:
    return SEVERITIES.index(level)


@dataclass(frozen=True)
class Fix:
    """Replace text[start:end] of the document with `replacement`.

    Checks give offsets; the engine adds the span's 1-based line/col (end exclusive)
    for reporters, since a fix's span need not be the finding's.
    """

    start: int
    end: int
    replacement: str
    safe: bool
    line: int = 0
    col: int = 0
    end_line: int = 0
    end_col: int = 0

    def to_dict(self) -> dict:
        return {"replacement": self.replacement, "safe": self.safe, "line": self.line, "col": self.col,
                "end_line": self.end_line, "end_col": self.end_col}


@dataclass(frozen=True)
class Match:
    """What a check yields: a span of the document plus what the message needs.

    `args` fill the rule message's `%s` placeholders in order; when empty, the
    matched text fills them.
    """

    start: int
    end: int
    args: tuple[str, ...] = ()
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    message: str | None = None  # overrides the rule's message (e.g. conditional, metric)
    # A check that names its findings itself (LanguageTool: `LanguageTool.<RULE_ID>`) sets these.
    rule: str | None = None  # overrides the rule's name
    level: str | None = None  # overrides the rule's level (a config override still wins)


@dataclass(frozen=True)
class Finding:
    """One problem at an exact place. Columns are 1-based code points; `end_col` is exclusive."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int
    rule: str
    severity: str
    message: str
    match: str
    suggestions: tuple[str, ...] = ()
    fix: Fix | None = None
    offset: int = field(default=0, compare=False)
    end_offset: int = field(default=0, compare=False)
    # Stable across edits elsewhere in the file (see engine.fingerprint); for baselines and SARIF.
    fingerprint: str = field(default="", compare=False)

    def sort_key(self):
        return (self.path, self.line, self.col, self.rule, self.end_line, self.end_col)

    def to_dict(self) -> dict:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "end_line": self.end_line,
            "end_col": self.end_col,
            "rule": self.rule,
            "severity": self.severity,
            "message": self.message,
            "match": self.match,
            "suggestions": list(self.suggestions),
            "fix": None if self.fix is None else self.fix.to_dict(),
            "fingerprint": self.fingerprint,
        }
