"""Many files: resolve their configs first, then check them in order, in parallel, with a cache.

Results stream back in input order; only small per-file results cross process
boundaries, so memory does not grow with the size of the archive.
"""

from __future__ import annotations

import os
import signal
import stat
import sys
import threading
from collections import deque
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Iterator

from newslint.cache import Cache
from newslint.config import Config, ConfigCache, default_config, load_config
from newslint.document.model import Document
from newslint.document.reader import decode, format_for, parse
from newslint.engine import FixMode, Selection, check_file
from newslint.errors import InputError, NewslintError
from newslint.files import Skipped, expand, special_kind
from newslint.finding import Finding

BATCH = 8  # fewest files per task sent to a worker: amortises a task's overhead, feeds nlp.pipe a stream
MAX_BATCH = 32  # most: a batch's documents and parses are held in memory together
TASKS_PER_WORKER = 4  # batches small enough that each worker gets about this many: an even finish


@dataclass(frozen=True)
class Options:
    selection: Selection = Selection()
    fix: FixMode | None = None
    ext: str | None = None
    jobs: int = 1
    cache: Cache | None = None
    executor: str = "local"  # "local" (a process pool when jobs > 1) or "dask"
    scheduler: str | None = None  # a Dask scheduler address; None starts a LocalCluster
    ignore_syntax: bool = False  # read every file as plain text, as Vale's --ignore-syntax does
    timeout_per_file: float = 60.0  # seconds one file's reading and checks may take; 0: no limit


@dataclass
class FileResult:
    path: str
    findings: list[Finding] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    diff: str = ""
    lines: dict[int, str] = field(default_factory=dict)  # text of the lines findings sit on
    checked: bool = True
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (backend, message), e.g. LanguageTool down
    fixed: dict[str, int] = field(default_factory=dict)  # rule -> fixes applied
    notes: list[str] = field(default_factory=list)  # "notice: ..." or "warning: ...": said, not an error


@dataclass(frozen=True)
class Target:
    path: str  # "-" is stdin
    config: Config
    name: str | None = None  # stdin's --stdin-filename: its path in findings, its format, its overrides


def plan(paths: list[str], configs: ConfigCache, keep=lambda path: True,
         stdin_name: str | None = None, notes: list[str] | None = None) -> tuple[list[Target], list[str]]:
    """Targets with their configs, every rule loaded and validated before anything is checked.

    Stdin named by `stdin_name` is treated as that file: its config, `ignore` globs and overrides.
    A special file skipped (a FIFO, a device) is added to `notes`, not to the errors.
    """
    targets, errors = [], []
    for item in expand(paths) if paths != ["-"] else ["-"]:
        if isinstance(item, Skipped):
            if notes is not None:
                notes.append(str(item))
            continue
        if isinstance(item, NewslintError):
            errors.append(str(item))
            continue
        name = (stdin_name or None) if item == "-" else item
        if name is not None and not keep(name):
            continue
        cfg = configs.for_file(name)
        cfg.checks  # load and validate now: a broken rule stops the run here
        if name is not None and cfg.ignores(name):
            continue
        targets.append(Target(str(item), cfg, stdin_name if item == "-" else None))
    return targets, errors


def nlp_rules(targets: list[Target], selection: Selection) -> list[str]:
    """The enabled rules that need spaCy in any target, by name (to say which are skipped without it)."""
    names: set[str] = set()
    for t in targets:
        checks, _ = t.config.checks_for(t.name or (None if t.path == "-" else t.path))
        names.update(c.rule.name for c in checks if c.needs_nlp and selection.wants(c))
    return sorted(names)


# -- worker side ---------------------------------------------------------------
_CONFIGS: dict[str | None, Config] = {}


def _config(path: str | None) -> Config:
    if path not in _CONFIGS:
        _CONFIGS[path] = load_config(path) if path else default_config()
    return _CONFIGS[path]


def _parse(path: str, data: bytes, options: Options, config: Config | None = None) -> Document | FileResult:
    try:
        text, bom = decode(data, path if path != "-" else "<stdin>")
    except InputError as exc:
        return FileResult(path, errors=[str(exc)], checked=False)
    if options.ignore_syntax:
        return parse(path, text, "plain", bom)
    ext = options.ext or (".txt" if path == "-" else None)
    if config is not None:  # the config decides how a format is read (a Vale ini reads .txt Vale's way)
        return config.read(path, text, ext, bom)
    return parse(path, text, format_for(path, ext), bom)


