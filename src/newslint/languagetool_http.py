"""Talking to a LanguageTool server: what is sent, in what pieces, and how offsets come back.

We call `/v2/check` with the standard library rather than through
language-tool-python's `LanguageTool(remote_server=...).check()`, because that
API fixes a 300 s timeout and retries, reads a 4xx/5xx body as JSON (an HTTP
error surfaces as a JSON error; a rate limit only as 426), cannot send the
`data` annotation that keeps Markdown offsets right, and corrects UTF-16
offsets but not lengths, through class-level state shared by every thread.
`/v2/check` is one form POST, so doing it here keeps every failure under our
control. The package is still what starts a server for `local: true`.

What is sent: only prose blocks, as LanguageTool's annotated text, where
everything `Document.prose` blanks (front matter, code, URLs, HTML, Markdown
syntax) is `markup` that LanguageTool skips but still counts in its offsets, so
an offset in the answer is an offset in the original slice. Long stories go in
several requests, cut between blocks (or, for one huge block, between
sentences), each at most `max_chars` characters.
"""

from __future__ import annotations

import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from newslint import __version__
from newslint.document.model import PROSE_KINDS, Block, Document
from newslint.errors import BackendUnavailable

BACKEND = "languagetool"
MAX_ANSWER = 16 * 1024 * 1024  # bytes; a bigger answer is treated as malformed
RETRY_AFTER = 30.0  # seconds a server that failed is left alone (so 500 files do not each wait a timeout)

# endpoint -> (monotonic time until which it is considered down, reason)
_down: dict[str, tuple[float, str]] = {}


def reset() -> None:
    """Forget which servers failed (tests; a long-running server process)."""
    _down.clear()


# -- what is sent ---------------------------------------------------------------
@dataclass(frozen=True)
class Chunk:
    """One request: the original text[start:start+len(text)] and its annotation."""

    start: int
    text: str
    annotation: list[dict]


def chunks(doc: Document, max_chars: int) -> list[Chunk]:
    """The document's prose blocks, grouped into requests of at most `max_chars` characters."""
    pieces: list[Block] = []
    for block in doc.blocks_of(*PROSE_KINDS):
        if doc.prose[block.start : block.end].strip():
            pieces.extend(_split(doc, block, max_chars))
    groups: list[list[Block]] = []
    for piece in pieces:
        if groups and piece.start >= groups[-1][-1].end and piece.end - groups[-1][0].start <= max_chars:
            groups[-1].append(piece)
        else:
            groups.append([piece])
    return [_chunk(doc, group) for group in groups]


def _split(doc: Document, block: Block, max_chars: int) -> list[Block]:
    """A block longer than `max_chars`, cut at the last sentence start (else white space) that fits."""
    out, start = [], block.start
    cuts = [s.start for s in doc.sentences if block.start < s.start < block.end]
    while block.end - start > max_chars:
        limit = start + max_chars
        fitting = [c for c in cuts if start < c <= limit]
        cut = fitting[-1] if fitting else doc.prose.rfind(" ", start + 1, limit) + 1 or limit
        out.append(Block(block.kind, start, cut))
        start = cut
    out.append(Block(block.kind, start, block.end))
    return out


def _chunk(doc: Document, blocks: list[Block]) -> Chunk:
    start, end = blocks[0].start, blocks[-1].end
    parts: list[dict] = []
    pos = start
    for block in blocks:
        if block.start > pos:  # between blocks: a paragraph break, whatever the markup there
            parts.append({"markup": doc.text[pos : block.start], "interpretAs": "\n\n"})
        parts.extend(_annotate(doc.text, doc.prose, block.start, block.end))
        pos = block.end
    return Chunk(start, doc.text[start:end], parts)


def _annotate(text: str, prose: str, start: int, end: int) -> list[dict]:
    """Runs of visible prose as `text`, runs that prose blanks as `markup` (read as nothing)."""
    parts: list[dict] = []
    i = start
    while i < end:
        visible = text[i] == prose[i]
        j = i + 1
        while j < end and (text[j] == prose[j]) == visible:
            j += 1
        parts.append({"text": text[i:j]} if visible else {"markup": text[i:j]})
        i = j
    # Blanks between two pieces of markup (the spaces inside `a b`) are markup too.
    for k in range(1, len(parts) - 1):
        if "text" in parts[k] and not parts[k]["text"].strip(" \t") and "markup" in parts[k - 1] and "markup" in parts[k + 1]:
            parts[k] = {"markup": parts[k]["text"]}
    merged: list[dict] = []
    for part in parts:
        if merged and "markup" in part and "markup" in merged[-1]:
            merged[-1] = {"markup": merged[-1]["markup"] + part["markup"]}
        else:
            merged.append(part)
    return merged


# -- offsets --------------------------------------------------------------------
def utf16_map(text: str) -> list[int]:
    """index[k] = the code point at UTF-16 offset k (LanguageTool counts Java chars, i.e. UTF-16 units).

    A character outside the BMP (most emoji) is two units; both map to it. The
    list has one more entry than units, for an end offset at the very end.
    """
    index: list[int] = []
    for i, ch in enumerate(text):
        index.append(i)
        if ord(ch) > 0xFFFF:
            index.append(i)
    index.append(len(text))
    return index


