"""Hostile HTTP requests to `newslint serve` (issue #18): a 4xx with one readable line, never a 500."""

import json
import socket
import subprocess
import sys
import time
import warnings

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from newslint.server.app import create_app  # noqa: E402


@pytest.fixture(scope="module")
def client():
    return TestClient(create_app(), raise_server_exceptions=False)


@pytest.mark.parametrize("body", [
    '{"text": NaN}',
    '{"text": "a", "select": [Infinity]}',
    '{"text": "a", "unknown": -Infinity}',
    '{"text": 1e999}',
    '{"text": "a", "select": [[[[NaN]]]]}',
])
@pytest.mark.parametrize("route", ["/api/check", "/api/fix"])
def test_nan_and_infinity_are_a_400(client, route, body):
    r = client.post(route, content=body, headers={"content-type": "application/json"})
    assert r.status_code == 400, r.text
    assert "NaN, Infinity" in r.json()["detail"]


def test_an_ordinary_bad_request_is_still_a_422(client):
    r = client.post("/api/check", json={"text": 1.5})
    assert r.status_code == 422 and "text" in r.json()["detail"]


# -- slow clients, against a real server ------------------------------------------------
def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("slow")
    (folder / ".newslint.yaml").write_text("packs: []\n")
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "newslint", "serve", "--port", str(port), "--workers", "1",
                             "--header-timeout", "1", "--body-timeout", "1"], cwd=folder, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.2)
    yield port
    proc.terminate()
    proc.wait(10)


def test_headers_trickled_slowly_are_cut_off(server):
    with socket.create_connection(("127.0.0.1", server), timeout=10) as s:
        s.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        start = time.monotonic()
        for _ in range(8):  # a header line every half second, never the blank line that ends them
            try:
                s.sendall(b"X-Slow: 1\r\n")
            except OSError:
                break
            time.sleep(0.5)
            s.settimeout(0.01)
            try:
                if s.recv(1) == b"":
                    break
            except (BlockingIOError, socket.timeout):
                pass
            except OSError:
                break
        assert time.monotonic() - start < 3.5  # closed after about 1 s, not 4


def test_a_body_sent_slowly_gets_a_408(server):
    with socket.create_connection(("127.0.0.1", server), timeout=10) as s:
        s.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: 100\r\n\r\n{\"text\": ")
        s.settimeout(5)
        answer = b""
        # The headers and the body may come in separate segments: read until the server closes.
        while chunk := s.recv(4096):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 408"), answer
    assert b"took longer than 1 s" in answer


def test_a_prompt_request_still_answers(server):
    body = json.dumps({"text": "Title\n\nFine copy.\n"}).encode()
    with socket.create_connection(("127.0.0.1", server), timeout=10) as s:
        s.sendall(b"POST /api/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  b"Content-Length: " + str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
        s.settimeout(10)
        answer = b""
        while chunk := s.recv(4096):
            answer += chunk
    assert answer.startswith(b"HTTP/1.1 200"), answer


# -- a runaway check, in worker processes ---------------------------------------------------
def test_a_runaway_check_is_stopped_with_a_503_and_the_server_goes_on(tmp_path, monkeypatch):
    from newslint.server.workers import Workers

    (tmp_path / "sitecustomize.py").write_text(
        "import newslint.engine as e\n"
        "real = e.check_document\n"
        "def check_document(doc, *a, **k):\n"
        "    while 'HANG' in doc.text:\n"
        "        pass\n"
        "    return real(doc, *a, **k)\n"
        "e.check_document = check_document\n")
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))  # the spawned workers import it
    (tmp_path / ".newslint.yaml").write_text("packs: [Newsroom]\n")
    pool = Workers(tmp_path / ".newslint.yaml", 2, deadline=3)
    try:
        client = TestClient(create_app(tmp_path / ".newslint.yaml", workers=pool), raise_server_exceptions=False)
        start = time.monotonic()
        hung = client.post("/api/check", json={"text": "HANG\n\nthe the copy.\n"})
        assert hung.status_code == 503 and "deadline of 3 s" in hung.json()["detail"]
        assert time.monotonic() - start < 60
        for _ in range(3):  # the others (and the replacement) still answer
            ok = client.post("/api/check", json={"text": "Title\n\nthe the copy.\n"})
            assert ok.status_code == 200, ok.text
            assert [f["rule"] for f in ok.json()["findings"]] == ["Newsroom.RepeatedWord"]
        bad = client.post("/api/check", json={"text": "Title\n\nCopy.\n", "select": ["Newsroom.Nope"]})
        assert bad.status_code == 400 and "Newsroom.Nope" in bad.json()["detail"]
    finally:
        pool.close()


