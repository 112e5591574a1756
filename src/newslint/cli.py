"""The command line: parses flags and hands work to the engine and reporters, nothing else."""

from __future__ import annotations

import math
import os
import sys
import threading
from pathlib import Path
from typing import List, Optional

import typer
from typer.core import TyperArgument

from newslint import __version__
from newslint.cache import Cache
from newslint.cache import default_dir as default_cache_dir
from newslint.config import ConfigCache, builtin_packs
from newslint.engine import FixMode, Selection
from newslint.errors import NewslintError
from newslint.finding import SEVERITIES
from newslint.known import did_you_mean
from newslint.report import FORMATS

# Plain help (rich_markup_mode=None): help texts are read literally, so `[dask]` stays `[dask]`;
# metavars are words (FILE, RULE, LEVEL), never Python types.
app = typer.Typer(
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    help="newslint: a linter for news articles. Finds what a tired copy editor misses, at path:line:col.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(help="List and test rules.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(rules_app, name="rules")
cache_app = typer.Typer(help="Manage the result cache.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(cache_app, name="cache")
names_app = typer.Typer(help="Names lists for Newsroom.KnownNames.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(names_app, name="names")
furniture_app = typer.Typer(help="Page-furniture lists for Newsroom.Boilerplate.", no_args_is_help=True, rich_markup_mode=None)
app.add_typer(furniture_app, name="furniture")
daemon_app = typer.Typer(help="A background process per project that keeps rules and spaCy loaded for check --daemon.",
                         no_args_is_help=True, rich_markup_mode=None)
app.add_typer(daemon_app, name="daemon")
_ARGV: list[str] = []  # this command line as typed, for check --daemon to hand on

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
    paths: List[str] = typer.Argument(..., metavar="PATH...", help="Files, folders or globs to check; - reads stdin."),
    fmt: str = typer.Option("text", "--format", "-f", metavar="FORMAT", help=f"Output format: {', '.join(FORMATS)}."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", metavar="FILE", help="Use this config file instead of the nearest .newslint.yaml."),
    min_severity: Optional[str] = typer.Option(None, "--min-severity", "--minAlertLevel", metavar="LEVEL", help="Report only findings at or above: suggestion, warning, error (--minAlertLevel: Vale's name)."),
    select: List[str] = typer.Option([], "--select", metavar="RULE", help="Run only this rule or pack (repeatable)."),
    ignore: List[str] = typer.Option([], "--ignore", metavar="RULE", help="Skip this rule or pack (repeatable)."),
    no_nlp: bool = typer.Option(False, "--no-nlp", help="Skip the rules that need spaCy (faster; for quick hooks)."),
    fail_on: str = typer.Option("warning", "--fail-on", metavar="LEVEL", help="Exit 1 when a finding is at or above: suggestion, warning, error, never."),
    ext: Optional[str] = typer.Option(None, "--ext", metavar="EXT", help="Format of stdin (or of every file): .md, .txt or .html."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", metavar="PATH", help="With -, treat stdin as this file: its config, ignore globs, overrides, format and the path in findings."),
    ignore_syntax: bool = typer.Option(False, "--ignore-syntax", help="Read every file as plain text, as Vale's --ignore-syntax does (no markup, no title line)."),
    color: Optional[bool] = typer.Option(None, "--color/--no-color", help="Colour the text output (default: on a terminal, unless NO_COLOR is set; FORCE_COLOR forces it)."),
    output_file: Optional[Path] = typer.Option(None, "--output-file", "-o", metavar="FILE", help="Write the report (or the diff) to this file instead of stdout."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print the findings only: no summary, no notices (errors and warnings still go to stderr)."),
    statistics: bool = typer.Option(False, "--statistics", help="Print how many findings each rule made instead of the findings (text or json)."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes in place (atomically), then report what remains."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, apply unsafe fixes too (name corrections, variants)."),
    show_diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff instead of writing them; exit 1 when there is one."),
    show_fixes: bool = typer.Option(False, "--show-fixes", help="Show each finding's fix under it; with --fix, list the fixes applied per file."),
    baseline_file: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE", help="Report only findings that this baseline file does not hold."),
    write_baseline: Optional[Path] = typer.Option(None, "--write-baseline", metavar="FILE", help="Record every finding in this file (for legacy archives) and exit 0."),
    diff_base: Optional[str] = typer.Option(None, "--diff-base", metavar="REF", help="Check only files changed since this git ref (untracked files included); needs the ref's history (fetch-depth: 0 in CI)."),
    changed_lines: bool = typer.Option(False, "--changed-lines", help="With --diff-base, report only findings on changed lines."),
    root: Optional[Path] = typer.Option(None, "--root", metavar="DIR", help="sarif and github formats: paths relative to this folder (default: the git repository's top, else the current folder)."),
    jobs: int = typer.Option(0, "--jobs", "-j", metavar="N", help="Worker processes (0: one per idle CPU, by the load average)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Neither read nor write the result cache."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", metavar="DIR", help="Cache folder (default: $NEWSLINT_CACHE_DIR, else .newslint_cache in the project root: the folder with .git, else the config's)."),
    executor: str = typer.Option("local", "--executor", metavar="NAME", help="local (a process pool of --jobs) or dask (pip install 'newslint[dask]')."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS", help="With --executor dask: the scheduler address (default: a LocalCluster of --jobs workers)."),
    timeout_per_file: float = typer.Option(60.0, "--timeout-per-file", metavar="SECONDS", help="Stop checking a file after this many seconds and report it as an error; the other files are still checked (0: no limit)."),
    require: List[str] = typer.Option([], "--require", metavar="BACKEND", help="Exit 2 when this optional backend is missing or fails, instead of a notice or warning: nlp (spaCy and its model), languagetool."),
    strict: bool = typer.Option(False, "--strict", help="A rule that cannot be loaded (a Tengo script, a bad key) is an error (exit 2), not a warning and a skip."),
    parse_all: bool = typer.Option(False, "--parse-all", help="Parse every paragraph with spaCy, not only those an NLP rule's prefilter picks (slower; the same findings: for debugging)."),
    daemon: bool = typer.Option(False, "--daemon", help="Check in the project's daemon when it runs (newslint daemon start); else here, as without it."),
) -> int:
    """Check articles and report each finding at path:line:col.

    Exit codes: 0 no finding at or above --fail-on, 1 findings (or, with --diff, a diff), 2 a usage,
    config or input error.
    """
    from newslint.checking import Request
    from newslint.checking import check as run_check

    _choice(fmt, FORMATS, "--format")
    _choice(min_severity, SEVERITIES, "--min-severity")
    _choice(fail_on, FAIL_ON, "--fail-on")
    _choice(executor, ("local", "dask"), "--executor")
    for backend in require:
        _choice(backend, BACKENDS, "--require")
    if scheduler and executor != "dask":
        raise typer.BadParameter("needs --executor dask", param_hint="--scheduler")
    if ext is not None and ext.lstrip(".").lower() not in ("md", "txt", "markdown", "text", "html", "htm"):
        raise typer.BadParameter("must be .md, .txt or .html", param_hint="--ext")
    if fix and paths == ["-"] and not show_diff:
        raise typer.BadParameter("cannot rewrite stdin; use --diff to see the fixes", param_hint="--fix")
    if changed_lines and not diff_base:
        raise typer.BadParameter("needs --diff-base REF", param_hint="--changed-lines")
    if stdin_filename is not None and paths != ["-"]:
        raise typer.BadParameter("names stdin: give - as the only path", param_hint="--stdin-filename")
    if not (math.isfinite(timeout_per_file) and 0 <= timeout_per_file <= 86400):
        raise typer.BadParameter("must be a number of seconds from 0 (no limit) to 86400", param_hint="--timeout-per-file")
    if statistics and fmt not in ("text", "json"):
        raise typer.BadParameter("works with --format text or json", param_hint="--statistics")
    if daemon:
        from newslint.daemon.client import check_in_daemon

        code = check_in_daemon([a for a in (_ARGV or sys.argv[1:]) if a != "--daemon"], paths == ["-"], quiet)
        if code is not None:
            return code
    if parse_all:
        from newslint.nlp import PARSE_ALL_ENV

        os.environ[PARSE_ALL_ENV] = "1"  # read where the parsing happens, worker processes included
    return run_check(Request(
        paths=paths, fmt=fmt, config=config, selection=Selection(tuple(select), tuple(ignore), min_severity, nlp=not no_nlp),
        fail_on=fail_on, fix=FixMode(unsafe=unsafe_fixes, write=not show_diff) if (fix or show_diff) else None,
        ext=ext, ignore_syntax=ignore_syntax, color=color, baseline_file=baseline_file, write_baseline=write_baseline,
        diff_base=diff_base, changed_lines=changed_lines, jobs=jobs, no_cache=no_cache, cache_dir=cache_dir,
        executor=executor, scheduler=scheduler, require=tuple(require), output_file=output_file, quiet=quiet,
        statistics=statistics, show_fixes=show_fixes, stdin_filename=stdin_filename, root=root, strict=strict,
        timeout_per_file=timeout_per_file,
    ))


def _all_checks(config: Optional[Path]):
    return ConfigCache(config).for_file(None).checks


def _find_rule(name: str, config: Optional[Path]):
    checks = _all_checks(config)
    for c in checks:
        if c.rule.name == name:
            return c
    raise NewslintError(f"no rule named '{name}'{did_you_mean(name, [c.rule.name for c in checks])}")


@app.command()
def explain(
    rule: str = typer.Argument(..., metavar="RULE", help="A rule name, e.g. Newsroom.Boilerplate."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", metavar="FILE", help="Config file that names the packs."),
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
    config: Optional[Path] = typer.Option(None, "--config", "-c", metavar="FILE", help="Config file that names the packs."),
) -> int:
    """List every rule: name, kind, level and what it checks."""
    from newslint.ruledocs import summary

    for c in _all_checks(config):
        r = c.rule
        typer.echo(f"{r.name:<32} {r.extends:<22} {r.level:<10} {summary(r)}")
    return 0


@rules_app.command("test")
def rules_test(
    target: Optional[str] = typer.Argument(None, metavar="PACK|FOLDER", help="A built-in pack name or a folder of rules (default: every configured pack)."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", metavar="FILE", help="Config file that names the packs."),
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
    from newslint import nlp

    lacking = nlp.missing()
    skipped = [c.rule.name for c in checks if c.needs_nlp] if lacking else []
    if skipped:  # the core install: their examples cannot run, which is no failure of theirs
        _error(f"notice: {', '.join(skipped)} need{'s' if len(skipped) == 1 else ''} {lacking}, which is not "
               f"installed: their examples were skipped; install it with: {nlp.INSTALL}")
    total, failed = 0, []
    for c in checks:
        if c.rule.name in skipped:
            continue
        count, failures = run_examples(c)
        total += count
        failed += failures
    for f in failed:
        typer.echo(f"FAIL {f}")
    typer.echo(f"{len(checks)} rules, {total} examples, {len(failed)} failed.")
    return 1 if failed else 0


@cache_app.command("clear")
def cache_clear(
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", metavar="DIR", help="Cache folder (default: $NEWSLINT_CACHE_DIR, else .newslint_cache in the project root: the folder with .git, else the config's)."),
) -> int:
    """Remove every cached result, and what newslint keeps in your cache folder (compiled patterns,
    built rule packs, parsed word lists)."""
    from newslint import compiled

    folder = cache_dir or default_cache_dir()
    removed = Cache(folder).clear()
    kept, kept_in = compiled.clear()
    typer.echo(f"Removed {removed} cached result{'s' if removed != 1 else ''} from {folder}"
               + (f", and {kept} stored file{'s' if kept != 1 else ''} (patterns, rule packs, word lists) from {kept_in}."
                  if kept_in is not None else "."))
    return 0


@names_app.command("learn")
def names_learn(
    archive: List[str] = typer.Argument(..., metavar="PATH...", help="Published articles: files, folders or globs."),
    output: Path = typer.Option(..., "--output", "-o", metavar="FILE", help="The names list to write (YAML), e.g. names.yaml."),
    min_count: int = typer.Option(3, "--min-count", min=1, metavar="N", help="Uses a spelling needs to become a canonical name."),
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
    archive: List[str] = typer.Argument(..., metavar="PATH...", help="One site's published articles: files, folders or globs."),
    output: Path = typer.Option(Path("furniture.yaml"), "--output", "-o", metavar="FILE", help="The furniture list to write (YAML)."),
    min_articles: int = typer.Option(3, "--min-articles", min=2, metavar="N", help="Articles a line must recur in to be furniture."),
    max_words: int = typer.Option(40, "--max-words", min=1, metavar="N", help="Longer lines are never furniture."),
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
    host: str = typer.Option("127.0.0.1", "--host", metavar="HOST", help="Address to bind (default: loopback only)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, metavar="PORT", help="Port to listen on."),
    config: Optional[Path] = typer.Option(None, "--config", "-c", metavar="FILE", help="Use this config file instead of the nearest .newslint.yaml."),
    max_body: int = typer.Option(1024 * 1024, "--max-body", min=1, metavar="BYTES", help="Largest request body in bytes; larger ones get 413."),
    header_timeout: float = typer.Option(10.0, "--header-timeout", min=0.1, max=3600, metavar="SECONDS", help="Close a connection whose request headers take longer (slow clients)."),
    body_timeout: float = typer.Option(30.0, "--body-timeout", min=0.1, max=3600, metavar="SECONDS", help="Answer 408 to a request whose body takes longer."),
    workers: Optional[int] = typer.Option(None, "--workers", min=0, max=64, metavar="N", help="Worker processes that run the checks, side by side (default: one per CPU; 0: in the server process, no deadline)."),
    request_timeout: float = typer.Option(30.0, "--request-timeout", min=0.1, max=3600, metavar="SECONDS", help="Stop a check that runs longer (its worker is replaced) and answer 503."),
    allow_origin: Optional[List[str]] = typer.Option(None, "--allow-origin", metavar="ORIGIN", help="Let web pages from ORIGIN (e.g. https://cms.example.org) call the API (CORS); repeatable. Also the config's serve: {allow_origins: [...]}."),
    token_file: Optional[Path] = typer.Option(None, "--token-file", metavar="FILE", help="Require 'Authorization: Bearer TOKEN' on /api/*, TOKEN being FILE's one line."),
    allow_config_writes: bool = typer.Option(False, "--allow-config-writes", help="Let POST /api/vocabulary add words to the config's vocabulary.accept (creating .newslint.yaml here if there is none)."),
) -> int:
    """Serve a page for editors, an HTTP API (/api/check, /api/fix, /api/rules, /api/vocabulary) and /embed.js for CMS pages at http://HOST:PORT/.

    Needs the serve extra: pip install 'newslint[serve]'.

    \b
    Exit codes:
      0  stopped with Ctrl+C
      2  a usage, config or rule error, or the serve extra is not installed
      3  the port could not be bound (in use, or not allowed)
    """
    from importlib.util import find_spec

    if find_spec("fastapi") is None or find_spec("uvicorn") is None:  # the core install: one clear line
        raise NewslintError("newslint serve needs FastAPI and uvicorn: pip install 'newslint[serve]'")
    from newslint.server import serve as run_server  # FastAPI and uvicorn load only for this command

    run_server(host, port, config, max_body, header_timeout, body_timeout, workers, request_timeout,
               allow_origin or [], token_file, allow_config_writes)
    return 0


@app.command()
def lsp(
    config: Optional[Path] = typer.Option(None, "--config", "-c", metavar="FILE", help="Use this config file for every document instead of the nearest one."),
) -> int:
    """Run a language server over stdio for editors (VS Code, Neovim, Helix...): see docs/editors.md.

    Needs the lsp extra: pip install 'newslint[lsp]'.
    """
    from importlib.util import find_spec

    if find_spec("pygls") is None:  # the core install: one clear line
        raise NewslintError("newslint lsp needs pygls: pip install 'newslint[lsp]'")
    from newslint.lsp.server import run  # pygls loads only for this command

    run(config)
    return 0


@daemon_app.command("start")
def daemon_start(
    idle_timeout: float = typer.Option(900.0, "--idle-timeout", min=0, metavar="SECONDS", help="Exit after this long without a request (0: never)."),
) -> int:
    """Start this project's daemon (its socket is in the project's .newslint_cache)."""
    from newslint.daemon.client import start

    info, started = start(idle_timeout)
    typer.echo(f"{'Started' if started else 'Already running:'} newslint daemon (pid {info['pid']}).")
    return 0


@daemon_app.command("stop")
def daemon_stop() -> int:
    """Stop this project's daemon."""
    from newslint.daemon.client import stop

    pid = stop()
    typer.echo(f"Stopped newslint daemon (pid {pid})." if pid else "No newslint daemon runs for this project.")
    return 0


@daemon_app.command("status")
def daemon_status() -> int:
    """Say whether this project's daemon runs; exit 1 when it does not."""
    from newslint.daemon.client import status

    info = status()
    if info is None:
        typer.echo("No newslint daemon runs for this project.")
        return 1
    typer.echo(f"newslint daemon: pid {info['pid']}, up {info['uptime']:.0f} s, {info['served']} checks served, "
               f"idle timeout {info['idle_timeout']:g} s.")
    return 0


INIT_TEMPLATE = Path(__file__).with_name("init_config.yaml")


@app.command()
def init(
    folder: Path = typer.Argument(Path("."), metavar="FOLDER", help="Where to write .newslint.yaml (default: here)."),
) -> int:
    """Write a commented .newslint.yaml to start from; never overwrites a file.

    Where a Vale config (.vale.ini) is found, newslint already reads it and init writes nothing:
    a .newslint.yaml beside it would take its place.
    """
    from newslint.config import CONFIG_NAMES, find_config
    from newslint.vale.ini import is_vale_ini

    if not folder.is_dir():
        raise NewslintError(f"{folder}: no such folder")
    for name in CONFIG_NAMES:
        if (folder / name).exists():
            raise NewslintError(f"{folder / name} already exists; newslint init never overwrites a file")
    found = find_config(folder)
    if found is not None and is_vale_ini(found):
        typer.echo(f"Found the Vale config {found}: newslint reads it as Vale does (styles, vocabularies, "
                   "sections), so there is nothing to write. A .newslint.yaml beside it would replace it; "
                   "see docs/migrating-from-vale.md.")
        return 0
    target = folder / CONFIG_NAMES[0]
    try:
        with target.open("x", encoding="utf-8") as handle:  # "x": fails rather than overwrite
            handle.write(INIT_TEMPLATE.read_text(encoding="utf-8"))
    except OSError as exc:
        raise NewslintError(f"{target}: cannot write: {exc.strerror or exc}") from None
    typer.echo(f"Wrote {target}. Check it with: newslint check {folder}")
    return 0


class _WordArgument(TyperArgument):
    """typer prints an argument's Python type beside its metavar (`PATH... <list[str]>`) and braces
    it in the usage line; the metavar alone reads as a word."""

    def display_type_rich(self, ctx) -> None:
        return None

    def make_metavar(self, ctx, *args, **kwargs) -> str:
        if self.metavar is not None and kwargs.get("usage"):  # typer braces it: `{PATH...}`
            return self.metavar if self.required else f"[{self.metavar}]"
        return super().make_metavar(ctx, *args, **kwargs)


def command():
    """The click command behind `app`, with arguments shown as words (tests invoke this too)."""
    cmd = typer.main.get_command(app)
    todo = [cmd]
    while todo:
        current = todo.pop()
        for param in current.params:
            if isinstance(param, TyperArgument):
                param.__class__ = _WordArgument
        todo.extend(getattr(current, "commands", {}).values())
    return cmd


def main(argv: list[str] | None = None) -> None:
    """Entry point: every error becomes one line on stderr and exit code 2, never a traceback."""
    command_ = command()
    _ARGV[:] = sys.argv[1:] if argv is None else argv
    try:
        code = command_.main(args=argv, prog_name="newslint", standalone_mode=False)
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


def run() -> None:
    """The `newslint` program (console script and `python -m newslint`): main(), then a quick exit.

    Tearing the interpreter down (freeing every object one by one) is about 20 ms, an eighth of a
    one-file check; a process that is about to end need not do it, so after the exit handlers ran
    and the output is flushed, it ends at once, as mypy does (its --fast-exit). Only when nothing
    else runs in it: a thread still working (a server, a Dask client) gets the usual exit.
    """
    try:
        main()
    except SystemExit as exc:
        code = exc.code
        if not isinstance(code, int) or threading.active_count() > 1:
            raise
    else:
        code = 0
    import atexit

    atexit._run_exitfuncs()  # the pattern store's save, logging's flush: what a normal exit runs
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: started with it closed (`2>&-`)
                stream.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): nothing more to say anyway
            pass
    os._exit(code)
