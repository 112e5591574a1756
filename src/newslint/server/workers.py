"""Checks in worker processes, each request with a deadline (issue #18).

In one process, a hostile article (one no linear guard foresaw) holds the GIL and
the spaCy lock, and every other editor waits; so did every check behind another (#15:
five concurrent checks took 1.1 s for the first, 5.0 s for the last). Here each check
runs in one of a few worker processes, each with the config, the rules and spaCy
loaded once at start, so checks run side by side, one per worker.
A request that runs past its deadline has its worker killed and replaced, and is
answered 503; the other workers go on answering.

Workers are started with "spawn", never forked from the server: uvicorn's threads
may hold locks a forked child would inherit locked.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from pathlib import Path

from starlette.exceptions import HTTPException

from newslint.errors import NewslintError

DEADLINE = 30.0  # seconds one check may take before its worker is killed


class Overloaded(HTTPException):
    def __init__(self, message: str):
        super().__init__(503, message, headers={"Retry-After": "1"})


def _serve(config_path: str | None, conn) -> None:
    """A worker's loop: build the service once (spaCy too), then answer (kind, request, unsafe)
    until closed; ("reload", config path, _) rebuilds the service on that config."""
    import os

    # One worker per CPU: a numeric library's own thread pool per worker (OpenBLAS starts one
    # thread per core) would only fight the other workers for the same cores. Set before spaCy
    # brings numpy in, which reads these once, at import.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    from newslint.server.service import BadRequest, Service

    try:
        service = Service(config_path)
    except NewslintError as exc:  # the server itself loaded this config: only a race gets here
        conn.send(("error", "NewslintError", str(exc)))
        return
    try:
        service.warm_up()  # before "ready": no editor's check pays for loading spaCy
    except Exception:  # noqa: BLE001 - whatever failed here fails again in a request, and is answered there
        pass
    conn.send(("ready", None, None))
    while True:
        try:
            kind, req, unsafe = conn.recv()
        except (EOFError, OSError):
            return
        try:
            if kind == "reload":  # spaCy stays loaded: only the config and its rules are read again
                service = Service(req)
                conn.send(("ok", None, None))
                continue
            answer = service.check(req) if kind == "check" else service.fix(req, unsafe=unsafe)
            conn.send(("ok", answer, None))
        except BadRequest as exc:
            conn.send(("error", "BadRequest", str(exc)))
        except NewslintError as exc:
            conn.send(("error", "NewslintError", str(exc)))
        except Exception as exc:  # a bug in a check: this request's 500, not the worker's end
            conn.send(("error", "Exception", f"internal error: {type(exc).__name__}: {exc}"))


class _Worker:
    def __init__(self, config_path: str | None, generation: int = 0):
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_serve, args=(config_path, child), daemon=True)
        self.process.start()
        child.close()
        self.ready = False
        self.generation = generation  # the config it has loaded (Workers.reload counts them)

    def wait_ready(self, timeout: float) -> bool:
        try:
            if not self.ready and self.conn.poll(timeout):
                status, _, message = self.conn.recv()
                self.ready = status == "ready"
        except (EOFError, OSError):  # it died starting: the caller replaces it
            return False
        return self.ready

    def kill(self) -> None:
        self.process.kill()
        self.process.join(5)
        self.conn.close()


class Workers:
    """A few worker processes; `call` runs one check in an idle one, under a deadline."""

    def __init__(self, config_path: str | Path | None, count: int, deadline: float = DEADLINE,
                 start_timeout: float = 120.0):
        self.config_path = str(config_path) if config_path else None
        self.deadline = deadline
        self.start_timeout = start_timeout
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        self.generation = 0
        for _ in range(count):
            self._add()

    def wait_ready(self) -> None:
        """Wait until every worker has loaded its rules and spaCy (they load side by side)."""
        with self._lock:
            workers = list(self._all)
        for worker in workers:
            worker.wait_ready(self.start_timeout)

    def reload(self, config_path: str | Path) -> None:
        """Have every worker load `config_path` afresh before its next check (the config changed)."""
        with self._lock:
            self.config_path = str(config_path)
            self.generation += 1

    def _add(self) -> None:
        worker = _Worker(self.config_path, self.generation)
        with self._lock:
            self._all.append(worker)
        self.idle.put(worker)

    def call(self, kind: str, req, unsafe: bool = False) -> dict:
        from newslint.server.service import BadRequest

        try:
            worker = self.idle.get(timeout=self.deadline)
        except queue.Empty:
            raise Overloaded(f"every worker is busy: try again (each check may take up to {self.deadline:g} s)") from None
        if not worker.wait_ready(self.start_timeout):
            self._replace(worker)
            raise Overloaded("a worker could not start: try again")
        try:
            if worker.generation != self.generation:
                self._reload(worker)
            worker.conn.send((kind, req, unsafe))
            if not worker.conn.poll(self.deadline):
                self._replace(worker)
                raise Overloaded(f"the check ran past its deadline of {self.deadline:g} s and was stopped")
            status, answer, message = worker.conn.recv()
        except (EOFError, OSError):  # the worker died (out of memory?): replace it, answer for it
            self._replace(worker)
            raise Overloaded("the worker checking this article died: try again") from None
        self.idle.put(worker)
        if status == "ok":
            return answer
        if answer == "BadRequest":
            raise BadRequest(message)
        raise NewslintError(message)

    def _reload(self, worker: _Worker) -> None:
        generation, path = self.generation, self.config_path
        worker.conn.send(("reload", path, False))
        if not worker.conn.poll(self.start_timeout):
            self._replace(worker)
            raise Overloaded("a worker could not reload the config: try again")
        status, _, message = worker.conn.recv()
        if status != "ok":  # the server loaded this config before asking: only a race gets here
            self._replace(worker)
            raise NewslintError(message)
        worker.generation = generation

    def _replace(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            if worker in self._all:
                self._all.remove(worker)
        self._add()

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.kill()
