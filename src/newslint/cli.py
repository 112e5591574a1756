"""The command line: parses flags and hands work to the engine and reporters, nothing else."""

from __future__ import annotations

import difflib
import io
import sys
from pathlib import Path
from typing import List, Optional

import typer

from newslint import __version__, baseline
from newslint.changes import Changes
from newslint.cache import Cache
from newslint.cache import default_dir as default_cache_dir
from newslint.config import ConfigCache, builtin_packs
from newslint.engine import FixMode, Selection
from newslint.errors import NewslintError
from newslint.progress import progress
from newslint.runner import Options, default_jobs, plan, run
from newslint.finding import SEVERITIES, severity_rank
from newslint.report import FORMATS, ReportContext, Summary, reporter

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="newslint: a linter for news articles. Finds what a tired copy editor misses, at path:line:col.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(help="List and test rules.", no_args_is_help=True)
app.add_typer(rules_app, name="rules")
cache_app = typer.Typer(help="Manage the result cache.", no_args_is_help=True)
app.add_typer(cache_app, name="cache")
names_app = typer.Typer(help="Names lists for Newsroom.KnownNames.", no_args_is_help=True)
app.add_typer(names_app, name="names")
furniture_app = typer.Typer(help="Page-furniture lists for Newsroom.Boilerplate.", no_args_is_help=True)
app.add_typer(furniture_app, name="furniture")

FAIL_ON = SEVERITIES + ("never",)
BACKENDS = ("languagetool", "nlp")  # optional backends --require can insist on


