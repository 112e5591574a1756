"""`newslint daemon`: one background process per project, kept warm, that `newslint check --daemon`
hands its work to (as dmypy does for mypy).

A one-file check spends most of its time before the first rule runs: importing newslint, building
every rule (patterns, word lists) and, for the NLP rules, loading spaCy's model. The daemon pays
that once; each `check --daemon` then costs a connection and the checks themselves. It listens on
a Unix socket in the project's cache folder (`.newslint_cache/daemon.sock`), answers only its own
user, exits after `--idle-timeout` seconds without a request, and exits when newslint's code
changes under it (the client sends the code's hash; a stale daemon declines and stops).

Messages are one JSON object each way, preceded by its length (8 bytes, big-endian).
"""

from __future__ import annotations

import hashlib
import json
import os
import socket
import tempfile
from pathlib import Path

DEFAULT_IDLE_TIMEOUT = 15 * 60.0  # seconds
SOCKET_NAME = "daemon.sock"
# The variables a request brings along: those that change what `newslint check` prints.
PASSED_ENV = ("NO_COLOR", "FORCE_COLOR", "CI", "TERM", "GITHUB_ACTIONS", "GITLAB_CI", "NEWSLINT_CACHE_DIR",
              "NEWSLINT_DASK_TIMEOUT")
# Variables the daemon's own state depends on (the model it loaded): a client that differs is refused.
IDENTITY_ENV = ("NEWSLINT_SPACY_MODEL",)
MAX_MESSAGE = 256 * 1024 * 1024  # bytes; a request carries stdin, an answer the report
# AF_UNIX paths are limited to 108 bytes on Linux (104 on macOS): a deeper project gets its socket
# in the temporary folder, named by a hash of its cache folder.
MAX_SOCKET_PATH = 100


def socket_path(cache_dir: Path | None = None) -> Path:
    """The daemon's socket for the project of the current folder (or for `cache_dir`)."""
    from newslint.cache import default_dir

    folder = (cache_dir or default_dir()).resolve()
    path = folder / SOCKET_NAME
    if len(os.fsencode(path)) <= MAX_SOCKET_PATH:
        return path
    digest = hashlib.sha256(os.fsencode(folder)).hexdigest()[:16]
    return Path(tempfile.gettempdir()) / f"newslint-{os.getuid()}-{digest}.sock"


def send(sock: socket.socket, message: dict) -> None:
    data = json.dumps(message, ensure_ascii=False).encode("utf-8")
    sock.sendall(len(data).to_bytes(8, "big") + data)


def receive(sock: socket.socket) -> dict | None:
    """One message, or None when the other side closed or sent something that is not one."""
    head = _exactly(sock, 8)
    if head is None:
        return None
    size = int.from_bytes(head, "big")
    if size > MAX_MESSAGE:
        return None
    body = _exactly(sock, size)
    try:
        message = json.loads(body) if body is not None else None
    except ValueError:
        return None
    return message if isinstance(message, dict) else None


def _exactly(sock: socket.socket, n: int) -> bytes | None:
    chunks, left = [], n
    while left:
        chunk = sock.recv(min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)
