"""Refuse request bodies above a size limit with 413, before anything reads them whole.

A pure ASGI middleware: it answers from the Content-Length header when there is
one, and counts the bytes of a chunked body as they arrive, so a client cannot
make the server buffer more than the limit either way.
"""

from __future__ import annotations

import json

from starlette.exceptions import HTTPException

DEFAULT_MAX_BODY = 1024 * 1024  # 1 MiB: a long feature is ~50 KB; a CMS never needs more


class BodyTooLarge(HTTPException):
    # An HTTPException, so that FastAPI's body reading lets it through as itself (not as a 400).
    def __init__(self, limit: int):
        super().__init__(413, f"request body is larger than the limit of {limit} bytes (see --max-body)")


class BodyLimit:
    def __init__(self, app, max_body: int = DEFAULT_MAX_BODY):
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = dict(scope.get("headers") or []).get(b"content-length")
        if length is not None:
            if not length.strip().isdigit():
                return await _answer(send, 400, "Content-Length is not a number")
            if int(length) > self.max_body:
                return await _answer(send, 413, BodyTooLarge(self.max_body).detail)
        received = 0
        started = False

        async def counted_receive():
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return message

        async def tracked_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge as exc:  # raised outside a route (none reads bodies there today)
            if not started:
                await _answer(send, 413, exc.detail)


async def _answer(send, status: int, message: str) -> None:
    body = json.dumps({"detail": message}).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
