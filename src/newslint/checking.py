"""One `newslint check` run, after the flags are parsed: plan the files, warn about what the user
probably mistyped, run, then report, fix or diff, and decide the exit code.

Everything a person reads besides the report goes to stderr as one line each, `newslint: ...`,
so stdout (or `--output-file`) stays a clean report a machine can read.
"""

from __future__ import annotations

import io
import os
import sys
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from newslint import baseline, nlp
from newslint.cache import Cache
from newslint.cache import default_dir as default_cache_dir
from newslint.changes import Changes, toplevel
from newslint.config import ConfigCache
from newslint.engine import FixMode, Selection
from newslint.errors import NewslintError
from newslint.finding import Finding, severity_rank
from newslint.known import Names
from newslint.progress import progress
from newslint.report import ReportContext, Summary, printable, reporter
from newslint.runner import Options, Target, default_jobs, nlp_rules, plan, run


@dataclass(frozen=True)
class Request:
    """Everything `newslint check` was asked to do, as parsed from the command line."""

    paths: list[str]
    fmt: str = "text"
    config: Path | None = None
    selection: Selection = Selection()
    fail_on: str = "warning"
    fix: FixMode | None = None
    ext: str | None = None
    ignore_syntax: bool = False
    color: bool | None = None
    baseline_file: Path | None = None
    write_baseline: Path | None = None
    diff_base: str | None = None
    changed_lines: bool = False
    jobs: int = 0
    no_cache: bool = False
    cache_dir: Path | None = None
    executor: str = "local"
    scheduler: str | None = None
    require: tuple[str, ...] = ()
    output_file: Path | None = None
    quiet: bool = False
    statistics: bool = False
    show_fixes: bool = False
    stdin_filename: str | None = None
    root: Path | None = None
    strict: bool = False
    timeout_per_file: float = 60.0


@dataclass
class Outcome:
    findings: list[Finding] = field(default_factory=list)
    diffs: list[str] = field(default_factory=list)
    lines: dict[tuple[str, int], str | None] = field(default_factory=dict)
    fixed: dict[str, Counter] = field(default_factory=dict)  # path -> rule -> fixes applied
    warned: dict[tuple[str, str], int] = field(default_factory=dict)  # (backend, message) -> files


def say(message: str) -> None:
    sys.stderr.write(f"newslint: {message}\n")