# -- hostile words for /api/vocabulary, hostile headers for the token and CORS (#15) -------------
@pytest.mark.parametrize("word", ["- x", ": x", "&anchor", "*alias", "!!python/object:os.system", "{a: b}", "[x]",
                                  "# not a comment", "'quoted'", '"double"', "yes", "null", "1e3", "a\\b", "x | y",
                                  "Ha'aretz", "Ibn Sīnā", "(?i)x", ".*"])
def test_a_word_that_is_yaml_or_regex_syntax_is_written_as_itself(tmp_path, word):
    from newslint.config import load_config
    from newslint.server.vocabulary import as_term

    config = tmp_path / ".newslint.yaml"
    config.write_text("packs: []  # none\nvocabulary:\n  accept: [Haniyeh]\n")
    client = TestClient(create_app(config, allow_config_writes=True), raise_server_exceptions=False)
    answer = client.post("/api/vocabulary", json={"word": word})
    assert answer.status_code == 200, answer.text
    loaded = load_config(config)
    assert loaded.accept == ("Haniyeh", as_term(word))
    assert loaded.accepted.fullmatch(word)  # the accepted pattern matches the word literally, nothing more
    assert "# none" in config.read_text()


@pytest.mark.parametrize("word", ["\u202eevil", "tab\there", "nul\u0000", "  ", "x" * 5000])
def test_a_word_that_is_not_one_printable_line_is_a_400(tmp_path, word):
    config = tmp_path / ".newslint.yaml"
    config.write_text("packs: []\n")
    client = TestClient(create_app(config, allow_config_writes=True), raise_server_exceptions=False)
    answer = client.post("/api/vocabulary", json={"word": word})
    assert answer.status_code == 400, answer.text
    assert config.read_text() == "packs: []\n"


@pytest.mark.parametrize("headers", [
    {"Authorization": ("Bearer " + "é" * 40).encode("utf-8")}, {"Authorization": b"Bearer \xff\xfe"},
    {"Authorization": "B" * 10000},
    {"Authorization": "Bearer  " + "t" * 32}, {"Authorization": "Bearer"},
])
def test_odd_authorization_headers_are_a_401(tmp_path, headers):
    (tmp_path / ".newslint.yaml").write_text("packs: []\n")
    client = TestClient(create_app(tmp_path / ".newslint.yaml", token="t" * 31 + "u"), raise_server_exceptions=False)
    answer = client.get("/api/rules", headers=headers)
    assert answer.status_code == 401, answer.text


@pytest.mark.parametrize("origin", ["", " ", "https://" + "a" * 5000, "javascript:alert(1)", "https://cms.example.org\t"])
def test_odd_origins_get_a_403_preflight(tmp_path, origin):
    (tmp_path / ".newslint.yaml").write_text("packs: []\n")
    client = TestClient(create_app(tmp_path / ".newslint.yaml", allow_origins=["https://cms.example.org"]),
                        raise_server_exceptions=False)
    answer = client.options("/api/check", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
    assert answer.status_code == 403 and not [k for k in answer.headers if k.startswith("access-control-")]
