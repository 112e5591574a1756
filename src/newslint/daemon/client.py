"""The command line's side of the daemon: start, stop, status, and `check --daemon`."""

from __future__ import annotations

import base64
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from newslint.daemon import DEFAULT_IDLE_TIMEOUT, IDENTITY_ENV, PASSED_ENV, SOCKET_NAME, receive, send, socket_path
from newslint.errors import NewslintError

START_TIMEOUT = 120.0  # seconds to wait for a new daemon: it loads the rules and spaCy first
CONNECT_TIMEOUT = 2.0  # a live daemon accepts at once (its backlog queues us while it is busy)


def _ask(message: dict, path: Path | None = None, timeout: float | None = None) -> dict | None:
    """Send one request and read the answer; None when no daemon listens (or it died meanwhile)."""
    path = path or socket_path()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        sock.settimeout(CONNECT_TIMEOUT)
        sock.connect(str(path))
        sock.settimeout(timeout)  # None: a check of a large archive takes as long as it takes
        send(sock, message)
        return receive(sock)
    except (OSError, ValueError):
        return None
    finally:
        sock.close()


def status(path: Path | None = None) -> dict | None:
    return _ask({"op": "status"}, path, timeout=10)


def start(idle_timeout: float = DEFAULT_IDLE_TIMEOUT) -> tuple[dict, bool]:
    """Start the project's daemon unless one runs; its status, and whether this call started it."""
    path = socket_path()
    running = status(path)
    if running is not None:
        return running, False
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.name == SOCKET_NAME:  # in the project's cache folder: keep the socket and log out of git
        from newslint.cache import mark

        try:
            mark(path.parent)
        except OSError:
            pass  # the socket's own bind then says what is wrong
    log = path.with_suffix(".log")  # what the daemon says about itself, should it fail to start
    with open(log, "ab") as handle:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newslint.daemon.server", "--socket", str(path), "--idle-timeout", str(idle_timeout)],
            stdin=subprocess.DEVNULL, stdout=handle, stderr=handle, start_new_session=True,  # outlives this command
        )
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise NewslintError(f"the daemon stopped while starting (exit {proc.returncode}); see {log}")
        answer = status(path)
        if answer is not None:
            return answer, True
        time.sleep(0.05)
    proc.terminate()
    raise NewslintError(f"the daemon did not start within {START_TIMEOUT:g} s; see {log}")


def stop() -> int | None:
    """Stop the project's daemon; its pid, or None when none was running."""
    answer = _ask({"op": "stop"}, timeout=10)
    return answer.get("stopped") if answer else None


def forward(argv: list[str], stdin: bytes | None = None) -> dict | None:
    """Run `newslint <argv>` in the project's daemon: {code, out, err}, or None when no daemon (or a
    stale one, which then stops) can run it, so the caller checks in-process."""
    from newslint.cache import code_hash, default_dir

    if sys.stdout.isatty() and not os.environ.get("NO_COLOR") and not {"--color", "--no-color"} & set(argv):
        argv = [*argv, "--color"]  # the daemon's output is no terminal: colour as ours would be
    env = {k: v for k, v in os.environ.items() if k in PASSED_ENV}
    answer = _ask({"op": "check", "argv": argv, "cwd": os.getcwd(), "env": env, "code": code_hash(memo=default_dir() / "code"),
                   "identity": {k: os.environ.get(k) for k in IDENTITY_ENV},
                   "stdin": base64.b64encode(stdin).decode("ascii") if stdin is not None else None})
    if answer is None or answer.get("stale") or not isinstance(answer.get("code"), int):
        return None
    return answer


def check_in_daemon(argv: list[str], reads_stdin: bool, quiet: bool) -> int | None:
    """`check --daemon`: print the daemon's answer and return its exit code; or, with no daemon to
    answer, say so (unless --quiet) and return None, leaving stdin readable for the check here."""
    import io

    data = sys.stdin.buffer.read() if reads_stdin else None
    answer = forward(argv, data)
    if answer is not None:
        sys.stdout.write(answer.get("out", ""))
        sys.stderr.write(answer.get("err", ""))
        return answer["code"]
    if data is not None:
        sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    if not quiet:
        sys.stderr.write("newslint: notice: no daemon runs for this project (newslint daemon start): checked here\n")
    return None