def span(index: list[int], offset: int, length: int) -> tuple[int, int] | None:
    """A UTF-16 (offset, length) as code points [start, end); None when it is outside the text."""
    end, units = offset + length, len(index) - 1
    if offset < 0 or length < 0 or end > units:
        return None
    start_cp, end_cp = index[offset], index[end]
    if 0 < end < units and index[end] == index[end - 1]:
        end_cp += 1  # the end falls inside a surrogate pair: keep the whole character
    return start_cp, end_cp


# -- the request ----------------------------------------------------------------
def endpoint(url: str) -> str:
    """http://host:8081, http://host:8081/v2 or http://host:8081/v2/check -> .../v2/check."""
    url = url.rstrip("/")
    if url.endswith("/v2/check"):
        return url
    return url + ("/check" if url.endswith("/v2") else "/v2/check")


def check(url: str, form: dict[str, str], timeout: float, server: str | None = None) -> dict:
    """POST one /v2/check request and return its JSON; raise BackendUnavailable on any failure."""
    target = endpoint(url)
    server = server or f"LanguageTool server {url}"
    down = _down.get(target)
    if down and time.monotonic() < down[0]:
        raise _unavailable(server, down[1])
    try:
        raw = _post(target, form, timeout)
    except _Failure as exc:
        if exc.trip:
            _down[target] = (time.monotonic() + exc.retry_after, exc.reason)
        raise _unavailable(server, exc.reason) from None
    _down.pop(target, None)
    try:
        answer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise _unavailable(server, "malformed answer (not JSON)") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
        raise _unavailable(server, "malformed answer (no 'matches' list)")
    return answer


def _unavailable(server: str, reason: str) -> BackendUnavailable:
    return BackendUnavailable(BACKEND, f"{server}: {reason}; LanguageTool findings skipped")


class _Failure(Exception):
    def __init__(self, reason: str, trip: bool = True, retry_after: float = RETRY_AFTER):
        super().__init__(reason)
        self.reason, self.trip, self.retry_after = reason, trip, retry_after


def _post(target: str, form: dict[str, str], timeout: float) -> bytes:
    """The answer's body. Connecting and each read wait at most `timeout`; the whole answer
    must arrive within `timeout` too (checked between reads), so a trickling server is cut off."""
    request = urllib.request.Request(
        target, data=urllib.parse.urlencode(form).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                 "Accept": "application/json", "User-Agent": f"newslint/{__version__}"})
    deadline = time.monotonic() + timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            body = bytearray()
            while piece := response.read1(65536):
                body += piece
                if time.monotonic() > deadline:
                    raise _Failure(f"timed out after {timeout:g} s")
                if len(body) > MAX_ANSWER:
                    raise _Failure("malformed answer (too large)", trip=False)
            return bytes(body)
    except urllib.error.HTTPError as exc:
        raise _http_failure(exc) from None
    except urllib.error.URLError as exc:
        raise _Failure(_reason(exc.reason, timeout)) from None
    except (OSError, http.client.HTTPException) as exc:
        raise _Failure(_reason(exc, timeout)) from None


def _http_failure(exc: urllib.error.HTTPError) -> _Failure:
    try:
        detail = exc.read(200).decode("utf-8", "replace").strip().splitlines()
    except (OSError, http.client.HTTPException):
        detail = []
    reason = f"HTTP {exc.code}" + (f" ({detail[0][:120]})" if detail else "")
    if exc.code == 429:
        wait = exc.headers.get("Retry-After", "") if exc.headers else ""
        return _Failure(f"rate limited, {reason}",
                        retry_after=min(float(wait), 600.0) if wait.isdigit() else RETRY_AFTER)
    # A 4xx other than 429 is about this request (too long, a bad parameter): other files may pass.
    return _Failure(reason, trip=exc.code >= 500)


def _reason(exc: object, timeout: float) -> str:
    if isinstance(exc, (TimeoutError, socket.timeout)):
        return f"timed out after {timeout:g} s"
    if isinstance(exc, ConnectionRefusedError):
        return "connection refused"
    if isinstance(exc, socket.gaierror):
        return "unknown host"
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return f"connection failed ({text})"


# -- local: true ----------------------------------------------------------------
_local: dict[str, str] = {}  # language -> URL of the server language-tool-python started
_LOCAL_TOOLS: list = []  # kept alive for the process; language-tool-python stops them at exit


def local_url(language: str) -> str:
    """Start (once per process) a LanguageTool server through language-tool-python; its URL.

    Needs Java and a LanguageTool download (language-tool-python fetches it on
    first use); neither is reachable in newslint's test environment.
    """
    key = f"local:{language}"
    if language in _local:
        return _local[language]
    if key in _down:  # a failed start is not retried for every file
        raise _unavailable("local LanguageTool server", _down[key][1])
    try:
        import language_tool_python

        tool = language_tool_python.LanguageTool(language)
    except Exception as exc:  # ImportError, no Java, download refused, server did not start
        reason = f"could not start it ({type(exc).__name__}: {' '.join(str(exc).split())[:160]})"
        _down[key] = (float("inf"), reason)
        raise _unavailable("local LanguageTool server", reason) from None
    _LOCAL_TOOLS.append(tool)
    _local[language] = tool.url
    return tool.url
