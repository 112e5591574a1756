"""`--format text`: `path:line:col: level Rule message`, the line with a caret, a summary."""

from __future__ import annotations

from collections import Counter
from typing import TextIO

from rich.cells import cell_len

from newslint.finding import Finding
from newslint.report import ReportContext, Summary

COLORS = {"error": "31", "warning": "33", "suggestion": "36"}
WINDOW = 100  # longest excerpt of a line shown under a finding, in cells


def _paint(text: str, code: str, color: bool) -> str:
    return f"\x1b[{code}m{text}\x1b[0m" if color else text


def excerpt(line: str, col: int, width: int) -> tuple[str, str]:
    """The line (cut to WINDOW cells around the span) and a caret line under the span."""
    start, stop = col - 1, col - 1 + max(width, 1)
    # Only the neighbourhood of the span is copied and measured: a line of a million characters with thousands
    # of findings on it (hostile input) was quadratic, each finding measuring the whole line.
    lo, hi = 0, len(line)
    if len(line) > 4 * WINDOW:
        lo, hi = max(0, start - 2 * WINDOW), min(len(line), stop + 2 * WINDOW)
    cut = line[lo:hi].replace("\t", " ")
    start, stop = start - lo, stop - lo
    left, right = 0, len(cut)
    if lo or hi < len(line) or cell_len(cut) > WINDOW:
        left = max(0, start - 30)
        right = min(len(cut), max(stop, left + WINDOW - 10) + 10)
    before = "…" if left or lo else ""
    shown = before + cut[left:right] + ("…" if right < len(cut) or hi < len(line) else "")
    pad = cell_len(before + cut[left:start])
    caret = " " * pad + "^" * max(1, cell_len(cut[start:min(stop, right)]))
    return shown, caret


def fixable_mark(f: Finding, ctx: ReportContext) -> str:
    """`[*]` when --fix (with the flags given) would rewrite this finding; `[~]` when only
    --unsafe-fixes would; "" when nothing would."""
    if f.fix is None:
        return ""
    return "[*]" if f.fix.safe or ctx.unsafe else "[~]"


def render(findings: list[Finding], summary: Summary, out: TextIO, ctx: ReportContext) -> None:
    color = ctx.color
    marks = Counter()
    for f in findings:
        level = _paint(f.severity, COLORS[f.severity], color)
        mark = fixable_mark(f, ctx)
        marks[mark] += 1
        out.write(f"{f.path}:{f.line}:{f.col}: {level} {_paint(f.rule, '1', color)} {mark + ' ' if mark else ''}{f.message}\n")
        text = ctx.line(f.path, f.line)
        if text is not None:
            width = (f.end_col - f.col) if f.end_line == f.line else len(text) - f.col + 1
            shown, caret = excerpt(text, f.col, width)
            out.write(f"    {shown}\n    {_paint(caret, '32', color)}\n")
        if f.suggestions:
            out.write(f"    suggestion: {', '.join(f.suggestions)}\n")
        if ctx.show_fixes and f.fix is not None:
            x = f.fix
            span = f"{x.line}:{x.col}-{x.end_line}:{x.end_col}"
            what = f"replace {span} with {x.replacement!r}" if x.replacement else f"delete {span}"
            out.write(f"    fix ({'safe' if x.safe else 'unsafe'}): {what}\n")
    if ctx.quiet:
        return
    out.write(summary_line(summary) + "\n")
    if marks["[*]"] or marks["[~]"]:
        parts = [f"[*] {marks['[*]']} fixable with --fix"] if marks["[*]"] else []
        if marks["[~]"]:
            parts.append(f"[~] {marks['[~]']} more with --fix --unsafe-fixes")
        out.write("; ".join(parts) + ".\n")


def summary_line(summary: Summary) -> str:
    files = f"{summary.files} file{'s' if summary.files != 1 else ''}"
    if not summary.findings:
        text = f"No findings in {files}."
    else:
        parts = [f"{n} {s}{'s' if n != 1 else ''}" for s, n in reversed(summary.by_severity.items()) if n]
        text = f"{summary.findings} finding{'s' if summary.findings != 1 else ''} ({', '.join(parts)}) in {files}."
    if summary.errors:
        text += f" {len(summary.errors)} file{'s' if len(summary.errors) != 1 else ''} could not be checked."
    return text
