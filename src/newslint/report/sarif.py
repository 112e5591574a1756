"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
from pathlib import Path, PurePath
from typing import TextIO

from newslint import __version__
from newslint.finding import Finding
from newslint.report import ReportContext, Summary

LEVELS = {"suggestion": "note", "warning": "warning", "error": "error"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://github.com/newslint/newslint"


def _rule(name: str, ctx: ReportContext) -> dict:
    rule = ctx.rules.get(name)
    entry: dict = {"id": name, "name": name.replace(".", "")}
    if rule is None:
        return entry
    description = rule.description.strip() or rule.message or name
    entry["shortDescription"] = {"text": description.splitlines()[0]}
    entry["fullDescription"] = {"text": description}
    help_md = description + (f"\n\nKind: `{rule.extends}`; defined in `{rule.path}`.")
    entry["help"] = {"text": description, "markdown": help_md}
    if rule.link:
        entry["helpUri"] = rule.link
    entry["defaultConfiguration"] = {"level": LEVELS[rule.level]}
    entry["properties"] = {"tags": [rule.pack, rule.extends]}
    return entry


def _location(path: str) -> dict:
    """Relative paths stay relative to %SRCROOT% (the working folder), as code scanning expects."""
    if path == "-":
        return {"uri": "stdin"}
    if PurePath(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": PurePath(path).as_posix(), "uriBaseId": "%SRCROOT%"}


def _result(f: Finding, index: dict[str, int]) -> dict:
    region = {"startLine": f.line, "startColumn": f.col, "endLine": f.end_line, "endColumn": f.end_col,
              "snippet": {"text": f.match}}
    result = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": _location(f.path),
                                            "region": region}}],
        "partialFingerprints": {"newslint/v1": f.fingerprint},
    }
    if f.fix is not None:
        result["fixes"] = [{
            "description": {"text": f"{'Safe' if f.fix.safe else 'Unsafe'} fix: replace with {f.fix.replacement!r}"},
            "artifactChanges": [{"artifactLocation": _location(f.path),
                                 "replacements": [{"deletedRegion": {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")},
                                                   "insertedContent": {"text": f.fix.replacement}}]}],
        }]
    return result


def render(findings: list[Finding], summary: Summary, out: TextIO, ctx: ReportContext) -> None:
    names = sorted(set(ctx.rules) | {f.rule for f in findings})
    index = {name: i for i, name in enumerate(names)}
    run = {
        "tool": {"driver": {"name": "newslint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": HOME, "rules": [_rule(n, ctx) for n in names]}},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"uri": Path.cwd().as_uri().rstrip("/") + "/"}},
        "results": [_result(f, index) for f in findings],
        "invocations": [{
            "executionSuccessful": not summary.errors,
            "toolExecutionNotifications": [{"level": "error", "message": {"text": e}} for e in summary.errors],
        }],
    }
    json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, out, ensure_ascii=False, indent=2)
    out.write("\n")
