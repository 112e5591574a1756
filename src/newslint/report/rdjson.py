"""`--format rdjson`: reviewdog's Diagnostic Result (columns in UTF-8 bytes, end exclusive)."""

from __future__ import annotations

import json
from typing import TextIO

from newslint.finding import Finding
from newslint.report import ReportContext, Summary, utf8_column
from newslint.report.sarif import HOME

SEVERITIES = {"suggestion": "INFO", "warning": "WARNING", "error": "ERROR"}


def _range(f: Finding, ctx: ReportContext) -> dict:
    return {"start": {"line": f.line, "column": utf8_column(ctx.line(f.path, f.line), f.col)},
            "end": {"line": f.end_line, "column": utf8_column(ctx.line(f.path, f.end_line), f.end_col)}}


def _diagnostic(f: Finding, ctx: ReportContext) -> dict:
    rule = ctx.rules.get(f.rule)
    code = {"value": f.rule}
    if rule is not None and rule.link:
        code["url"] = rule.link
    diagnostic = {"message": f.message, "location": {"path": f.path, "range": _range(f, ctx)},
                  "severity": SEVERITIES[f.severity], "code": code}
    if f.fix is not None:
        diagnostic["suggestions"] = [{"range": _range(f, ctx), "text": f.fix.replacement}]
    elif f.suggestions:
        diagnostic["suggestions"] = [{"range": _range(f, ctx), "text": s} for s in f.suggestions]
    return diagnostic


def render(findings: list[Finding], summary: Summary, out: TextIO, ctx: ReportContext) -> None:
    doc = {"source": {"name": "newslint", "url": HOME}, "diagnostics": [_diagnostic(f, ctx) for f in findings]}
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
