"""Slow clients are cut off: a deadline for the request's headers and one for its body.

uvicorn waits for ever on a client that trickles its headers a byte at a time (150
such connections held the server for 40 s), and Starlette on a body sent at 1 byte/s.
The headers' deadline lives in uvicorn's protocol (no ASGI code runs before the
headers are in); the body's in an ASGI middleware, which answers 408.
"""

from __future__ import annotations

import asyncio
import json

from starlette.exceptions import HTTPException
from uvicorn.protocols.http.h11_impl import H11Protocol

from newslint.server import BODY_TIMEOUT, HEADER_TIMEOUT  # noqa: F401 (the defaults, re-exported)


def header_timeout_protocol(seconds: float) -> type:
    """uvicorn's h11 protocol, closing a connection whose request headers take longer than `seconds`."""

    class HeaderDeadline(H11Protocol):
        _deadline = None

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(seconds, self._too_slow)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _waiting_for_headers(self) -> bool:
            return self.cycle is None or self.cycle.response_complete

        def _too_slow(self) -> None:
            if self._waiting_for_headers() and not self.transport.is_closing():
                self.transport.close()  # nothing to answer: the request never arrived

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            self._arm()

        def handle_events(self) -> None:
            super().handle_events()
            if not self._waiting_for_headers():
                self._disarm()  # a request is in: its body has its own deadline

        def on_response_complete(self) -> None:
            super().on_response_complete()
            self._arm()  # a kept-alive connection's next request gets the same deadline

        def connection_lost(self, exc) -> None:
            self._disarm()
            super().connection_lost(exc)

    return HeaderDeadline


class BodyDeadline:
    """ASGI middleware: 408 when a request's body has not fully arrived `seconds` after its headers."""

    def __init__(self, app, seconds: float = BODY_TIMEOUT):
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + self.seconds
        body_done = False
        started = False

        async def timed_receive():
            nonlocal body_done
            if body_done:  # after the body, receive() waits for a disconnect: no deadline on that
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
            except asyncio.TimeoutError:
                raise BodyTimedOut(self.seconds) from None
            if message["type"] != "http.request" or not message.get("more_body", False):
                body_done = True
            return message

        async def tracked_send(message):
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, timed_receive, tracked_send)
        except BodyTimedOut as exc:  # raised outside a route's body reading
            if not started:
                body = json.dumps({"detail": exc.detail}).encode()
                await send({"type": "http.response.start", "status": 408,
                            "headers": [(b"content-type", b"application/json"), (b"connection", b"close"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})


class BodyTimedOut(HTTPException):
    # An HTTPException, so that FastAPI's body reading lets it through as itself (a 408, not a 400).
    def __init__(self, seconds: float = BODY_TIMEOUT):
        super().__init__(408, f"the request body took longer than {seconds:g} s", headers={"Connection": "close"})
