"""A stand-in for a LanguageTool server's /v2/check, on a free local port, in a thread.

It reads the request as LanguageTool does (form fields `language`, `text` or
`data` with an `annotation`: `text` parts are checked, `markup` parts are
skipped or read as their `interpretAs`), runs a few regex "rules" over the
plain text and answers in LanguageTool's shape, with offsets and lengths in
UTF-16 code units of the original (text + markup), as the real server counts them.

`mode` makes it fail: "http500", "http429", "http400", "garbage" (not JSON),
"shape" (JSON without matches), "slow" (answers after `delay` s), "trickle"
(sends the answer a byte at a time). `minimal=True` leaves out every optional field.
"""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class StubRule:
    id: str
    pattern: str
    message: str
    category: str
    issue_type: str
    replacements: tuple[str, ...] = ()
    group: int = 0


SPELLING = ("Ismail", "Haniyeh", "Khalil", "recieve", "Teh", "Qahera", "Hamdan")

RULES = (
    StubRule("MORFOLOGIK_RULE_EN_US", r"\b(?:" + "|".join(SPELLING) + r")\b", "Possible spelling mistake found.",
             "TYPOS", "misspelling"),
    StubRule("EN_A_VS_AN", r"\b(a) [aeiou]", "Use “an” instead of ‘a’ if the following word starts with a vowel sound.",
             "MISC", "misspelling", ("an",), group=1),
    StubRule("WHITESPACE_RULE", r"(?<=\S)  +(?=\S)", "Possible typo: you repeated a whitespace", "TYPOGRAPHY",
             "whitespace", (" ",)),
    StubRule("EN_UNIQUE", r"\bvery unique\b", "“Unique” means one of a kind; drop “very”.", "STYLE", "style", ("unique",)),
    StubRule("HE_VERB_AGR", r"\b(?:he|she) (go)\b", "The verb does not agree with the subject.", "GRAMMAR", "grammar",
             ("goes",), group=1),
)
REPLACE = {"recieve": ("receive",), "Teh": ("The", "Tech")}


def utf16(s: str) -> int:
    return len(s.encode("utf-16-le")) // 2


def plain_and_map(form: dict) -> tuple[str, list[int], str]:
    """(what LanguageTool checks, original code-point index of each plain char (+ end), the original text)."""
    if "data" in form:
        parts = json.loads(form["data"])["annotation"]
    else:
        parts = [{"text": form.get("text", "")}]
    plain, where, original = [], [], ""
    for part in parts:
        if "text" in part:
            for i, ch in enumerate(part["text"]):
                plain.append(ch)
                where.append(len(original) + i)
            original += part["text"]
        else:
            for ch in part.get("interpretAs", ""):
                plain.append(ch)
                where.append(len(original))
            original += part["markup"]
    where.append(len(original))
    return "".join(plain), where, original


def answer(form: dict, minimal: bool) -> dict:
    plain, where, original = plain_and_map(form)
    disabled = set(filter(None, form.get("disabledRules", "").split(",")))
    matches = []
    for rule in RULES:
        if rule.id in disabled:
            continue
        for m in re.finditer(rule.pattern, plain):
            # As LanguageTool maps an end back: just after the last checked character, before any markup.
            start, end = where[m.start(rule.group)], where[m.end(rule.group) - 1] + 1
            # UTF-16 units, as Java counts them
            offset, length = utf16(original[:start]), utf16(original[start:end])
            word = m.group(rule.group)
            match = {"message": rule.message, "offset": offset, "length": length,
                     "rule": {"id": rule.id}}
            if not minimal:
                match.update({
                    "shortMessage": "Spelling mistake" if rule.category == "TYPOS" else "",
                    "replacements": [{"value": v} for v in REPLACE.get(word, rule.replacements)],
                    "context": {"text": plain[max(0, m.start() - 20): m.end() + 20], "offset": min(20, m.start()),
                                "length": m.end() - m.start()},
                    "sentence": plain.strip(),
                    "type": {"typeName": "UnknownWord" if rule.category == "TYPOS" else "Other"},
                    "rule": {"id": rule.id, "description": rule.message, "issueType": rule.issue_type,
                             "category": {"id": rule.category, "name": rule.category.title()}},
                    "ignoreForIncompleteSentence": False, "contextForSureMatch": 0,
                })
            matches.append(match)
    matches.sort(key=lambda m: m["offset"])
    body = {"matches": matches}
    if not minimal:
        body = {"software": {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28", "apiVersion": 1,
                             "premium": False, "status": ""},
                "warnings": {"incompleteResults": False},
                "language": {"name": "English (US)", "code": form.get("language", "en-US"),
                             "detectedLanguage": {"name": "English (US)", "code": "en-US", "confidence": 0.9}},
                "matches": matches, "sentenceRanges": []}
    return body


class Stub:
    """with Stub() as lt: lt.url, lt.requests (the decoded forms), lt.mode."""

    def __init__(self, mode: str = "ok", minimal: bool = False, delay: float = 3.0):
        self.mode, self.minimal, self.delay = mode, minimal, delay
        self.requests: list[dict] = []
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # quiet
                pass

            def do_POST(self):
                size = int(self.headers.get("Content-Length", 0))
                form = dict(urllib.parse.parse_qsl(self.rfile.read(size).decode("utf-8"), keep_blank_values=True))
                stub.requests.append(form)
                stub.respond(self, form)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def respond(self, handler: BaseHTTPRequestHandler, form: dict) -> None:
        mode = self.mode
        if mode in ("http500", "http429", "http400"):
            code = int(mode[4:])
            handler.send_response(code)
            if code == 429:
                handler.send_header("Retry-After", "60")
            handler.send_header("Content-Type", "text/plain")
            handler.end_headers()
            handler.wfile.write(b"Error: too many requests\n" if code == 429 else b"Error: something went wrong\n")
            return
        if mode == "slow":
            time.sleep(self.delay)
        body = {"garbage": b"<html>Bad Gateway</html>", "shape": b'{"software": {"name": "LanguageTool"}}'}.get(
            mode, json.dumps(answer(form, self.minimal)).encode("utf-8"))
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        try:
            if mode == "trickle":
                for i in range(len(body)):
                    handler.wfile.write(body[i : i + 1])
                    handler.wfile.flush()
                    time.sleep(0.05)
            else:
                handler.wfile.write(body)
        except OSError:
            pass  # the client gave up

    def __enter__(self) -> "Stub":
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


def closed_port_url() -> str:
    """An address where nothing listens (connection refused)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"
