"""`--format sarif`: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from newslint import __version__, ruledocs
from newslint.finding import Finding
from newslint.report import ReportContext, Summary, repo_path

LEVELS = {"suggestion": "note", "warning": "warning", "error": "error"}
SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
HOME = "https://github.com/newslint/newslint"


def _rule(name: str, ctx: ReportContext) -> dict:
    rule = ctx.rules.get(name)
    entry: dict = {"id": name, "name": name.replace(".", "")}
    if rule is None:
        return entry
    description = rule.description.strip() or rule.message or name
    # shortDescription is plain text (viewers show it as a title); the Markdown goes in full and help.
    entry["shortDescription"] = {"text": ruledocs.summary(rule)}
    entry["fullDescription"] = {"text": description, "markdown": description}
    help_md = description + (f"\n\nKind: `{rule.extends}`; defined in `{rule.path}`.")
    entry["help"] = {"text": ruledocs.plain(description), "markdown": help_md}
    uri = ruledocs.help_uri(rule, ruledocs.is_builtin(rule))
    if uri:
        entry["helpUri"] = uri
    entry["defaultConfiguration"] = {"level": LEVELS[rule.level]}
    entry["properties"] = {"tags": [rule.pack, rule.extends]}
    return entry


def _location(path: str, root: Path | None) -> dict:
    """Paths inside the root (the repository's top) are relative to %SRCROOT%, as code scanning
    expects wherever newslint ran from; others are absolute file URIs."""
    if path == "-":
        return {"uri": "stdin"}
    relative = repo_path(path, root)
    if relative is not None:
        return {"uri": quote(relative), "uriBaseId": "%SRCROOT%"}
    return {"uri": Path(path).resolve().as_uri()}


def _result(f: Finding, index: dict[str, int], root: Path | None) -> dict:
    region = {"startLine": f.line, "startColumn": f.col, "endLine": f.end_line, "endColumn": f.end_col,
              "snippet": {"text": f.match}}
    result = {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": LEVELS[f.severity],
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {"artifactLocation": _location(f.path, root),
                                            "region": region}}],
        "partialFingerprints": {"newslint/v1": f.fingerprint},
    }
    if f.fix is not None:
        result["fixes"] = [{
            "description": {"text": f"{'Safe' if f.fix.safe else 'Unsafe'} fix: replace with {f.fix.replacement!r}"},
            "artifactChanges": [{"artifactLocation": _location(f.path, root),
                                 "replacements": [{"deletedRegion": {k: region[k] for k in ("startLine", "startColumn", "endLine", "endColumn")},
                                                   "insertedContent": {"text": f.fix.replacement}}]}],
        }]
    return result


def render(findings: list[Finding], summary: Summary, out: TextIO, ctx: ReportContext) -> None:
    root = ctx.root or Path.cwd()
    names = sorted(set(ctx.rules) | {f.rule for f in findings})
    index = {name: i for i, name in enumerate(names)}
    run = {
        "tool": {"driver": {"name": "newslint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": HOME, "rules": [_rule(n, ctx) for n in names]}},
        "columnKind": "unicodeCodePoints",
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.resolve().as_uri().rstrip("/") + "/"}},
        "results": [_result(f, index, root) for f in findings],
        "invocations": [{
            "executionSuccessful": not summary.errors,
            "toolExecutionNotifications": [{"level": "error", "message": {"text": e}} for e in summary.errors],
        }],
    }
    json.dump({"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}, out, ensure_ascii=False, indent=2)
    out.write("\n")
