"""`--format json`: one JSON document, stable keys, printed also when nothing is found."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.finding import Finding
from newslint.report import ReportContext, Summary

VERSION = 1


def as_dict(findings: list[Finding], summary: Summary) -> dict:
    """The JSON document as data; `newslint serve` answers /api/check with it too."""
    return {
        "version": VERSION,
        "findings": [f.to_dict() for f in findings],
        "summary": summary.to_dict(),
        "errors": summary.errors,
    }


def render(findings: list[Finding], summary: Summary, out: TextIO, ctx: ReportContext) -> None:
    json.dump(as_dict(findings, summary), out, ensure_ascii=False, indent=2)
    out.write("\n")
