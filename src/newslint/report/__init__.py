"""Reporters: one module per output format, all fed the same findings and summary."""

from __future__ import annotations

from dataclasses import dataclass, field

from newslint.finding import SEVERITIES, Finding


@dataclass
class Summary:
    files: int = 0
    findings: int = 0
    by_severity: dict[str, int] = field(default_factory=lambda: {s: 0 for s in SEVERITIES})
    errors: list[str] = field(default_factory=list)  # one-line input errors

    def add(self, finding: Finding) -> None:
        self.findings += 1
        self.by_severity[finding.severity] += 1

    def to_dict(self) -> dict:
        return {"files": self.files, "findings": self.findings,
                **{f"{s}s": n for s, n in self.by_severity.items()}, "errors": len(self.errors)}


FORMATS = ("text", "json")


def reporter(name: str):
    from newslint.report import json_report, text_report

    return {"text": text_report, "json": json_report}[name]
