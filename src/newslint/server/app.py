"""The HTTP routes of `newslint serve`: the editors' page and a JSON API for a CMS.

Every route is a thin shell over `Service`; request shapes are Pydantic models,
so FastAPI validates them and documents them at /openapi.json. Bad requests get
a 4xx with one readable line in `detail`; nothing a client sends makes a 500.
"""

from __future__ import annotations

import difflib
import math
import threading
from pathlib import Path
from typing import List, Literal, Optional

from fastapi import FastAPI, Request as HTTPRequest
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from newslint import __version__
from newslint.errors import NewslintError
from newslint.server.access import BearerToken, ListedOrigins
from newslint.server.limits import DEFAULT_MAX_BODY, BodyLimit
from newslint.server.service import BadRequest, Request, Service
from newslint.server.timeouts import BODY_TIMEOUT, BodyDeadline

STATIC = Path(__file__).resolve().parent / "static"
# The page loads nothing from elsewhere; say so, so an injected tag could not either.
PAGE_HEADERS = {"Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'",
                "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt key is an error, not silently ignored

    text: StrictStr = Field(description="The article: plain text (first line is the title), Markdown or HTML.")
    format: Optional[Literal["txt", "md", "html"]] = Field(
        None, description="How to read `text`, like --ext; by default from `path`'s extension, else txt.")
    path: Optional[StrictStr] = Field(
        None, min_length=1, max_length=1024, pattern=r"^[^\x00-\x1f\x7f]+$",
        description="The article's path, as --stdin-filename: the config's `overrides` and `ignore` globs for "
                    "that path apply, and findings name it. Only a name: nothing is read from disk.")
    select: List[StrictStr] = Field(default_factory=list, description="Run only these rules or packs (--select).")
    ignore: List[StrictStr] = Field(default_factory=list, description="Skip these rules or packs (--ignore).")
    min_severity: Optional[Literal["suggestion", "warning", "error"]] = Field(
        None, description="Report only findings at or above this level (--min-severity).")

    def request(self) -> Request:
        return Request(self.text, self.format, tuple(self.select), tuple(self.ignore), self.min_severity, self.path)


class FixIn(CheckIn):
    unsafe: StrictBool = Field(False, description="Also apply unsafe fixes (--unsafe-fixes).")


# Response shapes, for the OpenAPI document only: answers are returned as built, so they
# stay byte-for-byte what `newslint check --format json` prints even when Finding grows a key.
class FixOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    replacement: str
    safe: bool
    line: int
    col: int
    end_line: int
    end_col: int


class FindingOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    path: str
    line: int = Field(description="1-based line")
    col: int = Field(description="1-based column in Unicode code points")
    end_line: int
    end_col: int = Field(description="exclusive")
    rule: str
    severity: Literal["suggestion", "warning", "error"]
    message: str
    match: str
    suggestions: List[str]
    fix: Optional[FixOut]
    fingerprint: str


class CheckOut(BaseModel):
    model_config = ConfigDict(extra="allow")
    version: int
    findings: List[FindingOut]
    summary: dict
    errors: List[str]


class FixResult(BaseModel):
    text: str = Field(description="The article with the fixes applied")
    fixes_applied: int
    report: CheckOut = Field(description="What remains, as /api/check reports it")


class WordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    word: StrictStr = Field(description="A word or name to accept (e.g. Haniyeh), matched literally.")


class WordOut(BaseModel):
    word: str
    config: str = Field(description="The config file the word was written to")


class Error(BaseModel):
    detail: str


ERRORS = {400: {"model": Error}, 408: {"model": Error}, 413: {"model": Error}, 422: {"model": Error},
          503: {"model": Error}}


def _non_finite(value, depth: int = 0) -> bool:
    """Whether a parsed JSON value holds NaN or an infinity anywhere (bounded depth: the body's own)."""
    if isinstance(value, float):
        return not math.isfinite(value)
    if depth > 100:
        return False
    if isinstance(value, dict):
        return any(_non_finite(v, depth + 1) for v in value.values())
    if isinstance(value, (list, tuple)):
        return any(_non_finite(v, depth + 1) for v in value)
    return False


def create_app(config: str | Path | None = None, max_body: int = DEFAULT_MAX_BODY,
               allowed_hosts: list[str] | None = None, service: Service | None = None,
               body_timeout: float = BODY_TIMEOUT, workers=None, allow_origins: list[str] | None = None,
               token: str | None = None, allow_config_writes: bool = False) -> FastAPI:
    """`workers` (server/workers.py) runs each check in a worker process under a deadline;
    None checks in this process (tests, and a server of one). `allow_origins` adds the
    config's `serve.allow_origins`; `token` guards /api/* (server/access.py)."""
    app = FastAPI(title="newslint", version=__version__, docs_url=None, redoc_url=None,
                  description="Check news articles: the findings of `newslint check --format json`, over HTTP.")
    app.state.service = service or Service(config)  # replaced when /api/vocabulary changes the config
    config_lock = threading.Lock()

    def current() -> Service:
        return app.state.service

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: HTTPRequest, exc: RequestValidationError):
        if any(_non_finite(e.get("input")) for e in exc.errors()):
            # Python's JSON parser takes NaN, Infinity and 1e999; JSON has no such numbers, and the
            # error echoing them back could not be written as JSON either (it was a 500).
            return JSONResponse({"detail": "body: NaN, Infinity and numbers out of range are not JSON"},
                                status_code=400)
        errors = jsonable_encoder(exc.errors(), custom_encoder={Exception: str})
        lines = [f"{'.'.join(str(p) for p in e.get('loc', ()) if p != 'body') or 'body'}: {e.get('msg')}" for e in errors]
        return JSONResponse({"detail": "; ".join(lines) or "invalid request", "errors": errors}, status_code=422)

    @app.exception_handler(HTTPException)
    async def _http(request: HTTPRequest, exc: HTTPException):
        return JSONResponse({"detail": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(NewslintError)
    async def _engine(request: HTTPRequest, exc: NewslintError):
        return JSONResponse({"detail": str(exc)}, status_code=400 if isinstance(exc, BadRequest) else 500)

    @app.get("/", include_in_schema=False)
    def page():
        return FileResponse(STATIC / "index.html", headers=PAGE_HEADERS)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/embed.js", include_in_schema=False)
    def embed():
        # A CMS page on another origin loads it with <script src>: no CORS needed for that
        return FileResponse(STATIC / "embed.js", media_type="text/javascript",
                            headers={"X-Content-Type-Options": "nosniff", "Cache-Control": "no-cache"})

    @app.post("/api/check", response_model=None, responses={200: {"model": CheckOut}, **ERRORS},
              summary="Check an article; the answer is what `newslint check - --format json` prints")
    def check(body: CheckIn) -> JSONResponse:
        req = body.request()
        return JSONResponse(workers.call("check", req) if workers else current().check(req))

    @app.post("/api/fix", response_model=None, responses={200: {"model": FixResult}, **ERRORS},
              summary="Apply the safe (or also the unsafe) fixes, as --fix does; returns the text and what remains")
    def fix(body: FixIn) -> JSONResponse:
        req = body.request()
        return JSONResponse(workers.call("fix", req, body.unsafe) if workers else current().fix(req, unsafe=body.unsafe))

    @app.post("/api/vocabulary", response_model=WordOut, responses={403: {"model": Error}, 409: {"model": Error}, **ERRORS},
              summary="Accept a word: add it to the config's vocabulary.accept (needs --allow-config-writes)")
    def vocabulary(body: WordIn) -> dict:
        from newslint.server.vocabulary import VocabularyError, accept

        if not allow_config_writes:
            raise HTTPException(403, "this server does not change its config: start it with --allow-config-writes")
        with config_lock:  # one writer at a time: two words at once must both land
            try:
                word, target, changed = accept(current().config, body.word)
            except VocabularyError as exc:
                raise HTTPException(409, str(exc)) from None
            if changed:
                app.state.service = Service(target)  # reads the file back (it loads), before the workers do
                if workers:
                    workers.reload(target)
        return {"word": word, "config": str(target)}

    @app.get("/api/rules", summary="Every loaded rule: name, kind, level, whether enabled, one line on what it checks")
    def rules() -> list[dict]:
        return current().rules()

    @app.get("/api/rules/{name}", responses={404: {"model": Error}},
             summary="A rule's description (Markdown and HTML) and examples, as `newslint explain` prints them")
    def rule(name: str) -> dict:
        found = current().rule(name)
        if found is None:
            close = difflib.get_close_matches(name, sorted(current().checks), n=1)
            raise HTTPException(404, f"no rule named '{name}'" + (f" (did you mean {close[0]}?)" if close else ""))
        return found

    app.add_middleware(BodyLimit, max_body=max_body)
    app.add_middleware(BodyDeadline, seconds=body_timeout)  # outermost of the two: it times the whole body
    if allowed_hosts:  # a page on another site cannot reach a loopback server through DNS rebinding
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    if token:
        app.add_middleware(BearerToken, token=token)
    # Outermost: a preflight is answered before the token is asked for (browsers send none with
    # it), and a listed page can read every answer, a 401 or a 413 included.
    origins = list(dict.fromkeys([*app.state.service.config.allow_origins, *(allow_origins or [])]))
    app.add_middleware(ListedOrigins, origins=origins)
    return app
