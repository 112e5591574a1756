"""Who may call the API: CMS pages on listed origins (CORS), and holders of the bearer token.

A CMS page calls the API from its own origin, so the browser asks first (a
preflight). Starlette's CORSMiddleware answers a listed origin; an unlisted one is
refused with a 403 that carries no CORS header at all, rather than Starlette's 400
that still lists the methods and headers allowed.

The token (`--token-file`) guards /api/* for deployments beyond loopback; the page,
its files and /embed.js stay public, since they hold nothing secret.
"""

from __future__ import annotations

import hmac
from pathlib import Path

from starlette.datastructures import Headers
from starlette.middleware.cors import CORSMiddleware
from starlette.responses import JSONResponse

from newslint.errors import NewslintError


class ListedOrigins(CORSMiddleware):
    def __init__(self, app, origins: list[str]):
        # A listed CMS on a public origin may call a server on this machine's loopback or LAN:
        # Chrome's Private Network Access asks for that in the same preflight.
        super().__init__(app, allow_origins=origins, allow_methods=["GET", "POST"],
                         allow_headers=["Authorization", "Content-Type"], allow_private_network=True, max_age=600)

    def preflight_response(self, request_headers: Headers):
        origin = request_headers["origin"]
        if not self.is_allowed_origin(origin):
            return JSONResponse({"detail": f"origin {origin} may not call this API (see newslint serve --allow-origin)"},
                                status_code=403, headers={"Vary": "Origin"})
        return super().preflight_response(request_headers)


class BearerToken:
    """ASGI middleware: /api/* answers 401 unless the request says `Authorization: Bearer <token>`."""

    def __init__(self, app, token: str):
        self.app = app
        self.expected = token.encode("utf-8")

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            return await self.app(scope, receive, send)
        scheme, _, given = Headers(scope=scope).get("authorization", "").partition(" ")
        # compare_digest takes as long for a near miss as for a far one: no guessing byte by byte
        if scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode("utf-8"), self.expected):
            return await self.app(scope, receive, send)
        response = JSONResponse({"detail": "this API needs 'Authorization: Bearer <token>' (the token in the server's --token-file)"},
                                status_code=401, headers={"WWW-Authenticate": "Bearer"})
        await response(scope, receive, send)


def read_token(path) -> str:
    """The token in `path`: its one line, at least 16 characters (a guessable token guards nothing)."""
    try:
        token = Path(path).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise NewslintError(f"{path}: cannot read the token: {getattr(exc, 'strerror', None) or exc}") from None
    if "\n" in token or not token.isprintable() or " " in token:
        raise NewslintError(f"{path}: the token must be one line without spaces")
    if len(token) < 16:
        raise NewslintError(f"{path}: the token is shorter than 16 characters; make one with: "
                            "python -c 'import secrets; print(secrets.token_urlsafe(32))'")
    return token