def _nlp_checks(doc: Document, config: Config, options: Options) -> list:
    """The enabled rules that need spaCy for this file; declares the components they read."""
    from newslint import nlp

    checks, _ = config.checks_for(doc.path)
    wanted = [c for c in checks if c.needs_nlp and options.selection.wants(c)]
    for c in wanted:
        nlp.need(c.nlp_components)
    return wanted


def _check(doc: Document, config: Config, options: Options) -> FileResult:
    try:
        report = check_file(doc, config, options.selection, options.fix)
    except OSError as exc:  # the fixed file could not be written; the original is intact
        return FileResult(doc.path, errors=[f"{doc.path}: cannot write the fixed file: {exc.strerror or exc}"])
    lines = {n: report.doc.line_text(n) for f in report.findings for n in (f.line, f.end_line)}
    return FileResult(doc.path, report.findings, [str(e) for e in report.errors], report.diff, lines,
                      warnings=report.warnings, fixed=report.fixed, notes=report.notes)


class FileTimedOut(BaseException):
    """A file's work ran past --timeout-per-file (raised from the alarm's signal handler). A BaseException,
    so that a check's own `except Exception` cannot swallow it."""


@contextmanager
def budget(seconds: float):
    """Raise FileTimedOut in this thread once `seconds` have passed (0: no limit).

    A runaway check on one hostile file (a pathological input no linear guard foresaw)
    must not stall the run: SIGALRM interrupts it between Python bytecodes. Only the main
    thread of a process receives signals, so threads (Dask's workers) run without a budget;
    a C routine that never returns to Python is stopped only when it does.
    """
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum, frame):
        raise FileTimedOut()

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _guarded(path: str, work, seconds: float = 0) -> FileResult:
    """One file's work; whatever goes wrong in it (a bug in a check, a backend's internal error,
    a check past the time budget) is that file's error, and the other files are still checked."""
    try:
        with budget(seconds):
            return work()
    except FileTimedOut:
        return FileResult(path, errors=[f"{path}: not checked: its checks ran past {seconds:g} s "
                                        "(--timeout-per-file); the other files were checked"], checked=False)
    except NewslintError as exc:
        return FileResult(path, errors=[str(exc) if exc.path else f"{path}: {exc}"], checked=False)
    except (RecursionError, MemoryError, Exception) as exc:
        return FileResult(path, errors=[f"{path}: internal error while checking: {type(exc).__name__}: {exc}"],
                          checked=False)


def _work_batch(batch: list[tuple[str, bytes, str | None]], options: Options) -> list[FileResult]:
    """Check a batch of files; their prose goes through spaCy in one stream when a rule needs it."""
    seconds = options.timeout_per_file
    items = [(_guarded(path, lambda: _parse(path, data, options, _config(cfg_path)), seconds), _config(cfg_path))
             for path, data, cfg_path in batch]
    nlp_checks = {id(d): c for d, cfg in items if isinstance(d, Document) and (c := _nlp_checks(d, cfg, options))}
    nlp_docs = [d for d, _cfg in items if id(d) in nlp_checks]
    if nlp_docs:
        from newslint import nlp

        try:
            with budget(seconds * len(nlp_docs)):
                nlp.prepare(nlp_docs, lambda d: nlp_checks[id(d)])  # only what each rule's prefilter wants
        except (Exception, FileTimedOut):  # no model, one document spaCy rejects, or a runaway one:
            pass  # each NLP check then meets it on its own document, as that file's error alone
    return [d if isinstance(d, FileResult) else _guarded(d.path, lambda d=d, cfg=cfg: _check(d, cfg, options), seconds)
            for d, cfg in items]


# -- main side -----------------------------------------------------------------
def _read(target: Target, stdin: bytes | None) -> bytes | FileResult:
    if target.path == "-":
        return stdin or b""
    path = target.path
    try:
        # O_NONBLOCK: a FIFO swapped in since discovery must not hang the run; a regular file ignores it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except IsADirectoryError:
        return FileResult(path, errors=[f"{path}: is a directory"], checked=False)
    except FileNotFoundError:
        return FileResult(path, errors=[f"{path}: no such file"], checked=False)
    except OSError as exc:
        return FileResult(path, errors=[f"{path}: cannot read: {exc.strerror or exc}"], checked=False)
    with os.fdopen(fd, "rb") as handle:
        try:
            mode = os.fstat(fd).st_mode
            kind = "a folder" if stat.S_ISDIR(mode) else special_kind(mode)
            if kind == "a folder":
                return FileResult(path, errors=[f"{path}: is a directory"], checked=False)
            if kind:
                return FileResult(path, notes=[f"notice: {path}: not a regular file ({kind}): skipped"], checked=False)
            return handle.read()
        except OSError as exc:
            return FileResult(path, errors=[f"{path}: cannot read: {exc.strerror or exc}"], checked=False)


