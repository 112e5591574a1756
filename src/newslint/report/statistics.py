"""`--statistics`: how many findings each rule made, most first, instead of the findings."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from newslint.finding import Finding
from newslint.report import ReportContext, Summary
from newslint.report.text_report import fixable_mark, summary_line


def counts(findings: list[Finding], ctx: ReportContext) -> list[dict]:
    by_rule = Counter(f.rule for f in findings)
    fixable = Counter(f.rule for f in findings if fixable_mark(f, ctx) == "[*]")
    return [{"rule": rule, "count": n, "fixable": fixable[rule]}
            for rule, n in sorted(by_rule.items(), key=lambda item: (-item[1], item[0]))]


def render(findings: list[Finding], summary: Summary, out: TextIO, ctx: ReportContext, fmt: str = "text") -> None:
    rows = counts(findings, ctx)
    if fmt == "json":
        json.dump(rows, out, indent=2)
        out.write("\n")
        return
    width = max((len(str(r["count"])) for r in rows), default=1)
    for r in rows:
        mark = f" [*] {r['fixable']} fixable" if r["fixable"] else ""
        out.write(f"{r['count']:>{width}}  {r['rule']}{mark}\n")
    if not ctx.quiet:
        out.write(summary_line(summary) + "\n")
