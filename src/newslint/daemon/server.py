"""The daemon's side: load newslint, the project's rules and spaCy once, then answer `check`
requests one at a time until idle for too long, told to stop, or newslint's code changes.

Each request runs the ordinary command line (`newslint.cli.main`) in the request's folder, with
its environment, stdin and arguments, stdout and stderr captured: the answer is exactly what the
same command prints in a process of its own.
"""

from __future__ import annotations

import argparse
import base64
import io
import os
import signal
import socket
import struct
import sys
import time
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from newslint.daemon import DEFAULT_IDLE_TIMEOUT, IDENTITY_ENV, PASSED_ENV, receive, send



class Daemon:
    def __init__(self, path: Path, idle_timeout: float):
        self.path = path
        self.idle_timeout = idle_timeout
        self.started = time.time()
        self.last_check = time.monotonic()
        self.served = 0
        from newslint.cache import code_hash

        # The code this process runs and the model it loads: a client with others is refused.
        self.code = code_hash()
        self.identity = {k: os.environ.get(k) for k in IDENTITY_ENV}

    def warm(self) -> None:
        """Import the command line, build the project's rules and load spaCy with the components
        they read, so the first request is as fast as the next."""
        import newslint.checking  # noqa: F401  (the modules a check imports)
        import newslint.cli  # noqa: F401
        from newslint.config import ConfigCache

        try:
            config = ConfigCache().for_file(None)
            checks = config.checks
        except Exception:  # a broken config: each request reports it as a check run would
            return
        wanted = [c for c in checks if c.needs_nlp]
        if not wanted:
            return
        from newslint import nlp

        if nlp.missing():
            return
        for c in wanted:
            nlp.need(c.nlp_components)
        try:
            nlp.load()
        except Exception:  # no model after all: the requests say so, as a plain run does
            pass

    def serve(self) -> None:
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old = os.umask(0o077)  # the socket is ours alone: it runs checks as us
        try:
            _remove(self.path)
            listener.bind(str(self.path))
        finally:
            os.umask(old)
        listener.listen(16)
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            while True:
                # Idle means no check: a `daemon status` asking whether we run does not keep us running.
                left = self.last_check + self.idle_timeout - time.monotonic() if self.idle_timeout else None
                if left is not None and left <= 0:
                    _log(f"stopping: no check for {self.idle_timeout:g} s (--idle-timeout)")
                    return
                listener.settimeout(left)
                try:
                    conn, _ = listener.accept()
                except socket.timeout:
                    continue
                with conn:
                    conn.settimeout(None)
                    if not _same_user(conn):
                        continue
                    try:
                        if not self.answer(conn):
                            return
                    except OSError:  # the client went away (a hook interrupted): the next one is served
                        continue
        finally:
            listener.close()
            _remove(self.path)

    def answer(self, conn: socket.socket) -> bool:
        """Answer one request; False when the daemon should stop."""
        try:
            request = receive(conn)
        except OSError:
            return True
        if request is None:
            return True
        op = request.get("op")
        if op == "status":
            send(conn, {"pid": os.getpid(), "uptime": time.time() - self.started, "served": self.served,
                        "idle_timeout": self.idle_timeout, "code": self.code})
            return True
        if op == "stop":
            send(conn, {"stopped": os.getpid()})
            return False
        if op != "check":
            send(conn, {"error": f"unknown request {op!r}"})
            return True
        if request.get("code") != self.code or request.get("identity") != self.identity:
            # newslint was changed or reinstalled since we started, or the client wants another model
            send(conn, {"stale": True})
            _log("stopping: newslint's code (or NEWSLINT_SPACY_MODEL) differs from the client's; "
                 "the next `newslint daemon start` runs the new one")
            return False
        self.served += 1
        answer = run_check(request)
        self.last_check = time.monotonic()
        send(conn, answer)
        return True


def run_check(request: dict) -> dict:
    """Run `newslint <argv>` as the request's process would: its folder, environment and stdin."""
    from newslint import cli, config, runner

    argv = [str(a) for a in request.get("argv", [])]
    stdin_data = request.get("stdin")
    env = {k: v for k, v in (request.get("env") or {}).items() if k in PASSED_ENV}
    out, err = io.StringIO(), io.StringIO()
    saved_env = {k: os.environ.get(k) for k in PASSED_ENV}
    saved_cwd, saved_stdin = os.getcwd(), sys.stdin
    # Per run, as in a fresh process: which folders hold a config (one may have been added since),
    # and the configs workers look up by path (the main side fills them from this run's targets).
    config._find_from.cache_clear()
    runner._CONFIGS.clear()
    try:
        os.chdir(request.get("cwd") or saved_cwd)
        for k in PASSED_ENV:
            os.environ.pop(k, None)
        os.environ.update(env)
        sys.stdin = io.TextIOWrapper(io.BytesIO(base64.b64decode(stdin_data or "")), encoding="utf-8")
        with redirect_stdout(out), redirect_stderr(err):
            try:
                cli.main(argv)
                code = 0
            except SystemExit as exc:
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except OSError as exc:  # the request's folder is gone
        return {"code": 2, "out": "", "err": f"newslint: {request.get('cwd')}: {exc.strerror or exc}\n"}
    finally:
        sys.stdin = saved_stdin
        for k, v in saved_env.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        os.chdir(saved_cwd)
    return {"code": code, "out": out.getvalue(), "err": err.getvalue()}


def _log(message: str) -> None:
    """A line in the daemon's log (its stderr: daemon.log beside the socket)."""
    sys.stderr.write(f"{time.strftime('%Y-%m-%d %H:%M:%S')} newslint daemon {os.getpid()}: {message}\n")
    sys.stderr.flush()


def _same_user(conn: socket.socket) -> bool:
    """Whether the peer runs as our user (Linux's SO_PEERCRED; elsewhere the socket's 0600 mode)."""
    if not hasattr(socket, "SO_PEERCRED"):
        return True
    creds = conn.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, struct.calcsize("3i"))
    _, uid, _ = struct.unpack("3i", creds)
    return uid == os.getuid()


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m newslint.daemon.server")
    parser.add_argument("--socket", required=True, type=Path)
    parser.add_argument("--idle-timeout", type=float, default=DEFAULT_IDLE_TIMEOUT)
    args = parser.parse_args(argv)
    daemon = Daemon(args.socket, args.idle_timeout)
    daemon.warm()
    _log(f"serving {args.socket}")
    daemon.serve()


if __name__ == "__main__":
    main()