def check(req: Request) -> int:
    known = baseline.load(req.baseline_file) if req.baseline_file else None
    changes = Changes(req.diff_base) if req.diff_base else None
    configs = ConfigCache(req.config)
    keep = changes.has if changes is not None else (lambda path: True)
    notes: list[str] = []
    targets, input_errors = plan(req.paths, configs, keep, req.stdin_filename, notes)
    summary = Summary(errors=[printable(e) for e in input_errors])
    if not req.quiet:
        for note in notes:
            say(f"notice: {printable(note)}")
    _skipped_rules(targets, req.strict)
    selection = _check_names(targets, req.selection)
    selection = _without_missing_nlp(targets, selection, req)
    if "languagetool" in req.require and targets and not any(getattr(t.config, "languagetool", None) for t in targets):
        raise NewslintError("--require languagetool: no config sets 'languagetool:'")

    options = Options(selection, req.fix, req.ext, req.jobs if req.jobs > 0 else default_jobs(),
                      None if req.no_cache or req.fix else Cache(req.cache_dir or default_cache_dir(req.config)),
                      req.executor, req.scheduler, ignore_syntax=req.ignore_syntax,
                      timeout_per_file=req.timeout_per_file)
    stdin = sys.stdin.buffer.read() if req.paths == ["-"] else None
    outcome = _collect(targets, options, stdin, summary, known, changes if req.changed_lines else None, req.quiet)

    _backend_warnings(outcome.warned, req.require, summary)
    for message in summary.errors:
        say(message)
    if req.write_baseline is not None:
        baseline.write(req.write_baseline, outcome.findings)
        n = len(outcome.findings)
        say(f"wrote {n} finding{'s' if n != 1 else ''} to the baseline {req.write_baseline}")
        return 2 if summary.errors else 0

    out = io.StringIO()
    if req.fix is not None and not req.fix.write:  # --diff
        out.write("".join(outcome.diffs))
        if not req.quiet:
            say(fix_line(outcome, req.fix, "Would fix"))
        _emit(out.getvalue(), req.output_file)
        return 2 if summary.errors else (1 if any(outcome.diffs) else 0)

    ctx = ReportContext(
        line=lambda p, n: outcome.lines.get((p, n)),
        rules={c.rule.name: c.rule for t in targets for c in t.config.checks if selection.wants(c)},
        color=use_color(req.color, req.output_file),
        root=(req.root or toplevel() or Path.cwd()) if req.fmt in ("sarif", "github") else None,
        show_fixes=req.show_fixes,
        unsafe=bool(req.fix and req.fix.unsafe),
        quiet=req.quiet,
    )
    if req.statistics:
        from newslint.report import statistics

        statistics.render(outcome.findings, summary, out, ctx, req.fmt)
    else:
        reporter(req.fmt).render(outcome.findings, summary, out, ctx)
    if req.fix is not None and not req.quiet:
        text = fix_line(outcome, req.fix, "Fixed")
        if req.show_fixes:
            text += "".join(f"\n    {path}: {n} × {rule}" for path, rules in outcome.fixed.items()
                            for rule, n in sorted(rules.items()))
        if req.fmt == "text":  # a machine format keeps stdout to itself
            out.write(text + "\n")
        else:
            say(text)
    _emit(out.getvalue(), req.output_file)
    if summary.errors:
        return 2
    floor = req.fail_on
    if floor != "never" and any(severity_rank(f.severity) >= severity_rank(floor) for f in outcome.findings):
        return 1
    return 0


def _collect(targets: list[Target], options: Options, stdin: bytes | None, summary: Summary,
             known, changes: Changes | None, quiet: bool = False) -> Outcome:
    outcome = Outcome()
    try:
        with progress(len(targets)) as advance:
            for result in run(targets, options, stdin):
                advance()
                _add(result, outcome, summary, known, changes, quiet)
    except BaseException:
        # The run is dying (interrupted, a worker lost): first say which files were already rewritten.
        if outcome.fixed:
            say(f"before this error, --fix rewrote: {', '.join(printable(p) for p in outcome.fixed)}")
        raise
    return outcome


def _add(result, outcome: Outcome, summary: Summary, known, changes: Changes | None, quiet: bool) -> None:
    summary.errors.extend(printable(e) for e in result.errors)
    for note in result.notes:  # --quiet silences notices, never warnings (a fix left undone)
        if not (quiet and note.startswith("notice:")):
            say(printable(note))
    for warning in dict.fromkeys(result.warnings):  # one file counts once per reason
        outcome.warned[warning] = outcome.warned.get(warning, 0) + 1
    if not result.checked:
        return
    summary.files += 1
    outcome.diffs.append(printable(result.diff))
    if result.fixed:
        outcome.fixed[printable(result.path)] = Counter(result.fixed)
    kept = result.findings
    if known is not None:
        kept = baseline.new_findings(kept, known)
    if changes is not None and result.path != "-":
        lines_changed = changes.lines(result.path)
        if lines_changed is not None:
            kept = [f for f in kept if lines_changed & set(range(f.line, f.end_line + 1))]
    shown = printable(result.path)
    if shown != result.path:  # an undecodable file name: reports name it readably (\xe9)
        kept = [replace(f, path=shown) for f in kept]
    for f in kept:
        summary.add(f)
        outcome.lines[(f.path, f.line)] = result.lines.get(f.line)
        outcome.lines[(f.path, f.end_line)] = result.lines.get(f.end_line)
    outcome.findings.extend(kept)


