"""`--format github`: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from typing import TextIO

from newslint.finding import Finding
from newslint.report import ReportContext, Summary, repo_path

COMMANDS = {"suggestion": "notice", "warning": "warning", "error": "error"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(findings: list[Finding], summary: Summary, out: TextIO, ctx: ReportContext) -> None:
    for f in findings:
        # GitHub places an annotation only by a path from the repository's top
        path = repo_path(f.path, ctx.root) or f.path
        props = (f"file={_prop(path)},line={f.line},col={f.col},endLine={f.end_line},"
                 f"endColumn={f.end_col},title={_prop(f.rule)}")
        out.write(f"::{COMMANDS[f.severity]} {props}::{_data(f.message)}\n")
    for error in summary.errors:
        out.write(f"::error title=newslint::{_data(error)}\n")
