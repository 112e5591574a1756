"""`--format json`: one JSON document, stable keys, printed also when nothing is found."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.finding import Finding
from newslint.report import ReportContext, Summary

VERSION = 1


def render(findings: list[Finding], summary: Summary, out: TextIO, ctx: ReportContext) -> None:
    doc = {
        "version": VERSION,
        "findings": [f.to_dict() for f in findings],
        "summary": summary.to_dict(),
        "errors": summary.errors,
    }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