def _version(value: bool) -> None:
    if value:
        typer.echo(f"newslint {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """newslint: a linter for news articles."""


def _choice(value: str | None, allowed: tuple[str, ...], flag: str) -> str | None:
    if value is not None and value not in allowed:
        raise typer.BadParameter(f"must be one of {', '.join(allowed)}, not '{value}'", param_hint=flag)
    return value


def _error(message: str) -> None:
    sys.stderr.write(f"newslint: {message}\n")


@app.command()
def check(
    paths: List[str] = typer.Argument(..., help="Files, folders or globs to check; - reads stdin."),
    fmt: str = typer.Option("text", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Use this config file instead of the nearest .newslint.yaml."),
    min_severity: Optional[str] = typer.Option(None, "--min-severity", "--minAlertLevel", help="Report only findings at or above: suggestion, warning, error (--minAlertLevel: Vale's name)."),
    select: List[str] = typer.Option([], "--select", help="Run only this rule or pack (repeatable)."),
    ignore: List[str] = typer.Option([], "--ignore", help="Skip this rule or pack (repeatable)."),
    no_nlp: bool = typer.Option(False, "--no-nlp", help="Skip the rules that need spaCy (faster; for quick hooks)."),
    fail_on: str = typer.Option("warning", "--fail-on", help="Exit 1 when a finding is at or above: suggestion, warning, error, never."),
    ext: Optional[str] = typer.Option(None, "--ext", help="Format of stdin (or of every file): .md or .txt."),
    ignore_syntax: bool = typer.Option(False, "--ignore-syntax", help="Read every file as plain text, as Vale's --ignore-syntax does (no markup, no title line)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the text output (default: on a terminal)."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes in place (atomically), then report what remains."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, apply unsafe fixes too (name corrections, variants)."),
    show_diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff instead of writing them; exit 1 when there is one."),
    baseline_file: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings that this baseline file does not hold."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", help="Record every finding in this file (for legacy archives) and exit 0."),
    diff_base: Optional[str] = typer.Option(None, "--diff-base", help="Check only files changed since this git ref (untracked files included)."),
    changed_lines: bool = typer.Option(False, "--changed-lines", help="With --diff-base, report only findings on changed lines."),
    jobs: int = typer.Option(0, "--jobs", "-j", help="Worker processes (0: one per CPU)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the result cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Cache folder (default: $NEWSLINT_CACHE_DIR or .newslint_cache)."),
    executor: str = typer.Option("local", "--executor", help="local (a process pool of --jobs) or dask (pip install 'newslint[dask]')."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="With --executor dask: the scheduler address (default: a LocalCluster of --jobs workers)."),
    require: List[str] = typer.Option([], "--require", help="Exit 2 when this optional backend fails, instead of a warning: languagetool, nlp (the spaCy model)."),
) -> int:
    """Check articles and report each finding at path:line:col.

    Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 a usage, config or input error.
    """
    _choice(fmt, FORMATS, "--format")
    _choice(min_severity, SEVERITIES, "--min-severity")
    _choice(fail_on, FAIL_ON, "--fail-on")
    _choice(executor, ("local", "dask"), "--executor")
    for backend in require:
        _choice(backend, BACKENDS, "--require")
    if scheduler and executor != "dask":
        raise typer.BadParameter("needs --executor dask", param_hint="--scheduler")
    if ext is not None and ext.lstrip(".").lower() not in ("md", "txt", "markdown", "text"):
        raise typer.BadParameter("must be .md or .txt", param_hint="--ext")
    selection = Selection(tuple(select), tuple(ignore), min_severity, nlp=not no_nlp)
    if fix and paths == ["-"] and not show_diff:
        raise typer.BadParameter("cannot rewrite stdin; use --diff to see the fixes", param_hint="--fix")
    fix_mode = FixMode(unsafe=unsafe_fixes, write=not show_diff) if (fix or show_diff) else None
    if changed_lines and not diff_base:
        raise typer.BadParameter("needs --diff-base REF", param_hint="--changed-lines")
    known = baseline.load(baseline_file) if baseline_file else None
    changes = Changes(diff_base) if diff_base else None

    configs = ConfigCache(config)
    keep = changes.has if changes is not None else (lambda path: True)
    targets, input_errors = plan(paths, configs, keep)
    summary = Summary(errors=input_errors)
    checks = {c.rule.name: c for t in targets for c in t.config.checks}
    if selection.select:
        names = set(checks) | {c.rule.pack for c in checks.values()}
        for name in selection.select:
            dynamic = any(c.dynamic_rules and name.startswith(n + ".") for n, c in checks.items())  # LanguageTool.X
            if names and name not in names and not dynamic:
                raise NewslintError(f"--select {name}: no such rule or pack{_close(name, names)}")

    options = Options(selection, fix_mode, ext, jobs if jobs > 0 else default_jobs(),
                      None if no_cache or fix_mode else Cache(cache_dir or default_cache_dir()), executor, scheduler,
                      ignore_syntax=ignore_syntax)
    stdin = sys.stdin.buffer.read() if paths == ["-"] else None
    if "languagetool" in require and targets and not any(getattr(t.config, "languagetool", None) for t in targets):
        raise NewslintError("--require languagetool: no config sets 'languagetool:'")
    findings, diffs, lines = [], [], {}
    warned: dict[tuple[str, str], int] = {}  # (backend, message) -> files
    with progress(len(targets)) as advance:
        for result in run(targets, options, stdin):
            advance()
            summary.errors.extend(result.errors)
            for warning in result.warnings:
                warned[warning] = warned.get(warning, 0) + 1
            if not result.checked:
                continue
            summary.files += 1
            diffs.append(result.diff)
            kept = result.findings
            if known is not None:
                kept = baseline.new_findings(kept, known)
            if changed_lines and result.path != "-":
                lines_changed = changes.lines(result.path)
                if lines_changed is not None:
                    kept = [f for f in kept if lines_changed & set(range(f.line, f.end_line + 1))]
            for f in kept:
                summary.add(f)
                lines[(f.path, f.line)] = result.lines.get(f.line)
                lines[(f.path, f.end_line)] = result.lines.get(f.end_line)
            findings.extend(kept)

    _backend_warnings(warned, require, summary)
    for message in summary.errors:
        _error(message)
    if write_baseline is not None:
        baseline.write(write_baseline, findings)
        _error(f"wrote {len(findings)} finding{'s' if len(findings) != 1 else ''} to the baseline {write_baseline}")
        return 2 if summary.errors else 0
    if show_diff:
        sys.stdout.write("".join(diffs))
        return 2 if summary.errors else (1 if any(diffs) else 0)
    ctx = ReportContext(
        line=lambda p, n: lines.get((p, n)),
        rules={name: c.rule for name, c in checks.items() if selection.wants(c)},
        color=sys.stdout.isatty() if color is None else color,
    )
    reporter(fmt).render(findings, summary, sys.stdout, ctx)
    if summary.errors:
        return 2
    if fail_on != "never" and any(severity_rank(f.severity) >= severity_rank(fail_on) for f in findings):
        return 1
    return 0


def _backend_warnings(warned: dict[tuple[str, str], int], require: list[str], summary: Summary) -> None:
    """A failed optional backend: one warning line per reason, or an error (exit 2) under --require."""
    for (backend, message), count in warned.items():
        message += f" ({count} files)" if count > 1 else ""
        if backend in require:
            summary.errors.append(message)
        else:
            _error(f"warning: {message}")


def _close(name: str, known) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f" (did you mean {close[0]}?)" if close else ""


def _all_checks(config: Optional[Path]):
    return ConfigCache(config).for_file(None).checks


def _find_rule(name: str, config: Optional[Path]):
    checks = _all_checks(config)
    for c in checks:
        if c.rule.name == name:
            return c
    raise NewslintError(f"no rule named '{name}'{_close(name, [c.rule.name for c in checks])}")


@app.command()
def explain(
    rule: str = typer.Argument(..., help="A rule name, e.g. Newsroom.Boilerplate."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Config file that names the packs."),
) -> int:
    """Print a rule's description and examples from its YAML."""
    c = _find_rule(rule, config).rule
    out = [f"{c.name} ({c.extends}, {c.level}, scope: {', '.join(c.scope)})", f"defined in {c.path}", ""]
    if c.description:
        out += [c.description.strip(), ""]
    elif c.message:
        out += [c.message, ""]
    if c.fix:
        out += [f"Fix: {c.fix}", ""]
    if c.link:
        out += [f"More: {c.link}", ""]
    examples = c.examples or {}
    for case in examples.get("flag", []):
        at = case["at"] if isinstance(case["at"], list) else [case["at"]]
        out.append(f"Flagged at {', '.join(at)}:")
        out += ["    " + line for line in case["text"].splitlines()] + [""]
    for case in examples.get("pass", []):
        text = case if isinstance(case, str) else case["text"]
        out.append("Not flagged:")
        out += ["    " + line for line in text.splitlines()] + [""]
    typer.echo("\n".join(out).rstrip())
    return 0


@rules_app.command("list")
def rules_list(
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Config file that names the packs."),
) -> int:
    """List every rule: name, kind, level and what it checks."""
    for c in _all_checks(config):
        r = c.rule
        first = (r.description.strip().splitlines() or [r.message])[0]
        typer.echo(f"{r.name:<32} {r.extends:<22} {r.level:<10} {first}")
    return 0


@rules_app.command("test")
def rules_test(
    target: Optional[str] = typer.Argument(None, help="A built-in pack name or a folder of rules (default: every configured pack)."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Config file that names the packs."),
) -> int:
    """Run every rule's examples; exit 1 when one fails."""
    from newslint.examples import run_examples
    from newslint.loading import load_pack

    if target is None:
        checks = _all_checks(config)
    elif Path(target).is_dir():
        checks = load_pack(target)
    elif target in builtin_packs():
        checks = load_pack(builtin_packs()[target], target)
    else:
        raise NewslintError(f"'{target}' is neither a built-in pack ({', '.join(builtin_packs())}) nor a folder")
    total, failed = 0, []
    for c in checks:
        count, failures = run_examples(c)
        total += count
        failed += failures
    for f in failed:
        typer.echo(f"FAIL {f}")
    typer.echo(f"{len(checks)} rules, {total} examples, {len(failed)} failed.")
    return 1 if failed else 0


@cache_app.command("clear")
def cache_clear(
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Cache folder (default: $NEWSLINT_CACHE_DIR or .newslint_cache)."),
) -> int:
    """Remove every cached result."""
    folder = cache_dir or default_cache_dir()
    removed = Cache(folder).clear()
    typer.echo(f"Removed {removed} cached result{'s' if removed != 1 else ''} from {folder}.")
    return 0


@names_app.command("learn")
def names_learn(
    archive: List[str] = typer.Argument(..., help="Published articles: files, folders or globs."),
    output: Path = typer.Option(..., "--output", "-o", help="The names list to write (YAML), e.g. names.yaml."),
    min_count: int = typer.Option(3, "--min-count", min=1, help="Uses a spelling needs to become a canonical name."),
) -> int:
    """Learn the archive's canonical name spellings (and rare misspellings) into a names list."""
    from newslint.names.learn import learn

    names, wrong, errors = learn(archive, output, min_count)
    for message in errors:
        _error(str(message))
    _error(f"wrote {names} name{'s' if names != 1 else ''} ({wrong} misspelling{'s' if wrong != 1 else ''}) to {output}")
    return 2 if errors else 0


@furniture_app.command("learn")
def furniture_learn(
    archive: List[str] = typer.Argument(..., help="One site's published articles: files, folders or globs."),
    output: Path = typer.Option(Path("furniture.yaml"), "--output", "-o", help="The furniture list to write (YAML)."),
    min_articles: int = typer.Option(3, "--min-articles", min=2, help="Articles a line must recur in to be furniture."),
    max_words: int = typer.Option(40, "--max-words", min=1, help="Longer lines are never furniture."),
) -> int:
    """Learn the site's page furniture: lines that recur (numbers and dates aside) across its articles."""
    from newslint.furniture.learn import learn

    lines, files, errors = learn(archive, output, min_articles, max_words)
    for message in errors:
        _error(str(message))
    _error(f"wrote {lines} line{'s' if lines != 1 else ''} of furniture (from {files} article{'s' if files != 1 else ''}) to {output}")
    return 2 if errors else 0


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: loopback only)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", help="Use this config file instead of the nearest .newslint.yaml."),
    max_body: int = typer.Option(1024 * 1024, "--max-body", min=1, help="Largest request body in bytes; larger ones get 413."),
) -> int:
    """Serve a page for editors and an HTTP API (/api/check, /api/fix, /api/rules) at http://HOST:PORT/."""
    from newslint.server import serve as run_server  # FastAPI and uvicorn load only for this command

    run_server(host, port, config, max_body)
    return 0


def main(argv: list[str] | None = None) -> None:
    """Entry point: every error becomes one line on stderr and exit code 2, never a traceback."""
    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="newslint", standalone_mode=False)
    except typer.Exit as exc:
        code = exc.exit_code
    except typer.TyperException as exc:  # usage errors (typer vendors click's)
        if type(exc).__name__ != "NoArgsIsHelpError":  # that one has printed the help already
            ctx = getattr(exc, "ctx", None)
            hint = f" (see '{ctx.command_path} --help')" if ctx else ""
            _error(f"{exc.format_message()}{hint}")
        code = 2
    except NewslintError as exc:
        _error(str(exc))
        code = 2
    except (KeyboardInterrupt, typer.Abort):
        _error("interrupted")
        code = 130
    except BrokenPipeError:
        code = 0
    except Exception as exc:  # a bug: still one line, never a traceback
        _error(f"internal error: {type(exc).__name__}: {exc}")
        code = 2
    sys.exit(code if isinstance(code, int) else 0)
