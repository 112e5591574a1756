"""`newslint lsp` answers a plain JSON-RPC client (no LSP library: Content-Length framing over a
subprocess's stdin and stdout) with the seed article's findings, as `newslint check` finds them."""

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from conftest import SHARED  # noqa: E402

SEED = SHARED / "seeds" / "gaza-ceasefire-talks.txt"


class Rpc:
    def __init__(self, cwd: Path, env: dict | None = None):
        self.proc = subprocess.Popen([sys.executable, "-m", "newslint", "lsp"], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=cwd,
                                     env={**os.environ, "NO_COLOR": "1", **(env or {})})
        self.next_id = 0
        # A hung server must fail the test, not hang it: killed, its output ends and receive() says so.
        self.guard = threading.Timer(120, self.proc.kill)
        self.guard.start()

    def send(self, method: str, params, request: bool = False):
        message = {"jsonrpc": "2.0", "method": method, "params": params}
        if request:
            self.next_id += 1
            message["id"] = self.next_id
        body = json.dumps(message).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()
        return message.get("id")

    def receive(self) -> dict:
        headers = {}
        while True:
            line = self.proc.stdout.readline()
            assert line, f"the server closed its output: {self.proc.stderr.read().decode()[-2000:]}"
            if line in (b"\r\n", b"\n"):
                break
            name, _, value = line.decode("ascii").partition(":")
            headers[name.strip().lower()] = value.strip()
        return json.loads(self.proc.stdout.read(int(headers["content-length"])))

    def until(self, test, timeout: float = 60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            message = self.receive()
            if test(message):
                return message
        raise AssertionError("no such message before the timeout")


def test_plain_json_rpc_client_gets_the_seed_findings(tmp_path):
    from newslint.config import ConfigCache
    from newslint.document.reader import read_document
    from newslint.engine import FixMode, check_file

    expected_findings = check_file(read_document(SEED), ConfigCache(None).for_file(SEED)).findings
    expected = sorted((f.rule, f.line - 1) for f in expected_findings)
    assert any(rule == "Newsroom.KnownNames" for rule, _ in expected)  # an NLP rule: it must arrive too

    rpc = Rpc(tmp_path)
    try:
        rid = rpc.send("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, request=True)
        init = rpc.until(lambda m: m.get("id") == rid)
        assert init["result"]["capabilities"]["positionEncoding"] == "utf-16"  # the default
        rpc.send("initialized", {})
        uri = SEED.resolve().as_uri()
        rpc.send("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1,
                                                           "text": SEED.read_text(encoding="utf-8")}})
        # The mechanical rules answer first; the NLP findings follow once spaCy has loaded.
        def complete(m):
            if m.get("method") != "textDocument/publishDiagnostics":
                return False
            return sorted((d["code"], d["range"]["start"]["line"]) for d in m["params"]["diagnostics"]) == expected
        published = rpc.until(complete)["params"]["diagnostics"]
        assert {d["source"] for d in published} == {"newslint"}
        hanyahu = next(d for d in published if d["code"] == "Newsroom.KnownNames" and d["range"]["start"]["line"] == 14)
        assert hanyahu["range"] == {"start": {"line": 14, "character": 77}, "end": {"line": 14, "character": 84}}
        assert hanyahu["codeDescription"]["href"].endswith("docs/rules.md#newsroomknownnames")
        # A client that cannot resolve actions gets "fix all" with its edit at once.
        rid = rpc.send("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": hanyahu["range"],
                                                   "context": {"diagnostics": [], "only": ["source.fixAll"]}}, request=True)
        (fix_all,) = rpc.until(lambda m: m.get("id") == rid)["result"]
        (edit,) = fix_all["edit"]["changes"][uri]
        fixed = check_file(read_document(SEED), ConfigCache(None).for_file(SEED), fix=FixMode(write=False)).doc.text
        assert edit["newText"] == fixed != SEED.read_text(encoding="utf-8")
        assert edit["range"]["start"] == {"line": 0, "character": 0}
        rid = rpc.send("shutdown", None, request=True)
        rpc.until(lambda m: m.get("id") == rid)
        rpc.send("exit", None)
        assert rpc.proc.wait(timeout=10) == 0
    finally:
        rpc.guard.cancel()
        if rpc.proc.poll() is None:
            rpc.proc.kill()
        rpc.proc.wait()


def test_without_pygls_lsp_names_the_extra():
    """The core install: one line naming the extra, exit 2 (pygls hidden from find_spec, as uninstalled)."""
    script = ("import importlib.util as u\n"
              "orig = u.find_spec\n"
              "u.find_spec = lambda name, *a, **k: None if name == 'pygls' else orig(name, *a, **k)\n"
              "from newslint.cli import main\n"
              "main(['lsp'])\n")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.strip() == "newslint: newslint lsp needs pygls: pip install 'newslint[lsp]'"


def test_a_malformed_message_is_one_log_line_and_the_server_goes_on(tmp_path):
    rpc = Rpc(tmp_path)
    try:
        rpc.proc.stdin.write(b"Content-Length: 5\r\n\r\n{bad}")
        rid = rpc.send("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, request=True)
        assert "capabilities" in rpc.until(lambda m: m.get("id") == rid)["result"]
        rpc.proc.stdin.close()  # end of input: the server stops
        assert rpc.proc.wait(timeout=30) == 0
        err = rpc.proc.stderr.read().decode()
        assert "Traceback" not in err
        assert "newslint lsp: Unable to handle message: JSONDecodeError" in err
    finally:
        rpc.guard.cancel()
        if rpc.proc.poll() is None:
            rpc.proc.kill()
        rpc.proc.wait()


def test_without_a_spacy_model_the_mechanical_rules_still_answer(tmp_path):
    rpc = Rpc(tmp_path, {"NEWSLINT_SPACY_MODEL": "no_such_model"})
    try:
        rid = rpc.send("initialize", {"processId": None, "rootUri": None, "capabilities": {}}, request=True)
        rpc.until(lambda m: m.get("id") == rid)
        rpc.send("initialized", {})
        why = rpc.until(lambda m: m.get("method") == "window/logMessage" and "NLP rules are off" in m["params"]["message"])
        assert "no_such_model" in why["params"]["message"]
        rpc.send("textDocument/didOpen", {"textDocument": {"uri": SEED.resolve().as_uri(), "languageId": "plaintext",
                                                           "version": 1, "text": SEED.read_text(encoding="utf-8")}})
        published = rpc.until(lambda m: m.get("method") == "textDocument/publishDiagnostics")["params"]["diagnostics"]
        rules = {d["code"] for d in published}
        assert {"Newsroom.TitleSuffix", "Newsroom.Boilerplate"} <= rules
        assert not rules & {"Newsroom.KnownNames", "Newsroom.Fragment", "Newsroom.NameConsistency"}
    finally:
        rpc.guard.cancel()
        if rpc.proc.poll() is None:
            rpc.proc.kill()
        rpc.proc.wait()
