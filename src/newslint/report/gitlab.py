"""`--format gitlab`: a GitLab Code Quality report (artifacts:reports:codequality)."""

from __future__ import annotations

import hashlib
import json
from typing import TextIO

from newslint.finding import Finding
from newslint.report import ReportContext, Summary

SEVERITIES = {"suggestion": "info", "warning": "minor", "error": "major"}


def _issue(f: Finding) -> dict:
    # GitLab compares fingerprints across pipelines: the path plus newslint's own fingerprint.
    fingerprint = hashlib.sha256(f"{f.path}\0{f.fingerprint}".encode("utf-8")).hexdigest()
    return {
        "type": "issue",
        "description": f"{f.rule}: {f.message}",
        "check_name": f.rule,
        "fingerprint": fingerprint,
        "severity": SEVERITIES[f.severity],
        "categories": ["Style"],
        "location": {"path": f.path, "positions": {"begin": {"line": f.line, "column": f.col},
                                                   "end": {"line": f.end_line, "column": f.end_col}}},
    }


def render(findings: list[Finding], summary: Summary, out: TextIO, ctx: ReportContext) -> None:
    json.dump([_issue(f) for f in findings], out, ensure_ascii=False, indent=2)
    out.write("\n")