def _skipped_rules(targets: list[Target], strict: bool) -> None:
    """A rule the config names but newslint cannot load (a Tengo script, a bad key) is skipped with
    one warning naming its file and line, so one bad rule never stops a real setup; under --strict
    each is an error and nothing is checked (exit 2)."""
    configs = list({id(t.config): t.config for t in targets}.values())
    problems = list(dict.fromkeys(p for c in configs for p in getattr(c, "rule_problems", lambda: [])()))
    if strict and problems:
        for problem in problems[:-1]:
            say(problem)
        raise NewslintError(problems[-1])
    for problem in problems:
        say(f"warning: {problem}; rule skipped (--strict makes this an error)")


def _check_names(targets: list[Target], selection: Selection) -> Selection:
    """Warn once about each name in --select, --ignore or a config's `rules:` that no loaded rule or
    pack has. A --select whose every name is unknown would check nothing and pass: that is an error."""
    configs = list({id(t.config): t.config for t in targets}.values())
    if not configs:
        return selection
    names = Names.of(c for config in configs for c in config.checks)
    for config in configs:
        for message in getattr(config, "unknown_rules", lambda: [])():
            say(f"warning: {message}")
    for flag, given in (("--select", selection.select), ("--ignore", selection.ignore)):
        unknown = names.unknown(given)
        if flag == "--select" and given and len(unknown) == len(set(given)):
            raise NewslintError(names.message(unknown[0], "--select") + "; nothing left to check")
        for name in unknown:
            say(f"warning: {names.message(name, flag)}")
    return selection


def _without_missing_nlp(targets: list[Target], selection: Selection, req: Request) -> Selection:
    """Without spaCy (the core install), the rules that need it are skipped with one notice that
    names them and the command that installs them; `--require nlp` makes that an error."""
    lacking = nlp.missing() if selection.nlp else None
    names = nlp_rules(targets, selection) if lacking else []
    if not names:
        return selection
    message = (f"{', '.join(names)} need{'s' if len(names) == 1 else ''} {lacking}, which is not installed: "
               f"skipped; install it with: {nlp.INSTALL}")
    if "nlp" in req.require:
        raise NewslintError(f"--require nlp: {message}")
    if not req.quiet:
        say(f"notice: {message}")
    return replace(selection, nlp=False)


def _backend_warnings(warned: dict[tuple[str, str], int], require: tuple[str, ...], summary: Summary) -> None:
    """A failed optional backend: one warning line per reason, or an error (exit 2) under --require."""
    for (backend, message), count in warned.items():
        message += f" ({count} files)" if count > 1 else ""
        if backend in require:
            summary.errors.append(message)
        else:
            say(f"warning: {message}")


def fix_line(outcome: Outcome, fix: FixMode, verb: str) -> str:
    """`Fixed N findings in M files (K remaining; J more with --unsafe-fixes)`."""
    n = sum(sum(c.values()) for c in outcome.fixed.values())
    m = len(outcome.fixed)
    text = f"{verb} {n} finding{'s' if n != 1 else ''} in {m} file{'s' if m != 1 else ''}"
    remaining = len(outcome.findings) if fix.write else None
    parts = [f"{remaining} remaining"] if remaining is not None else []
    if not fix.unsafe:
        hidden = sum(1 for f in outcome.findings if f.fix is not None and not f.fix.safe)
        parts.append(f"{hidden} more with --unsafe-fixes")
    return text + (f" ({'; '.join(parts)})" if parts else "")


def use_color(flag: bool | None, output_file: Path | None) -> bool:
    """--color/--no-color, else NO_COLOR (https://no-color.org), else FORCE_COLOR, else a terminal."""
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return output_file is None and sys.stdout.isatty()


def _emit(text: str, output_file: Path | None) -> None:
    if output_file is None:
        sys.stdout.write(text)
        return
    try:
        output_file.write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise NewslintError(f"--output-file {output_file}: cannot write: {exc.strerror or exc}") from None
