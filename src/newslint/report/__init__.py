"""Reporters: one module per output format, all fed the same findings and context.

Each module has `render(findings, summary, out, ctx)`. A reporter never re-reads
an article: `ctx.line(path, n)` gives the text of a checked line.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from newslint.checks.base import Rule
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
        # "errors" counts error-level findings; files that could not be checked are "unchecked".
        return {"files": self.files, "findings": self.findings,
                **{f"{s}s": n for s, n in self.by_severity.items()}, "unchecked": len(self.errors)}


@dataclass
class ReportContext:
    line: Callable[[str, int], str | None] = lambda path, n: None
    rules: dict[str, Rule] = field(default_factory=dict)  # every rule that ran, by name
    color: bool = False
    root: Path | None = None  # sarif and github: paths relative to this folder (the repository's top)
    show_fixes: bool = False  # text: show each fix under its finding
    unsafe: bool = False  # --unsafe-fixes: unsafe fixes count as fixable
    quiet: bool = False  # text: findings only, no summary


def repo_path(path: str, root: Path | None) -> str | None:
    """`path` relative to `root` in POSIX form, or None when it lies outside (or is stdin)."""
    if path == "-" or root is None:
        return None
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


# format name -> module in this package
FORMATS = {"text": "text_report", "json": "json_report", "sarif": "sarif", "github": "github",
           "rdjson": "rdjson", "gitlab": "gitlab"}


def reporter(name: str):
    return importlib.import_module(f"{__name__}.{FORMATS[name]}")


def printable(text: str) -> str:
    """A file name (or a message naming one) as valid UTF-8: bytes a name could not be decoded
    from (Linux allows any) are kept by Python as lone surrogates, which no UTF-8 report can
    hold; they are written `\\xe9`, so the report stays valid and still names the file."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def utf8_column(line: str | None, col: int) -> int:
    """A 1-based code-point column as a 1-based UTF-8 byte column (reviewdog counts bytes)."""
    if line is None:
        return col
    return len(line[: col - 1].encode("utf-8")) + 1
