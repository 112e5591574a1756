"""`newslint serve`: a local page for editors and an HTTP API for a CMS (FastAPI on uvicorn).

FastAPI and uvicorn are imported only here, so `newslint check` never pays for them.
"""

from __future__ import annotations

import ipaddress
import sys
from pathlib import Path

from newslint.server.limits import DEFAULT_MAX_BODY

# Slow clients are cut off (server/timeouts.py says how and why).
HEADER_TIMEOUT = 10.0  # seconds from the connection (or the previous response) to a request's last header
BODY_TIMEOUT = 30.0  # seconds from the headers to the body's last byte

LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_for(host: str, port: int) -> str:
    return f"http://{'[' + host + ']' if ':' in host and not host.startswith('[') else host}:{port}/"


def serve(host: str = "127.0.0.1", port: int = 8000, config: str | Path | None = None,
          max_body: int = DEFAULT_MAX_BODY, header_timeout: float = HEADER_TIMEOUT,
          body_timeout: float = BODY_TIMEOUT, workers: int | None = None, request_timeout: float = 30.0,
          allow_origins: list[str] | None = None, token_file: str | Path | None = None,
          allow_config_writes: bool = False) -> None:
    """`workers`: processes that run the checks; None is one per CPU, 0 checks in this process."""
    import os

    import uvicorn

    from newslint.config import origin_problem
    from newslint.errors import NewslintError
    from newslint.server.access import read_token
    from newslint.server.app import create_app
    from newslint.server.service import Service
    from newslint.server.timeouts import header_timeout_protocol

    for origin in allow_origins or []:
        if problem := origin_problem(origin):
            raise NewslintError(f"--allow-origin: {problem}")
    token = read_token(token_file) if token_file else None
    workers = (os.cpu_count() or 1) if workers is None else workers
    service = Service(config)  # a broken config or rule stops here, before the port is bound
    # Behind loopback, accept only loopback Host headers: a web page elsewhere cannot rebind a name to us.
    # (Starlette's host check cannot parse an IPv6 Host header, so it guards names and IPv4 only.)
    hosts = LOOPBACK_NAMES if is_loopback(host) and ":" not in host else None
    if not is_loopback(host) and token is None:
        print(f"newslint: warning: listening on {host}, not loopback, without --token-file: anyone who reaches "
              "this machine can use the API", file=sys.stderr)
    pool = None
    if workers:  # checks in worker processes, each under a deadline (server/workers.py)
        from newslint.server.workers import Workers

        pool = Workers(config, workers, deadline=request_timeout)
        pool.wait_ready()  # each loads its rules (and spaCy), side by side, before the first editor waits
    elif service.warm_up():
        print("newslint: spaCy loaded", file=sys.stderr)
    try:
        app = create_app(max_body=max_body, allowed_hosts=hosts, service=service, body_timeout=body_timeout,
                         workers=pool, allow_origins=allow_origins, token=token,
                         allow_config_writes=allow_config_writes)
        print(f"newslint serve: open {url_for(host, port)} (Ctrl+C to stop)", flush=True)
        uvicorn.run(app, host=host.strip("[]"), port=port, log_level="warning",
                    http=header_timeout_protocol(header_timeout))
    finally:
        if pool is not None:
            pool.close()