def _cache_key(target: Target, data: bytes, options: Options) -> str:
    sel = options.selection
    return options.cache.key(target.config.fingerprint, target.name or target.path, options.ext or "", ",".join(sel.select), ",".join(sel.ignore),
                     sel.min_severity or "", str(sel.nlp), str(options.ignore_syntax), data)


def batch_size(n_files: int, jobs: int) -> int:
    """Files in the next task, with `n_files` left to send. Each task costs a round trip (and, on
    Dask, a scheduler decision), so a batch is at least BATCH files; the last batches decide when
    the run ends, so a batch is at most 1/(TASKS_PER_WORKER x jobs) of what is left: with many
    workers each gets several (at 16 workers, 676 files start in batches of 10), and batches shrink
    towards the end (guided self-scheduling), so the slowest worker ends at most a small batch late
    (on 2 workers, batches of 32 fall to 8 over the last 256 files)."""
    return max(BATCH, min(MAX_BATCH, n_files // (TASKS_PER_WORKER * max(jobs, 1))))


def run(targets: list[Target], options: Options, stdin: bytes | None = None) -> Iterator[FileResult]:
    """Check every target; yield one FileResult per target, in input order."""
    cache = options.cache if options.fix is None else None
    pending: deque = deque()  # (result | future | key-and-future) in input order
    for target in targets:  # forked workers (the pool's, a LocalCluster's) inherit the loaded rules
        _CONFIGS.setdefault(_config_path(target), target.config)
    pool = _executor(options, len(targets))
    shipped = replace(options, cache=None)  # what a worker needs: the cache stays in this process
    window = (4 if isinstance(pool, _Dask) else 2) * (options.jobs or 1)  # batches in flight
    batch: list[tuple[str, bytes, str | None]] = []
    batch_keys: list[str | None] = []

    def flush():
        if not batch:
            return
        items, keys = list(batch), list(batch_keys)
        batch.clear()
        batch_keys.clear()
        if pool is None:
            pending.append((keys, _work_batch(items, options)))
        else:
            pending.append((keys, (items, pool.submit(_work_batch, items, shipped))))

    def drain(limit: int) -> Iterator[FileResult]:
        while len(pending) > limit:
            keys, item = pending.popleft()
            results = item if isinstance(item, list) else _outcome(pool, shipped, *item)
            for key, result in zip(keys, results):
                if key is not None and cache is not None and result.checked and not result.errors and not result.warnings:
                    cache.put(key, {"path": result.path, "findings": result.findings, "lines": result.lines})
                yield result

    try:
        for i, target in enumerate(targets):
            data = _read(target, stdin)
            if isinstance(data, FileResult):
                flush()
                pending.append(([None], [data]))
            else:
                key = _cache_key(target, data, options) if cache is not None else None
                hit = cache.get(key) if key is not None else None
                if hit is not None:
                    flush()
                    lines = {int(k): v for k, v in hit.get("lines", {}).items()}
                    pending.append(([None], [FileResult(target.name or target.path, hit["findings"], lines=lines)]))
                else:
                    batch.append((target.name or target.path, data, _config_path(target)))
                    batch_keys.append(key)
                    left = len(batch) + len(targets) - i - 1  # this batch's files and those not read yet
                    if len(batch) >= (batch_size(left, options.jobs) if pool is not None else BATCH):
                        flush()
            yield from drain(limit=window)
        flush()
        yield from drain(limit=0)
    finally:
        if pool is not None:
            pool.close()


def _config_path(target: Target) -> str | None:
    """The key workers find a target's config by: absolute, as Dask workers do not share our working folder."""
    return str(Path(target.config.path).resolve()) if target.config.path else None


def _outcome(pool, options: Options, items: list, future) -> list[FileResult]:
    """A batch's results. When its worker died (killed, out of memory, a crash in C), the pool is
    replaced and the batch retried once; if it dies again, each of its files is an error and the
    results of every other batch are kept."""
    from concurrent.futures.process import BrokenProcessPool

    try:
        return future.result()
    except BrokenProcessPool:
        pass
    try:
        return pool.submit(_work_batch, items, options).result()
    except BrokenProcessPool:
        return [FileResult(path, errors=[f"{path}: not checked: the worker process checking it died, twice "
                                         "(out of memory? killed?)"], checked=False) for path, _, _ in items]


def _die_with_parent(parent: int) -> None:
    """In each worker: exit when the main process dies (Linux), so that a killed run leaves no
    workers behind still checking, or still writing fixes."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


class _Local:
    """A process pool; forked workers inherit the configs already loaded here. (concurrent.futures
    is imported here, not at start-up: a one-file hook never needs it.)"""

    def __init__(self, jobs: int):
        self.jobs = jobs
        self.pool = self._pool()

    def _pool(self):
        from concurrent.futures import ProcessPoolExecutor

        return ProcessPoolExecutor(self.jobs, initializer=_die_with_parent, initargs=(os.getpid(),))

    def submit(self, fn, *args):
        """Submit a batch. After a worker died a broken pool accepts no more work, so it is replaced
        by a fresh one (once per death: batches submitted later find the fresh pool healthy). A new
        batch can arrive just after the death and before any result showed it (a race a loaded
        machine makes likely), and a failed batch is retried: both come here."""
        from concurrent.futures.process import BrokenProcessPool

        try:
            return self.pool.submit(fn, *args)
        except BrokenProcessPool:
            self.pool.shutdown(wait=False, cancel_futures=True)
            self.pool = self._pool()
            return self.pool.submit(fn, *args)

    def close(self) -> None:
        self.pool.shutdown(cancel_futures=True)


class _Dask:
    """Batches on Dask workers: each worker loads the rules and the spaCy model once (module caches).

    Workers read configs by path, so on a cluster the config and packs must be on
    a path every worker sees (a shared file system), as the articles' bytes travel
    with the batch (docs/cluster.md).

    Against the local pool, Dask paid at start-up: its LocalCluster spawned fresh
    interpreters, each importing newslint and loading every rule again before its
    first batch (about 1.3 s of a 2-worker run here, a serial cost that Amdahl's law
    multiplies at 16 workers), and a fixed window of 2 batches per worker in flight
    left workers waiting on a round trip. Our LocalCluster's workers are forked
    instead (where the platform can): they inherit the loaded rules, as the local
    pool's do; and 4 batches per worker stay in flight.
    """

    def __init__(self, scheduler: str | None, jobs: int):
        try:
            import dask
            from distributed import Client, LocalCluster
        except ImportError:
            raise NewslintError("--executor dask needs Dask: pip install 'newslint[dask]'") from None
        self.cluster = None
        try:
            if scheduler:
                self.client = Client(scheduler, timeout=os.environ.get("NEWSLINT_DASK_TIMEOUT", "10s"))
            else:
                method = "fork" if "fork" in _start_methods() else "spawn"
                with dask.config.set({"distributed.worker.multiprocessing-method": method}):
                    self.cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                                                dashboard_address=None)
                self.client = Client(self.cluster)
        except (OSError, TimeoutError, ValueError) as exc:  # ValueError: a malformed address
            raise NewslintError(f"cannot reach the Dask scheduler {scheduler}: {exc}") from None

    def submit(self, fn, *args):
        return self.client.submit(fn, *args, pure=False)

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


# Below this many files a local pool costs more than it saves: each worker starts
# (and may load spaCy) while one process would already be done (a pre-commit hook).
MIN_FILES_FOR_POOL = 2 * BATCH


def _executor(options: Options, n_files: int):
    if options.executor == "dask":
        return _Dask(options.scheduler, options.jobs)
    return _Local(options.jobs) if options.jobs > 1 and n_files > MIN_FILES_FOR_POOL else None


def default_jobs() -> int:
    """Worker processes when --jobs is not given: the CPUs this process may use that are idle now.

    Each worker competes with the main process (which reads files, and writes the cache) and with
    whatever else runs. On a 2-core machine already busy (a CI runner, an editor's language
    server), two workers made a run no faster than one, sometimes slower: they only time-shared
    the cores, and paid for their start. The 1-minute load average tells how many cores other
    work holds, so the default takes the cores left (at least 1, at most the CPUs we may run on).
    """
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    try:
        busy = os.getloadavg()[0]
    except (AttributeError, OSError):  # no load average (Windows): trust the CPU count
        busy = 0.0
    return max(1, min(cpus, int(cpus - busy + 0.5)))
