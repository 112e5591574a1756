"""What the server does with an article: the engine calls of `newslint check`, on a config loaded once.

The server is a long-lived process, so the config, the compiled rules and (when
an enabled rule needs it) the spaCy pipeline are loaded once and reused by every
request; that is what makes re-checking while an editor types cheap.
"""

from __future__ import annotations

import difflib
import threading
from dataclasses import dataclass
from pathlib import Path

from newslint.config import Config, ConfigCache
from newslint.engine import FixMode, Selection, check_file
from newslint.errors import NewslintError
from newslint.report import Summary
from newslint.report.json_report import as_dict

# Findings name the article as stdin does, so /api/check answers exactly what
# `newslint check - --format json` prints for the same text (with a request's `path`,
# what `--stdin-filename PATH` prints).
PATH = "-"
BOM = "\ufeff"


class BadRequest(NewslintError):
    """A request the engine cannot honour (an unknown rule, text that is not an article): a 400."""


@dataclass(frozen=True)
class Request:
    text: str
    format: str | None = None  # None: from the path's extension, as the CLI reads it; else txt
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_severity: str | None = None
    path: str | None = None  # a name for the article (overrides, ignore globs), never read from disk


class Service:
    def __init__(self, config_path: str | Path | None = None):
        # --config wins, else the nearest .newslint.yaml above the working folder (as for stdin).
        self.config: Config = ConfigCache(config_path).for_file(None)
        self.checks = {c.rule.name: c for c in self.config.checks}  # loads and validates every rule now
        self.enabled, self.levels = self.config.checks_for(None)
        # Threads share one spaCy pipeline, which is not documented as thread-safe; checks of
        # one article take milliseconds, so serialising them costs an editor nothing.
        self._lock = threading.Lock()

    def warm_up(self) -> bool:
        """Load spaCy (when an enabled rule needs it) and every rule's lazy data now, so that the
        editor's first check is not the slow one. Returns whether spaCy was loaded."""
        needs_nlp = any(c.needs_nlp for c in self.enabled)
        if needs_nlp:
            from newslint import nlp

            nlp.load()
        self.check(Request("Warm-up headline\n\nA first paragraph, checked once at start.\n"))
        return needs_nlp

    # -- checking ------------------------------------------------------------
    def check(self, req: Request) -> dict:
        doc, _ = self._document(req)
        selection = self._selection(req)
        if self._ignored(req):
            return self._report([], [], files=0)
        with self._lock:
            report = check_file(doc, self.config, selection)
        return self._report(report.findings, report.errors)

    def fix(self, req: Request, unsafe: bool = False) -> dict:
        """What `--fix` (`--unsafe-fixes`) would write, and the findings that remain."""
        doc, bom = self._document(req)
        selection = self._selection(req)
        if self._ignored(req):
            return {"text": req.text, "fixes_applied": 0, "report": self._report([], [], files=0)}
        with self._lock:
            report = check_file(doc, self.config, selection, FixMode(unsafe=unsafe, write=False))
        return {"text": (BOM if bom else "") + report.doc.text, "fixes_applied": report.fixes_applied,
                "report": self._report(report.findings, report.errors)}

    def _document(self, req: Request):
        text, bom = req.text, req.text.startswith(BOM)
        if bom:  # as in a file, a BOM is not a column
            text = text[1:]
        if "\0" in text:
            line = text[: text.index("\0")].count("\n") + 1
            raise BadRequest(f"'text' has a NUL character on line {line}: not an article")
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as exc:  # a lone surrogate from a JSON "\ud800" escape
            line = text[: exc.start].count("\n") + 1
            raise BadRequest(f"'text' is not valid Unicode on line {line} (a lone surrogate)") from None
        # As the CLI reads stdin: `format` as --ext, else the path's extension, else plain text; and
        # through the config, which decides how a format is read (a Vale ini reads .txt Vale's way).
        ext = f".{req.format}" if req.format else None if req.path else ".txt"
        return self.config.read(req.path or PATH, text, ext), bom

    def _ignored(self, req: Request) -> bool:
        """A path the config's `ignore` globs skip: the CLI checks no file there, and neither do we."""
        return req.path is not None and self.config.ignores(req.path)

    def _selection(self, req: Request) -> Selection:
        names = set(self.checks) | {c.rule.pack for c in self.checks.values()}
        for field, values in (("select", req.select), ("ignore", req.ignore)):
            for name in values:
                if name not in names:
                    close = difflib.get_close_matches(name, sorted(names), n=1)
                    hint = f" (did you mean {close[0]}?)" if close else ""
                    raise BadRequest(f"'{field}': no rule or pack named '{name}'{hint}")
        return Selection(req.select, req.ignore, req.min_severity)

    @staticmethod
    def _report(findings, errors, files: int = 1) -> dict:
        """The document `--format json` prints, for one checked article."""
        summary = Summary(files=files, errors=[str(e) for e in errors])
        for f in findings:
            summary.add(f)
        return as_dict(findings, summary)

    # -- rules ---------------------------------------------------------------
    def rules(self) -> list[dict]:
        return [self._rule_summary(c) for c in self.checks.values()]

    def rule(self, name: str) -> dict | None:
        check = self.checks.get(name)
        if check is None:
            return None
        r = check.rule
        examples = r.examples or {}
        flag = [{"text": c["text"], "at": c["at"] if isinstance(c["at"], list) else [c["at"]],
                 "format": c.get("format", "md")} for c in examples.get("flag", [])]
        passing = [{"text": c, "format": "md"} if isinstance(c, str) else {"text": c["text"], "format": c.get("format", "md")}
                   for c in examples.get("pass", [])]
        return {**self._rule_summary(check), "message": r.message, "description": r.description,
                "description_html": _markdown(r.description), "link": r.link,
                "examples": {"flag": flag, "pass": passing}}

    def _rule_summary(self, check) -> dict:
        r = check.rule
        enabled = any(c is check for c in self.enabled)
        first = (r.description.strip().splitlines() or [r.message])[0]
        return {"name": r.name, "pack": r.pack, "extends": r.extends, "level": self.levels.get(r.name, r.level),
                "enabled": enabled, "scope": list(r.scope), "fix": r.fix, "summary": first}


def _markdown(text: str) -> str:
    """Rule descriptions are Markdown; raw HTML in them is escaped, not passed through."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).render(text or "")
